// npm run build bundles the Functions Framework targets (bundle-functions.ts): the package's main, zod inlined, every other dependency left in node_modules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INLINED_PACKAGES } from '../../functions/build/bundle-functions.js';
import { buildLib } from '../bench/build.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { main, dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
const dir = mkdtempSync(join(tmpdir(), 'cceg-bundle-'));
let bundle = '';

/** What a chunk imports: its `import … from "x"` lines (esbuild writes one a line) and its `import("x")` calls. */
const IMPORT = /^(?:import|export)\b[^;\n]*?\bfrom\s*"([^"]+)";$|\bimport\("([^"]+)"\)/gm;

/** The bundle's JavaScript files. */
const chunks = () => readdirSync(bundle).filter((file) => file.endsWith('.js'));

beforeAll(() => {
  bundle = join(buildLib(dir), 'bundle');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build, bundling the functions', () => {
  it('writes the package main, lib/bundle/index.js, two levels below the root as config paths expect', () => {
    expect(main).toBe('lib/bundle/index.js');
    expect(chunks()).toContain('index.js');
  });

  it('inlines zod and imports every other package it needs from node_modules', () => {
    const specifiers = chunks().flatMap((file) => [...readFileSync(join(bundle, file), 'utf8').matchAll(IMPORT)].map((match) => (match[1] ?? match[2])!));
    const packages = [...new Set(specifiers)].filter((name) => !name.startsWith('.') && !name.startsWith('node:'));
    const sources = chunks().flatMap((file) => (JSON.parse(readFileSync(join(bundle, `${file}.map`), 'utf8')) as { sources: string[] }).sources);

    expect(packages.filter((name) => INLINED_PACKAGES.some((inlined) => name === inlined || name.startsWith(`${inlined}/`)))).toEqual([]);
    expect(packages.filter((name) => !Object.keys(dependencies).some((dependency) => name === dependency || name.startsWith(`${dependency}/`)))).toEqual([]);
    expect(sources.some((source) => source.includes('node_modules/zod/'))).toBe(true);
  });

  it('loads every chunk in Node, and the entry registers the four targets', () => {
    const script = `const bundle = ${JSON.stringify(bundle)};
for (const file of ${JSON.stringify(chunks())}) await import(bundle + '/' + file);
const { getFunction } = await import('@google-cloud/functions-framework/testing');
console.log(JSON.stringify(['onSheetEdit', 'tick', 'audit', 'calendar'].map((target) => typeof getFunction(target))));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout.trim())).toEqual(['function', 'function', 'function', 'function']);
  }, 60_000);
});
