// The .xlsx reader: cell conversion, formulas, the date system, row numbers, tab order, any zip entry order, faults, and a 50,000-row workbook.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { createXlsxWorkbook } from '../../../functions/adapters/xlsx/create-xlsx.js';
import { readXlsxWorkbook, XlsxWorkbookReader } from '../../../functions/adapters/xlsx/read-xlsx.js';
import type { CcegError } from '../../../functions/core/errors.js';
import type { RawTab } from '../../../functions/core/model/raw-workbook.js';
import { workbookTemplate } from '../../../functions/core/template.js';
import { writeBigWorkbook } from '../../support/big-workbook.js';
import { ROSTER_HEADER, rowXml, writeWorkbook } from '../../support/hostile-workbooks.js';
import { reorderZipEntries } from '../../support/real-programs.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-read-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = (name = 'book') => join(dir, `${name}-${++files}.xlsx`);

/** Writes a one-tab workbook whose row 1 is `header` and whose row 2 is filled by `fill`, and reads it back. */
async function readRow2(fill: (sheet: ExcelJS.Worksheet) => void, configure: (book: ExcelJS.Workbook) => void = () => undefined): Promise<RawTab> {
  const book = new ExcelJS.Workbook();
  configure(book);
  const sheet = book.addWorksheet('Roster');
  sheet.getCell('A1').value = 'ID';
  fill(sheet);
  const path = newPath();
  await book.xlsx.writeFile(path);
  const { tabs } = await readXlsxWorkbook(path);
  return tabs[0]!;
}

const dateCell = (value: Date) => (sheet: ExcelJS.Worksheet) => {
  sheet.getCell('A2').value = value;
  sheet.getCell('A2').numFmt = 'yyyy-mm-dd hh:mm';
};

async function faultOf(promise: Promise<unknown>): Promise<Pick<CcegError, 'code' | 'message'>> {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as CcegError | null;
  expect(error, 'the read should have failed').not.toBeNull();
  return { code: error!.code, message: error!.message };
}

describe('readXlsxWorkbook cells', () => {
  it.each([
    ['a date cell becomes its calendar date', dateCell(new Date(Date.UTC(2018, 2, 10))), { date: '2018-03-10' }],
    ['a date-time late in the day keeps its UTC calendar date', dateCell(new Date(Date.UTC(2018, 2, 10, 23, 59))), { date: '2018-03-10' }],
    ['a date-time just past midnight keeps its UTC calendar date', dateCell(new Date(Date.UTC(2018, 2, 11, 0, 1))), { date: '2018-03-11' }],
    ['ISO text stays text', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = '2018-03-10'; }, '2018-03-10'],
    ['a number stays a number', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = 42.5; }, 42.5],
    ['a number without a date format is not a date', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = 43169; }, 43169],
    ['a boolean stays a boolean', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = false; }, false],
    ['an error value becomes an error cell', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { error: '#REF!' }; }, { error: '#REF!' }],
    ['rich text becomes its plain text', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { richText: [{ text: 'Ana ', font: { bold: true } }, { text: 'Pereira' }] }; }, 'Ana Pereira'],
    ['a hyperlink becomes its text', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { text: 'SOI', hyperlink: 'https://example.org/soi' }; }, 'SOI'],
    ['a formula gives its cached number', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: '40+2', result: 42 }; }, 42],
    ['a formula gives its cached text', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: '"P-"&"0001"', result: 'P-0001' }; }, 'P-0001'],
    ['a formula gives its cached boolean', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: 'TRUE()', result: true }; }, true],
    ['a formula gives its cached error', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: 'Gone!A1', result: { error: '#REF!' } }; }, { error: '#REF!' }],
    ['a formula with no cached result is an uncomputed formula, not an empty cell', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: 'B9' } as ExcelJS.CellFormulaValue; s.getCell('B2').value = 'x'; }, { formula: 'B9' }],
    ['a formula whose cached result is empty text is an empty cell', (s: ExcelJS.Worksheet) => { s.getCell('A2').value = { formula: 'IF(1,"")', result: '' }; s.getCell('B2').value = 'x'; }, null],
    ['a date-formatted formula gives its cached date', (s: ExcelJS.Worksheet) => {
      s.getCell('A2').value = { formula: 'DATE(2018,3,10)', result: new Date(Date.UTC(2018, 2, 10)) };
      s.getCell('A2').numFmt = 'yyyy-mm-dd';
    }, { date: '2018-03-10' }],
  ])('%s', async (_name, fill, expected) => {
    const tab = await readRow2(fill);
    expect(tab.rows[0]?.cells[0]).toEqual(expected);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const tab = await readRow2(dateCell(new Date(Date.UTC(2018, 9, 20))), (book) => { book.properties.date1904 = true; });
    expect(tab.rows[0]?.cells[0]).toEqual({ date: '2018-10-20' });
  });

  it.each([
    [1, '1900-01-01'], [59, '1900-02-28'], [60, '1900-02-29'], [61, '1900-03-01'], [43169, '2018-03-10'], [0.5, 0.5],
  ])('reads date serial %s as Excel shows it: %s (60 is the 1900-02-29 Excel counts, and a bare time is a number)', async (serial, expected) => {
    const path = newPath('serial');
    await writeWorkbook(path, { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: rowXml(2, ['P-0001', { serial }]) }] }] });
    expect((await readXlsxWorkbook(path)).tabs[0]?.rows[0]?.cells[1]).toEqual(typeof expected === 'string' ? { date: expected } : expected);
  });

  it.each([
    ['1', '2018-10-20'], ['true', '2018-10-20'], [' TRUE ', '2018-10-20'], ['0', '2014-10-19'], ['false', '2014-10-19'],
  ])('reads date1904="%s" as the XML boolean it is', async (spelling, expected) => {
    const path = newPath('date1904');
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const sheet = book.addWorksheet('Roster');
    sheet.getCell('A1').value = 'Start Date';
    dateCell(new Date(Date.UTC(2018, 9, 20)))(sheet);
    await book.xlsx.writeFile(path);
    await editEntry(path, 'xl/workbook.xml', (xml) => xml.replace(/date1904="[^"]*"/, `date1904="${spelling}"`));
    expect((await readXlsxWorkbook(path)).tabs[0]?.rows[0]?.cells[0]).toEqual({ date: expected });
  });

  it.each([
    ['written by a script, with an empty <v>', '<c r="A2"><f>2017+1</f><v></v></c>', { formula: '2017+1' }],
    ['written by a script, with no <v>', '<c r="A2" t="str"><f>"P-"&amp;"0001"</f></c>', { formula: '"P-"&"0001"' }],
    ['computed to empty text', '<c r="A2" t="str"><f>IF(1,"")</f><v></v></c>', null],
    ['computed to a number', '<c r="A2"><f>2017+1</f><v>2018</v></c>', 2018],
  ])('reads a formula %s', async (_name, cellXml, expected) => {
    const path = newPath('formula');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('WorkPlan').addRows([['Year', 'Activity'], [1, 'Plan']]);
    await book.xlsx.writeFile(path);
    await editEntry(path, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<c r="A2"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, cellXml));
    expect((await readXlsxWorkbook(path)).tabs[0]?.rows[0]?.cells[0]).toEqual(expected);
  });

  it('gives every cell of a filled-down formula with no computed values the formula of the fill', async () => {
    const path = newPath('fill');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('WorkPlan').addRows([['Year', 'Activity'], [1, 'a'], [1, 'b']]);
    await book.xlsx.writeFile(path);
    await editEntry(path, 'xl/worksheets/sheet1.xml', (xml) => xml
      .replace(/<c r="A2"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, '<c r="A2"><f t="shared" ref="A2:A3" si="0">2017+1</f><v></v></c>')
      .replace(/<c r="A3"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, '<c r="A3"><f t="shared" si="0"/></c>'));
    expect((await readXlsxWorkbook(path)).tabs[0]?.rows.map((row) => row.cells[0])).toEqual([{ formula: '2017+1' }, { formula: '2017+1' }]);
  });

  it('gives the cached results of a shared formula to every cell that shares it', async () => {
    const tab = await readRow2((sheet) => {
      sheet.getCell('A2').value = { formula: 'B2*2', result: 2, shareType: 'shared', ref: 'A2:A4' } as ExcelJS.CellFormulaValue;
      sheet.getCell('A3').value = { sharedFormula: 'A2', result: 4 };
      sheet.getCell('A4').value = { sharedFormula: 'A2', result: 6 };
    });
    expect(tab.rows.map((row) => row.cells[0])).toEqual([2, 4, 6]);
  });

  it('reads inline strings and inline rich text written without shared strings', async () => {
    const path = newPath('inline');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = writer.addWorksheet('Issues');
    sheet.addRow(['Title', 'Body']).commit();
    sheet.addRow(['IGF 2018 & "Paris"', { richText: [{ text: 'Internet ' }, { text: 'Governance', font: { italic: true } }, { text: ' Forum' }] }]).commit();
    await writer.commit();
    const { tabs } = await readXlsxWorkbook(path);
    expect(tabs[0]?.rows).toEqual([{ row: 2, cells: ['IGF 2018 & "Paris"', 'Internet Governance Forum'] }]);
  });
});

describe('readXlsxWorkbook rows and tabs', () => {
  it('skips empty rows, keeps real sheet row numbers and fills gaps between cells with null', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Papers');
    sheet.addRow(['ID', 'Title', 'Kind']);
    sheet.getCell('A2').value = 'PP-0001';
    sheet.getCell('C2').value = 'Statement';
    sheet.getCell('B4').value = '   ';
    sheet.getCell('B5').numFmt = 'yyyy-mm-dd'; // styled but empty
    sheet.getCell('B7').value = 'A title';
    const path = newPath();
    await book.xlsx.writeFile(path);
    const [tab] = (await readXlsxWorkbook(path)).tabs;
    expect(tab).toEqual({
      name: 'Papers',
      header: ['ID', 'Title', 'Kind'],
      rows: [
        { row: 2, cells: ['PP-0001', null, 'Statement'] },
        { row: 7, cells: [null, 'A title'] },
      ],
    });
  });

  it('gives every tab with its name as written, in workbook order, with an empty header when row 1 is empty', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet(' roster ').addRow(['ID']);
    book.addWorksheet('Notes').getCell('A3').value = 'no header above';
    book.addWorksheet('Work Plan (draft)').addRow(['ID']);
    const path = newPath();
    await book.xlsx.writeFile(path);
    const { tabs } = await readXlsxWorkbook(path);
    expect(tabs.map((tab) => [tab.name, tab.header, tab.rows.length])).toEqual([
      [' roster ', ['ID'], 0],
      ['Notes', [], 1],
      ['Work Plan (draft)', ['ID'], 0],
    ]);
  });

  it('reads every tab of a workbook whose xl/workbook.xml comes last, every time (exceljs issue #3064)', async () => {
    const path = await createXlsxWorkbook(newPath('template'), workbookTemplate());
    const names = workbookTemplate().tabs.map((tab) => tab.name);
    for (let attempt = 0; attempt < 25; attempt++) {
      expect((await readXlsxWorkbook(path)).tabs.map((tab) => tab.name)).toEqual(names);
    }
  });

  // Orders another program might write; OPC does not fix the order of a package's zip entries.
  it.each([
    ['workbook.xml last, after the shared strings, relationships and sheets', (names: string[]) => [
      ...names.filter((name) => /sharedStrings|_rels|styles/.test(name)), ...names.filter((name) => !/sharedStrings|_rels|styles|xl\/workbook\.xml$/.test(name)), 'xl/workbook.xml']],
    ['the styles last, after the shared strings, relationships and sheets', (names: string[]) => [
      ...names.filter((name) => /sharedStrings|_rels/.test(name)), ...names.filter((name) => !/sharedStrings|_rels|styles/.test(name)), 'xl/styles.xml']],
    ['every entry in reverse', (names: string[]) => names.reverse()],
    ['sorted by name', (names: string[]) => names.sort()],
  ])('reads the same tabs and dates whatever the zip entry order: %s', async (_name, order) => {
    const path = newPath('order');
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    const roster = book.addWorksheet('Roster');
    roster.addRows([['ID', 'Start Date'], ['P-0001', new Date(Date.UTC(2018, 2, 10))]]);
    roster.getCell('B2').numFmt = 'yyyy-mm-dd';
    book.addWorksheet('Papers').addRows([['ID', 'Title'], ['PP-0001', 'WSIS+20']]);
    await book.xlsx.writeFile(path);
    const expected = await readXlsxWorkbook(path);
    expect(expected.tabs[0]?.rows[0]?.cells).toEqual(['P-0001', { date: '2018-03-10' }]);

    await reorderZipEntries(path, order);

    const reordered = await readXlsxWorkbook(path);
    expect(reordered.tabs).toEqual(expected.tabs);
    // Other bytes, another fingerprint: row hashes remembered for the file as it was are not taken for it.
    expect(reordered.fingerprint).not.toBe(expected.fingerprint);
    expect(await readXlsxWorkbook(path)).toEqual(reordered);
    await expect(new XlsxWorkbookReader(path).probe()).resolves.toBeUndefined();
  });

  it('reads what the file holds at read, not what it held at probe, when it was saved in between', async () => {
    const path = newPath('probed');
    const save = async (name: string) => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Roster').addRows([['ID', 'Name'], ['P-0001', name]]);
      await book.xlsx.writeFile(path);
    };
    await save('Before');
    const reader = new XlsxWorkbookReader(path);
    await reader.probe();
    await save('After, a longer name');

    expect((await reader.read()).tabs[0]?.rows[0]?.cells).toEqual(['P-0001', 'After, a longer name']);
  });

  it('tells the fingerprint a read will most likely give once it has probed the file, and the one the read gave after it', async () => {
    const path = newPath('fingerprint-ahead');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Roster').addRows([['ID', 'Name'], ['P-0001', 'Ana']]);
    await book.xlsx.writeFile(path);
    const reader = new XlsxWorkbookReader(path);
    expect(reader.fingerprintAhead()).toBeUndefined();

    await reader.probe();
    const ahead = reader.fingerprintAhead();
    const { fingerprint } = await reader.read();
    expect(ahead).toBe(fingerprint);
    expect(reader.fingerprintAhead()).toBe(fingerprint);
  });

  it('reads a 50,000-row workbook with every row and its sheet row number', async () => {
    const path = newPath('big');
    const counts = await writeBigWorkbook(path, 50_000);
    const { tabs } = await new XlsxWorkbookReader(path).read();
    expect(Object.fromEntries(tabs.map((tab) => [tab.name, tab.rows.length]))).toEqual(counts);
    expect(tabs.reduce((sum, tab) => sum + tab.rows.length, 0)).toBe(50_000);
    const roster = tabs.find((tab) => tab.name === 'Roster')!;
    expect(roster.rows.at(-1)?.row).toBe(counts.Roster! + 1);
    expect(roster.rows[0]?.cells.slice(0, 4)).toEqual(['P-000001', 'Person 1', 'person1@example.org', 'Member']);
  });
});

describe('readXlsxWorkbook faults', () => {
  it('says a missing file does not exist', async () => {
    const path = join(dir, 'missing.xlsx');
    expect(await faultOf(readXlsxWorkbook(path))).toEqual({ code: 'FILE_NOT_FOUND', message: `Cannot open ${path}: no such file.` });
  });

  /** A real workbook's bytes, changed by `contents`, written to a new path. */
  async function changedWorkbook(contents: (good: Buffer) => string | Buffer): Promise<string> {
    const good = newPath('good');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Roster').addRows([['ID', 'Name'], ...Array.from({ length: 200 }, (_, i) => [`P-${i}`, `Person number ${i * 7919}`])]);
    await book.xlsx.writeFile(good);
    const path = newPath('bad');
    writeFileSync(path, contents(readFileSync(good)));
    return path;
  }

  it.each([
    ['a text file', () => 'Code,Name\nALAC,At-Large Advisory Committee\n'],
    ['an empty file', () => ''],
  ])('says %s is not a workbook', async (_name, contents) => {
    const path = await changedWorkbook(contents);
    expect(await faultOf(readXlsxWorkbook(path))).toEqual({ code: 'NOT_A_WORKBOOK', message: `${path} is not an .xlsx workbook.` });
  });

  it.each([
    ['a zip cut short', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2)), "can't find end of central directory."],
    ['a zip whose worksheet data is damaged', (good: Buffer) => damage(good, 'xl/worksheets/sheet1.xml'), 'xl/worksheets/sheet1.xml does not inflate ('],
    ['a zip whose shared strings are damaged', (good: Buffer) => damage(good, 'xl/sharedStrings.xml'), 'xl/sharedStrings.xml does not inflate ('],
  ])('says %s is a damaged zip file, and what is damaged, without hanging', async (_name, contents, says) => {
    const path = await changedWorkbook(contents);
    const fault = await faultOf(readXlsxWorkbook(path));
    expect(fault.code).toBe('NOT_A_WORKBOOK');
    expect(fault.message).toContain(`${path} is a damaged zip file: ${says}`);
    expect(fault.message).not.toContain('\n');
  });

  it('says a folder is not a workbook', async () => {
    expect(await faultOf(readXlsxWorkbook(dir))).toEqual({ code: 'NOT_A_WORKBOOK', message: `${dir} is not an .xlsx workbook.` });
  });
});

/** Rewrites one zip entry's text in place. */
async function editEntry(path: string, entry: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file(entry, edit(await zip.file(entry)!.async('string')));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Scrambles compressed bytes just after the local header of `entry`, so inflating it fails. */
function damage(zip: Buffer, entry: string): Buffer {
  const copy = Buffer.from(zip);
  const start = copy.indexOf(entry) + entry.length + 20;
  for (let i = start; i < start + 60; i++) copy[i] = (copy[i]! * 7 + 13) & 0xff;
  return copy;
}

describe('XlsxWorkbookReader.isCurrent', () => {
  it('tells whether the file is still the one last read: not before a read, not once saved again or gone', async () => {
    const path = newPath('current');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Roster').addRows([['ID', 'Name'], ['P-0001', 'Ana Costa']]);
    await book.xlsx.writeFile(path);
    const reader = new XlsxWorkbookReader(path);
    expect(await reader.isCurrent()).toBe(false);
    await reader.read();
    expect(await reader.isCurrent()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await book.xlsx.writeFile(path);
    expect(await reader.isCurrent()).toBe(false);
    await reader.read();
    rmSync(path);
    expect(await reader.isCurrent()).toBe(false);
  });
});
