// Retries Google API calls that failed for a passing reason (429, 5xx, the network) with truncated exponential backoff.
import { googleApiFault, googleFailureOf, type GoogleTarget } from './google-errors.js';

/** Tries per call unless told otherwise: the first one and four retries. */
export const DEFAULT_TRIES = 5;
/** The longest wait between two tries. */
export const MAX_BACKOFF_MS = 32_000;

/** How to retry: how many tries, and the clock and dice (tests pass their own). */
export interface RetryPolicy {
  /** Tries in all, the first included (default 5). */
  readonly tries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1): the jitter. */
  readonly random?: () => number;
}

/** A retried call: the policy, what it is about (for the message), and whether it may safely run twice. */
export interface RetryOptions extends RetryPolicy {
  readonly target: GoogleTarget;
  /**
   * False for a call that must not run twice (create a spreadsheet, add a sheet or a protected range): a 5xx or a
   * network failure may come after Google did the work, so only a rate-limit refusal (done nothing) is retried.
   */
  readonly idempotent?: boolean;
}

/** The wait before retry number `retry` (0 for the first): min(2^retry s + up to 1 s of jitter, 32 s). */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  return Math.min(2 ** retry * 1000 + Math.floor(random() * 1000), MAX_BACKOFF_MS);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call`, retrying on 429 (and 403 rate-limit reasons), 5xx and network failures with backoff; never on
 * another 4xx. The last failure is thrown as the CcegError `google-errors.ts` makes of it.
 */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const tries = Math.max(1, Math.floor(options.tries ?? DEFAULT_TRIES));
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const kind = googleFailureOf(error)?.kind ?? 'permanent';
      const retryable = kind === 'rate-limit' || (kind === 'transient' && options.idempotent !== false);
      if (!retryable || attempt >= tries) throw googleApiFault(error, options.target, attempt);
      await sleep(backoffDelay(attempt - 1, random));
    }
  }
}
