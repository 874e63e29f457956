// The sync lease: a second holder waits or is told a sync is running; a crashed holder's lease expires.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLease } from '../../functions/app/lease.js';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';

const now = () => new Date();
const store = () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cceg-lease-')), 'lease.db'));

describe('withLease', () => {
  it('reports that another sync is running when the lease stays taken', async () => {
    const db = store();
    await db.acquireLease('sync:group.xlsx', 'first', 60_000, now());
    await expect(withLease(db, 'sync:group.xlsx', { holder: 'second', waitMs: 300, now }, async () => 'ran')).rejects.toMatchObject({
      code: 'SYNC_RUNNING', message: expect.stringContaining('Another sync of group.xlsx is running'),
    });
    await db.close();
  });

  it('waits for the first sync to finish, then runs', async () => {
    const db = store();
    await db.acquireLease('sync:group.xlsx', 'first', 60_000, now());
    setTimeout(() => void db.releaseLease('sync:group.xlsx', 'first'), 300);
    expect(await withLease(db, 'sync:group.xlsx', { holder: 'second', waitMs: 5_000, now }, async () => 'ran')).toBe('ran');
    await db.close();
  });

  it('never lets two pieces of work under the same lease interleave', async () => {
    const db = store();
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} start`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push(`${name} end`);
    };
    await Promise.all([
      withLease(db, 'sync:group.xlsx', { holder: 'a', waitMs: 5_000, now }, work('a')),
      withLease(db, 'sync:group.xlsx', { holder: 'b', waitMs: 5_000, now }, work('b')),
    ]);
    expect(events).toHaveLength(4);
    expect(events[0]!.split(' ')[0]).toBe(events[1]!.split(' ')[0]);
    await db.close();
  });

  it('gives the lease back when the work fails', async () => {
    const db = store();
    await expect(withLease(db, 'sync:group.xlsx', { holder: 'a', waitMs: 0, now }, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await db.acquireLease('sync:group.xlsx', 'b', 60_000, now())).toBe(true);
    await db.close();
  });

  it('lets another holder in once a crashed holder lease has expired', async () => {
    const db = store();
    await db.acquireLease('sync:group.xlsx', 'crashed', 1_000, new Date(Date.now() - 5_000));
    expect(await withLease(db, 'sync:group.xlsx', { holder: 'next', waitMs: 0, now }, async () => 'ran')).toBe('ran');
    await db.close();
  });
});
