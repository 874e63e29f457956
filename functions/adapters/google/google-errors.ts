// The one place that turns what the Google API clients throw into CcegErrors with a stable code and one clear line.
import { CcegError } from '../../core/errors.js';

/**
 * The command that gives cceg usable Application Default Credentials as a person: gcloud's default scopes (openid,
 * userinfo.email, cloud-platform) do not include Sheets or Drive, which Google then refuses with 403
 * ACCESS_TOKEN_SCOPE_INSUFFICIENT.
 */
export const ADC_LOGIN_COMMAND =
  'gcloud auth application-default login --scopes=openid,https://www.googleapis.com/auth/userinfo.email,https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/spreadsheets,https://www.googleapis.com/auth/drive';
const CREDENTIALS_HINT = `run \`${ADC_LOGIN_COMMAND}\` or set GOOGLE_APPLICATION_CREDENTIALS`;

/** What a call was about, for messages: `sheets:<id>` and the kind of thing it names. */
export interface GoogleTarget {
  readonly label: string;
  readonly noun: string;
}

/** Why a call failed: Google's rate limit, a passing fault (5xx, the network), or for good (any other answer). */
export type GoogleFailureKind = 'rate-limit' | 'transient' | 'permanent';

/** A failed call as read from the error a Google client throws. */
export interface GoogleFailure {
  readonly kind: GoogleFailureKind;
  /** The HTTP status, or null when no answer came (the network). */
  readonly status: number | null;
  /** Google's status name (`NOT_FOUND`) or the network error code (`ECONNRESET`). */
  readonly reason: string;
  /** Google's own message, on one line. */
  readonly message: string;
  /** Every reason Google gave (`errors[].reason`, `details[].reason`): `storageQuotaExceeded`, `ACCESS_TOKEN_SCOPE_INSUFFICIENT`… */
  readonly reasons: readonly string[];
}

/** Network error codes worth another try. */
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'TimeoutError']);
/** 403 reasons that mean "too many requests" (Drive answers these instead of 429). */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
/** What google-auth-library says when there are no usable Application Default Credentials. */
const AUTH_FAILURE = /default credentials|Could not refresh access token|invalid_grant|No refresh token|Unable to detect a Project Id|unauthorized_client/i;

interface ErrorBody {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
  readonly errors?: readonly { readonly reason?: unknown }[];
  readonly details?: readonly { readonly reason?: unknown }[];
}

/** Reads a failure from what a googleapis client threw (a GaxiosError, or a network error); null when it is neither. */
export function googleFailureOf(error: unknown): GoogleFailure | null {
  if (!(error instanceof Error)) return null;
  const shaped = error as Error & { status?: unknown; code?: unknown; response?: { status?: unknown; data?: unknown }; cause?: unknown };
  const status = numberOr(shaped.status) ?? numberOr(shaped.response?.status) ?? numberOr(shaped.code);
  if (status !== null && status >= 400) {
    const body = (shaped.response?.data as { error?: ErrorBody } | undefined)?.error;
    const reasons = [...(body?.errors ?? []), ...(body?.details ?? [])].map((entry) => String(entry.reason ?? '')).filter((reason) => reason !== '');
    const rateLimited = status === 429 || (status === 403 && reasons.some((reason) => RATE_LIMIT_REASONS.has(reason)));
    const kind: GoogleFailureKind = rateLimited ? 'rate-limit' : status >= 500 ? 'transient' : 'permanent';
    const reason = typeof body?.status === 'string' ? body.status : reasons[0] ?? `HTTP ${status}`;
    return { kind, status, reason, message: oneLine(typeof body?.message === 'string' ? body.message : error.message), reasons };
  }
  const code = networkCode(error);
  if (code !== null) return { kind: TRANSIENT_NETWORK.has(code) ? 'transient' : 'permanent', status: null, reason: code, message: oneLine(error.message), reasons: [code] };
  return null;
}

/**
 * The CcegError for a failed Google call about `target`, after `tries` tries. CcegErrors and programming faults
 * (a TypeError, say) come back unchanged; the original error is kept as `cause`.
 */
export function googleApiFault(error: unknown, target: GoogleTarget, tries = 1): unknown {
  if (error instanceof CcegError) return error;
  const failure = googleFailureOf(error);
  if (failure === null) {
    if (!(error instanceof Error) || !AUTH_FAILURE.test(error.message)) return error;
    return withCause(new CcegError('GOOGLE_AUTH', `${target.label}: no usable Google credentials (${oneLine(error.message)}); ${CREDENTIALS_HINT}.`), error);
  }
  return withCause(faultFor(failure, target, tries), error);
}

function faultFor(failure: GoogleFailure, target: GoogleTarget, tries: number): CcegError {
  const { label, noun } = target;
  const after = tries > 1 ? ` after ${tries} tries` : '';
  if (failure.kind === 'rate-limit') {
    return new CcegError('RATE_LIMITED', `${label}: Google's rate limit was still exceeded${after} (${failure.status}); wait a minute and run again.`);
  }
  if (failure.status === null) return new CcegError('GOOGLE_UNAVAILABLE', `${label}: cannot reach Google (${failure.reason})${after}; check the network and run again.`);
  if (failure.status >= 500) {
    return new CcegError('GOOGLE_UNAVAILABLE', `${label}: Google answered ${failure.status} ${failure.reason}${after}; try again later.`);
  }
  switch (failure.status) {
    case 401:
      return new CcegError('GOOGLE_AUTH', `${label}: Google refused the credentials (401); ${CREDENTIALS_HINT}.`);
    case 403:
      if (failure.reasons.includes('ACCESS_TOKEN_SCOPE_INSUFFICIENT') || failure.reasons.includes('insufficientPermissions')) {
        return new CcegError('GOOGLE_AUTH', `${label}: the credentials cceg runs with were not granted the Sheets and Drive scopes; ${CREDENTIALS_HINT} (a service account key needs no scopes).`);
      }
      if (failure.reasons.includes('storageQuotaExceeded')) return notInSharedDrive(label);
      return /has not been used|is disabled|SERVICE_DISABLED|accessNotConfigured/i.test(`${failure.reason} ${failure.message}`)
        ? new CcegError('GOOGLE_API', `${label}: ${failure.message}`)
        : new CcegError('PERMISSION_DENIED', `${label}: permission denied; share the ${noun} with the account cceg runs as (its Application Default Credentials), as an editor.`);
    case 404:
      return new CcegError('NOT_FOUND', `${label}: no such ${noun}, or no access to it.`);
    default:
      return new CcegError('GOOGLE_API', `${label}: Google refused the request (${failure.status} ${failure.reason}: ${failure.message}).`);
  }
}

/**
 * The one line for a Drive folder outside any shared drive, where a service account cannot create files: Drive's
 * shared-drives guide says service accounts have no storage quota and own no files, so they write into shared drives.
 */
export function notInSharedDrive(folderLabel: string): CcegError {
  return new CcegError('NOT_IN_SHARED_DRIVE', `${folderLabel} is in My Drive; service accounts can only write into a shared drive: create a shared drive, add the service account as a Content manager, and name a folder in it with drive:<folderId> (README, "Documents in a shared drive").`);
}

function numberOr(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{3}$/.test(value)) return Number(value);
  return null;
}

/** The system error code of a network failure, looking through `cause` (fetch wraps it in a TypeError). */
function networkCode(error: Error): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code)) return code;
    if (current.name === 'TimeoutError') return 'TimeoutError';
  }
  return null;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || 'no message';
}

function withCause(fault: CcegError, cause: unknown): CcegError {
  fault.cause = cause;
  return fault;
}
