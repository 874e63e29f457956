// The onSheetEdit signature: the string signed, the header formats, the 5-minute window both ways, constant-time compare.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignedHeaders, signRequest, verifySignature, type SignedRequest } from '../../../functions/core/webhook/signature.js';

const SECRET = 'shared-secret';
const NOW = new Date('2025-03-01T12:00:00.000Z');
const T = String(NOW.getTime() / 1000);
const NONCE = '3f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
const BODY = '{"spreadsheetId":"abc","tab":"Roster","range":"B3","editor":"sec@gnso.example.org","oldValue":"Zo\\u00eb","newValue":"Zoë"}';
const request = (overrides: Partial<SignedRequest> = {}): SignedRequest =>
  ({ timestamp: T, nonce: NONCE, signature: signRequest(SECRET, T, NONCE, BODY), body: BODY, ...overrides });

describe('signRequest', () => {
  it('is sha256= and the lowercase hex HMAC-SHA256 of `${timestamp}.${nonce}.${body}` keyed with the secret (UTF-8)', () => {
    const expected = createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(Buffer.from(`${T}.${NONCE}.${BODY}`, 'utf8')).digest('hex');
    expect(signRequest(SECRET, T, NONCE, BODY)).toBe(`sha256=${expected}`);
    expect(signRequest(SECRET, T, NONCE, Buffer.from(BODY, 'utf8'))).toBe(`sha256=${expected}`);
  });

  it('matches a known vector, so another implementation (the Apps Script) can check itself', () => {
    expect(signRequest('secret', '1700000000', 'nonce-0123456789ab', '{}')).toBe(
      `sha256=${createHmac('sha256', 'secret').update('1700000000.nonce-0123456789ab.{}').digest('hex')}`,
    );
  });
});

describe('verifySignature', () => {
  it('accepts a request signed now, and 5 minutes either way', () => {
    for (const offset of [0, -300, 300]) {
      const timestamp = String(NOW.getTime() / 1000 + offset);
      const verdict = verifySignature(request({ timestamp, signature: signRequest(SECRET, timestamp, NONCE, BODY) }), SECRET, NOW);
      expect(verdict).toEqual({ ok: true, nonce: NONCE, timestamp: Number(timestamp) });
    }
  });

  const refused: [string, Partial<SignedRequest>, string | RegExp][] = [
    ['another secret', { signature: signRequest('other', T, NONCE, BODY) }, 'the signature does not match'],
    ['a changed body', { body: BODY.replace('B3', 'B4') }, 'the signature does not match'],
    ['a changed nonce', { nonce: `${NONCE}x` }, 'the signature does not match'],
    ['a timestamp 301 seconds old', { timestamp: String(Number(T) - 301) }, /more than 5 minutes/],
    ['a timestamp 301 seconds ahead', { timestamp: String(Number(T) + 301) }, /more than 5 minutes/],
    ['a timestamp in milliseconds', { timestamp: String(NOW.getTime()) }, /X-CCEG-Timestamp/],
    ['a timestamp that is not a number', { timestamp: '2025-03-01T12:00:00Z' }, /whole number of seconds/],
    ['no timestamp', { timestamp: undefined }, /not signed/],
    ['no nonce', { nonce: undefined }, /not signed/],
    ['no signature', { signature: undefined }, /not signed/],
    ['a short nonce', { nonce: 'abc' }, /16 to 128/],
    ['a nonce with other characters', { nonce: 'nonce with spaces and more' }, /16 to 128/],
    ['a signature without sha256=', { signature: signRequest(SECRET, T, NONCE, BODY).slice('sha256='.length) }, /sha256=/],
    ['an uppercase hex signature', { signature: signRequest(SECRET, T, NONCE, BODY).toUpperCase().replace('SHA256=', 'sha256=') }, /lowercase hex/],
    ['a truncated signature', { signature: signRequest(SECRET, T, NONCE, BODY).slice(0, -2) }, /64 lowercase hex/],
  ];

  it.each(refused)('refuses %s', (_name, overrides, reason) => {
    const verdict = verifySignature(request(overrides), SECRET, NOW);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
  });
});

describe('checkSignedHeaders', () => {
  it('accepts well-formed, fresh headers whatever secret signed them: it checks what needs no secret', () => {
    expect(checkSignedHeaders(request({ signature: signRequest('any other secret', T, NONCE, BODY) }), NOW)).toEqual({ ok: true, nonce: NONCE, timestamp: Number(T) });
  });

  it.each<[string, Partial<SignedRequest>, RegExp]>([
    ['no signature', { signature: undefined }, /not signed/],
    ['a timestamp 6 minutes old', { timestamp: String(NOW.getTime() / 1000 - 360) }, /5 minutes/],
    ['a signature that is not hex', { signature: 'sha256=not-hex' }, /64 lowercase hex/],
  ])('refuses %s, as verifySignature does', (_name, overrides, reason) => {
    const verdict = checkSignedHeaders(request(overrides), NOW);
    expect(verdict.ok ? '' : verdict.reason).toMatch(reason);
    expect(verifySignature(request(overrides), SECRET, NOW)).toEqual(verdict);
  });
});
