// Builds errors shaped like those the googleapis client throws (a GaxiosError with Google's JSON error body).

/** An error as the client throws it for an HTTP answer `status` with Google's error body. */
export function googleError(status: number, options: { message?: string; status?: string; reason?: string } = {}): Error {
  const message = options.message ?? `HTTP ${status}`;
  const body = { error: { code: status, message, status: options.status ?? 'UNKNOWN', errors: [{ message, domain: 'global', reason: options.reason ?? 'unknown' }] } };
  return Object.assign(new Error(message), { name: 'GaxiosError', status, code: status, response: { status, data: body } });
}

/** An error as fetch throws it when no answer came (`ECONNRESET`, `ECONNREFUSED`…). */
export function networkError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}
