// A local stand-in for Google's token signer: an RSA key pair, a certs endpoint on 127.0.0.1, and RS256 ID tokens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

/** Claims of a test ID token; anything left out gets a valid default. */
export interface TokenClaims {
  readonly aud?: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly iss?: string;
  /** Seconds since the epoch. */
  readonly iat?: number;
  readonly exp?: number;
}

/** Signs ID tokens with a key whose certificate only `certsUrl` serves. */
export interface TokenIssuer {
  readonly certsUrl: string;
  /** A signed RS256 JWT with the given claims. */
  sign(claims: TokenClaims): string;
  /** A token signed with another key that has the same `kid` (a forgery). */
  forge(claims: TokenClaims): string;
  close(): Promise<void>;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function jwt(claims: TokenClaims, kid: string, key: KeyObject): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: 'https://accounts.google.com', sub: '1234567890', iat: now, exp: now + 3600, email_verified: true, ...claims };
  const signed = `${base64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signed}.${base64url(sign('RSA-SHA256', Buffer.from(signed), key))}`;
}

/** Starts the certs endpoint (`{ kid: PEM }`, as Google's v1 certs URL answers) with a fresh key pair. */
export async function startTokenIssuer(): Promise<TokenIssuer> {
  const kid = 'test-key-1';
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ [kid]: pem }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    certsUrl: `http://127.0.0.1:${port}/oauth2/v1/certs`,
    sign: (claims) => jwt(claims, kid, privateKey),
    forge: (claims) => jwt(claims, kid, other),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
