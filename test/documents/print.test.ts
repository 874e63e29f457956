// Every document of the sample on four days, of a ten-times-larger workbook and of one whose text cells are 5,000 characters, printed by headless Chromium.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WorkbookRows } from '../../functions/adapters/xlsx/create-xlsx.js';
import { sampleWorkbookRows } from '../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { renderAnnualReport } from '../../functions/core/documents/annual-report.js';
import { renderChairReport } from '../../functions/core/documents/chair-report.js';
import { CCEG_ONLY_NOTICE, isWebAddress, type DocumentContext, type RenderedDocument } from '../../functions/core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../../functions/core/documents/paper-notices.js';
import { renderUpdateReport } from '../../functions/core/documents/update-report.js';
import type { GroupRows } from '../../functions/core/model/group.js';
import { DATA_TAB_NAMES, TABS } from '../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { expectEscaped, HOSTILE } from '../core/documents/expect-document.js';
import { DOCUMENT_KINDS, documentIdsOn, renderDocumentOf, VALID_WHEN, type DocumentKind } from '../support/documents-on-a-day.js';
import { GROWING_TABS, largerWorkbookRows } from '../support/larger-sample.js';
import { CHROMIUM, chromiumForSuite, hasChromium } from '../support/chromium.js';
import { hasPoppler, pdfPageTexts, pdfPagesToPng } from '../support/pdf-pages.js';
import { workbookOf, groupRowsOf } from '../support/raw-workbook.js';

const SNAPSHOT = fileURLToPath(new URL('../snapshots/sample-update-report.html', import.meta.url));
const SNAPSHOTS = fileURLToPath(new URL('../snapshots/', import.meta.url));
/** The days the sample's documents are printed on: before ICANN61, before ICANN62, before the ICANN63 AGM, after it. */
const DAYS = ['2018-02-20', '2018-06-01', '2018-10-01', '2018-11-01'] as const;
/** The day whose update and annual reports are kept under test/snapshots as PNG pages for people to look at. */
const PICTURED_DAY = '2018-10-01';
/** The tabs whose URLs a document must link when it shows one of their rows. */
const LINKED_TABS: Readonly<Partial<Record<DocumentKind, readonly ('Papers' | 'Deliverables' | 'Roster' | 'Organizations')[]>>> = {
  update: ['Papers', 'Deliverables'],
  annual: ['Papers', 'Deliverables', 'Roster', 'Organizations'],
};
const COPIES = 10;
/** Length of every free-text cell of the long-text workbook. */
const LONG = 5000;

const WORDS = ['Internet', 'governance', 'multistakeholder', 'consultation', 'of', 'the', 'DNS', 'accountability', 'a', 'interoperability'];

/** `LONG` characters: the hostile markup first, then words (in capitals when `shout`, the widest) with a `<script>` or `</table>` now and then. */
function longText(seed: number, shout: boolean): string {
  let text = `${HOSTILE} `;
  for (let word = seed; text.length < LONG; word++) {
    const plain = WORDS[word % WORDS.length] ?? '';
    text += `${word % 97 === 0 ? '<script>alert(2)</script>' : word % 89 === 0 ? '</table>' : shout ? plain.toUpperCase() : plain} `;
  }
  return `${text.slice(0, LONG - 1)}.`;
}

/** The larger workbook with every free-text cell (every text column but the Organizations code, a key) LONG characters long, empty ones too. */
function longTextWorkbookRows(shout = false): WorkbookRows {
  const larger = largerWorkbookRows(COPIES);
  let seed = 0;
  return Object.fromEntries(DATA_TAB_NAMES.map((tab) => {
    const { columns, idKey } = TABS[tab];
    const headers = Object.entries(columns).filter(([field, column]) => column.kind === 'text' && field !== idKey).map(([, column]) => column.header);
    return [tab, (larger[tab] ?? []).map((row) => ({ ...row, ...Object.fromEntries(headers.map((header) => [header, longText(seed++, shout)])) }))];
  }));
}

const config = DEFAULT_CONFIG;
const context = (today: string): DocumentContext => ({ today, config, runId: 'sample' });

/** Every document kind, with the IDs and days of the sample that render. */
function documentsOf(rows: GroupRows): Record<'update' | 'annual' | 'notice' | 'dissent' | 'chair', RenderedDocument> {
  return {
    update: renderUpdateReport(rows, 'ICANN63', context('2018-10-06')),
    annual: renderAnnualReport(rows, 'ICANN63', context('2018-10-20')),
    notice: renderCirculationNotice(rows, 'PP-0002', context('2018-10-06')),
    dissent: renderDissentNotice(rows, 'PP-0002', context('2018-10-06')),
    chair: renderChairReport(rows, 'CC-0005', context('2018-10-06')),
  };
}

/** Pages of a PDF: its `/Type /Page` objects (not the `/Pages` tree nodes). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim();

/** True when `text` has `phrase` as a whole: "IG Update Report for ICANN61" is not in "… for ICANN61 Community Forum". */
function showsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?! ?[\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * The URLs a document must link: those of the rows of its LINKED_TABS whose title or name it shows (a paper, a
 * deliverable, a person, an organization) in its body; a URL not shown needs no link.
 */
function urlsShown(rows: GroupRows, kind: DocumentKind, text: string): string[] {
  const tabs = LINKED_TABS[kind] ?? [];
  const shown = (name: string | null, url: string | null, tab: (typeof tabs)[number]) =>
    tabs.includes(tab) && name !== null && url !== null && showsPhrase(text, name) ? [url] : [];
  return [
    ...rows.Papers.flatMap((paper) => shown(paper.title, paper.documentUrl, 'Papers')),
    ...rows.Deliverables.flatMap((deliverable) => shown(deliverable.title, deliverable.documentUrl, 'Deliverables')),
    ...rows.Roster.flatMap((person) => shown(person.name, person.soiUrl, 'Roster')),
    ...rows.Organizations.flatMap((organization) => shown(organization.name, organization.adoptionResolution, 'Organizations')),
  ];
}

if (!hasPoppler) console.warn('Skipping the PDF text and PNG checks: pdftotext or pdftoppm is missing (apt-get install poppler-utils).');
if (!hasChromium) console.warn(`Skipping the print tests: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(!hasChromium)('printing the documents to PDF in headless Chromium', () => {
  let browser!: Browser;
  chromiumForSuite((started) => (browser = started));

  /** Opens the document in a new page, lets `use` read it, and closes the page. */
  async function opened<T>(document: RenderedDocument, use: (page: Page) => Promise<T>): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.setContent(document.html, { waitUntil: 'load' });
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** The document printed to A4 as the documents ask (no header or footer of Playwright's: page numbers are the document's). */
  const printPdf = (page: Page) => page.pdf({ format: 'A4', printBackground: true });

  async function print(document: RenderedDocument): Promise<number> {
    return opened(document, async (page) => pdfPages(await printPdf(page)));
  }

  const workbooks = [
    { name: 'the sample workbook', rows: () => groupRowsOf(sampleWorkbookRows()) },
    { name: 'a workbook ten times larger', rows: () => groupRowsOf(largerWorkbookRows(COPIES)) },
  ];

  it('builds the larger workbook with ten times the rows of each growing tab, unique IDs and resolving references', () => {
    const sample = sampleWorkbookRows();
    const larger = largerWorkbookRows(COPIES);
    for (const tab of GROWING_TABS) expect(larger[tab]).toHaveLength((sample[tab] ?? []).length * COPIES);
    expect(parseWorkbook(workbookOf(larger)).findings).toEqual([]);
  });

  it.each(workbooks)('prints every document of $name with the charter notice, and the update report on 1 or 2 pages', async ({ name, rows }) => {
    const documents = documentsOf(rows());
    for (const [kind, document] of Object.entries(documents)) {
      expect(document.html, `${kind} of ${name}`).toContain(CCEG_ONLY_NOTICE);
      const pages = await print(document);
      console.info(`${name}: ${kind} prints on ${pages} page(s)`);
      expect(pages, `${kind} of ${name}`).toBeGreaterThanOrEqual(1);
      if (kind === 'update') {
        expect(pages, `update report of ${name}`).toBeGreaterThanOrEqual(1);
        expect(pages, `update report of ${name}`).toBeLessThanOrEqual(2);
      }
    }
  }, 120_000);

  it.each([
    { words: 'lower-case words', shout: false },
    { words: 'capitals', shout: true },
  ])('prints the update report on 1 or 2 pages when every free-text cell it shows is 5,000 characters of $words, with the markup escaped', async ({ shout }) => {
    const rows = groupRowsOf(longTextWorkbookRows(shout));
    const icann63 = rows.Meetings.find((meeting) => meeting.id === 'ICANN63');
    for (const text of [icann63?.name, icann63?.location, rows.WorkPlan[0]?.activity, rows.WorkPlan[0]?.owner, rows.Papers[0]?.title,
      rows.ConsensusCalls[0]?.subject, rows.Issues[0]?.title, rows.Issues[0]?.body, rows.Issues[0]?.owner]) expect(text).toHaveLength(LONG);
    const report = renderUpdateReport(rows, 'ICANN63', context('2018-10-06'));
    expectEscaped(report.html);
    expect(report.html).toContain('…');
    const pages = await print(report);
    console.info(`the long-text workbook${shout ? ' in capitals' : ''}: update prints on ${pages} page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  }, 120_000);

  it('shows text typed as <script> or </table> literally in every document kind, as the browser reads it, and runs no script', async () => {
    const documents = documentsOf(groupRowsOf(longTextWorkbookRows()));
    for (const [kind, rendered] of Object.entries(documents)) {
      const page = await browser.newPage();
      try {
        await page.setContent(rendered.html, { waitUntil: 'load' });
        expect(await page.locator('body').innerText(), kind).toContain(HOSTILE);
        expect(await page.locator('script').count(), kind).toBe(0);
      } finally {
        await page.close();
      }
    }
  }, 120_000);

  it('matches the rendered sample update report kept under test/snapshots for reviewers (vitest -u updates it)', async () => {
    const report = documentsOf(groupRowsOf(sampleWorkbookRows())).update;
    await expect(report.html).toMatchFileSnapshot(SNAPSHOT);
  });
  describe.skipIf(!hasPoppler)('on the sample, every kind on each of four days, read back from the PDF (poppler-utils)', () => {
    const rows = groupRowsOf(sampleWorkbookRows());
    const cases = DAYS.flatMap((day) => DOCUMENT_KINDS.map((kind) => ({ day, kind, ids: documentIdsOn(rows, kind, day, config) })));

    for (const { day, kind, ids } of cases) {
      if (ids.length === 0) {
        it.skip(`skips the ${kind} documents on ${day}: the sample has no ${VALID_WHEN[kind]}`, () => undefined);
        continue;
      }
      it(`prints the ${kind} documents of ${ids.join(', ')} on ${day} with the notice on page 1, numbered pages, no heading at the foot of a page${
        kind === 'update' ? ', on 1 or 2 pages' : ''}${kind === 'annual' ? ', nothing cut' : ''}${LINKED_TABS[kind] ? ' and every URL shown linked' : ''}`, async () => {
        for (const id of ids) {
          const document = renderDocumentOf(rows, kind, id, context(day));
          const what = `${kind} ${id} on ${day}`;
          const { pdf, headings, links, text } = await opened(document, async (page) => ({
            pdf: await printPdf(page),
            headings: await page.locator('h1, h2, h3').allInnerTexts(),
            links: await page.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? '')),
            text: await page.locator('main').innerText(),
          }));
          const pages = pdfPageTexts(pdf);
          expect(pages.length, what).toBe(pdfPages(pdf));
          expect(normalized(pages[0]?.join(' ') ?? ''), `${what}: the notice on page 1`).toContain(CCEG_ONLY_NOTICE);
          pages.forEach((lines, index) => {
            expect(lines, `${what}: page ${index + 1} is numbered`).toContain(`Page ${index + 1} of ${pages.length}`);
            if (index === pages.length - 1) return;
            const last = lines.filter((line) => !/^Page \d+ of \d+$/.test(line)).at(-1) ?? '';
            expect(headings.some((heading) => normalized(heading).startsWith(last)), `${what}: page ${index + 1} ends with the heading "${last}"`).toBe(false);
          });
          for (const url of urlsShown(rows, kind, text)) expect(links, `${what}: ${url} is a link`).toContain(url);
          for (const link of links) expect(isWebAddress(link), `${what}: ${link}`).toBe(true);
          if (kind === 'update') expect(pages.length, what).toBeLessThanOrEqual(2);
          if (kind === 'annual') expect(text, what).not.toMatch(/\band \d+ more\b/);
          console.info(`${what}: ${pages.length} page(s), ${links.length} link(s)`);
          if (day === PICTURED_DAY && (kind === 'update' || kind === 'annual')) {
            for (const png of pdfPagesToPng(pdf, SNAPSHOTS, `sample-${kind}-report-${id}-page`)) {
              expect(statSync(png).size, png).toBeLessThan(150_000);
            }
          }
        }
      }, 120_000);
    }
  });
});
