// What every Cloud Function shares: the one top-level catch (CcegError code → HTTP status, one JSON line) and the bearer token.
import type { Request, Response } from '@google-cloud/functions-framework';
import { CcegError, type FaultCode } from '../core/errors.js';

/** The HTTP status of each fault; anything not listed is a 500. */
const STATUS: Partial<Record<FaultCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  METHOD_NOT_ALLOWED: 405,
  SYNC_RUNNING: 503,
  WORKBOOK_CHANGED: 503,
  STORE_UNAVAILABLE: 503,
};

/** A handler that may throw; `guarded` turns what it throws into a response. */
export type Handler = (req: Request, res: Response) => Promise<void>;

/** Sends `{ "error": { "code", "message" } }` with the fault's status, and logs the same line (never a stack). */
export function sendFault(res: Response, error: unknown, target: string): void {
  const fault = error instanceof CcegError ? error : new CcegError('INTERNAL', `${target} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  const status = STATUS[fault.code] ?? 500;
  console.error(`${target}: ${status} ${fault.code}: ${fault.message}`);
  if (res.headersSent) return;
  res.status(status).json({ error: { code: fault.code, message: fault.message } });
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

/** The token of `Authorization: Bearer <token>`; throws UNAUTHENTICATED when there is none. */
export function bearerToken(req: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) throw new CcegError('UNAUTHENTICATED', 'An ID token is needed: send Authorization: Bearer <token>.');
  return match[1]!;
}
