// The audit page: self-contained, every value escaped, refused changes marked, the verdict on top, a strict CSP.
import { describe, expect, it } from 'vitest';
import { auditPageCsp, renderAuditPage, renderAuditRefusal, type AuditPage } from '../../../functions/core/audit/audit-page.js';
import type { DescribedChange } from '../../../functions/core/audit/field-changes.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const change = (over: Partial<DescribedChange>): DescribedChange => ({
  seq: 1, at: '2018-10-30T09:12:00.000Z', actor: 'gac-sec@example.org', source: 'sheet-edit', entity: 'Roster/P-0001', op: 'update',
  fields: [{ field: 'SOI Date', before: '2017-05-10', after: '2018-10-30' }], note: null, ...over,
});
const page = (over: Partial<AuditPage> = {}): string => renderAuditPage({
  changes: [change({}), change({ seq: 2, op: 'refused', actor: `"${HOSTILE}`, fields: [{ field: 'Name', before: 'Ana', after: HOSTILE }], note: 'refused' })],
  matched: 2, verdict: { ok: true, text: 'The audit log is intact: 2 entries.' }, entity: 'Roster/P-0001', viewer: 'ines@icann.example.org',
  at: '2018-10-31T08:00:00.000Z', nonce: 'bm9uY2Utdm9u', ...over,
});

describe('renderAuditPage', () => {
  it('escapes every value, in text and in attributes', () => {
    const text = page({ entity: `x" autofocus onfocus="alert(1)` });
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('data-actor="&quot;&lt;img src=x onerror=alert(1)&gt;"');
    expect(text).toContain('value="x&quot; autofocus onfocus=&quot;alert(1)"');
  });

  it('loads nothing from anywhere: no src, no link, no url(), no import', () => {
    expect(page({ changes: [change({})] })).not.toMatch(/\ssrc=|<link|url\(|@import|https?:\/\//i);
  });

  it('gives its one style and one script the nonce, and the CSP allows only that nonce', () => {
    const text = page();
    expect(text.match(/<style nonce="bm9uY2Utdm9u">/g)).toHaveLength(1);
    expect(text.match(/<script nonce="bm9uY2Utdm9u">/g)).toHaveLength(1);
    expect(text.match(/<script/g)).toHaveLength(1);
    expect(auditPageCsp('bm9uY2Utdm9u')).toBe("default-src 'none'; style-src 'nonce-bm9uY2Utdm9u'; script-src 'nonce-bm9uY2Utdm9u'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it('marks refused changes, shows a broken verdict as a warning, and says when it keeps only the newest', () => {
    const text = page({ verdict: { ok: false, text: 'The audit log is broken at seq 2.' }, matched: 5000 });
    expect(text).toContain('<tr class="entry refused"');
    expect(text).toContain('<div class="verdict broken" id="verdict">The audit log is broken at seq 2.</div>');
    expect(text).toContain('the newest 2 of 5000');
  });

  it('shows field changes as lines', () => {
    expect(page()).toContain('<li>SOI Date: 2017-05-10 → 2018-10-30</li>');
  });
});

describe('renderAuditRefusal', () => {
  it('escapes its message', () => {
    expect(renderAuditRefusal('Refused', HOSTILE)).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});
