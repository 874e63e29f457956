// The .xlsx creator: tabs and headers in order, frozen bold header, dropdowns, date formats, laid-out system tabs, rows, refusal to overwrite.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXlsxWorkbook, LAST_VALIDATED_ROW, LISTS_TAB, XlsxWorkbookCreator } from '../../../functions/adapters/xlsx/create-xlsx.js';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-xlsx.js';
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import type { CcegError } from '../../../functions/core/errors.js';
import { workbookTemplate, type WorkbookTemplate } from '../../../functions/core/template.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-create-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `created-${++files}.xlsx`);
const template = workbookTemplate();

async function openWithExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

async function faultOf(promise: Promise<unknown>): Promise<Pick<CcegError, 'code' | 'message'>> {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as CcegError | null;
  expect(error, 'the call should have failed').not.toBeNull();
  return { code: error!.code, message: error!.message };
}

describe('createXlsxWorkbook from the template', () => {
  let path: string;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    path = await new XlsxWorkbookCreator(newPath()).create(template);
    book = await openWithExcelJs(path);
  });

  it('writes every tab of the template, in order, with its headers in order', async () => {
    const { tabs } = await readXlsxWorkbook(path);
    expect(tabs.map((tab) => [tab.name, tab.header, tab.rows.length])).toEqual(
      template.tabs.map((tab) => [tab.name, tab.columns.map((column) => column.header), 0]),
    );
  });

  it('freezes and bolds the header row of every tab', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
    }
  });

  it('puts a dropdown of the listed values on every choice and Yes/No column, rows 2 to 1000', () => {
    for (const tab of template.tabs) {
      const sheet = book.getWorksheet(tab.name)!;
      tab.columns.forEach((column, index) => {
        const at = (row: number) => sheet.getRow(row).getCell(index + 1).dataValidation;
        if (!column.choices) {
          expect(at(2), `${tab.name} ${column.header}`).toBeUndefined();
          return;
        }
        const dropdown = { type: 'list', allowBlank: true, formulae: [`"${column.choices.join(',')}"`] };
        expect(at(2), `${tab.name} ${column.header}`).toMatchObject(dropdown);
        expect(at(LAST_VALIDATED_ROW), `${tab.name} ${column.header}`).toMatchObject(dropdown);
        expect(at(1)).toBeUndefined();
        expect(at(LAST_VALIDATED_ROW + 1)).toBeUndefined();
      });
    }
    expect(book.getWorksheet(LISTS_TAB)).toBeUndefined();
  });

  it('lays out the Findings tab to be read: widths, wrapped messages, a filter over its header, severities in colour', () => {
    const findings = book.getWorksheet('Findings')!;
    expect([1, 2, 6].map((column) => findings.getColumn(column).width)).toEqual([10, 34, 90]);
    expect(findings.getColumn(6).alignment).toMatchObject({ wrapText: true });
    expect(findings.autoFilter).toBe('A1:G1');
    const formatting = (findings as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(formatting.map(({ ref, rules }) => [ref, rules.map((rule) => rule.formulae[0])])).toEqual([['A2:A1048576', ['"error"', '"warning"']]]);
  });

  it('gives every Status column room for its one line of findings', () => {
    expect(book.getWorksheet('Roster')!.getColumn(template.tabs.find((tab) => tab.name === 'Roster')!.columns.length).width).toBe(60);
  });

  it('formats date columns as yyyy-mm-dd', () => {
    const meetings = book.getWorksheet('Meetings')!;
    const start = template.tabs.find((tab) => tab.name === 'Meetings')!.columns.findIndex((column) => column.header === 'Start Date');
    expect(meetings.getColumn(start + 1).numFmt).toBe('yyyy-mm-dd');
    expect(meetings.getColumn(1).numFmt).toBeUndefined();
  });
});

describe('createXlsxWorkbook with rows', () => {
  it('writes rows under their headers, with dates as real date cells', async () => {
    const path = await createXlsxWorkbook(newPath(), template, {
      Meetings: [{ ID: 'ICANN63', Name: 'ICANN63 Barcelona', Type: 'ICANN AGM', 'Start Date': { date: '2018-10-20' }, 'Face To Face': 'Yes' }],
      WorkPlan: [{ Year: 2018, 'Due Date': { date: 'next week' } }],
    });
    const { tabs } = await readXlsxWorkbook(path);
    const meetings = tabs.find((tab) => tab.name === 'Meetings')!;
    const cellOf = (header: string) => meetings.rows[0]!.cells[meetings.header.indexOf(header)];
    expect([cellOf('ID'), cellOf('Type'), cellOf('Start Date'), cellOf('End Date'), cellOf('Face To Face')]).toEqual(
      ['ICANN63', 'ICANN AGM', { date: '2018-10-20' }, null, 'Yes'],
    );
    const workPlan = tabs.find((tab) => tab.name === 'WorkPlan')!;
    expect(workPlan.rows[0]!.cells[workPlan.header.indexOf('Due Date')]).toBe('next week');
  });

  it('refuses a row with a column the tab does not have', async () => {
    expect(await faultOf(createXlsxWorkbook(newPath(), template, { Roster: [{ Nmae: 'Ana' }] }))).toEqual({
      code: 'INTERNAL', message: 'Tab Roster has no column "Nmae".',
    });
  });

  it('writes the 2018 sample with every row it holds', async () => {
    const rows = sampleWorkbookRows();
    const { tabs } = await readXlsxWorkbook(await createXlsxWorkbook(newPath(), template, rows));
    const written = Object.fromEntries(tabs.map((tab) => [tab.name, tab.rows.length]));
    expect(written).toMatchObject(Object.fromEntries(Object.entries(rows).map(([name, tabRows]) => [name, tabRows.length])));
  });
});

describe('createXlsxWorkbook dropdowns too long for Excel', () => {
  it('moves a list longer than 255 characters to the hidden Lists tab and points the dropdown at it', async () => {
    const zones = Array.from({ length: 40 }, (_, i) => `Zone number ${i + 1}`);
    const custom: WorkbookTemplate = {
      tabs: [{ name: 'Meetings', systemOwned: false, columns: [
        { header: 'ID', choices: null, isDate: false, systemOwned: false },
        { header: 'Time Zone', choices: zones, isDate: false, systemOwned: false },
        { header: 'Face To Face', choices: ['Yes', 'No'], isDate: false, systemOwned: false },
      ] }],
    };
    const book = await openWithExcelJs(await createXlsxWorkbook(newPath(), custom));
    const meetings = book.getWorksheet('Meetings')!;
    expect(meetings.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: [`${LISTS_TAB}!$A$2:$A$41`] });
    expect(meetings.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });
    const lists = book.getWorksheet(LISTS_TAB)!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values.slice(1)).toEqual(['Meetings Time Zone', ...zones]);
  });
});

describe('createXlsxWorkbook faults', () => {
  it('refuses to overwrite an existing file and leaves it as it was', async () => {
    const path = newPath();
    writeFileSync(path, 'precious');
    expect(await faultOf(createXlsxWorkbook(path, template))).toEqual({
      code: 'FILE_EXISTS', message: `${path} already exists; choose another name or delete it first.`,
    });
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('says so when the folder does not exist', async () => {
    const path = join(dir, 'no-such-folder', 'new.xlsx');
    expect(await faultOf(createXlsxWorkbook(path, template))).toEqual({ code: 'FILE_NOT_FOUND', message: `Cannot create ${path}: no such folder.` });
  });
});
