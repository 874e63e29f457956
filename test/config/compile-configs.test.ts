// The build validates every config/*.yaml (compile-configs.ts): a built lib takes a deployed config's values unparsed, parses one changed since, and a bad file fails the build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharterConfig } from '../../functions/config/load-config.js';
import type { CompiledConfig } from '../../functions/config/load-config.js';
import { buildLib, DEPLOYED_CONFIG } from '../bench/build.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cceg-compiled-configs-'));
let lib = '';

interface BuiltLoad {
  readonly config?: unknown;
  readonly error?: string;
  /** Whether the process loaded the YAML parser. */
  readonly loadedYaml: boolean;
}

/** Loads the config at `path` with the built lib's loadCharterConfig, in a plain Node process of its own (the parser is loaded by `require`). */
function loadBuilt(path: string): BuiltLoad {
  const script = `import { createRequire } from 'node:module';
import { loadCharterConfig } from ${JSON.stringify(join(lib, 'config/load-config.js'))};
let result;
try { result = { config: loadCharterConfig(process.argv[1]) }; } catch (error) { result = { error: error.message }; }
const loadedYaml = Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/yaml/'));
console.log(JSON.stringify({ ...result, loadedYaml }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim()) as BuiltLoad;
}

/** Runs the built step on `configDir`: its exit code and its output. */
function compileBuilt(configDir: string): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [join(lib, 'config/compile-configs.js'), configDir], { encoding: 'utf8', timeout: 60_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

beforeAll(() => {
  lib = buildLib(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build, compiling the configs', () => {
  it('writes every config/*.yaml to lib/compiled-configs.json: its exact text and the values loading it gives', () => {
    const compiled = JSON.parse(readFileSync(join(lib, 'compiled-configs.json'), 'utf8')) as CompiledConfig[];
    const deployed = join(dir, 'config', DEPLOYED_CONFIG);

    expect(compiled.map(({ file }) => file)).toEqual(['charter.yaml', DEPLOYED_CONFIG]);
    expect(compiled[1]!.text).toBe(readFileSync(deployed, 'utf8'));
    expect(compiled[1]!.config).toEqual(loadCharterConfig(deployed));
  });

  it('lets a built lib load a deployed config without the YAML parser, as the build validated it', () => {
    const deployed = join(dir, 'config', DEPLOYED_CONFIG);

    const load = loadBuilt(deployed);

    expect(load.loadedYaml).toBe(false);
    expect(load.config).toEqual(loadCharterConfig(deployed));
    expect(load.config).toMatchObject({ access: { staff: ['ines@icann.example.org'] } });
  }, 60_000);

  it('parses and validates a deployed config whose text changed since the build, as before', () => {
    const edited = join(dir, 'edited.yaml');
    copyFileSync(join(dir, 'config', DEPLOYED_CONFIG), edited);
    appendFileSync(edited, '# edited after the build\n');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(edited, 'utf8').replace('staff: [ines@icann.example.org]', 'staff: [not-an-e-mail]'));

    const load = loadBuilt(edited);
    const bad = loadBuilt(broken);

    expect(load.loadedYaml).toBe(true);
    expect(load.config).toEqual(loadCharterConfig(join(dir, 'config', DEPLOYED_CONFIG)));
    expect(bad.error).toMatch(new RegExp(`^${broken.replaceAll('.', '\\.')}: access\\.staff\\.0: `));
  }, 60_000);

  it('fails on a bad config/*.yaml with the one BAD_CONFIG line naming the file and the key, and writes nothing', () => {
    const configDir = join(dir, 'bad-config');
    mkdirSync(configDir);
    copyFileSync(join(dir, 'config/charter.yaml'), join(configDir, 'charter.yaml'));
    writeFileSync(join(configDir, 'deployed.yaml'), 'members:\n  min: 7\n');
    const before = readFileSync(join(lib, 'compiled-configs.json'), 'utf8');

    const step = compileBuilt(configDir);

    expect(step.code).toBe(1);
    expect(step.stderr).toBe(`${join(configDir, 'deployed.yaml')}: members.min: must not be greater than members.max.\n`);
    expect(readFileSync(join(lib, 'compiled-configs.json'), 'utf8')).toBe(before);
  });
});
