// SQLite leases record their process (PID and host): a lease whose process on this host is gone is taken over at once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { T0 } from '../store/record-store.fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-sqlite-leases-'));
let files = 0;
const newPath = () => join(dir, `leases-${++files}.cceg.db`);
const TEN_MINUTES = 10 * 60_000;

/** The PID of a process that has exited (a short-lived child, waited for). */
function goneProcessId(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  expect(pid).toBeGreaterThan(0);
  return pid!;
}

function leaseRows(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT key, holder, pid, host FROM leases ORDER BY key').all();
  } finally {
    db.close();
  }
}

describe('a SQLite lease and its process', () => {
  it('records the PID and host name of the process that took it', async () => {
    const path = newPath();
    const store = openSqliteStore(path);
    await store.acquireLease('sync:book', 'a', TEN_MINUTES, T0);
    await store.close();

    expect(leaseRows(path)).toEqual([{ key: 'sync:book', holder: 'a', pid: process.pid, host: hostname() }]);
  });

  it('is taken over at once when its process on this host is gone', async () => {
    const path = newPath();
    const killed = openSqliteStore(path, { holderProcess: { pid: goneProcessId(), host: hostname() } });
    expect(await killed.acquireLease('sync:book', 'killed', TEN_MINUTES, T0)).toBe(true);
    await killed.close();

    const next = openSqliteStore(path);
    expect(await next.acquireLease('sync:book', 'next', TEN_MINUTES, new Date(T0.getTime() + 1_000))).toBe(true);
    await next.close();
    expect(leaseRows(path)).toEqual([{ key: 'sync:book', holder: 'next', pid: process.pid, host: hostname() }]);
  });

  it('is not taken over while its process is alive', async () => {
    const path = newPath();
    const running = openSqliteStore(path);
    const other = openSqliteStore(path);
    expect(await running.acquireLease('sync:book', 'running', TEN_MINUTES, T0)).toBe(true);

    expect(await other.acquireLease('sync:book', 'other', TEN_MINUTES, new Date(T0.getTime() + 1_000))).toBe(false);
    await Promise.all([running.close(), other.close()]);
  });

  it('taken on another host, is never judged by PID: only its expiry frees it', async () => {
    const path = newPath();
    const elsewhere = openSqliteStore(path, { holderProcess: { pid: goneProcessId(), host: `not-${hostname()}` } });
    expect(await elsewhere.acquireLease('sync:book', 'elsewhere', 1_000, T0)).toBe(true);
    await elsewhere.close();

    const here = openSqliteStore(path);
    expect(await here.acquireLease('sync:book', 'here', TEN_MINUTES, new Date(T0.getTime() + 999))).toBe(false);
    expect(await here.acquireLease('sync:book', 'here', TEN_MINUTES, new Date(T0.getTime() + 1_000))).toBe(true);
    await here.close();
  });

  it('taken before schema 3 (no process recorded), is kept until it expires, and the file gains the columns', async () => {
    const path = newPath();
    openSqliteStore(path).close();
    const db = new Database(path);
    db.exec(`DROP TABLE leases; CREATE TABLE leases (key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);
      INSERT INTO leases VALUES ('sync:book', 'old', ${T0.getTime() + 1_000}); UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
    db.close();

    const store = openSqliteStore(path);
    expect(await store.acquireLease('sync:book', 'new', TEN_MINUTES, T0)).toBe(false);
    expect(leaseRows(path)).toEqual([{ key: 'sync:book', holder: 'old', pid: null, host: null }]);
    expect(await store.acquireLease('sync:book', 'new', TEN_MINUTES, new Date(T0.getTime() + 1_000))).toBe(true);
    await store.close();
  });
});
