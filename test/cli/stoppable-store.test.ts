// The store of a CLI run that a stop signal ends: it gives back the leases taken through it and takes no more work.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { StoppableStore } from '../../functions/cli/stoppable-store.js';
import type { RecordStore } from '../../functions/ports/record-store.port.js';
import { createBatch, T0 } from '../adapters/store/record-store.fixtures.js';

const TEN_MINUTES = 10 * 60_000;
const newPath = () => join(mkdtempSync(join(tmpdir(), 'cceg-stoppable-')), 'store.cceg.db');

describe('StoppableStore', () => {
  it('gives back on stop every lease taken through it and not released yet', async () => {
    const path = newPath();
    const run = new StoppableStore(openSqliteStore(path));
    const other = openSqliteStore(path);
    await run.acquireLease('sync:one', 'run', TEN_MINUTES, T0);
    await run.acquireLease('sync:two', 'run', TEN_MINUTES, T0);
    await run.releaseLease('sync:one', 'run');
    expect(await other.acquireLease('sync:two', 'other', TEN_MINUTES, T0)).toBe(false);

    await run.stop();

    expect(await other.acquireLease('sync:two', 'other', TEN_MINUTES, T0)).toBe(true);
    await Promise.all([run.close(), other.close()]);
  });

  it('gives back a lease that was still being taken when it stopped', async () => {
    const path = newPath();
    const sqlite = openSqliteStore(path);
    let letThrough: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    const slow: RecordStore = new Proxy(sqlite, {
      get: (target, name, receiver) => name === 'acquireLease'
        ? async (...args: Parameters<RecordStore['acquireLease']>) => gate.then(() => target.acquireLease(...args))
        : (Reflect.get(target, name, receiver) as (...args: unknown[]) => unknown).bind(target),
    });
    const run = new StoppableStore(slow);

    const taking = run.acquireLease('sync:book', 'run', TEN_MINUTES, T0);
    const stopping = run.stop();
    letThrough();
    expect(await taking).toBe(true);
    await stopping;

    const other = openSqliteStore(path);
    expect(await other.acquireLease('sync:book', 'other', TEN_MINUTES, T0)).toBe(true);
    await Promise.all([run.close(), other.close()]);
  });

  it('refuses any work once stopped, and says whether a commit had begun', async () => {
    const run = new StoppableStore(openSqliteStore(newPath()));
    expect(run.commitBegun).toBe(false);
    await run.commit(createBatch('run-1', 2));
    expect(run.commitBegun).toBe(true);

    await run.stop();

    await expect(run.commit(createBatch('run-2', 1, 3))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(run.loadRecords()).rejects.toMatchObject({ code: 'INTERNAL' });
    await run.releaseLease('sync:book', 'run');
    await run.close();
  });
});
