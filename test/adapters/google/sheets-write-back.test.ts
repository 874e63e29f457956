// SheetsWorkbook's write-back against the fake: at most one layout call and one RAW values call, only what differs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SheetsWorkbook } from '../../../functions/adapters/google/sheets-workbook.js';
import type { WriteBackPlan } from '../../../functions/core/sync/write-back-plan.js';
import { addSpreadsheet, fakeCell, fakeRows, fakeTab, type TabSeed } from '../../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../../support/fake-google/server.js';

let fake: FakeGoogle;
beforeAll(async () => (fake = await startFakeGoogle()));
afterAll(() => fake.stop());
beforeEach(() => fake.resetCalls());

const ROSTER: TabSeed = { title: 'Roster', rows: [['ID', 'Name', 'Status'], ['P-0001', 'Ana'], ['', 'Bo'], ['P-0003', 'Chen', 'OK']] };
const FINDINGS_HEADER = ['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter'];
const FINDINGS: TabSeed = { title: 'Findings', rows: [FINDINGS_HEADER] };
const DASHBOARD: TabSeed = { title: 'Dashboard', rows: [['Section', 'Item', 'Value', 'Detail']] };

/** A spreadsheet with these tabs, read once by a SheetsWorkbook (whose retries do not wait), and the calls reset. */
async function readWorkbook(tabs: readonly TabSeed[]) {
  const spreadsheet = addSpreadsheet(fake, 'Write-back', tabs);
  const workbook = new SheetsWorkbook(spreadsheet.spreadsheetId, { rootUrl: fake.rootUrl }, { sleep: async () => undefined });
  await workbook.read();
  fake.resetCalls();
  return { spreadsheet, workbook };
}

const finding = (message: string) => ['warning', 'roster.soi-stale', 'Roster', 2, 'SOI Date', message, '§5'];
const writeCalls = () => fake.count('sheets.spreadsheets.batchUpdate') + fake.count('sheets.spreadsheets.values.batchUpdate');

describe('SheetsWorkbook.applyWriteBack', () => {
  it('reads the sheet again, then writes ID and status cells and both system tabs in one RAW values call when every tab exists', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, FINDINGS, DASHBOARD]);
    const plan: WriteBackPlan = {
      cells: [
        { tab: 'Roster', row: 2, column: 2, value: 'OK' },
        { tab: 'Roster', row: 3, column: 0, value: 'P-0002' },
        { tab: 'Roster', row: 3, column: 2, value: 'OK' },
      ],
      tables: [
        { tab: 'Findings', rows: [FINDINGS_HEADER, finding('Ana last updated her SOI long ago.')] },
        { tab: 'Dashboard', rows: [['Section', 'Item', 'Value', 'Detail'], ['Members', 'GNSO', 3, '2–5']] },
      ],
    };
    const { cellsChanged } = await workbook.applyWriteBack(plan);

    // The read again, the Findings filter grown to the longer table, then the values.
    expect([...fake.calls]).toEqual([['sheets.spreadsheets.get', 1], ['sheets.spreadsheets.batchUpdate', 1], ['sheets.spreadsheets.values.batchUpdate', 1]]);
    expect(JSON.parse(fake.requests[2]!.body.toString())).toMatchObject({ valueInputOption: 'RAW' });
    expect(fakeRows(spreadsheet, 'Roster')).toEqual([['ID', 'Name', 'Status'], ['P-0001', 'Ana', 'OK'], ['P-0002', 'Bo', 'OK'], ['P-0003', 'Chen', 'OK']]);
    expect(fakeRows(spreadsheet, 'Findings')).toEqual([FINDINGS_HEADER, finding('Ana last updated her SOI long ago.')]);
    expect(fakeRows(spreadsheet, 'Dashboard')[1]).toEqual(['Members', 'GNSO', 3, '2–5']);
    expect(cellsChanged).toBe(3 + 7 + 4);
  });

  it('adds a missing Findings tab, frozen and protected, in one layout call before the values', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER]);
    await workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, finding('x')] }] });

    expect(fake.count('sheets.spreadsheets.batchUpdate')).toBe(1);
    expect(fake.count('sheets.spreadsheets.values.batchUpdate')).toBe(1);
    const findings = fakeTab(spreadsheet, 'Findings');
    expect(findings.properties.frozenRowCount).toBe(1);
    expect(findings.protectedRanges).toEqual([expect.objectContaining({ range: { sheetId: findings.properties.sheetId }, warningOnly: false })]);
    expect(fakeRows(spreadsheet, 'Findings')).toEqual([FINDINGS_HEADER, finding('x')]);
  });

  it('gives a Findings tab it adds readable widths, wrapped messages, errors red and warnings amber, and a filter over the table', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER]);
    await workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, finding('x')] }] });

    const findings = fakeTab(spreadsheet, 'Findings');
    const widths = new Map(findings.dimensions.filter((entry) => entry.dimension === 'COLUMNS').map((entry) => [entry.index, entry.properties.pixelSize]));
    expect(widths.get(5)).toBeGreaterThan(widths.get(0)!);
    expect(findings.formats).toContainEqual(expect.objectContaining({ range: expect.objectContaining({ startColumnIndex: 5 }), format: expect.objectContaining({ wrapStrategy: 'WRAP' }) }));
    expect(findings.conditionalFormats.map((rule) => rule.booleanRule?.condition?.values?.[0]?.userEnteredValue).sort()).toEqual(['error', 'warning']);
    expect(findings.basicFilter?.range).toMatchObject({ startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 7 });
  });

  it('clears the rows an older, longer table left, and nothing else', async () => {
    const old: TabSeed = { title: 'Findings', rows: [FINDINGS_HEADER, finding('a'), finding('b'), finding('c'), finding('d')] };
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, old]);
    const { cellsChanged } = await workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, finding('a')] }] });

    expect(fakeRows(spreadsheet, 'Findings')).toEqual([FINDINGS_HEADER, finding('a')]);
    expect(cellsChanged).toBe(3 * 7);
    // The values, and the filter resized to the shorter table.
    expect(writeCalls()).toBe(2);
    expect(fakeTab(spreadsheet, 'Findings').basicFilter?.range).toMatchObject({ endRowIndex: 2 });
  });

  it('grows a tab before writing past its last row, still in two calls', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, { ...FINDINGS, rowCount: 1000 }]);
    const rows = [FINDINGS_HEADER, ...Array.from({ length: 1500 }, (_, i) => finding(`finding ${i + 1}`))];
    await workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows }] });

    expect(fake.count('sheets.spreadsheets.batchUpdate')).toBe(1);
    expect(fake.count('sheets.spreadsheets.values.batchUpdate')).toBe(1);
    expect(fakeTab(spreadsheet, 'Findings').properties.rowCount).toBe(1501);
    expect(fakeRows(spreadsheet, 'Findings')).toHaveLength(1501);
  });

  it('protects the status column it adds to a tab that had none', async () => {
    const { spreadsheet, workbook } = await readWorkbook([{ title: 'Roster', rows: [['ID', 'Name'], ['P-0001', 'Ana']] }, FINDINGS, DASHBOARD]);
    await workbook.applyWriteBack({ cells: [{ tab: 'Roster', row: 1, column: 2, value: 'Status' }, { tab: 'Roster', row: 2, column: 2, value: 'OK' }], tables: [] });

    const roster = fakeTab(spreadsheet, 'Roster');
    expect(roster.protectedRanges).toEqual([expect.objectContaining({ range: { sheetId: roster.properties.sheetId, startColumnIndex: 2, endColumnIndex: 3 }, warningOnly: false })]);
    expect(fakeRows(spreadsheet, 'Roster')).toEqual([['ID', 'Name', 'Status'], ['P-0001', 'Ana', 'OK']]);
    // Its width, wrapping and colours are set once, as it is added (a person may change them afterwards).
    expect(roster.dimensions).toEqual([expect.objectContaining({ dimension: 'COLUMNS', index: 2 })]);
    expect(roster.conditionalFormats.map((rule) => rule.booleanRule?.condition?.values?.[0]?.userEnteredValue).sort()).toEqual(['Error', 'NOT SAVED', 'Warning']);
  });

  it('grows a tab that has no room for its new status column before protecting it', async () => {
    const { spreadsheet, workbook } = await readWorkbook([{ title: 'Roster', rows: [['ID', 'Name', 'Email'], ['P-0001', 'Ana', 'a@x.org']], columnCount: 3 }]);
    await workbook.applyWriteBack({ cells: [{ tab: 'Roster', row: 1, column: 3, value: 'Status' }, { tab: 'Roster', row: 2, column: 3, value: 'OK' }], tables: [] });

    expect(writeCalls()).toBe(2);
    const roster = fakeTab(spreadsheet, 'Roster');
    expect(roster.properties.columnCount).toBe(4);
    expect(roster.protectedRanges.map((range) => range.range)).toEqual([{ sheetId: roster.properties.sheetId, startColumnIndex: 3, endColumnIndex: 4 }]);
    expect(fakeRows(spreadsheet, 'Roster')[1]).toEqual(['P-0001', 'Ana', 'a@x.org', 'OK']);
  });

  it('makes no call when the tables already hold the planned rows', async () => {
    const { workbook } = await readWorkbook([ROSTER, { title: 'Findings', rows: [FINDINGS_HEADER, finding('a')] }]);
    const { cellsChanged } = await workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, finding('a')] }] });
    expect(cellsChanged).toBe(0);
    expect(fake.requests).toEqual([]);
  });

  it('stores values that look like formulas or numbers as the text they are', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, FINDINGS]);
    const typed = ['=IMPORTXML("http://example.org","//a")', '+1', '-2', "'quoted", '2018-06-01', 'TRUE'];
    await workbook.applyWriteBack({
      cells: [{ tab: 'Roster', row: 2, column: 2, value: typed[0]! }],
      tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, typed] }],
    });

    expect(fakeCell(spreadsheet, 'Roster', 'C2')).toEqual({ kind: 'value', value: typed[0] });
    expect(fakeRows(spreadsheet, 'Findings')[1]).toEqual(typed);
    expect(fakeTab(spreadsheet, 'Findings').cells[1]?.slice(0, typed.length).every((cell) => cell?.kind === 'value' && typeof cell.value === 'string')).toBe(true);
  });

  it('retries a 503 on the values call, which may safely run twice', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, FINDINGS]);
    fake.failNext('sheets.spreadsheets.values.batchUpdate', 503);
    await workbook.applyWriteBack({ cells: [{ tab: 'Roster', row: 2, column: 2, value: 'OK' }], tables: [] });
    expect(fake.count('sheets.spreadsheets.values.batchUpdate')).toBe(2);
    expect(fakeCell(spreadsheet, 'Roster', 'C2')).toEqual({ kind: 'value', value: 'OK' });
  });

  it('does not retry a 503 on the layout call, which must not add a tab twice', async () => {
    const { workbook, spreadsheet } = await readWorkbook([ROSTER]);
    fake.failNext('sheets.spreadsheets.batchUpdate', 503);
    await expect(workbook.applyWriteBack({ cells: [], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER] }] })).rejects.toMatchObject({ code: 'GOOGLE_UNAVAILABLE' });
    expect(fake.count('sheets.spreadsheets.batchUpdate')).toBe(1);
    expect(fake.count('sheets.spreadsheets.values.batchUpdate')).toBe(0);
    expect(spreadsheet.sheets.map((sheet) => sheet.properties.title)).toEqual(['Roster']);
  });

  it('reads the workbook first when it is asked to write before any read', async () => {
    const spreadsheet = addSpreadsheet(fake, 'Cold', [ROSTER, FINDINGS]);
    const workbook = new SheetsWorkbook(spreadsheet.spreadsheetId, { rootUrl: fake.rootUrl });
    await workbook.applyWriteBack({ cells: [{ tab: 'Roster', row: 2, column: 2, value: 'OK' }], tables: [] });
    expect([...fake.calls]).toEqual([['sheets.spreadsheets.get', 1], ['sheets.spreadsheets.values.batchUpdate', 1]]);
  });

  it('refuses a plan naming a tab the workbook does not have, writing nothing', async () => {
    const { workbook } = await readWorkbook([ROSTER]);
    await expect(workbook.applyWriteBack({ cells: [{ tab: 'Meetings', row: 2, column: 0, value: 'M-0001' }], tables: [] })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(fake.requests.map((request) => request.method)).toEqual(['sheets.spreadsheets.get']);
  });
});

/** What a person does in Google Sheets while a sync runs: inserts a row above row `at` of a tab (Insert → Row above). */
function insertRowAbove(spreadsheet: ReturnType<typeof addSpreadsheet>, title: string, at: number, cells: readonly string[]): void {
  const sheet = fakeTab(spreadsheet, title);
  sheet.cells.splice(at - 1, 0, cells.map((value) => (value === '' ? undefined : { kind: 'value' as const, value })));
  sheet.properties.rowCount += 1;
}

describe('SheetsWorkbook.applyWriteBack while people edit the sheet', () => {
  it('writes each new ID and Status to the row that holds its row now, after a row was inserted above them', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, FINDINGS, DASHBOARD]);
    insertRowAbove(spreadsheet, 'Roster', 2, ['', 'Zoe']);
    await workbook.applyWriteBack({
      cells: [
        { tab: 'Roster', row: 2, column: 2, value: 'OK' },
        { tab: 'Roster', row: 3, column: 0, value: 'P-0002' },
        { tab: 'Roster', row: 3, column: 2, value: 'Saved as P-0002' },
      ],
      tables: [],
    });
    expect(fakeRows(spreadsheet, 'Roster')).toEqual([['ID', 'Name', 'Status'], [null, 'Zoe'], ['P-0001', 'Ana', 'OK'], ['P-0002', 'Bo', 'Saved as P-0002'], ['P-0003', 'Chen', 'OK']]);
    expect(fake.count('sheets.spreadsheets.get')).toBe(1);
  });

  it('writes nothing when the row that was to get a new ID was changed meanwhile (WORKBOOK_CHANGED: sync again)', async () => {
    const { spreadsheet, workbook } = await readWorkbook([ROSTER, FINDINGS, DASHBOARD]);
    fakeTab(spreadsheet, 'Roster').cells[2]![1] = { kind: 'value', value: 'Bo Lindqvist' };
    await expect(workbook.applyWriteBack({ cells: [{ tab: 'Roster', row: 3, column: 0, value: 'P-0002' }], tables: [] }))
      .rejects.toMatchObject({ code: 'WORKBOOK_CHANGED', message: expect.stringContaining('row 3 of Roster moved or changed') });
    expect(writeCalls()).toBe(0);
    expect(fakeCell(spreadsheet, 'Roster', 'A3')).toBeUndefined();
  });
});
