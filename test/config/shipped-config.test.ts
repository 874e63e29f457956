// The shipped config precompiled (functions/config/shipped-config.ts) is config/charter.yaml's own, and loads as that file parsed would.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadCharterConfig } from '../../functions/config/load-config.js';
import { SHIPPED_CONFIG } from '../../functions/config/shipped-config.js';
import { SHIPPED_CONFIG_MODULE, shippedConfigSource } from '../../functions/config/write-shipped-config.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-config-'));
const ROOT = join(import.meta.dirname, '../..');

/** Whether loading the config at `path`, in a process of its own, loads the YAML parser. */
function loadsYaml(path: string): boolean {
  const script = `import { createRequire } from 'node:module';
import { loadCharterConfig } from './functions/config/load-config.ts';
loadCharterConfig(process.argv[1]);
console.log(Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/yaml/')));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim()) as boolean;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the precompiled shipped config', () => {
  it('is what write-shipped-config.ts writes from config/charter.yaml as it is now (run it after editing that file)', () => {
    expect(readFileSync(SHIPPED_CONFIG_MODULE, 'utf8')).toBe(shippedConfigSource(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')));
  });

  it('gives the values config/charter.yaml parses to when its text differs by a comment only', () => {
    const edited = join(dir, 'charter.yaml');
    copyFileSync(DEFAULT_CONFIG_PATH, edited);
    appendFileSync(edited, '# edited\n');

    expect(loadCharterConfig(edited)).toEqual(SHIPPED_CONFIG);
    expect(loadCharterConfig(DEFAULT_CONFIG_PATH)).toEqual(SHIPPED_CONFIG);
  });

  it('spares loading the YAML parser for the shipped file, and loads it for any other', () => {
    const own = join(dir, 'own.yaml');
    writeFileSync(own, 'members:\n  min: 2\n');

    expect(loadsYaml(DEFAULT_CONFIG_PATH)).toBe(false);
    expect(loadsYaml(own)).toBe(true);
  }, 60_000);

  it('is handed out as a copy: a caller that changes its config changes no other', () => {
    const first = loadCharterConfig(DEFAULT_CONFIG_PATH);
    first.access.staff.push('someone@example.org');

    expect(loadCharterConfig(DEFAULT_CONFIG_PATH).access.staff).toEqual([]);
  });
});
