// What every Cloud Function shares: the one top-level catch (CcegError code → HTTP status, one JSON line), the bearer token, the JSON body.
import type { ServerResponse } from 'node:http';
import type { Request, Response } from '@google-cloud/functions-framework';
import { CcegError, type FaultCode } from '../core/errors.js';

/** The HTTP status of each fault; anything not listed is a 500. */
const STATUS: Partial<Record<FaultCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  // The workbook itself is at fault (beyond the limits, not a workbook): no retry can help until a person fixes it.
  WORKBOOK_TOO_LARGE: 422,
  NOT_A_WORKBOOK: 422,
  SYNC_RUNNING: 503,
  WORKBOOK_CHANGED: 503,
  STORE_UNAVAILABLE: 503,
};

/** Three base64url parts: the shape of a JWT, checked before anything is fetched to verify one. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A handler that may throw; `guarded` turns what it throws into a response. */
export type Handler = (req: Request, res: Response) => Promise<void>;

/** Sends `{ "error": { "code", "message" } }` with `status`, as one line, unless a response has begun. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * Sends the fault as one JSON line with its status, and logs the same line (never a stack). A BAD_CONFIG fault names
 * the settings that are missing: that goes to the log only, and the caller reads that the function is not set up.
 */
export function sendFault(res: ServerResponse, error: unknown, target: string): void {
  const fault = error instanceof CcegError ? error : new CcegError('INTERNAL', `${target} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  const status = STATUS[fault.code] ?? 500;
  console.error(`${target}: ${status} ${fault.code}: ${fault.message}`);
  const message = fault.code === 'BAD_CONFIG' ? `${target} is not set up yet: ICANN staff will find what is missing in the function's log.` : fault.message;
  sendError(res, status, fault.code, message);
}

/** Wraps a handler in the one top-level catch of its function. */
export function guarded(target: string, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      sendFault(res, error, target);
    }
  };
}

/** Refuses any method but `method` with 405. */
export function requireMethod(req: Request, method: 'GET' | 'POST'): void {
  if (req.method !== method) throw new CcegError('METHOD_NOT_ALLOWED', `Use ${method}, not ${req.method}.`);
}

function isJwtShaped(token: string): boolean {
  if (!JWT.test(token)) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/**
 * The token of `Authorization: Bearer <token>`; throws UNAUTHENTICATED when there is none, or when it is not shaped
 * like a JWT (three base64url parts, the first a JSON header): such a token is refused before anything is fetched.
 */
export function bearerToken(req: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) throw new CcegError('UNAUTHENTICATED', 'An ID token is needed: send Authorization: Bearer <token>.');
  if (!isJwtShaped(match[1]!)) throw new CcegError('UNAUTHENTICATED', 'The bearer token is not a JWT (three base64url parts, the first a JSON header).');
  return match[1]!;
}

/** The request body (as received: `rawBody`) parsed as JSON, or undefined when there is none; 400 when it is not UTF-8 JSON. */
export function jsonBody(req: Request): unknown {
  const body = req.rawBody ?? Buffer.alloc(0);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as unknown;
  } catch {
    throw new CcegError('BAD_REQUEST', 'The body is not JSON.');
  }
}
