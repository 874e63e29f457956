// Turns what the Firestore client throws into one clear STORE_UNAVAILABLE line, and validates what it reads.
import type { DocumentSnapshot } from '@google-cloud/firestore';
import type * as z from '../../core/zod-mini.js';
import { CcegError } from '../../core/errors.js';

/** gRPC status codes the client reports in `error.code`. */
const GRPC = { ALREADY_EXISTS: 6 } as const;

/** Plain reasons for the gRPC codes a user can do something about. */
const REASONS: Record<number, string> = {
  1: 'the request was cancelled',
  4: 'it did not answer in time',
  5: 'the database or a document was not found (does the database exist in this project?)',
  7: 'permission denied (does the service account have the Cloud Datastore User role?)',
  8: 'a quota or rate limit was exceeded',
  10: 'the write was aborted by a concurrent one',
  13: 'it reported an internal error',
  14: 'it cannot be reached',
  16: 'the credentials were refused',
};

/** Messages of google-auth-library when there are no Application Default Credentials or no project. */
const AUTH_FAILURE = /default credentials|Unable to detect a Project Id|Could not refresh access token|invalid_grant/i;

/** True when a write failed because the document exists already (a `create()` that lost). */
export function isAlreadyExists(error: unknown): boolean {
  return grpcCode(error) === GRPC.ALREADY_EXISTS;
}

/** The CcegError for a Firestore failure while `doing` something; programming faults come back unchanged. */
export function storeFault(error: unknown, doing: string): unknown {
  if (error instanceof CcegError || !(error instanceof Error)) return error;
  const code = grpcCode(error);
  if (code === null && !AUTH_FAILURE.test(error.message)) return error;
  const reason = (code === null ? undefined : REASONS[code]) ?? firstLine(error.message);
  return new CcegError('STORE_UNAVAILABLE', `Firestore: could not ${doing}: ${reason}.`);
}

/** A STORE_UNAVAILABLE fault about a stored document that is damaged or not ours. */
export function damaged(path: string, problem: string): CcegError {
  return new CcegError('STORE_UNAVAILABLE', `Firestore: ${path} ${problem}.`);
}

/** The document's data validated with `schema`; a document that does not parse is a damaged store. */
export function validDocument<S extends z.ZodMiniType>(schema: S, snapshot: DocumentSnapshot, what: string): z.infer<S> {
  return validValue(schema, snapshot.data(), snapshot.ref.path, what);
}

/** `value` validated with `schema`, read from `path`. */
export function validValue<S extends z.ZodMiniType>(schema: S, value: unknown, path: string, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw damaged(path, `is not a valid ${what}${where}: ${(issue?.message ?? 'unknown problem').replace(/\s+/g, ' ')}`);
}

function grpcCode(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && Number.isInteger(code) && code > 0 && code <= 16 ? code : null;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? '';
  return line.replace(/\.$/, '') || 'unknown error';
}
