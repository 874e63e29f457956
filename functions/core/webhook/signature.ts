// The onSheetEdit request signature: HMAC-SHA256 over timestamp, nonce and body; a 5-minute window; pure given `now`.
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The headers of a signed onSheetEdit request (HTTP header names are case-insensitive; Node hands them lower-cased).
 *
 * How the Apps Script (or anyone) signs a request, exactly:
 *
 * 1. `body` is the exact bytes of the request body: UTF-8 JSON (see `edit-payload.ts`), sent as is
 *    (`Content-Type: application/json`). Sign the same string you send; do not re-serialize it afterwards.
 * 2. `X-CCEG-Timestamp`: the current time in whole seconds since the Unix epoch, as a decimal integer (`1717171717`).
 * 3. `X-CCEG-Nonce`: a fresh random value for every request, 16 to 128 characters of `A-Z a-z 0-9 _ -`
 *    (`Utilities.getUuid()` will do). A nonce is accepted once, ever.
 * 4. The string to sign is `${timestamp}.${nonce}.${body}`: the timestamp and nonce exactly as sent in the headers,
 *    joined to the body by one `.` each, encoded as UTF-8.
 * 5. `X-CCEG-Signature`: `sha256=` followed by the HMAC-SHA256 of that string, keyed with the shared secret (the
 *    secret's UTF-8 bytes; the functions read it from CCEG_WEBHOOK_SECRET), as 64 lowercase hexadecimal digits.
 *    In Apps Script: `Utilities.computeHmacSha256Signature(toSign, secret, Utilities.Charset.UTF_8)`, each byte
 *    `(b + 256) % 256` as two hex digits.
 *
 * A request is accepted when all three headers are present and well formed, the timestamp is within 5 minutes of the
 * server's clock (either way), the signature matches (compared in constant time), and the nonce was never seen.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-cceg-timestamp',
  nonce: 'x-cceg-nonce',
  signature: 'x-cceg-signature',
} as const;

/** How far a request's timestamp may be from the server's clock, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 5 * 60;

const SIGNATURE_PREFIX = 'sha256=';
const TIMESTAMP = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9_-]{16,128}$/;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/** The headers as received (absent ones undefined) and the raw body. */
export interface SignedRequest {
  readonly timestamp: string | undefined;
  readonly nonce: string | undefined;
  readonly signature: string | undefined;
  readonly body: string | Uint8Array;
}

/** Accepted (with the nonce still to be checked against the store), or refused with a reason for the log. */
export type SignatureVerdict =
  | { readonly ok: true; readonly nonce: string; readonly timestamp: number }
  | { readonly ok: false; readonly reason: string };

/** The `X-CCEG-Signature` value for a body: `sha256=` and the hex HMAC-SHA256 of `${timestamp}.${nonce}.${body}`. */
export function signRequest(secret: string, timestamp: string, nonce: string, body: string | Uint8Array): string {
  return `${SIGNATURE_PREFIX}${hmacHex(secret, timestamp, nonce, body)}`;
}

/**
 * Checks what can be checked without the secret: all three headers present and well formed, the timestamp within the
 * window at `now`. A request that fails this is not signed at all, whatever the secret.
 */
export function checkSignedHeaders(request: SignedRequest, now: Date): SignatureVerdict {
  const { timestamp, nonce, signature } = request;
  if (timestamp === undefined || nonce === undefined || signature === undefined) {
    return { ok: false, reason: 'the request is not signed (X-CCEG-Timestamp, X-CCEG-Nonce and X-CCEG-Signature are needed)' };
  }
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: 'X-CCEG-Timestamp is not a whole number of seconds' };
  if (!NONCE.test(nonce)) return { ok: false, reason: 'X-CCEG-Nonce must be 16 to 128 letters, digits, _ or -' };
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > TIMESTAMP_WINDOW_SECONDS) {
    return { ok: false, reason: 'X-CCEG-Timestamp is more than 5 minutes away from the server clock' };
  }
  if (!HEX_SIGNATURE.test(signatureHex(signature))) return { ok: false, reason: 'X-CCEG-Signature must be sha256= and 64 lowercase hex digits' };
  return { ok: true, nonce, timestamp: seconds };
}

/** Checks headers, window and signature against `secret` at `now`; the nonce's novelty is the store's to check. */
export function verifySignature(request: SignedRequest, secret: string, now: Date): SignatureVerdict {
  const verdict = checkSignedHeaders(request, now);
  if (!verdict.ok) return verdict;
  const expected = Buffer.from(hmacHex(secret, request.timestamp!, verdict.nonce, request.body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signatureHex(request.signature!), 'hex'))) return { ok: false, reason: 'the signature does not match' };
  return verdict;
}

function signatureHex(signature: string): string {
  return signature.startsWith(SIGNATURE_PREFIX) ? signature.slice(SIGNATURE_PREFIX.length) : '';
}

function hmacHex(secret: string, timestamp: string, nonce: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.`, 'utf8').update(body).digest('hex');
}
