// Faults (not findings) carry a stable code; one top-level catch per process turns them into an exit code or status.

/** Stable fault codes. */
export type FaultCode =
  | 'BAD_OPTION'
  | 'BAD_CONFIG'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_WORKBOOK'
  | 'UNREADABLE_WORKBOOK'
  | 'WORKBOOK_TOO_LARGE'
  | 'FILE_EXISTS'
  | 'UNKNOWN_PAPER'
  | 'UNKNOWN_ENTITY'
  | 'STORE_UNAVAILABLE'
  | 'SYNC_RUNNING'
  | 'WORKBOOK_CHANGED'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'METHOD_NOT_ALLOWED'
  | 'GOOGLE_API'
  | 'GOOGLE_AUTH'
  | 'GOOGLE_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'NOT_IN_SHARED_DRIVE'
  | 'PERMISSION_DENIED'
  | 'RATE_LIMITED'
  | 'INTERNAL';

/** A fault that stops a command: its message is one clear line for the user. */
export class CcegError extends Error {
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
    this.name = 'CcegError';
  }
}
