// A `cceg sync` process stopped by a signal: SIGINT and SIGTERM give the lease back before exiting; a SIGKILLed sync's lease is taken over at once.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigWorkbook } from '../support/big-workbook.js';
import { cli, cliChild, type CliChild } from '../support/cli.js';

const TODAY = '2018-06-01';
const root = mkdtempSync(join(tmpdir(), 'cceg-sync-signals-'));
const pristine = join(root, 'big.xlsx');
/** A charter config under which a sync does not wait at all for another one's lease: it runs at once or fails. */
const noWaitConfig = join(root, 'no-wait.yaml');
const children: CliChild[] = [];

beforeAll(async () => {
  await writeBigWorkbook(pristine, 10_000);
  writeFileSync(noWaitConfig, 'sync:\n  waitSeconds: 0\n');
});
afterAll(async () => {
  for (const { child, exited } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

/** A folder of its own with a copy of the big workbook and the path of its store. */
function freshCase(): { path: string; store: string; key: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  const path = join(dir, 'big.xlsx');
  copyFileSync(pristine, path);
  return { path, store: join(dir, 'store.cceg.db'), key: `sync:${realpathSync(path)}` };
}

function startSync(path: string, store: string): CliChild {
  const started = cliChild(['sync', path, '--store', `sqlite:${store}`, '--today', TODAY]);
  children.push(started);
  return started;
}

/** Reads the store as another program would; null while the file or its tables do not exist yet. */
function query<T>(store: string, sql: string, ...parameters: unknown[]): T[] | null {
  if (!existsSync(store)) return null;
  try {
    const db = new Database(store, { readonly: true, timeout: 1_000 });
    try {
      return db.prepare(sql).all(...parameters) as T[];
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

type LeaseRow = { holder: string; pid: number | null; host: string | null };

/** Waits until the lease `key` is taken in `store` (polling every 20 ms), and returns it. */
async function leaseTaken(store: string, key: string, { exited }: CliChild): Promise<LeaseRow> {
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    const lease = query<LeaseRow>(store, 'SELECT holder, pid, host FROM leases WHERE key = ?', key)?.[0];
    if (lease) return lease;
    if (ended) throw new Error(`the sync ended before it took its lease: ${(await exited).err}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const auditEntries = (store: string) => query<{ n: number }>(store, 'SELECT count(*) AS n FROM audit')?.[0]?.n;
const leases = (store: string) => query<LeaseRow>(store, 'SELECT holder, pid, host FROM leases');

/** Syncs again in this process with no wait for a lease: exit 2 (SYNC_RUNNING) unless the lease is free at once. */
async function syncAgainAtOnce(path: string, store: string) {
  const started = performance.now();
  const run = await cli(['sync', path, '--store', `sqlite:${store}`, '--today', TODAY, '--config', noWaitConfig, '--format', 'json']);
  expect(run.err).toBe('');
  expect(run.code).not.toBe(2);
  return { ...(JSON.parse(run.out) as { run: { counts: { created: number } }; cellsChanged: number }), seconds: (performance.now() - started) / 1000 };
}

describe('cceg sync stopped by a signal', () => {
  it('gives the lease back on SIGINT while reading, exits 130 with one line, and the next sync starts at once', async () => {
    const { path, store, key } = freshCase();
    const bytes = readFileSync(path);
    const sync = startSync(path, store);
    await leaseTaken(store, key, sync);

    sync.child.kill('SIGINT');
    const { code, signal, err } = await sync.exited;

    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(err).toBe(`cceg: stopped by SIGINT: nothing of ${path} was written or committed, and its lease is given back.\n`);
    expect(leases(store)).toEqual([]);
    expect(auditEntries(store)).toBe(0);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const next = await syncAgainAtOnce(path, store);
    expect(next.run.counts.created).toBeGreaterThan(9_000);
  });

  it('lets a SIGTERM once the sync writes finish it, then exits 143 with the lease given back and workbook and store agreeing', async () => {
    const { path, store } = freshCase();
    const sync = startSync(path, store);
    const lines = createInterface({ input: sync.child.stdout });
    for await (const line of lines) if (line.startsWith('Committing')) break;

    sync.child.kill('SIGTERM');
    const { code, signal, err } = await sync.exited;

    expect({ code, signal }).toEqual({ code: 143, signal: null });
    // The commit follows the line at once and never yields: the signal is seen during it or just after the sync.
    expect([
      `cceg: SIGTERM: the sync of ${path} is writing its results; cceg stops once they are written (SIGTERM again stops at once).\n`,
      'cceg: stopped by SIGTERM.\n',
    ]).toContain(err);
    expect(leases(store)).toEqual([]);
    expect(auditEntries(store)).toBeGreaterThan(9_000);
    const next = await syncAgainAtOnce(path, store);
    expect({ created: next.run.counts.created, cellsChanged: next.cellsChanged }).toEqual({ created: 0, cellsChanged: 0 });
  });

  it('takes over at once the lease of a sync SIGKILLed on this host', async () => {
    const { path, store, key } = freshCase();
    const sync = startSync(path, store);
    const lease = await leaseTaken(store, key, sync);

    sync.child.kill('SIGKILL');
    expect(await sync.exited).toMatchObject({ code: null, signal: 'SIGKILL' });

    expect(leases(store)).toEqual([lease]);
    expect(lease).toMatchObject({ pid: sync.child.pid, host: hostname() });
    const next = await syncAgainAtOnce(path, store);
    expect(next.run.counts.created).toBeGreaterThan(9_000);
    expect(leases(store)).toEqual([]);
  });
});
