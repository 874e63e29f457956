// audit over real HTTP: ?action=history field by field, the page for browsers, and signed links for the sheet's menu.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syncWorkbook } from '../../functions/app/sync.js';
import { auditLinkKey, signAuditLink } from '../../functions/core/audit/audit-link.js';
import { charterConfigSchema } from '../../functions/core/config.js';
import { AUDIENCE, LOCATION, PEOPLE, SECRET, type FunctionsFixture } from '../support/functions/functions-fixture.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';
import type { TokenClaims } from '../support/functions/id-tokens.js';
import { auditDraft, runRecord } from '../adapters/store/record-store.fixtures.js';
import { CHROMIUM, chromiumForSuite, hasChromium } from '../support/chromium.js';

/** The audience of the ID tokens the sheet's Apps Script menu sends. */
const SCRIPT_AUDIENCE = '123456789-abc.apps.googleusercontent.com';
/** A value that must only ever show as text. */
const HOSTILE = '<img src=x onerror=alert(1)>';

/** The fixture's config with the Apps Script audience set. */
function configWithScriptAudience() {
  return charterConfigSchema().parse({
    access: { staff: [PEOPLE.staff] },
    functions: { tickAudience: AUDIENCE.tick, auditAudience: AUDIENCE.audit, schedulerServiceAccount: PEOPLE.scheduler, scriptAudience: SCRIPT_AUDIENCE },
  });
}

/**
 * Edits Roster P-0001 in the sheet (SOI Date, and Expertise to HOSTILE) and syncs it as a GNSO secretariat's edit, then
 * logs a refused change of P-0002 by an outsider (a refusal changes no record, so the log still verifies).
 */
async function seedHistory(fx: FunctionsFixture): Promise<void> {
  const row = 2;
  fx.workbook.setCell('Roster', row, fx.workbook.columnOf('Roster', 'SOI Date'), { date: '2018-05-30' });
  fx.workbook.setCell('Roster', row, fx.workbook.columnOf('Roster', 'Expertise'), HOSTILE);
  const ports = { reader: fx.workbook, writer: fx.workbook, store: fx.store, now: () => new Date('2018-05-30T09:12:00Z'), newId: randomUUID };
  await syncWorkbook(ports, { workbook: LOCATION, actor: PEOPLE.gnsoSecretariat, source: 'sheet-edit', today: '2018-06-01', config: fx.config });
  const p2 = (await fx.store.loadRecordsByKey(['Roster/P-0002'])).get('Roster/P-0002')!;
  await fx.store.commit({
    records: [],
    drafts: [auditDraft('Roster/P-0002', 'refused', p2.data, { ...p2.data, role: 'Chair' }, { actor: PEOPLE.outsider, source: 'sheet-edit', at: '2018-05-31T10:00:00.000Z' })],
    run: runRecord(randomUUID(), { refused: 1 }),
  });
}

const shared = useFunctionsFixture({ config: configWithScriptAudience() });
const staffToken = (claims: TokenClaims = {}) => shared.issuer.sign({ aud: AUDIENCE.audit, email: PEOPLE.staff, ...claims });
const get = (query: string, headers: Record<string, string> = {}) => fetch(`${shared.fx.functions.url.audit}?${query}`, { headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** A link the function made, pointed at the test server instead of the deployed URL. */
const local = (url: string) => `${shared.fx.functions.url.audit}${new URL(url).search}`;

describe('?action=history', () => {
  it('answers the changes of one record field by field, for staff', async () => {
    await seedHistory(shared.fx);
    const response = await get('action=history&entity=Roster/P-0001', bearer(staffToken()));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { entity: string; changes: { op: string; actor: string; source: string; fields: unknown[] }[] };
    expect(body.entity).toBe('Roster/P-0001');
    expect(body.changes.map((change) => change.op)).toEqual(['create', 'update']);
    expect(body.changes[1]).toMatchObject({ actor: PEOPLE.gnsoSecretariat, source: 'sheet-edit' });
    expect(body.changes[1]!.fields).toEqual([
      { field: 'Expertise', before: '', after: HOSTILE },
      { field: 'SOI Date', before: '2018-01-15', after: '2018-05-30' },
    ]);
  });

  it('answers 400 without a Tab/ID', async () => {
    expect((await get('action=history', bearer(staffToken()))).status).toBe(400);
    expect((await get('action=history&entity=Roster%0Aevil', bearer(staffToken()))).status).toBe(400);
  });
});

describe('the page, for a browser', () => {
  it('answers HTML with a nonce CSP to staff asking for text/html, and JSON to everyone else', async () => {
    const page = await get('action=list', { ...bearer(staffToken()), accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    const json = await get('action=list', { ...bearer(staffToken()), accept: '*/*' });

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await page.text();
    const nonce = /<script nonce="([^"]+)">/.exec(text)![1]!;
    expect(page.headers.get('content-security-policy')).toContain(`script-src 'nonce-${nonce}'`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(text).toContain('The audit log is intact');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('still refuses a browser without a token, with a page that says why', async () => {
    const response = await get('action=list', { accept: 'text/html' });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('An ID token is needed');
  });
});

describe('?action=link and the signed page', () => {
  it('gives staff, by the sheet\'s token, a 10-minute link that opens the page without a token', async () => {
    await seedHistory(shared.fx);
    const response = await get('action=link&entity=Roster/P-0001', bearer(shared.issuer.sign({ aud: SCRIPT_AUDIENCE, email: PEOPLE.staff })));

    expect(response.status).toBe(200);
    const { url, expiresAt } = (await response.json()) as { url: string; expiresAt: string };
    expect(url.startsWith(`${AUDIENCE.audit}/?action=page&by=`) || url.startsWith(`${AUDIENCE.audit}?action=page&by=`)).toBe(true);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    const page = await fetch(local(url));
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('value="Roster/P-0001"');
    expect(text).toContain('Roster/P-0001');
    expect(text).not.toContain('Roster/P-0002');
  });

  it('refuses a link whose entity, viewer or expiry was changed, and one that has expired, with 403', async () => {
    const { url } = (await (await get('action=link&entity=Roster/P-0001', bearer(staffToken()))).json()) as { url: string };
    const key = auditLinkKey(SECRET);
    const expired = new URLSearchParams({ action: 'page', ...signAuditLink({ email: PEOPLE.staff, entity: null, expires: Math.floor(Date.now() / 1000) - 1 }, key) });
    const offList = new URLSearchParams({ action: 'page', ...signAuditLink({ email: PEOPLE.outsider, entity: null, expires: Math.floor(Date.now() / 1000) + 60 }, key) });

    const changes: [string, string][] = [['entity', 'Roster/P-0002'], ['by', PEOPLE.outsider], ['expires', '99999999999']];
    for (const [name, value] of changes) {
      const forged = new URL(local(url));
      forged.searchParams.set(name, value);
      const response = await fetch(forged);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('not one the audit function made');
    }
    const late = await fetch(`${shared.fx.functions.url.audit}?${expired}`);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('the link has expired');
    expect((await fetch(`${shared.fx.functions.url.audit}?${offList}`)).status).toBe(403);
  });

  it('tells someone off the allow-list, in JSON the menu shows, that only staff read the log', async () => {
    const response = await get('action=link&entity=Roster/P-0001', bearer(shared.issuer.sign({ aud: SCRIPT_AUDIENCE, email: PEOPLE.gnsoSecretariat })));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not on the staff allow-list.*only ICANN staff may read the audit log/);
  });

  it('refuses a token for an audience that is neither the audit URL nor the script', async () => {
    expect((await get('action=link', bearer(shared.issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.staff })))).status).toBe(401);
  });
});

if (!hasChromium) console.warn(`Skipping the audit page in Chromium: ${CHROMIUM} is missing (apt-get install chromium).`);

describe.skipIf(!hasChromium)('the audit page in headless Chromium, opened by a signed link', () => {
  let browser!: Browser;
  chromiumForSuite((started) => (browser = started));

  /** Opens a fresh signed link to the whole log; records dialogs, CSP complaints and requests other than the page. */
  async function openWholeLog() {
    await seedHistory(shared.fx);
    const { url } = (await (await get('action=link', bearer(staffToken()))).json()) as { url: string };
    const page = await browser.newPage();
    const seen = { dialogs: [] as string[], console: [] as string[], requests: [] as string[] };
    page.on('dialog', (dialog) => void (seen.dialogs.push(dialog.message()), dialog.dismiss()));
    page.on('console', (message) => seen.console.push(message.text()));
    page.on('request', (request) => seen.requests.push(request.url()));
    const response = await page.goto(local(url), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, seen };
  }

  it('renders the verdict on top, every change, the refused one highlighted, and loads nothing else', async () => {
    const { page, seen } = await openWholeLog();
    try {
      await expect.poll(() => page.locator('#verdict').textContent()).toMatch(/^The audit log is intact: \d+ entries, chain verified up to seq \d+, every record matches it\.$/);
      const rows = await page.locator('tr.entry').count();
      expect(rows).toBeGreaterThan(30);
      expect(await page.locator('#shown').textContent()).toBe(`${rows} of ${rows} shown`);
      const refused = page.locator('tr.entry.refused');
      expect(await refused.count()).toBe(1);
      const background = (row: unknown) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(row).backgroundColor;
      expect(await refused.evaluate(background)).toBe('rgb(255, 241, 240)');
      expect(seen.requests).toEqual([page.url()]);
      expect(seen.console.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a hostile value as text: no image element, no script run', async () => {
    const { page, seen } = await openWholeLog();
    try {
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.getByText(`Expertise: (empty) → ${HOSTILE}`).count()).toBe(1);
      await page.waitForTimeout(200);
      expect(seen.dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('filters by record, actor and date as the user types', async () => {
    const { page } = await openWholeLog();
    try {
      const visibleEntities = () => page.locator('tr.entry:visible td:nth-child(4)').allTextContents();
      await page.fill('#f-entity', 'Roster/P-0001');
      expect(await visibleEntities()).toEqual(['Roster/P-0001', 'Roster/P-0001']);
      expect(await page.locator('#shown').textContent()).toMatch(/^2 of \d+ shown$/);

      await page.fill('#f-entity', '');
      await page.fill('#f-actor', 'MALLORY');
      expect(await page.locator('tr.entry:visible').evaluateAll((rows) => rows.map((row) => row.className))).toEqual(['entry refused']);

      await page.fill('#f-actor', '');
      await page.fill('#f-from', '2018-05-30');
      await page.fill('#f-to', '2018-05-30');
      expect(await visibleEntities()).toEqual(['Roster/P-0001']);

      await page.fill('#f-to', '2018-01-01');
      expect(await page.locator('tr.entry:visible').count()).toBe(0);
      expect(await page.locator('#nothing').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
