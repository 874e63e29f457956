// What every target in this process shares, built once on the first request: the production dependencies and the one sync coalescer.
import type { SyncCoalescer } from '../app/sync-coalescer.js';
import type { SyncResult } from '../app/sync.js';
import { syncCoalescerFor, type FunctionDeps } from './function-deps.js';
import { runtimeDeps } from './runtime.js';

/** The dependencies of this process's targets, and the coalescer through which edits and ticks of one workbook sync one at a time. */
export interface ProcessDeps {
  readonly deps: FunctionDeps;
  readonly coalescer: SyncCoalescer<SyncResult>;
}

let shared: Promise<ProcessDeps> | null = null;

/** The process's dependencies, built from the environment on the first call; a failed build is retried on the next. */
export function processDeps(): Promise<ProcessDeps> {
  shared ??= runtimeDeps().then((deps) => ({ deps, coalescer: syncCoalescerFor(deps) })).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
