// What a sync writes stays within a cell: a 32,767-character value typed in a cell is quoted in 60 characters, in .xlsx and Sheets.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fakeRows, seedRawWorkbook } from '../support/fake-google/seed.js';
import type { FakeGoogle } from '../support/fake-google/server.js';
import { useFakeGoogle } from '../support/fake-google/use-fake-google.js';
import { fill } from '../support/fill-workbook.js';
import { workbookOf } from '../support/raw-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-bounded-'));
const HUGE = 'G'.repeat(32_767);

/** The compliant rows with Kim's Organization typed as 32,767 characters: an unknown organization code. */
function rowsWithHugeValue() {
  const rows = compliantWorkbookRows();
  rows.Roster = rows.Roster!.map((row) => (row.ID === 'P-0011' ? { ...row, Organization: HUGE } : row));
  return rows;
}

function expectBounded(cells: readonly unknown[]): void {
  const longest = Math.max(...cells.map((cell) => String(cell ?? '').length));
  expect(longest).toBeLessThanOrEqual(1000);
}

const google = useFakeGoogle();
let fake: FakeGoogle;
beforeAll(() => void (fake = google.fake));

describe('a sync of a workbook with a 32,767-character cell', () => {
  it('quotes the value in 60 characters in validate, and writes no Findings or Status cell over 1,000 characters into the .xlsx', async () => {
    const path = join(dir, 'huge.xlsx');
    expect((await cli(['init', join(dir, 'template.xlsx')])).code).toBe(0);
    copyFileSync(join(dir, 'template.xlsx'), path);
    await fill(path, rowsWithHugeValue());

    const validated = JSON.parse((await cli(['validate', path, '--today', COMPLIANT_TODAY, '--format', 'json'])).out) as { findings: { rule: string; message: string }[] };
    const unknown = validated.findings.find((finding) => finding.rule === 'ref.unknown');
    expect(unknown?.message).toBe(`Organization "${'G'.repeat(59)}…": no such organization code in the Organizations tab.`);

    expect((await cli(['sync', path, '--store', `sqlite:${join(dir, 'huge.db')}`, '--today', COMPLIANT_TODAY])).code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const cells: unknown[] = [];
    for (const name of ['Findings', 'Roster']) book.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => void cells.push(cell.value)));
    expectBounded(cells.filter((cell) => cell !== HUGE));
  });

  it('writes no Findings or Status cell over 1,000 characters into a Google Sheet either', async () => {
    const spreadsheetId = seedRawWorkbook(fake, workbookOf(rowsWithHugeValue()));
    expect((await cli(['sync', `sheets:${spreadsheetId}`, '--store', `sqlite:${join(dir, 'huge-sheets.db')}`, '--today', COMPLIANT_TODAY])).code).toBe(1);
    const spreadsheet = fake.spreadsheets.get(spreadsheetId)!;
    expectBounded(fakeRows(spreadsheet, 'Findings').flat());
    const roster = fakeRows(spreadsheet, 'Roster');
    const status = roster[0]!.indexOf('Status');
    expectBounded(roster.map((row) => row[status]));
    expect(roster.map((row) => String(row[status] ?? '')).find((text) => text.includes('no such organization code'))).toContain(`"${'G'.repeat(59)}…"`);
  });
});
