// A sync process killed with SIGKILL in the middle of a commit: the store keeps all of that commit or none of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { verifyChain, verifyHead } from '../../../functions/core/audit/chain.js';
import { readWholeLog } from '../store/record-store.fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-sqlite-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records per run: two small commits, then a large one that spills pages into the WAL long before it commits. */
const SIZES = [5_000, 5_000, 60_000];
const MIB = 1024 * 1024;
const storeModule = fileURLToPath(new URL('../../../functions/adapters/sqlite/sqlite-record-store.ts', import.meta.url));
const fixturesModule = fileURLToPath(new URL('../store/record-store.fixtures.ts', import.meta.url));

/** The sync process: commits the runs one after another, saying when each begins and ends, then waits to be killed. */
const syncProcess = `
  const { openSqliteStore } = await import(${JSON.stringify(storeModule)});
  const { createBatch } = await import(${JSON.stringify(fixturesModule)});
  const store = openSqliteStore(process.argv[1]);
  const sizes = ${JSON.stringify(SIZES)};
  for (let index = 0, from = 1; index < sizes.length; from += sizes[index], index += 1) {
    const batch = createBatch('run-' + (index + 1), sizes[index], from);
    console.log('begin', index + 1);
    await store.commit(batch);
    console.log('done', index + 1);
  }
  setInterval(() => {}, 1_000);
`;

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/**
 * Starts the sync process and SIGKILLs it once its third commit has grown the WAL by `killAt` bytes of uncommitted
 * pages: proof that the kill lands inside the transaction (the third commit writes about 30 MiB of pages).
 */
function killDuringThirdCommit(path: string, killAt: number): Promise<{ walGrowth: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', syncProcess, path], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let walGrowth = 0;
    let watch: NodeJS.Timeout | undefined;
    const kill = () => {
      clearInterval(watch);
      child.kill('SIGKILL');
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      // Too late (the WAL never grew that far): kill anyway, and the caller sees the growth fall short.
      if (line === 'done 3') kill();
      if (line !== 'begin 3') return;
      const walBefore = sizeOf(`${path}-wal`);
      watch = setInterval(() => {
        walGrowth = Math.max(walGrowth, sizeOf(`${path}-wal`) - walBefore);
        if (walGrowth >= killAt) kill();
      }, 2);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve({ walGrowth }) : reject(new Error(`the sync process ended with ${code}`))));
  });
}

describe('SqliteRecordStore when the sync process is killed', () => {
  it.each([
    { phase: 'while its records are written', killAt: 4 * MIB },
    { phase: 'while its audit entries are written', killAt: 22 * MIB },
  ])('keeps every finished commit, all or none of the one killed $phase, and a chain that verifies', async ({ killAt }) => {
    const path = join(dir, `killed-${killAt}.cceg.db`);
    const { walGrowth } = await killDuringThirdCommit(path, killAt);
    expect(walGrowth).toBeGreaterThanOrEqual(killAt);

    const store = openSqliteStore(path);
    const runs = (await Promise.all([1, 2, 3].map((id) => store.getRun(`run-${id}`)))).filter((run) => run !== null);
    // Should the third commit have finished between the last look at the WAL and the kill, all of it must be there.
    const committed = runs.length;
    expect(runs.map((run) => run.id)).toEqual(['run-1', 'run-2', 'run-3'].slice(0, Math.max(2, committed)));
    const expected = SIZES.slice(0, committed).reduce((sum, size) => sum + size, 0);

    const records = await store.loadRecords();
    const log = await readWholeLog(store, 5_000);
    expect(records.size).toBe(expected);
    expect(log).toHaveLength(expected);
    expect(verifyHead(verifyChain(log), await store.auditHead())).toMatchObject({ ok: true, count: expected });
    await store.close();
  });
});
