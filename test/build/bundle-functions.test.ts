// npm run build bundles the Functions Framework targets and the command line (bundle-functions.ts): the package's main and bin, zod inlined, other dependencies left in node_modules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, CLI_INLINED_PACKAGES, INLINED_PACKAGES } from '../../functions/build/bundle-functions.js';
import { buildLib } from '../bench/build.js';

const ROOT = resolve(import.meta.dirname, '../..');
const { main, bin, dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string>; dependencies: Record<string, string> };
const dir = mkdtempSync(join(tmpdir(), 'cceg-bundle-'));
let bundle = '';
let lib = '';

/** What a chunk imports: its `import … from "x"` lines (esbuild writes one a line) and its `import("x")` calls. */
const IMPORT = /^(?:import|export)\b[^;\n]*?\bfrom\s*"([^"]+)";$|\bimport\("([^"]+)"\)/gm;

/** The bundle's JavaScript files. */
const chunks = () => readdirSync(bundle).filter((file) => file.endsWith('.js'));

beforeAll(() => {
  lib = buildLib(dir);
  bundle = join(lib, 'bundle');
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

describe('npm run build, bundling the command line', () => {
  // The store's warm-up thread is on whatever the CPUs, so that its module is found from the bundle.
  const cceg = (args: string[], cwd: string = dir) =>
    spawnSync(process.execPath, [join(lib, CLI_BUNDLE, 'main.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, CCEG_STORE_WARM_UP: 'on' } });
  const cliChunks = () => readdirSync(join(lib, CLI_BUNDLE)).filter((file) => file.endsWith('.js'));

  it('is the package bin, lib/cli-bundle/main.js, a node script two levels below the root', () => {
    expect(bin).toEqual({ cceg: `lib/${CLI_BUNDLE}/main.js` });
    expect(readFileSync(join(lib, CLI_BUNDLE, 'main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('inlines zod and commander, and loads jszip from node_modules (where native-deflate.ts changes it)', () => {
    const sources = cliChunks().flatMap((file) => (JSON.parse(readFileSync(join(lib, CLI_BUNDLE, `${file}.map`), 'utf8')) as { sources: string[] }).sources);
    for (const inlined of ['zod', ...CLI_INLINED_PACKAGES]) expect(sources.some((source) => source.includes(`node_modules/${inlined}/`))).toBe(true);
    expect(sources.some((source) => source.includes('node_modules/jszip/'))).toBe(false);
  });

  it('finds package.json, the config and the sample workbook from the bundle, and syncs with its warm-up thread beside it', () => {
    expect(cceg(['--version']).stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(cliChunks()).toContain('warm-up-worker.js');
    const demo = cceg(['demo', '--dir', dir]);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    const workbook = join(dir, 'sample-workbook.xlsx');
    const again = cceg(['sync', workbook, '--today', '2018-11-01']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 created, 0 updated, 0 tombstoned, \d+ unchanged/);
  }, 120_000);
});
