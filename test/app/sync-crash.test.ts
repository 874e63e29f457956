// A real `cceg sync` SIGKILLed mid-commit leaves the store all or nothing, and the next sync completes it.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBigWorkbook } from '../support/big-workbook.js';
import { cli } from '../support/cli.js';

const MAIN = fileURLToPath(new URL('../../functions/cli/main.ts', import.meta.url));
const TODAY = '2018-06-01';
const dir = mkdtempSync(join(tmpdir(), 'cceg-crash-'));
const big = join(dir, 'big.xlsx');
/** A short lease, so the sync after the crash does not wait ten minutes for the dead holder's lease to expire. */
const config = join(dir, 'short-lease.yaml');
writeFileSync(config, 'sync:\n  leaseSeconds: 2\n  waitSeconds: 10\n');
let rowCount = 0;

/** Starts `cceg sync` as its own process and SIGKILLs it `delayMs` after it says it is committing. */
function syncKilledWhileCommitting(workbook: string, db: string, delayMs: number): Promise<{ killedWhileCommitting: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'sync', workbook, '--store', `sqlite:${db}`, '--today', TODAY, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let committing = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (!committing && text.includes('Committing')) {
        committing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killedWhileCommitting: committing && signal === 'SIGKILL' }));
  });
}

function storeCounts(db: string): { records: number; audit: number; runs: number } {
  const connection = new Database(db, { readonly: true });
  const count = (table: string) => (connection.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const counts = { records: count('records'), audit: count('audit'), runs: count('runs') };
  connection.close();
  return counts;
}

beforeAll(async () => {
  const perTab = await writeBigWorkbook(big, 20_000);
  rowCount = Object.values(perTab).reduce((a, b) => a + b, 0);
}, 120_000);

describe('a sync killed with SIGKILL in the middle of its commit', () => {
  it.each([0, 40, 120])('leaves the store all or nothing, and the next sync completes it (kill %ims after the commit starts)', async (delayMs) => {
    const workbook = join(dir, `crash-${delayMs}.xlsx`);
    const db = join(dir, `crash-${delayMs}.db`);
    copyFileSync(big, workbook);

    const { killedWhileCommitting } = await syncKilledWhileCommitting(workbook, db, delayMs);
    expect(killedWhileCommitting).toBe(true);
    const afterKill = storeCounts(db);
    expect([0, rowCount]).toContain(afterKill.records);
    expect(afterKill.audit).toBe(afterKill.records);
    expect(afterKill.runs).toBe(afterKill.records === 0 ? 0 : 1);
    expect((await cli(['audit', 'verify', '--store', `sqlite:${db}`])).code).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 2_100)); // the dead process's 2-second lease expires
    const again = await cli(['sync', workbook, '--store', `sqlite:${db}`, '--today', TODAY, '--config', config], new Date());
    expect(again.err).toBe('');
    const afterResync = storeCounts(db);
    expect(afterResync.records).toBe(rowCount);
    expect(afterResync.audit).toBe(rowCount);
    expect((await cli(['audit', 'verify', '--store', `sqlite:${db}`])).code).toBe(0);
  }, 180_000);
});
