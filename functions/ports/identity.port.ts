// The identity port: who sent a request, from a verified Google-signed ID token.

/** What a verified ID token says about its bearer. */
export interface VerifiedIdentity {
  /** The token's `email` claim (lower-cased), or null when it has none. */
  readonly email: string | null;
  /** The token's `email_verified` claim. */
  readonly emailVerified: boolean;
}

/** Verifies ID tokens (signature, expiry, issuer, audience). */
export interface IdTokenVerifier {
  /** The identity of a valid token for `audience`; throws UNAUTHENTICATED (one line, no token contents) otherwise. */
  verify(idToken: string, audience: string): Promise<VerifiedIdentity>;
}
