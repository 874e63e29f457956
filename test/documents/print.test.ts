// Every document of the sample, of a ten-times-larger workbook and of one whose text cells are 5,000 characters, in headless Chromium.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookRows } from '../../functions/adapters/xlsx/create-xlsx.js';
import { sampleWorkbookRows } from '../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { renderAnnualReport } from '../../functions/core/documents/annual-report.js';
import { renderChairReport } from '../../functions/core/documents/chair-report.js';
import { CCEG_ONLY_NOTICE, type DocumentContext, type RenderedDocument } from '../../functions/core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../../functions/core/documents/paper-notices.js';
import { renderUpdateReport } from '../../functions/core/documents/update-report.js';
import type { GroupRows } from '../../functions/core/model/group.js';
import { DATA_TAB_NAMES, TABS } from '../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { expectEscaped, HOSTILE } from '../core/documents/expect-document.js';
import { GROWING_TABS, largerWorkbookRows } from '../support/larger-sample.js';
import { workbookOf, groupRowsOf } from '../support/raw-workbook.js';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SNAPSHOT = fileURLToPath(new URL('../snapshots/sample-update-report.html', import.meta.url));
const COPIES = 10;
/** Length of every free-text cell of the long-text workbook. */
const LONG = 5000;

const WORDS = ['Internet', 'governance', 'multistakeholder', 'consultation', 'of', 'the', 'DNS', 'accountability', 'a', 'interoperability'];

/** `LONG` characters: the hostile markup first, then words with a `<script>` or `</table>` now and then. */
function longText(seed: number): string {
  let text = `${HOSTILE} `;
  for (let word = seed; text.length < LONG; word++) {
    text += `${word % 97 === 0 ? '<script>alert(2)</script>' : word % 89 === 0 ? '</table>' : WORDS[word % WORDS.length]} `;
  }
  return `${text.slice(0, LONG - 1)}.`;
}

/** The larger workbook with every free-text cell (every text column but the Organizations code, a key) LONG characters long, empty ones too. */
function longTextWorkbookRows(): WorkbookRows {
  const larger = largerWorkbookRows(COPIES);
  let seed = 0;
  return Object.fromEntries(DATA_TAB_NAMES.map((tab) => {
    const { columns, idKey } = TABS[tab];
    const headers = Object.entries(columns).filter(([field, column]) => column.kind === 'text' && field !== idKey).map(([, column]) => column.header);
    return [tab, (larger[tab] ?? []).map((row) => ({ ...row, ...Object.fromEntries(headers.map((header) => [header, longText(seed++)])) }))];
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

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the print tests: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it).`);

describe.skipIf(!hasChromium)('printing the documents to PDF in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function print(document: RenderedDocument): Promise<number> {
    const page = await browser.newPage();
    try {
      await page.setContent(document.html, { waitUntil: 'load' });
      return pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
    } finally {
      await page.close();
    }
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

  it('prints the update report on 1 or 2 pages when every free-text cell it shows is 5,000 characters long, with the markup escaped', async () => {
    const rows = groupRowsOf(longTextWorkbookRows());
    const icann63 = rows.Meetings.find((meeting) => meeting.id === 'ICANN63');
    for (const text of [icann63?.name, icann63?.location, rows.WorkPlan[0]?.activity, rows.WorkPlan[0]?.owner, rows.Papers[0]?.title,
      rows.ConsensusCalls[0]?.subject, rows.Issues[0]?.title, rows.Issues[0]?.body, rows.Issues[0]?.owner]) expect(text).toHaveLength(LONG);
    const report = renderUpdateReport(rows, 'ICANN63', context('2018-10-06'));
    expectEscaped(report.html);
    expect(report.html).toContain('…');
    const pages = await print(report);
    console.info(`the long-text workbook: update prints on ${pages} page(s)`);
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
});
