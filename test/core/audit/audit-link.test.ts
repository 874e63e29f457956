// Signed audit links: valid for their viewer, entity and ten minutes; anything altered or late is refused.
import { describe, expect, it } from 'vitest';
import { AUDIT_LINK_SECONDS, auditLinkKey, signAuditLink, verifyAuditLink } from '../../../functions/core/audit/audit-link.js';

const key = auditLinkKey('test-webhook-secret-0123456789');
const NOW = 1_700_000_000;
const claims = { email: 'ines@icann.example.org', entity: 'Roster/P-0001', expires: NOW + AUDIT_LINK_SECONDS };

describe('verifyAuditLink', () => {
  it('accepts a link it signed, until it expires', () => {
    const params = signAuditLink(claims, key);
    expect(verifyAuditLink(params, key, NOW)).toEqual({ ok: true, claims });
    expect(verifyAuditLink(params, key, claims.expires)).toEqual({ ok: true, claims });
    expect(verifyAuditLink(params, key, claims.expires + 1)).toEqual({ ok: false, reason: 'the link has expired' });
  });

  it('signs a link to the whole log without an entity', () => {
    const params = signAuditLink({ ...claims, entity: null }, key);
    expect(params).not.toHaveProperty('entity');
    expect(verifyAuditLink(params, key, NOW)).toMatchObject({ ok: true, claims: { entity: null } });
  });

  it.each<[string, Record<string, string>]>([
    ['another viewer', { by: 'mallory@example.net' }],
    ['another entity', { entity: 'Roster/P-0002' }],
    ['a later expiry', { expires: String(claims.expires + 3600) }],
    ['a forged signature', { sig: 'A'.repeat(43) }],
  ])('refuses a link with %s', (_name, change) => {
    expect(verifyAuditLink({ ...signAuditLink(claims, key), ...change }, key, NOW)).toEqual({ ok: false, reason: 'the link is not one the audit function made' });
  });

  it('refuses a link signed with another secret, and an incomplete one', () => {
    expect(verifyAuditLink(signAuditLink(claims, auditLinkKey('another-secret')), key, NOW).ok).toBe(false);
    expect(verifyAuditLink({ by: claims.email }, key, NOW)).toEqual({ ok: false, reason: 'the link is incomplete' });
  });

  it('derives a key that is not the secret itself', () => {
    expect(key.equals(Buffer.from('test-webhook-secret-0123456789'))).toBe(false);
  });
});
