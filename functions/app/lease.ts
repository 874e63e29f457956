// Runs work under a store lease, waiting a bounded time for another holder to finish; always gives the lease back.
import { CcegError } from '../core/errors.js';
import type { Leases } from '../ports/leases.port.js';

/** How long a lease lasts unless told otherwise: a crashed holder's lease expires after this. */
export const LEASE_TTL_MS = 10 * 60_000;
const RETRY_MS = 250;

function describeDuration(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;
}

/** Who holds the lease, how long to wait for it, and the clock. */
export interface LeaseOptions {
  readonly holder: string;
  readonly waitMs: number;
  readonly now: () => Date;
  readonly ttlMs?: number;
}

/** Takes the lease `key` (waiting up to `waitMs`), runs `work`, then releases it. Throws SYNC_RUNNING when it stays taken. */
export async function withLease<T>(store: Leases, key: string, options: LeaseOptions, work: () => Promise<T>): Promise<T> {
  // Count attempts rather than read the clock: the injected clock may stand still (a `--today` run, a test).
  const attempts = Math.max(1, Math.ceil(options.waitMs / RETRY_MS) + 1);
  for (let attempt = 1; !(await store.acquireLease(key, options.holder, options.ttlMs ?? LEASE_TTL_MS, options.now())); attempt++) {
    if (attempt >= attempts) {
      throw new CcegError('SYNC_RUNNING', `Another sync of ${key.replace(/^sync:/, '')} is running; try again when it has finished (a crashed one's lease expires within ${describeDuration(options.ttlMs ?? LEASE_TTL_MS)}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await work();
  } finally {
    await store.releaseLease(key, options.holder);
  }
}
