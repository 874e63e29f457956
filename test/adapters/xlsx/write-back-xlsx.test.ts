// The .xlsx write-back: planned cells written as text, every other cell, format and part untouched, no-change syncs write nothing.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook, XlsxWorkbookReader } from '../../../functions/adapters/xlsx/read-xlsx.js';
import { applyXlsxWriteBack, XlsxWorkbookWriter } from '../../../functions/adapters/xlsx/write-back-xlsx.js';
import type { CcegError } from '../../../functions/core/errors.js';
import type { CellWrite, WriteBackPlan } from '../../../functions/core/sync/write-back-plan.js';
import { writeBigWorkbook } from '../../support/big-workbook.js';
import { editWorkbook } from '../../support/workbook-snapshot.js';
import { changedEntries, exceljsSnapshot, fileHash, rawCells, sheetParts, withoutCells, zipEntries } from '../../support/xlsx-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-write-back-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = (name = 'book') => join(dir, `${name}-${++files}.xlsx`);

const FINDINGS_HEADER = ['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter'];
const DASHBOARD_HEADER = ['Section', 'Item', 'Value', 'Detail'];

/** A workbook a secretariat might keep: styles, formulas (one shared), a note, a merge, a hidden column, validation, a name. */
async function writeFixture(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const roster = book.addWorksheet('Roster', { views: [{ state: 'frozen', ySplit: 1 }] });
  roster.addRow(['ID', 'Name', 'Email', 'Start Date', 'Score', 'Status']);
  roster.getRow(1).font = { bold: true };
  roster.getCell('F1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  roster.getColumn(3).hidden = true;
  roster.getColumn(4).numFmt = 'yyyy-mm-dd';
  roster.getRow(2).values = ['P-0001', 'Ana Pereira', 'ana@example.org', new Date(Date.UTC(2018, 0, 8)), { formula: 'LEN(B2)', result: 11, shareType: 'shared', ref: 'E2:E4' } as ExcelJS.CellFormulaValue, 'stale status'];
  roster.getRow(3).values = ['P-0002', 'Kofi Mensah', 'kofi@example.org', new Date(Date.UTC(2018, 1, 1)), { sharedFormula: 'E2', result: 11 }];
  roster.getRow(4).values = [null, 'No ID Yet', 'noid@example.org', null, { sharedFormula: 'E2', result: 9 }];
  roster.getRow(5).values = ['P-0003', '=IMPORTXML("typed by a person")', 'p3@example.org', null, 42, { formula: 'A5&"!"', result: 'P-0003!' }];
  roster.getRow(6).values = ['P-0004', 'A merged name'];
  roster.mergeCells('B6:C6');
  roster.getRow(8).values = ['P-0005', 'After a gap', null, null, null, ''];
  roster.getCell('B30').value = 'Far below';
  roster.getCell('F2').font = { italic: true };
  roster.getCell('B2').note = 'Typed by the ccNSO secretariat';
  roster.getCell('A2').dataValidation = { type: 'textLength', operator: 'lessThan', formulae: [12], allowBlank: true };
  book.definedNames.add("'Roster'!$A$1:$F$30", 'RosterArea');
  const papers = book.addWorksheet('Papers');
  papers.addRows([['ID', 'Title'], ['PP-0001', 'IG and the DNS'], ['PP-0002', 'WSIS+20']]);
  const notes = book.addWorksheet('Notes');
  notes.getCell('A1').value = { formula: 'Roster!B2', result: 'Ana Pereira' };
  notes.getCell('B3').value = 'left alone';
  notes.getCell('B3').border = { bottom: { style: 'thin' } };
  const dashboard = book.addWorksheet('Dashboard');
  dashboard.addRows([DASHBOARD_HEADER, ['Members', 'ALAC', 2], ['Members', 'GNSO', 1, 'below 2'], ['Tally', 'PP-0001', '3 endorse'], ['Last sync', null, '2018-01-01T00:00Z']]);
  dashboard.getRow(1).font = { bold: true };
  await book.xlsx.writeFile(path);
}

const status = (tab: string, row: number, value: string, column = 5): CellWrite => ({ tab, row, column, value });

/** The sync's plan for the fixture: two IDs, statuses (formula-looking text among them), a status header, both tables. */
const fixturePlan: WriteBackPlan = {
  cells: [
    { tab: 'Roster', row: 4, column: 0, value: 'P-0006' },
    { tab: 'Roster', row: 30, column: 0, value: 'P-0007' },
    status('Roster', 2, 'OK'),
    status('Roster', 3, '=IMPORTXML("http://example.org","//a")'),
    status('Roster', 4, '+1'),
    status('Roster', 5, '-1'),
    status('Roster', 6, '@SUM(A1)'),
    status('Roster', 8, `a <b> & "c" 'd' ]]> e`),
    status('Roster', 30, 'OK'),
    status('Papers', 1, 'Status', 2),
    status('Papers', 2, 'OK', 2),
    status('Papers', 3, 'OK', 2),
  ],
  tables: [
    { tab: 'Findings', rows: [FINDINGS_HEADER, ['error', 'cell.invalid-date', 'Roster', 3, 'Start Date', '=HYPERLINK("x") is not a date', '§2'], ['warning', 'roster.band', '', '', '', 'GNSO has 1 member', '§3']] },
    { tab: 'Dashboard', rows: [DASHBOARD_HEADER, ['Members', 'ALAC', 3, ''], ['Last sync', '', '2018-06-01T10:00:00Z', '']] },
  ],
};
const PLANNED = new Map([['Roster', new Set(['A4', 'A30', 'F2', 'F3', 'F4', 'F5', 'F6', 'F8', 'F30'])], ['Papers', new Set(['C1', 'C2', 'C3'])]]);

describe('applyXlsxWriteBack on a workbook people have formatted', () => {
  it('writes the planned cells and touches no other cell, format, formula, note, merge, validation or name', async () => {
    const path = newPath();
    await writeFixture(path);
    const before = await snapshot(path);

    expect(await new XlsxWorkbookWriter(path).applyWriteBack(fixturePlan)).toEqual({ cellsChanged: 9 + 3 + 18 + 10 });

    const after = await snapshot(path);
    expectOnlyPlannedCellsChanged(before, after, (name) => PLANNED.get(name) ?? new Set(), new Set(['Dashboard']), new Set(['Papers']));
    expect(after.excel.tabs.get('Roster')!.cells.get('F2')).toMatchObject({ value: '"OK"', style: before.excel.tabs.get('Roster')!.cells.get('F2')!.style });
  });

  it.each([
    ['gives a Status column it adds a width', undefined, 'width="60"'],
    ['keeps the width someone gave the column it adds a Status column in', 12.5, 'width="12.5"'],
  ])('%s', async (_name, width, expected) => {
    const path = newPath();
    const book = new ExcelJS.Workbook();
    const papers = book.addWorksheet('Papers');
    papers.addRows([['ID', 'Title'], ['PP-0001', 'WSIS+20']]);
    if (width !== undefined) papers.getColumn(3).width = width;
    await book.xlsx.writeFile(path);
    await applyXlsxWriteBack(path, { cells: [status('Papers', 1, 'Status', 2), status('Papers', 2, 'OK', 2)], tables: [] });
    const sheet = (await zipEntries(path)).get('xl/worksheets/sheet1.xml')!.toString();
    expect(/<col [^>]*min="3"[^>]*>/.exec(sheet)?.[0]).toContain(expected);
  });

  it('asks spreadsheet programs to recalculate formulas when they open a file it wrote', async () => {
    const path = newPath();
    await writeFixture(path);
    await applyXlsxWriteBack(path, { cells: [status('Roster', 2, 'OK')], tables: [] });
    expect((await zipEntries(path)).get('xl/workbook.xml')!.toString()).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('gives the Findings tab it adds widths, a bold header, wrapped messages, a filter and severity colours', async () => {
    const path = newPath();
    await writeFixture(path);
    await applyXlsxWriteBack(path, fixturePlan);
    const entries = await zipEntries(path);
    const findings = entries.get(sheetParts(entries).get('Findings')!)!.toString();
    expect(findings).toContain('<col min="6" max="6" width="90" style="');
    expect(findings).toContain('<autoFilter ref="A1:G3"/>');
    expect(entries.get('xl/workbook.xml')!.toString()).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="4" hidden="1">'Findings'!$A$1:$G$3</definedName>`);
    expect(findings).toMatch(/<conditionalFormatting sqref="A2:A1048576"><cfRule type="cellIs" dxfId="\d+" priority="1" operator="equal"><formula>"error"<\/formula>/);
    const { tabs } = await exceljsSnapshot(path);
    const message = JSON.parse(tabs.get('Findings')!.cells.get('F2')!.style) as { alignment?: { wrapText?: boolean } };
    const header = JSON.parse(tabs.get('Findings')!.cells.get('A1')!.style) as { font?: { bold?: boolean } };
    expect([message.alignment?.wrapText, header.font?.bold]).toEqual([true, true]);
  });

  it('changes only the patched sheets, the rewritten tab and the parts that list a new tab; every other entry keeps its bytes', async () => {
    const path = newPath();
    await writeFixture(path);
    const before = await zipEntries(path);
    await applyXlsxWriteBack(path, fixturePlan);
    const after = await zipEntries(path);
    const parts = sheetParts(after);
    expect(changedEntries(before, after)).toEqual(
      ['Roster', 'Papers', 'Dashboard', 'Findings'].map((name) => parts.get(name)!)
        .concat(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml']).sort(),
    );
    expect([...parts.keys()]).toEqual(['Roster', 'Papers', 'Notes', 'Dashboard', 'Findings']);
    expect(after.get(parts.get('Papers')!)!.toString()).toContain('<dimension ref="A1:C3"/>');
  });

  it('reports nothing changed and leaves the file byte-identical when the same plan is applied again', async () => {
    const path = newPath();
    await writeFixture(path);
    await applyXlsxWriteBack(path, fixturePlan);
    const [hash, modified] = [fileHash(path), statSync(path).mtimeMs];
    expect(await applyXlsxWriteBack(path, fixturePlan)).toEqual({ cellsChanged: 0 });
    expect(fileHash(path)).toBe(hash);
    expect(statSync(path).mtimeMs).toBe(modified);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is read back by the streaming reader: inline strings, new IDs, the new Findings tab and the shorter Dashboard', async () => {
    const path = newPath();
    await writeFixture(path);
    await applyXlsxWriteBack(path, fixturePlan);
    const tabs = new Map((await readXlsxWorkbook(path)).tabs.map((tab) => [tab.name, tab]));
    const roster = tabs.get('Roster')!;
    expect(roster.rows.map((row) => [row.row, row.cells[0], row.cells[5]])).toEqual([
      [2, 'P-0001', 'OK'], [3, 'P-0002', '=IMPORTXML("http://example.org","//a")'], [4, 'P-0006', '+1'], [5, 'P-0003', '-1'],
      [6, 'P-0004', '@SUM(A1)'], [8, 'P-0005', `a <b> & "c" 'd' ]]> e`], [30, 'P-0007', 'OK'],
    ]);
    expect(roster.rows[2]?.cells[4]).toBe(9); // the shared formula's cached result is still there
    expect(tabs.get('Papers')).toMatchObject({ header: ['ID', 'Title', 'Status'], rows: [{ cells: ['PP-0001', 'IG and the DNS', 'OK'] }, { cells: ['PP-0002', 'WSIS+20', 'OK'] }] });
    expect(tabs.get('Findings')).toEqual({ name: 'Findings', header: FINDINGS_HEADER, rows: [
      { row: 2, cells: ['error', 'cell.invalid-date', 'Roster', 3, 'Start Date', '=HYPERLINK("x") is not a date', '§2'] },
      { row: 3, cells: ['warning', 'roster.band', null, null, null, 'GNSO has 1 member', '§3'] },
    ] });
    expect(tabs.get('Dashboard')?.rows).toEqual([{ row: 2, cells: ['Members', 'ALAC', 3] }, { row: 3, cells: ['Last sync', null, '2018-06-01T10:00:00Z'] }]);
  });

  it('writes the Dashboard again when only it changed, counting only the cells that differ', async () => {
    const path = newPath();
    await writeFixture(path);
    await applyXlsxWriteBack(path, fixturePlan);
    const later = { cells: [], tables: [{ tab: 'Dashboard' as const, rows: [DASHBOARD_HEADER, ['Members', 'ALAC', 3, ''], ['Last sync', '', '2018-06-02T10:00:00Z', '']] }] };
    expect(await applyXlsxWriteBack(path, later)).toEqual({ cellsChanged: 1 });
    expect((await readXlsxWorkbook(path)).tabs.find((tab) => tab.name === 'Dashboard')?.rows[1]?.cells[2]).toBe('2018-06-02T10:00:00Z');
  });
});

describe('applyXlsxWriteBack never turns text into a formula', () => {
  it.each([
    ['=IMPORTXML("https://example.org","//a")'], ['+1'], ['-1'], ['@SUM(A1)'], ['=1+1'], ['<b>bold</b> & more'], ['a ]]> b'],
    [`"double" and 'single'`], ['  leading and trailing  '], ['tab\there, line\r\nbreak'], ['emoji 🗳️ and 中文'],
  ])('writes %j as the same text', async (value) => {
    const path = newPath('text');
    await writeFixture(path);
    await applyXlsxWriteBack(path, { cells: [status('Roster', 2, value)], tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, ['error', 'r', 'Roster', 2, 'Name', value, '§2']] }] });
    const { tabs } = await readXlsxWorkbook(path);
    expect(tabs.find((tab) => tab.name === 'Roster')?.rows[0]?.cells[5]).toBe(value);
    expect(tabs.find((tab) => tab.name === 'Findings')?.rows[0]?.cells[5]).toBe(value);
    const cell = (await exceljsSnapshot(path)).tabs.get('Roster')!.cells.get('F2')!;
    expect(cell).toMatchObject({ type: ExcelJS.ValueType.String, formula: undefined, value: JSON.stringify(value) });
    const part = sheetParts(await zipEntries(path)).get('Roster')!;
    expect(rawCells((await zipEntries(path)).get(part)!.toString()).get('F2')).toMatch(/^<c r="F2" s="\d+" t="inlineStr"><is><t[^>]*>[^<]*<\/t><\/is><\/c>$/);
  });

  it('escapes a literal _x0041_ so that it is not read back as an escaped character', async () => {
    const path = newPath('escape');
    await writeFixture(path);
    await applyXlsxWriteBack(path, { cells: [status('Roster', 2, '_x0041_ and _x0042__x0043_')], tables: [] });
    const part = sheetParts(await zipEntries(path)).get('Roster')!;
    expect(rawCells((await zipEntries(path)).get(part)!.toString()).get('F2')).toContain('<t>_x005F_x0041_ and _x005F_x0042__x005F_x0043_</t>');
    expect((await readXlsxWorkbook(path)).tabs[0]?.rows[0]?.cells[5]).toBe('_x0041_ and _x0042__x0043_');
  });

  it('replaces characters XML cannot hold, so the workbook still opens', async () => {
    const path = newPath('control');
    await writeFixture(path);
    await applyXlsxWriteBack(path, { cells: [status('Roster', 2, 'bell\u0007 null\u0000 esc\u001b end')], tables: [] });
    await exceljsSnapshot(path);
    const { tabs } = await readXlsxWorkbook(path);
    expect(tabs[0]?.rows[0]?.cells[5]).toBe('bell\uFFFD null\uFFFD esc\uFFFD end');
    expect(await applyXlsxWriteBack(path, { cells: [status('Roster', 2, 'bell\u0007 null\u0000 esc\u001b end')], tables: [] })).toEqual({ cellsChanged: 0 });
  });
});

describe('applyXlsxWriteBack on the sample workbook', () => {
  it('writes a status on every row and new Findings, keeps every user cell, and writes nothing the second time', async () => {
    const path = newPath('sample');
    copyFileSync(join(import.meta.dirname, '../../../sheets/sample-workbook.xlsx'), path);
    const { tabs } = await readXlsxWorkbook(path);
    const cells: CellWrite[] = [];
    for (const tab of tabs) {
      const column = tab.header.findIndex((header) => header === 'Status' || header === 'Sync Status');
      if (column < 0 || tab.name === 'Findings') continue;
      for (const row of tab.rows) cells.push({ tab: tab.name, row: row.row, column, value: `OK ${tab.name} ${row.row}` });
    }
    const plan: WriteBackPlan = { cells, tables: [{ tab: 'Findings', rows: [FINDINGS_HEADER, ['warning', 'papers.circulated-late', 'Papers', 3, 'Circulated On', 'Circulated 9 days after release', '§4']] }] };
    const before = await snapshot(path);

    expect((await applyXlsxWriteBack(path, plan)).cellsChanged).toBe(cells.length + 7);

    const planned = (name: string) => new Set(cells.filter((cell) => cell.tab === name).map((cell) => `${String.fromCharCode(65 + cell.column)}${cell.row}`));
    expectOnlyPlannedCellsChanged(before, await snapshot(path), planned, new Set(['Findings']));
    const reread = await readXlsxWorkbook(path);
    for (const cell of cells) expect(reread.tabs.find((tab) => tab.name === cell.tab)?.rows.find((row) => row.row === cell.row)?.cells[cell.column]).toBe(cell.value);
    const hash = fileHash(path);
    expect(await applyXlsxWriteBack(path, plan)).toEqual({ cellsChanged: 0 });
    expect(fileHash(path)).toBe(hash);
  });
});

describe('applyXlsxWriteBack with formulas in the way', () => {
  it('drops the calculation chain when it overwrites a formula, and keeps it otherwise', async () => {
    const path = newPath('calc');
    await writeFixture(path);
    writeFileSync(path, await withCalcChain(path, 'F5'));
    await applyXlsxWriteBack(path, { cells: [status('Roster', 2, 'OK')], tables: [] });
    expect((await zipEntries(path)).has('xl/calcChain.xml')).toBe(true);
    await applyXlsxWriteBack(path, { cells: [status('Roster', 5, 'OK')], tables: [] });
    const entries = await zipEntries(path);
    expect(entries.has('xl/calcChain.xml')).toBe(false);
    expect(entries.get('[Content_Types].xml')!.toString()).not.toContain('calcChain');
    expect(entries.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('calcChain');
    await exceljsSnapshot(path);
  });

  it('refuses to overwrite the first cell of a shared formula other cells still use, and leaves the file as it was', async () => {
    const path = newPath('shared');
    await writeFixture(path);
    const hash = fileHash(path);
    expect(await faultOf(applyXlsxWriteBack(path, { cells: [{ tab: 'Roster', row: 2, column: 4, value: 'x' }], tables: [] }))).toMatchObject({ code: 'INTERNAL' });
    expect(fileHash(path)).toBe(hash);
    const all = [2, 3, 4].map((row) => ({ tab: 'Roster', row, column: 4, value: row }));
    expect(await applyXlsxWriteBack(path, { cells: all, tables: [] })).toEqual({ cellsChanged: 3 });
  });
});

describe('applyXlsxWriteBack faults', () => {
  it('says a missing file does not exist', async () => {
    const path = join(dir, 'missing.xlsx');
    expect(await faultOf(applyXlsxWriteBack(path, fixturePlan))).toEqual({ code: 'FILE_NOT_FOUND', message: `Cannot open ${path}: no such file.` });
  });

  it('says a file that is not a zip is not a workbook', async () => {
    const path = newPath('text');
    writeFileSync(path, 'ID,Name\nP-0001,Ana\n');
    expect(await faultOf(applyXlsxWriteBack(path, fixturePlan))).toEqual({ code: 'NOT_A_WORKBOOK', message: `${path} is not an .xlsx workbook.` });
  });

  it('writes into the package its reader read, to the same bytes as from the file, and refuses a file saved since the read', async () => {
    const [fromRead, fromFile, savedSince] = [newPath(), newPath(), newPath()];
    await writeFixture(fromRead);
    copyFileSync(fromRead, fromFile);
    copyFileSync(fromRead, savedSince);
    const reader = new XlsxWorkbookReader(fromRead);
    await reader.read();

    expect(await new XlsxWorkbookWriter(fromRead, reader).applyWriteBack(fixturePlan)).toEqual(await applyXlsxWriteBack(fromFile, fixturePlan));
    expect(readFileSync(fromRead)).toEqual(readFileSync(fromFile));

    // Prepared (its tabs inflating ahead, by the reader and by the writer, one of them never written), it writes the same bytes.
    const [prepared, again] = [newPath(), newPath()];
    await writeFixture(prepared);
    copyFileSync(prepared, again);
    const preparedReader = new XlsxWorkbookReader(prepared);
    await preparedReader.read();
    preparedReader.prefetchSheets(['Roster', 'Findings']);
    const writer = new XlsxWorkbookWriter(prepared, preparedReader);
    writer.prepare(['Roster', 'Papers', 'Notes', 'Findings', 'Dashboard', 'No such tab']);
    expect(await writer.applyWriteBack(fixturePlan)).toEqual(await applyXlsxWriteBack(again, fixturePlan));
    expect(readFileSync(prepared)).toEqual(readFileSync(again));

    const stale = new XlsxWorkbookReader(savedSince);
    await stale.read();
    await editWorkbook(savedSince, (workbook) => void (workbook.getWorksheet('Notes')!.getCell('B4').value = 'saved meanwhile'));
    const hash = fileHash(savedSince);
    expect(await faultOf(new XlsxWorkbookWriter(savedSince, stale).applyWriteBack(fixturePlan))).toMatchObject({ code: 'WORKBOOK_CHANGED' });
    expect(fileHash(savedSince)).toBe(hash);
  });

  it.each([
    ['a comment that looks like the row to write', 'sheet1.xml', 'Roster', '<!-- <row r="3"><c r="F3"/></row> -->'],
    ['a CDATA section', 'sheet1.xml', 'Roster', '<![CDATA[<row r="3"></row>]]>'],
    ['a processing instruction', 'sheet1.xml', 'Roster', '<?script-note row 3?>'],
    ['a comment in the Dashboard it rewrites', 'sheet4.xml', 'Dashboard', '<!-- kept by a script -->'],
  ])('refuses a sheet to write whose XML holds %s (a script wrote it), naming the tab and writing nothing', async (_what, sheet, tab, markup) => {
    const path = newPath();
    await writeFixture(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const part = `xl/worksheets/${sheet}`;
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('<sheetData>');
    zip.file(part, xml.replace('<sheetData>', `<sheetData>${markup}`));
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const hash = fileHash(path);
    const plan: WriteBackPlan = tab === 'Roster' ? { cells: [status('Roster', 3, 'OK')], tables: [] } : { cells: [], tables: fixturePlan.tables };
    expect(await faultOf(applyXlsxWriteBack(path, plan))).toEqual({
      code: 'UNREADABLE_WORKBOOK',
      message: `${path}: the ${tab} tab's XML holds a comment, CDATA section or processing instruction (a script wrote it, not a spreadsheet program), `
        + 'which cceg does not write into; nothing was written or committed. Open and save the workbook in a spreadsheet program, then sync again.',
    });
    expect(fileHash(path)).toBe(hash);
  });

  it('refuses a plan naming a tab the workbook does not have, writing nothing', async () => {
    const path = newPath();
    await writeFixture(path);
    const hash = fileHash(path);
    expect(await faultOf(applyXlsxWriteBack(path, { cells: [status('Roster', 2, 'OK'), status('Meetings', 2, 'OK')], tables: [] }))).toMatchObject({ code: 'INTERNAL' });
    expect(fileHash(path)).toBe(hash);
  });
});

describe('applyXlsxWriteBack on 50,000 rows', () => {
  it('writes a Status cell on every row in one pass, then finds nothing to change', { timeout: 180_000 }, async () => {
    const path = newPath('big');
    const { Roster: count = 0 } = await writeBigWorkbook(path, { Roster: 50_000 });
    const cells = Array.from({ length: count }, (_, index): CellWrite => ({ tab: 'Roster', row: index + 2, column: 13, value: index % 10 === 0 ? 'Email: not an address' : 'OK' }));
    const started = performance.now();
    expect(await applyXlsxWriteBack(path, { cells, tables: [] })).toEqual({ cellsChanged: 50_000 });
    const written = performance.now() - started;
    const again = performance.now();
    expect(await applyXlsxWriteBack(path, { cells, tables: [] })).toEqual({ cellsChanged: 0 });
    const unchanged = performance.now() - again;
    console.info(`write-back of 50,000 Status cells: ${Math.round(written)} ms; the same plan again: ${Math.round(unchanged)} ms`);
    const roster = (await readXlsxWorkbook(path)).tabs.find((tab) => tab.name === 'Roster')!;
    expect(roster.rows).toHaveLength(50_000);
    expect(roster.rows.every((row, index) => row.cells[13] === cells[index]!.value && row.cells[0] === `P-${String(index + 1).padStart(6, '0')}`)).toBe(true);
    expect(written).toBeLessThan(30_000);
  });
});

/** Adds an xl/calcChain.xml naming `reference` of the first sheet, with its relationship and content type, as Excel writes one. */
async function withCalcChain(path: string, reference: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="${reference}" i="1"/></calcChain>`);
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface Snapshot {
  readonly excel: Awaited<ReturnType<typeof exceljsSnapshot>>;
  readonly entries: Map<string, Buffer>;
}

async function snapshot(path: string): Promise<Snapshot> {
  return { excel: await exceljsSnapshot(path), entries: await zipEntries(path) };
}

/**
 * Every tab but the skipped ones keeps every cell (as exceljs sees it and as raw XML) but the planned ones, and its
 * merges, validations and columns; a tab that gets a new Status column (`widened`) may gain that column's width.
 */
function expectOnlyPlannedCellsChanged(before: Snapshot, after: Snapshot, planned: (tab: string) => ReadonlySet<string>, skipped: ReadonlySet<string>, widened: ReadonlySet<string> = new Set()): void {
  // The name of the new Findings tab's filter is the only name added.
  const names = (snapshot: Snapshot) => (JSON.parse(snapshot.excel.definedNames) as { name: string }[]).filter(({ name }) => name !== '_xlnm._FilterDatabase');
  expect(names(after)).toEqual(names(before));
  const parts = sheetParts(after.entries);
  const withoutCols = (rest: string) => ({ ...(JSON.parse(rest) as Record<string, unknown>), cols: undefined });
  for (const [name, tab] of before.excel.tabs) {
    if (skipped.has(name)) continue;
    const cells = planned(name);
    expect(withoutCells(after.excel.tabs.get(name)!.cells, cells), name).toEqual(withoutCells(tab.cells, cells));
    if (widened.has(name)) expect(withoutCols(after.excel.tabs.get(name)!.rest), name).toEqual(withoutCols(tab.rest));
    else expect(after.excel.tabs.get(name)!.rest, name).toBe(tab.rest);
    const part = parts.get(name)!;
    const [rawBefore, rawAfter] = [rawCells(before.entries.get(part)!.toString()), rawCells(after.entries.get(part)!.toString())];
    expect(withoutCells(rawAfter, cells), name).toEqual(withoutCells(rawBefore, cells));
  }
}

async function faultOf(promise: Promise<unknown>): Promise<Pick<CcegError, 'code' | 'message'>> {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as CcegError | null;
  expect(error, 'the write-back should have failed').not.toBeNull();
  return { code: error!.code, message: error!.message };
}
