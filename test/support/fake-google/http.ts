// HTTP plumbing of the fake: Google's JSON error shape, request bodies and replies.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Google's canonical status names of the HTTP codes the fake answers with. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
};

/** An error the fake answers in Google's shape: `{ error: { code, message, status, errors } }`. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
    /** `error.details` (google.rpc.ErrorInfo and the like), when Google sends them. */
    readonly details?: readonly Record<string, unknown>[],
  ) {
    super(message);
  }

  /** The JSON body Google sends with this status. */
  body(): { error: { code: number; message: string; status: string; errors: { message: string; domain: string; reason: string }[]; details?: readonly Record<string, unknown>[] } } {
    const status = STATUS_NAMES[this.status] ?? 'UNKNOWN';
    const reason = this.reason ?? (this.status === 429 ? 'rateLimitExceeded' : this.status === 400 ? 'badRequest' : this.status >= 500 ? 'backendError' : status.toLowerCase());
    return { error: { code: this.status, message: this.message, status, errors: [{ message: this.message, domain: 'global', reason }], ...(this.details ? { details: this.details } : {}) } };
  }
}

/**
 * Google's 403 for a token without the scope a method needs (a person's ADC from a plain
 * `gcloud auth application-default login`, say): PERMISSION_DENIED with an ErrorInfo of reason ACCESS_TOKEN_SCOPE_INSUFFICIENT.
 */
export function scopeInsufficient(method: string): FakeApiError {
  const service = method.startsWith('drive.') ? 'drive.googleapis.com' : 'sheets.googleapis.com';
  return new FakeApiError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions', [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com', metadata: { service, method: `google.apps.${method}` } },
  ]);
}

/** The default message of an injected failure. */
export function defaultMessage(status: number): string {
  if (status === 429) return "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.";
  if (status === 403) return 'The caller does not have permission';
  if (status === 404) return 'Requested entity was not found.';
  if (status >= 500) return 'The service is currently unavailable.';
  return 'Request contains an invalid argument.';
}

/** A reply: JSON, or raw bytes (Drive media). */
export type Reply = { readonly json: unknown; readonly status?: number } | { readonly bytes: Buffer; readonly contentType: string };

/** Reads a whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON request body; an empty body is `{}`. */
export function jsonBody<T>(body: Buffer): T {
  if (body.length === 0) return {} as T;
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new FakeApiError(400, 'Invalid JSON payload received.');
  }
}

/** Writes a reply. */
export function send(response: ServerResponse, reply: Reply): void {
  if ('bytes' in reply) {
    response.writeHead(200, { 'content-type': reply.contentType, 'content-length': reply.bytes.length });
    response.end(reply.bytes);
    return;
  }
  const text = JSON.stringify(reply.json);
  response.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
