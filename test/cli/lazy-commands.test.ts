// The cceg command line loads only what the verb it runs uses: `--version` and `validate` of an .xlsx workbook never load Firestore, gRPC, exceljs, resvg or SQLite.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'sheets/sample-workbook.xlsx');
/** What no verb that only reads an .xlsx workbook needs: the Firestore and Google clients, the .xlsx writer's exceljs, the renderer, SQLite. */
const FORBIDDEN = [
  '@google-cloud/firestore', 'google-gax', '@grpc/grpc-js', 'protobufjs', '@googleapis/sheets', '@googleapis/drive', 'googleapis-common',
  'exceljs', 'archiver', 'unzipper', '@resvg/resvg-js', 'better-sqlite3',
];
/** After the module recorder, writes the packages loaded to CCEG_LOADED_FILE when the process exits. */
const REPORT_LOADED = `data:text/javascript,${encodeURIComponent(`import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.CCEG_LOADED_FILE, JSON.stringify([...globalThis[Symbol.for('cceg.test.loaded-modules')]])));`)}`;
const dir = mkdtempSync(join(tmpdir(), 'cceg-lazy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  /** The packages (`node_modules/<name>`) the process loaded, tsx's own aside. */
  readonly packages: readonly string[];
}

/** Runs `cceg argv…` from the sources in a process of its own that records every module it loads. */
function ccegRecorded(argv: readonly string[]): Run {
  const loadedFile = join(dir, `loaded-${argv[0]}.json`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/support/functions/record-loaded-modules.ts', '--import', REPORT_LOADED, 'functions/cli/main.ts', ...argv], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, CCEG_LOADED_FILE: loadedFile },
  });
  const urls = JSON.parse(readFileSync(loadedFile, 'utf8')) as string[];
  const names = urls.map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]).filter((name): name is string => name !== undefined && name !== 'tsx' && name !== 'esbuild');
  return { code: child.status, packages: [...new Set(names)].sort() };
}

describe('the cceg command line', () => {
  it('loads commander alone for --version: no verb, no config, no adapter', () => {
    const run = ccegRecorded(['--version']);

    expect(run.code).toBe(0);
    expect(run.packages).toEqual(['commander']);
  }, 60_000);

  it('validates an .xlsx workbook without loading Firestore, gRPC, the Google clients, exceljs, resvg or SQLite', () => {
    const run = ccegRecorded(['validate', SAMPLE, '--today', '2018-11-01']);

    expect(run.code).not.toBe(2);
    expect(run.packages).toContain('jszip');
    expect(run.packages.filter((name) => FORBIDDEN.includes(name))).toEqual([]);
  }, 60_000);

  it('loads better-sqlite3, and still no Firestore, for a sync into a SQLite store', () => {
    const workbook = join(dir, 'sample-workbook.xlsx');
    copyFileSync(SAMPLE, workbook);

    const run = ccegRecorded(['sync', workbook, '--store', `sqlite:${join(dir, 'cceg.db')}`, '--today', '2018-11-01']);

    expect(run.code).not.toBe(2);
    expect(run.packages).toContain('better-sqlite3');
    expect(run.packages).not.toContain('@google-cloud/firestore');
  }, 60_000);
});
