// functions/index.ts loads no adapter until a request needs it, and the Google path never loads the .xlsx or SQLite ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TARGETS = ['onSheetEdit', 'tick', 'audit', 'calendar'] as const;
/** What only an .xlsx workbook, a SQLite store or a drafted document needs. */
const LOCAL_ONLY = ['exceljs', 'better-sqlite3', 'jszip', '@resvg/resvg-js', 'adapters/xlsx/read-xlsx', 'adapters/xlsx/write-back-xlsx', 'adapters/sqlite/sqlite-record-store'];
/** A Google deployment: every endpoint on a loopback port nothing listens on, so no request leaves the machine. */
const GOOGLE = {
  CCEG_STORE: 'firestore', GOOGLE_CLOUD_PROJECT: 'demo-cceg', FIRESTORE_EMULATOR_HOST: '127.0.0.1:1', CCEG_WORKBOOK: 'sheets:abc', CCEG_WEBHOOK_SECRET: 'x',
  CCEG_GOOGLE_ROOT_URL: 'http://127.0.0.1:1/', GCE_METADATA_HOST: '127.0.0.1:1', METADATA_SERVER_DETECTION: 'none',
};
const dir = mkdtempSync(join(tmpdir(), 'cceg-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Loaded {
  readonly afterLoad: readonly string[];
  readonly status: number;
  readonly afterFirstRequest: readonly string[];
}

/** Loads functions/index.ts in a process of its own and sends `target` one GET; what was loaded after each step. */
function firstRequest(target: string, env: Record<string, string>): Loaded {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/support/functions/record-loaded-modules.ts', 'test/support/functions/first-request-process.ts'], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, TARGET: target, ...env },
  });
  if (child.status !== 0) throw new Error(`The process failed (${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Loaded;
}

describe.each(TARGETS)('the %s target', (target) => {
  it('loads no adapter and no Firestore when functions/index.ts is loaded, and on a Google deployment none of the .xlsx or SQLite ones by its first answer', () => {
    const loaded = firstRequest(target, GOOGLE);

    expect(loaded.afterLoad.filter((name) => name.startsWith('adapters/') || name.startsWith('@google-cloud/firestore'))).toEqual([]);
    expect(loaded.status).toBeGreaterThanOrEqual(400);
    expect(loaded.afterFirstRequest).toContain('@google-cloud/firestore');
    expect(loaded.afterFirstRequest.filter((name) => LOCAL_ONLY.includes(name))).toEqual([]);
  }, 60_000);
});

describe('an .xlsx deployment with a SQLite store', () => {
  it('loads better-sqlite3 and the .xlsx reader on its first answer, and never Firestore', () => {
    const loaded = firstRequest('onSheetEdit', { CCEG_STORE: `sqlite:${join(dir, 'cceg.db')}`, CCEG_WORKBOOK: join(dir, 'workbook.xlsx'), CCEG_WEBHOOK_SECRET: 'x' });

    expect(loaded.afterLoad).not.toContain('better-sqlite3');
    expect(loaded.afterFirstRequest).toEqual(expect.arrayContaining(['better-sqlite3', 'adapters/xlsx/read-xlsx', 'adapters/sqlite/sqlite-record-store']));
    expect(loaded.afterFirstRequest).not.toContain('@google-cloud/firestore');
  }, 60_000);
});
