// Short-lived signed links to the audit page: a browser tab cannot send an ID token, so the link itself is the key.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link stays valid. */
export const AUDIT_LINK_SECONDS = 10 * 60;

/** What a link grants: the staff member it was made for, the entity it opens on (null: the whole log), until when. */
export interface AuditLinkClaims {
  readonly email: string;
  readonly entity: string | null;
  /** Unix seconds after which the link is refused. */
  readonly expires: number;
}

/** The query parameters of a signed link (besides `action=page`). */
export interface AuditLinkParams {
  readonly by: string;
  readonly entity?: string;
  readonly expires: string;
  readonly sig: string;
}

/** The key links are signed with, derived from a secret the functions already hold so that it signs nothing else. */
export function auditLinkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('cceg audit-link v1').digest();
}

function signatureOf(claims: AuditLinkClaims, key: Buffer): string {
  // Newlines cannot occur in an e-mail or in the expiry; an entity with one would only sign a different string.
  return createHmac('sha256', key).update(`audit-link\n${claims.email}\n${claims.entity ?? ''}\n${claims.expires}`).digest('base64url');
}

/** The query parameters of a link granting `claims`. */
export function signAuditLink(claims: AuditLinkClaims, key: Buffer): AuditLinkParams {
  return {
    by: claims.email,
    ...(claims.entity === null ? {} : { entity: claims.entity }),
    expires: String(claims.expires),
    sig: signatureOf(claims, key),
  };
}

/** A link's verdict: its claims, or why it is refused. */
export type AuditLinkVerdict = { readonly ok: true; readonly claims: AuditLinkClaims } | { readonly ok: false; readonly reason: string };

/** Checks a link's signature (in constant time) and expiry at `nowSeconds`. */
export function verifyAuditLink(params: Partial<Record<keyof AuditLinkParams, string>>, key: Buffer, nowSeconds: number): AuditLinkVerdict {
  const { by, entity, expires, sig } = params;
  if (!by || !expires || !sig || !/^\d{1,12}$/.test(expires)) return { ok: false, reason: 'the link is incomplete' };
  const claims: AuditLinkClaims = { email: by, entity: entity ?? null, expires: Number(expires) };
  const wanted = Buffer.from(signatureOf(claims, key));
  const given = Buffer.from(sig);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'the link is not one the audit function made' };
  if (nowSeconds > claims.expires) return { ok: false, reason: 'the link has expired' };
  return { ok: true, claims };
}
