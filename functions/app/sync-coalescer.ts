// Coalesces sync requests: at most one sync per workbook at a time in this process; requests made meanwhile share the next.

interface Waiter<T> {
  readonly ticket: number;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

interface WorkbookState<T> {
  /** Tickets handed out, and the highest ticket the running (or last) sync covers. */
  requested: number;
  covered: number;
  running: boolean;
  /** When the last sync started (ms since the epoch), for the minimum interval. */
  lastStart: number;
  sync: () => Promise<T>;
  waiters: Waiter<T>[];
}

/** How long a burst may gather before its sync starts, and the least time between two syncs' starts. */
export interface CoalescerOptions {
  /** Wait this long after the first request before syncing, so that a burst shares one sync (default 300 ms). */
  readonly settleMs?: number;
  /** Start syncs of one key at least this far apart: 1,000 ms keeps a process within 60 writes a minute (default). */
  readonly minIntervalMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs syncs one at a time per key. The first request waits `settleMs` for the rest of its burst; a request made
 * while a sync runs marks the key dirty and is served by the next sync, which starts when the running one ends (and
 * `minIntervalMs` after it started) and covers every request made until then: a burst of N requests costs one or two
 * syncs, not N. Each request resolves with the result of the first sync that started after it was made
 * (so after its edit was recorded), or rejects with that sync's error. Across processes the store lease serializes.
 */
export class SyncCoalescer<T> {
  private readonly states = new Map<string, WorkbookState<T>>();
  private readonly settleMs: number;
  private readonly minIntervalMs: number;

  /** A coalescer; see `CoalescerOptions` for the timing. */
  constructor(options: CoalescerOptions = {}) {
    this.settleMs = options.settleMs ?? 300;
    this.minIntervalMs = options.minIntervalMs ?? 1_000;
  }

  /** Asks for a sync of `key` that starts after this call; `sync` is the work (the latest caller's is used). */
  request(key: string, sync: () => Promise<T>): Promise<T> {
    let state = this.states.get(key);
    if (state === undefined) {
      state = { requested: 0, covered: 0, running: false, lastStart: 0, sync, waiters: [] };
      this.states.set(key, state);
    }
    state.sync = sync;
    const ticket = ++state.requested;
    const result = new Promise<T>((resolve, reject) => state.waiters.push({ ticket, resolve, reject }));
    if (!state.running) void this.drain(state);
    return result;
  }

  /** True while a sync of `key` runs in this process. */
  isRunning(key: string): boolean {
    return this.states.get(key)?.running ?? false;
  }

  private async drain(state: WorkbookState<T>): Promise<void> {
    state.running = true;
    if (this.settleMs > 0) await sleep(this.settleMs);
    while (state.covered < state.requested) {
      const wait = state.lastStart + this.minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      state.lastStart = Date.now();
      const upTo = state.requested;
      state.covered = upTo;
      const served = state.waiters.filter((waiter) => waiter.ticket <= upTo);
      state.waiters = state.waiters.filter((waiter) => waiter.ticket > upTo);
      try {
        const value = await state.sync();
        for (const waiter of served) waiter.resolve(value);
      } catch (error) {
        for (const waiter of served) waiter.reject(error);
      }
    }
    state.running = false;
  }
}
