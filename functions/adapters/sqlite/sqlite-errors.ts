// Turns what better-sqlite3 throws into one clear STORE_UNAVAILABLE line naming the file.
import { CcegError } from '../../core/errors.js';

/** The reason given for a malformed database, whether SQLite throws it or a check finds it. */
export const DAMAGED = 'the database is damaged (SQLite reports it malformed)';

/** Plain reasons for SQLite's primary result codes (extended codes such as SQLITE_IOERR_SHORT_READ share them). */
const REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'not a SQLite database',
  SQLITE_CORRUPT: DAMAGED,
  SQLITE_CANTOPEN: 'cannot open the file (is it a folder, or may it not be read?)',
  SQLITE_READONLY: 'the database is read-only',
  SQLITE_PERM: 'permission denied',
  SQLITE_AUTH: 'permission denied',
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'reading or writing the file failed',
  SQLITE_NOLFS: 'the file is too large for this system',
};

/** Codes that mean another connection holds the lock beyond the busy timeout. */
const LOCKED = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/** SQLite's primary code from an extended one: `SQLITE_BUSY_SNAPSHOT` → `SQLITE_BUSY`. */
function primaryCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/** The plain reason for a better-sqlite3 failure, or null when it is not a store fault (a bug: let it through). */
function reasonOf(error: unknown, busyTimeoutMs: number): string | null {
  if (!(error instanceof Error)) return null;
  // better-sqlite3 checks the folder itself and throws a TypeError before SQLite is asked.
  if (error instanceof TypeError && /directory does not exist/.test(error.message)) return 'its folder does not exist';
  const code = (error as { code?: unknown }).code;
  if (error.name !== 'SqliteError' || typeof code !== 'string') return null;
  const primary = primaryCode(code);
  if (LOCKED.has(primary)) return `the database is locked by another process (waited ${busyTimeoutMs} ms)`;
  return REASONS[primary] ?? null;
}

/** The CcegError for a failure of the database at `path`; other errors (programming faults) come back unchanged. */
export function storeFault(path: string, error: unknown, busyTimeoutMs: number): unknown {
  if (error instanceof CcegError) return error;
  const reason = reasonOf(error, busyTimeoutMs);
  return reason === null ? error : unavailable(path, reason);
}

/** A STORE_UNAVAILABLE fault about the database at `path`, with a plain reason. */
export function unavailable(path: string, reason: string): CcegError {
  return new CcegError('STORE_UNAVAILABLE', `${path}: ${reason}.`);
}
