// SheetsWorkbook's read against the fake Google APIs: one call, the same raw workbook as the .xlsx reader, faults.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SheetsWorkbook, spreadsheetIdOf } from '../../../functions/adapters/google/sheets-workbook.js';
import { createXlsxWorkbook } from '../../../functions/adapters/xlsx/create-xlsx.js';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-xlsx.js';
import { workbookTemplate } from '../../../functions/core/template.js';
import { compliantWorkbookRows } from '../../support/compliant-workbook.js';
import { fill } from '../../support/fill-workbook.js';
import { addSpreadsheet, seedRawWorkbook } from '../../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../../support/fake-google/server.js';

let fake: FakeGoogle;
const dir = mkdtempSync(join(tmpdir(), 'cceg-sheets-read-'));
beforeAll(async () => (fake = await startFakeGoogle()));
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fake.resetCalls());

/** A workbook over the fake whose retries wait for nothing and record how long they would have waited. */
function workbook(spreadsheetId: string, waits: number[] = [], tries?: number): SheetsWorkbook {
  return new SheetsWorkbook(spreadsheetId, { rootUrl: fake.rootUrl }, { sleep: async (ms) => void waits.push(ms), random: () => 0, ...(tries ? { tries } : {}) });
}

describe('SheetsWorkbook.read', () => {
  it('reads the same raw workbook as the .xlsx reader does for the same data', async () => {
    const path = join(dir, 'group.xlsx');
    await createXlsxWorkbook(path, workbookTemplate());
    const rows = compliantWorkbookRows();
    rows.Issues!.push({ ID: 'I-0003', Title: 'Broken link', Kind: 'Issue', Relevance: { error: '#REF!' } });
    await fill(path, rows);
    const fromXlsx = await readXlsxWorkbook(path);

    const spreadsheetId = seedRawWorkbook(fake, fromXlsx);
    const fromSheets = await workbook(spreadsheetId).read();

    // The same tabs; only a local file has a fingerprint (the hash of its bytes).
    expect(fromSheets).toEqual({ tabs: fromXlsx.tabs });
    expect(fromXlsx.fingerprint).toMatch(/^xlsx-sha256:/);
    expect(fromSheets.tabs.find((tab) => tab.name === 'Roster')?.rows[0]?.cells).toContainEqual({ date: '2018-01-15' });
  });

  it('reads every tab in one spreadsheets.get, whatever the tabs are called', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Odd names', [
      { title: ' roster ', rows: [['ID', 'Name']] },
      { title: "Scratch 'notes'", rows: [['anything']] },
    ]);
    const raw = await workbook(spreadsheetId).read();
    expect(raw.tabs.map((tab) => tab.name)).toEqual([' roster ', "Scratch 'notes'"]);
    expect([...fake.calls]).toEqual([['sheets.spreadsheets.get', 1]]);
  });

  it('turns serial numbers in date columns into dates and leaves every other value as typed', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Values', [{
      title: 'Roster',
      rows: [
        ['ID', 'Name', 'Email', 'SOI Date', 'Start Date', 'Affiliation', 'End Date'],
        ['P-0001', 'Ana', 'ana@example.org', 43115, '2018-01-15', 7, 0],
        [],
        ['', '  ', null],
        ['P-0002', true, null, { error: '#N/A' }, 43115.75, { formula: '=1+1', result: 2 }],
      ],
    }]);
    const [roster] = (await workbook(spreadsheetId).read()).tabs;
    expect(roster).toEqual({
      name: 'Roster',
      header: ['ID', 'Name', 'Email', 'SOI Date', 'Start Date', 'Affiliation', 'End Date'],
      rows: [
        { row: 2, cells: ['P-0001', 'Ana', 'ana@example.org', { date: '2018-01-15' }, '2018-01-15', 7, 0] },
        { row: 5, cells: ['P-0002', true, null, { error: '#N/A' }, { date: '2018-01-15' }, 2] },
      ],
    });
  });

  it('retries a 429 transparently, after a wait of one second or so', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Busy', [{ title: 'Roster', rows: [['ID']] }]);
    fake.failNext('sheets.spreadsheets.get', 429);
    const waits: number[] = [];
    const raw = await workbook(spreadsheetId, waits).read();
    expect(raw.tabs).toHaveLength(1);
    expect(fake.count('sheets.spreadsheets.get')).toBe(2);
    expect(waits).toEqual([1000]);
  });

  it('gives up after the last try with one clear line', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Down', [{ title: 'Roster', rows: [['ID']] }]);
    fake.failNext('sheets.spreadsheets.get', 503, 3);
    await expect(workbook(spreadsheetId, [], 3).read()).rejects.toMatchObject({
      code: 'GOOGLE_UNAVAILABLE', message: `sheets:${spreadsheetId}: Google answered 503 UNAVAILABLE after 3 tries; try again later.`,
    });
    expect(fake.count('sheets.spreadsheets.get')).toBe(3);
  });

  it('says when there is no such spreadsheet, without retrying', async () => {
    await expect(workbook('1NoSuchSpreadsheet0000').read()).rejects.toMatchObject({
      code: 'NOT_FOUND', message: 'sheets:1NoSuchSpreadsheet0000: no such spreadsheet, or no access to it.',
    });
    expect(fake.count('sheets.spreadsheets.get')).toBe(1);
  });

  it('says when the spreadsheet is not shared with the account cceg runs as', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Private', [{ title: 'Roster', rows: [['ID']] }]);
    fake.failNext('sheets.spreadsheets.get', 403);
    await expect(workbook(spreadsheetId).read()).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('share the spreadsheet') });
  });
});

describe('spreadsheetIdOf', () => {
  it('reads the ID of sheets:<id>, and nothing from a file path', () => {
    expect(spreadsheetIdOf('sheets:1AbC-dEf_GhIjKlMnOp')).toBe('1AbC-dEf_GhIjKlMnOp');
    expect(spreadsheetIdOf('group.xlsx')).toBeNull();
  });

  it('refuses a sheets: argument that is no spreadsheet ID', () => {
    expect(() => spreadsheetIdOf('sheets:not an id')).toThrow(/not a spreadsheet ID/);
    expect(() => spreadsheetIdOf('sheets:')).toThrow(/not a spreadsheet ID/);
  });
});
