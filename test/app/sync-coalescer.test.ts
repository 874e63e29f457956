// The sync coalescer: one sync at a time per workbook, a burst shares a sync, a request made during a sync gets the next.
import { describe, expect, it } from 'vitest';
import { SyncCoalescer } from '../../functions/app/sync-coalescer.js';

/** A sync the test finishes by hand; counts how many started. */
function manualSyncs() {
  const pending: (() => void)[] = [];
  let started = 0;
  let running = 0;
  let overlap = false;
  return {
    sync: () => new Promise<number>((resolve) => {
      const n = ++started;
      running++;
      overlap ||= running > 1;
      pending.push(() => {
        running--;
        resolve(n);
      });
    }),
    finishNext: () => pending.shift()?.(),
    get started() {
      return started;
    },
    get overlapped() {
      return overlap;
    },
  };
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SyncCoalescer', () => {
  it('gives a burst of requests one sync, and each request its result', async () => {
    const coalescer = new SyncCoalescer<number>({ settleMs: 20, minIntervalMs: 0 });
    const syncs = manualSyncs();
    const results = Array.from({ length: 20 }, () => coalescer.request('book', syncs.sync));
    await tick(40);
    syncs.finishNext();

    expect(await Promise.all(results)).toEqual(results.map(() => 1));
    expect(syncs.started).toBe(1);
  });

  it('serves a request made while a sync runs with the next sync, never the running one, and never runs two at once', async () => {
    const coalescer = new SyncCoalescer<number>({ settleMs: 0, minIntervalMs: 0 });
    const syncs = manualSyncs();
    const first = coalescer.request('book', syncs.sync);
    await tick();
    expect(syncs.started).toBe(1);
    const during = [coalescer.request('book', syncs.sync), coalescer.request('book', syncs.sync)];
    await tick();
    expect(syncs.started).toBe(1);

    syncs.finishNext();
    expect(await first).toBe(1);
    await tick();
    expect(syncs.started).toBe(2);
    syncs.finishNext();
    expect(await Promise.all(during)).toEqual([2, 2]);
    expect(syncs.overlapped).toBe(false);
    expect(coalescer.isRunning('book')).toBe(false);
  });

  it('rejects the requests a failed sync served, and still runs the next sync for those made meanwhile', async () => {
    const coalescer = new SyncCoalescer<string>({ settleMs: 0, minIntervalMs: 0 });
    let calls = 0;
    let release: () => void = () => undefined;
    const sync = () => new Promise<string>((resolve, reject) => {
      calls++;
      release = calls === 1 ? () => reject(new Error('sheet unreachable')) : () => resolve('ok');
    });
    const failed = coalescer.request('book', sync);
    await tick();
    const later = coalescer.request('book', sync);
    release();
    await expect(failed).rejects.toThrow('sheet unreachable');
    await tick();
    release();
    expect(await later).toBe('ok');
  });

  it('keeps syncs of different workbooks apart, and starts syncs of one workbook at least the minimum interval apart', async () => {
    const coalescer = new SyncCoalescer<number>({ settleMs: 0, minIntervalMs: 150 });
    const starts: number[] = [];
    const sync = async () => starts.push(Date.now());
    await Promise.all([coalescer.request('one', sync), coalescer.request('two', sync)]);
    await coalescer.request('one', sync);

    expect(starts).toHaveLength(3);
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(140);
  });
});
