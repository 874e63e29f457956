// Renders docs/audit-page.png: the audit page over a small sample log, in headless Chromium (never a downloaded browser).
// Run from the repo root: npx tsx test/entry/audit-page-screenshot.ts [output.png]
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuditEntry } from '../../functions/core/audit/audit-entry.js';
import { renderAuditPage } from '../../functions/core/audit/audit-page.js';
import { describeEntry } from '../../functions/core/audit/field-changes.js';
import { launchChromium } from '../support/chromium.js';

const OUTPUT = process.argv[2] ?? fileURLToPath(new URL('../../docs/audit-page.png', import.meta.url));
const HASH = '0'.repeat(64);
const ana = { id: 'P-0001', name: 'Ana Costa', email: 'p-0001@example.org', role: 'Participant', organization: 'GNSO', region: 'Latin America/Caribbean', soiDate: '2017-05-10' };

/** A sample log: a row created, edited twice, an edit refused, a row removed. */
const entries: AuditEntry[] = [
  { at: '2018-01-15T10:02:11Z', actor: 'sec@gnso.example.org', source: 'sheet-edit', entity: 'Roster/P-0001', op: 'create', before: null, after: ana },
  { at: '2018-10-30T09:12:40Z', actor: 'sec@gnso.example.org', source: 'sheet-edit', entity: 'Roster/P-0001', op: 'update', before: ana, after: { ...ana, role: 'Member', soiDate: '2018-10-30' } },
  { at: '2018-10-31T14:55:03Z', actor: 'mallory@example.net', source: 'sheet-edit', entity: 'Roster/P-0001', op: 'refused', before: { ...ana, role: 'Member', soiDate: '2018-10-30' }, after: { ...ana, role: 'Chair', soiDate: '2018-10-30' } },
  { at: '2018-11-02T06:00:05Z', actor: 'tick@cceg', source: 'tick', entity: 'Papers/PP-0002', op: 'update', before: { id: 'PP-0002', outcome: 'Pending' }, after: { id: 'PP-0002', outcome: 'Published', publishedOn: '2018-11-01' } },
  { at: '2018-11-05T16:20:00Z', actor: 'ines@icann.example.org', source: 'cli', entity: 'Roster/P-0009', op: 'tombstone', before: { id: 'P-0009', name: 'Ivo Ilic' }, after: null },
].map((draft, index) => ({ ...draft, source: draft.source as AuditEntry['source'], op: draft.op as AuditEntry['op'], seq: index + 1, prevHash: HASH, hash: HASH }));

const html = renderAuditPage({
  changes: entries.map(describeEntry), matched: entries.length, entity: null, viewer: 'ines@icann.example.org', at: '2018-11-06T08:00:00Z',
  verdict: { ok: true, text: 'The audit log is intact: 5 entries, chain verified up to seq 5, every record matches it.' }, nonce: 'c2NyZWVuc2hvdA==',
});

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  await page.setContent(html, { waitUntil: 'load' });
  await page.screenshot({ path: OUTPUT, fullPage: true });
} finally {
  await browser.close();
}
console.log(`${OUTPUT}: ${statSync(OUTPUT).size} bytes`);
