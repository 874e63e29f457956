// The retry policy: which Google failures are retried, how long it waits, and what it throws in the end.
import { describe, expect, it } from 'vitest';
import { CcegError } from '../../../functions/core/errors.js';
import { MAX_BACKOFF_MS, backoffDelay, withRetries } from '../../../functions/adapters/google/retry.js';
import { googleError, networkError } from '../../support/fake-google/google-error.js';

const target = { label: 'sheets:abc123defg', noun: 'spreadsheet' };

/** Runs `withRetries` over a call failing with `failures` in turn then succeeding; records the waits. */
async function run(
  failures: readonly Error[], options: { tries?: number; idempotent?: boolean; random?: () => number } = {},
): Promise<{ value?: string; error?: unknown; calls: number; waits: number[] }> {
  const waits: number[] = [];
  let calls = 0;
  const outcome = await withRetries(
    async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return 'done';
    },
    { target, sleep: async (ms) => void waits.push(ms), random: options.random ?? (() => 0.5), ...options },
  ).then((value): { value?: string; error?: unknown } => ({ value }), (error: unknown) => ({ error }));
  return { ...outcome, calls, waits };
}

describe('withRetries', () => {
  it.each([
    [429, 'RATE_LIMITED'],
    [500, 'GOOGLE_UNAVAILABLE'],
    [502, 'GOOGLE_UNAVAILABLE'],
    [503, 'GOOGLE_UNAVAILABLE'],
    [504, 'GOOGLE_UNAVAILABLE'],
  ])('retries a %i answer with waits of 2^n s plus jitter, then gives up with %s', async (status, code) => {
    const result = await run(Array.from({ length: 5 }, () => googleError(status)));
    expect(result.calls).toBe(5);
    expect(result.waits).toEqual([1500, 2500, 4500, 8500]);
    expect(result.error).toBeInstanceOf(CcegError);
    expect(result.error).toMatchObject({ code, message: expect.stringContaining('after 5 tries') });
    expect((result.error as Error).message).not.toContain('\n');
  });

  it.each([400, 401, 403, 404, 409])('never retries a %i answer', async (status) => {
    const result = await run([googleError(status)]);
    expect(result.calls).toBe(1);
    expect(result.waits).toEqual([]);
    expect(result.error).toBeInstanceOf(CcegError);
  });

  it('retries a 403 whose reason is a rate limit, as Drive answers it', async () => {
    const result = await run([googleError(403, { reason: 'userRateLimitExceeded' })]);
    expect(result).toMatchObject({ value: 'done', calls: 2, waits: [1500] });
  });

  it('retries when no answer came, such as a reset connection', async () => {
    const result = await run([networkError('ECONNRESET'), networkError('ETIMEDOUT')]);
    expect(result).toMatchObject({ value: 'done', calls: 3, waits: [1500, 2500] });
  });

  it('returns the answer of the first try that succeeds, transparently', async () => {
    const result = await run([googleError(429), googleError(503)]);
    expect(result).toMatchObject({ value: 'done', calls: 3 });
  });

  it('draws the jitter between 0 and 1 s on top of the doubling wait', async () => {
    expect((await run([googleError(503)], { random: () => 0 })).waits).toEqual([1000]);
    expect((await run([googleError(503)], { random: () => 0.999 })).waits).toEqual([1999]);
  });

  it('never waits more than 32 s', () => {
    expect(backoffDelay(4, () => 0.999)).toBe(16_999);
    expect(backoffDelay(5, () => 0)).toBe(MAX_BACKOFF_MS);
    expect(backoffDelay(10, () => 0.999)).toBe(MAX_BACKOFF_MS);
  });

  it('stops after the number of tries it is given', async () => {
    const result = await run(Array.from({ length: 9 }, () => googleError(429)), { tries: 3 });
    expect(result.calls).toBe(3);
    expect(result.error).toMatchObject({ code: 'RATE_LIMITED', message: "sheets:abc123defg: Google's rate limit was still exceeded after 3 tries (429); wait a minute and run again." });
  });

  it('retries a call that must not run twice only when Google refused it for the rate', async () => {
    expect(await run([googleError(503)], { idempotent: false })).toMatchObject({ calls: 1, error: { code: 'GOOGLE_UNAVAILABLE' } });
    expect(await run([googleError(429)], { idempotent: false })).toMatchObject({ calls: 2, value: 'done' });
  });

  it('lets a programming fault through unchanged and untried again', async () => {
    const fault = new TypeError('x is not a function');
    const result = await run([fault]);
    expect(result).toMatchObject({ calls: 1, waits: [] });
    expect(result.error).toBe(fault);
  });
});
