// Verifies Google-signed ID tokens (Cloud Scheduler's OIDC token, a staff member's) with google-auth-library.
import { OAuth2Client } from 'google-auth-library';
import { CcegError } from '../../core/errors.js';
import type { IdTokenVerifier, VerifiedIdentity } from '../../ports/identity.port.js';

/** Where Google's signing certificates come from. */
export interface GoogleIdTokenOptions {
  /** A URL serving `{ kid: PEM }` like Google's v1 certs endpoint (default: Google's); tests serve their own key. */
  readonly certsUrl?: string;
}

/** google-auth-library's messages carry the token's payload: give the caller a plain reason instead. */
function reasonOf(message: string): string {
  if (/Wrong recipient/i.test(message)) return 'it was issued for another audience';
  if (/too late/i.test(message)) return 'it has expired';
  if (/too early/i.test(message)) return 'it is not valid yet';
  if (/Invalid issuer/i.test(message)) return 'Google did not issue it';
  if (/No pem found|Invalid token signature|signature/i.test(message)) return 'its signature does not verify';
  return 'it is not a valid ID token';
}

/** An ID-token verifier over `OAuth2Client.verifyIdToken`: signature, expiry (5 minutes' skew), Google issuer, audience. */
export function googleIdTokenVerifier(options: GoogleIdTokenOptions = {}): IdTokenVerifier {
  const client = new OAuth2Client(options.certsUrl === undefined ? {} : { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } });
  return {
    async verify(idToken: string, audience: string): Promise<VerifiedIdentity> {
      let ticket;
      try {
        ticket = await client.verifyIdToken({ idToken, audience });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/Failed to retrieve verification certificates/.test(message)) {
          throw new CcegError('INTERNAL', 'Could not fetch Google\'s certificates to verify the ID token.');
        }
        throw new CcegError('UNAUTHENTICATED', `The ID token was refused: ${reasonOf(message)}.`);
      }
      const payload = ticket.getPayload();
      return { email: payload?.email?.toLowerCase() ?? null, emailVerified: payload?.email_verified === true };
    },
  };
}
