// Redraws docs/dashboard.png: syncs a copy of the sample at 2018-11-01 and screenshots its Dashboard tab as a table in Chromium.
// Run: node --import tsx test/support/dashboard-screenshot.ts [out.png]   (needs /usr/bin/chromium)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { launchChromium } from './chromium.js';
import { cliProcess } from './cli.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const out = process.argv[2] ?? fileURLToPath(new URL('../../docs/dashboard.png', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cceg-dashboard-'));
try {
  const workbook = join(dir, 'sample.xlsx');
  copyFileSync(new URL('../../sheets/sample-workbook.xlsx', import.meta.url), workbook);
  const sync = cliProcess(['sync', workbook, '--today', '2018-11-01']);
  if (sync.code !== 0) throw new Error(sync.err);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const rows: string[][] = [];
  book.getWorksheet('Dashboard')?.eachRow((row) => rows.push([1, 2, 3, 4].map((column) => String(row.getCell(column).value ?? ''))));
  // The last change is the clock of the run: shown as it would be, but fixed so the picture is the same each time.
  const body = rows.map((cells, index) => `<tr>${cells.map((cell) => `<${index === 0 ? 'th' : 'td'}>${escape(index > 0 && cells[1] === 'Last change committed' && cell.includes('T') ? '2018-11-01T09:00:00.000Z' : cell)}</${index === 0 ? 'th' : 'td'}>`).join('')}</tr>`).join('');
  const html = `<style>body{font:11px Arial,sans-serif;margin:8px}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}
    th{background:#eee}td:nth-child(4){min-width:560px;max-width:620px}td:nth-child(3){max-width:220px;word-break:break-all}td:first-child{white-space:nowrap;font-weight:bold}</style><table>${body}</table>`;
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1100, height: 400 } });
  await page.setContent(html);
  await page.locator('table').screenshot({ path: out, animations: 'disabled', caret: 'hide', scale: 'css' });
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
