// SheetsWorkbookCreator against the fake: every tab, header, dropdown, frozen row and protection, in two calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SheetsWorkbookCreator } from '../../../functions/adapters/google/sheets-creator.js';
import { SheetsWorkbook } from '../../../functions/adapters/google/sheets-workbook.js';
import { workbookTemplate } from '../../../functions/core/template.js';
import { fakeRows, fakeTab } from '../../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../../support/fake-google/server.js';

let fake: FakeGoogle;
beforeAll(async () => (fake = await startFakeGoogle()));
afterAll(() => fake.stop());
beforeEach(() => fake.resetCalls());

const template = workbookTemplate();

async function create(title = 'CCEG IG 2018') {
  const location = await new SheetsWorkbookCreator(title, { rootUrl: fake.rootUrl }, { sleep: async () => undefined }).create(template);
  const spreadsheet = fake.spreadsheets.get(location.replace('sheets:', ''));
  if (!spreadsheet) throw new Error(`the fake holds no ${location}`);
  return { location, spreadsheet };
}

describe('SheetsWorkbookCreator', () => {
  it('creates every tab of the template in order, with its header row bold and frozen, in two calls', async () => {
    const { location, spreadsheet } = await create();
    expect(location).toMatch(/^sheets:[\w-]+$/);
    expect(spreadsheet.properties.title).toBe('CCEG IG 2018');
    expect([...fake.calls]).toEqual([['sheets.spreadsheets.create', 1], ['sheets.spreadsheets.batchUpdate', 1]]);
    expect(spreadsheet.sheets.map((sheet) => sheet.properties.title)).toEqual(template.tabs.map((tab) => tab.name));
    for (const tab of template.tabs) {
      const sheet = fakeTab(spreadsheet, tab.name);
      expect(fakeRows(spreadsheet, tab.name), tab.name).toEqual([tab.columns.map((column) => column.header)]);
      expect(sheet.properties.frozenRowCount, tab.name).toBe(1);
      expect(sheet.formats.find((format) => format.range.startRowIndex === 0)?.format.textFormat?.bold, tab.name).toBe(true);
    }
  });

  it('puts a dropdown of its choices on every choice column, allowing other values with a warning', async () => {
    const { spreadsheet } = await create();
    for (const tab of template.tabs) {
      const validations = fakeTab(spreadsheet, tab.name).dataValidations;
      const expected = tab.columns.flatMap((column, index) => (column.choices ? [{ index, choices: column.choices }] : []));
      expect(validations.map((v) => ({ index: v.range.startColumnIndex, choices: v.rule.condition?.values?.map((value) => value.userEnteredValue) })), tab.name).toEqual(expected);
      for (const validation of validations) {
        expect(validation.range).toMatchObject({ startRowIndex: 1, endRowIndex: 1000 });
        expect(validation.rule).toMatchObject({ condition: { type: 'ONE_OF_LIST' }, showCustomUi: true, strict: false });
      }
    }
  });

  it('formats the date columns as YYYY-MM-DD dates', async () => {
    const { spreadsheet } = await create();
    const roster = template.tabs.find((tab) => tab.name === 'Roster')!;
    const dateColumns = roster.columns.flatMap((column, index) => (column.isDate ? [index] : []));
    const formatted = fakeTab(spreadsheet, 'Roster').formats.filter((format) => format.format.numberFormat?.type === 'DATE');
    expect(formatted.map((format) => format.range.startColumnIndex)).toEqual(dateColumns);
    expect(formatted[0]?.format.numberFormat?.pattern).toBe('yyyy-mm-dd');
  });

  it('protects each status column and the whole Findings and Dashboard tabs, not as warnings', async () => {
    const { spreadsheet } = await create();
    for (const tab of template.tabs) {
      const sheet = fakeTab(spreadsheet, tab.name);
      const sheetId = sheet.properties.sheetId;
      const expected = tab.systemOwned
        ? [{ sheetId }]
        : tab.columns.flatMap((column, index) => (column.systemOwned ? [{ sheetId, startColumnIndex: index, endColumnIndex: index + 1 }] : []));
      expect(sheet.protectedRanges.map((range) => range.range), tab.name).toEqual(expected);
      expect(sheet.protectedRanges.every((range) => range.warningOnly === false), tab.name).toBe(true);
    }
  });

  it('creates a workbook that reads back with exactly the template headers', async () => {
    const { location } = await create();
    const raw = await new SheetsWorkbook(location.replace('sheets:', ''), { rootUrl: fake.rootUrl }).read();
    expect(raw.tabs.map((tab) => ({ name: tab.name, header: tab.header, rows: tab.rows }))).toEqual(
      template.tabs.map((tab) => ({ name: tab.name, header: tab.columns.map((column) => column.header), rows: [] })),
    );
  });

  it('names the spreadsheet it created when its dropdowns and protections could not be added', async () => {
    fake.failNext('sheets.spreadsheets.batchUpdate', 403);
    const error = await new SheetsWorkbookCreator('Half done', { rootUrl: fake.rootUrl }).create(template).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringMatching(/^sheets:[\w-]+ was created, but its dropdowns and protections were not added: /) });
  });
});
