// Workbooks made by openpyxl scripts and re-saved by LibreOffice: cceg reads them right, syncs them, and both programs still open them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxPackage } from '../../../functions/adapters/xlsx/package/xlsx-package.js';
import { readXlsxWorkbook } from '../../../functions/adapters/xlsx/read-xlsx.js';
import { cli } from '../../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../../support/compliant-workbook.js';
import {
  cellsIn, cellsOf, fillDownAsSharedFormula, hasOpenpyxl, hasSoffice, readWithOpenpyxl, resaveWithLibreOffice, scriptTabsOf, writeWithOpenpyxl,
  type CellsByTab, type ScriptTab,
} from '../../support/real-programs.js';
import { fileHash } from '../../support/xlsx-snapshot.js';

const missingPrograms = !hasOpenpyxl || !hasSoffice;
const dir = mkdtempSync(join(tmpdir(), 'cceg-real-programs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storeOf = (workbook: string) => `sqlite:${workbook.replace(/\.xlsx$/, '.db')}`;
const sync = (workbook: string) => cli(['sync', workbook, '--store', storeOf(workbook), '--today', COMPLIANT_TODAY]);
type JsonFinding = { rule: string; tab: string; row: number | null; column: string | null; message: string };
const findingsOf = async (workbook: string): Promise<JsonFinding[]> =>
  (JSON.parse((await cli(['validate', workbook, '--today', COMPLIANT_TODAY, '--format', 'json'])).out) as { findings: JsonFinding[] }).findings;
/** A copy of `source` in a folder of its own, to sync. */
const copyOf = (source: string, name: string) => {
  const workbook = join(mkdtempSync(join(dir, `${name}-`)), `${name}.xlsx`);
  copyFileSync(source, workbook);
  return workbook;
};

/** The compliant workbook's tabs with one cell replaced. */
function withCell(tabs: ScriptTab[], tab: string, row: number, header: string, value: string): ScriptTab[] {
  return tabs.map((candidate) => {
    if (candidate.name !== tab) return candidate;
    const column = candidate.rows[0]!.indexOf(header);
    return { ...candidate, rows: candidate.rows.map((cells, index) => (index === row - 1 ? cells.map((cell, at) => (at === column ? value : cell)) : cells)) };
  });
}
const compliant = () => scriptTabsOf(compliantWorkbookRows());
const rosterRows = compliantWorkbookRows().Roster!.length;

/** The workbooks as a secretariat's script writes them (`script`) and as LibreOffice saves them again (`office`). */
const script = {
  plain: join(dir, 'plain.xlsx'),
  dates1904: join(dir, 'dates-1904.xlsx'),
  // A year typed as a formula; a Roster ID made by a formula, and one made by a formula that gives empty text.
  formulas: join(dir, 'formulas.xlsx'),
  // The Status column was deleted; the secretariat keeps notes in the next column, without a header.
  noStatus: join(dir, 'no-status.xlsx'),
};
const office = { dates1904: '', formulas: '' };

beforeAll(() => {
  if (missingPrograms) return;
  const formulas = withCell(withCell(withCell(compliant(), 'WorkPlan', 2, 'Year', '=2017+1'), 'Roster', 3, 'ID', '="P-"&"0002"'), 'Roster', 4, 'ID', '=IF(1=1,"","P-0099")');
  const notes = scriptTabsOf(compliantWorkbookRows(), { withoutStatus: true })
    .map((tab) => (tab.name !== 'Roster' ? tab : { ...tab, rows: tab.rows.map((cells, index) => (index === 0 ? cells : [...cells, `note ${index + 1}`])) }));
  writeWithOpenpyxl([
    { path: script.plain, tabs: compliant() },
    { path: script.dates1904, tabs: compliant(), date1904: true },
    { path: script.formulas, tabs: formulas },
    { path: script.noStatus, tabs: notes },
  ]);
  const out = join(dir, 'office');
  mkdirSync(out);
  const [dates1904 = '', formulasResaved = ''] = resaveWithLibreOffice([script.dates1904, script.formulas], out);
  Object.assign(office, { dates1904, formulas: formulasResaved });
});

describe.skipIf(missingPrograms)('a workbook in the 1904 date system', () => {
  it('reads every date as typed, whether openpyxl (date1904="1") or LibreOffice (date1904="true") saved it', async () => {
    for (const workbook of [script.dates1904, office.dates1904]) {
      const roster = (await readXlsxWorkbook(workbook)).tabs.find((tab) => tab.name === 'Roster')!;
      expect(roster.rows[0]!.cells[roster.header.indexOf('SOI Date')], workbook).toEqual({ date: '2018-01-15' });
      expect(await findingsOf(workbook), workbook).toEqual([]);
    }
  });
});

describe.skipIf(missingPrograms)('formulas a script wrote without computing them', () => {
  it('are a data finding naming tab, row and column, never an empty cell', async () => {
    const findings = (await findingsOf(script.formulas)).filter((finding) => finding.rule.startsWith('cell.'));
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'cell.formula-not-computed', tab: 'Roster', row: 3, column: 'ID' }),
      expect.objectContaining({ rule: 'cell.formula-not-computed', tab: 'Roster', row: 4, column: 'ID' }),
      expect.objectContaining({ rule: 'cell.formula-not-computed', tab: 'WorkPlan', row: 2, column: 'Year' }),
    ]);
    expect(findings[2]?.message).toBe(
      'WorkPlan row 2, Year (cell B2) holds a formula with no computed value: open and save the workbook in a spreadsheet program, or type the value.',
    );
  });

  it('read as their values once LibreOffice has computed them', async () => {
    expect((await findingsOf(office.formulas)).filter((finding) => finding.rule.startsWith('cell.'))).toEqual([]);
  });

  it('are never overwritten in an ID cell, computed or not', async () => {
    for (const source of [script.formulas, office.formulas]) {
      const workbook = copyOf(source, 'ids');
      expect((await sync(workbook)).err).toBe('');
      const roster = readWithOpenpyxl([workbook], { formulas: true }).get(workbook)!.get('Roster')!;
      expect([roster.get('A3'), roster.get('A4')], source).toEqual(['="P-"&"0002"', '=IF(1=1,"","P-0099")']);
    }
  });
});

describe.skipIf(missingPrograms)('a tab whose Status column was deleted', () => {
  it('gets its new Status column in the first empty column, never over the notes beside the table', async () => {
    const workbook = copyOf(script.noStatus, 'no-status');
    expect((await sync(workbook)).err).toBe('');
    const roster = readWithOpenpyxl([workbook]).get(workbook)!.get('Roster')!;
    expect([...cellsIn(roster, { columns: ['N'] }).values()]).toEqual(Array.from({ length: rosterRows }, (_, index) => `note ${index + 2}`));
    expect([...cellsIn(roster, { columns: ['O'] }).values()]).toEqual(['Status', ...Array.from({ length: rosterRows }, () => 'OK')]);
  });
});

describe.skipIf(missingPrograms)('a formula filled down a Status column', () => {
  it('stops the sync before anything is committed or written, naming the tab and the cells', async () => {
    const workbook = copyOf(script.plain, 'filled-status');
    await fillDownAsSharedFormula(workbook, 'Roster', 'N', 2, 40, 'IF(B2="","",LEN(B2))');
    const hash = fileHash(workbook);

    const run = await sync(workbook);

    expect(run).toMatchObject({ code: 2, err: 'cceg: Roster!N2:N40 holds a formula filled down the Status column, which cceg writes; delete those formulas and sync again.\n' });
    expect(fileHash(workbook)).toBe(hash);
    const audit = await cli(['audit', 'list', '--store', storeOf(workbook), '--format', 'json']);
    expect((JSON.parse(audit.out) as { entries: unknown[] }).entries).toEqual([]);
  });
});

describe.skipIf(missingPrograms)('every workbook a script or LibreOffice wrote, once synced', () => {
  const names = ['plain', 'dates1904', 'dates1904 re-saved by LibreOffice', 'formulas', 'formulas re-saved by LibreOffice', 'noStatus'] as const;
  const synced = new Map<string, { path: string; first: string; second: string; hashes: [string, string] }>();
  const openpyxl = new Map<string, CellsByTab>();
  const libreOffice = new Map<string, string>();

  beforeAll(async () => {
    const sources: Record<(typeof names)[number], string> = {
      plain: script.plain, dates1904: script.dates1904, 'dates1904 re-saved by LibreOffice': office.dates1904,
      formulas: script.formulas, 'formulas re-saved by LibreOffice': office.formulas, noStatus: script.noStatus,
    };
    for (const name of names) {
      const path = copyOf(sources[name], name.replace(/\W+/g, '-'));
      const first = (await sync(path)).err;
      const hash = fileHash(path);
      const second = (await sync(path)).err;
      synced.set(name, { path, first, second, hashes: [hash, fileHash(path)] });
    }
    const paths = [...synced.values()].map((book) => book.path);
    for (const [path, cells] of readWithOpenpyxl(paths)) openpyxl.set(path, cells);
    const converted = resaveWithLibreOffice(paths, mkdtempSync(join(dir, 'reopened-')));
    paths.forEach((path, index) => libreOffice.set(path, converted[index]!));
  }, 180_000);

  it.each(names)('%s is left byte for byte as it is by a second sync with no change', (name) => {
    const book = synced.get(name)!;
    expect([book.first, book.second]).toEqual(['', '']);
    expect(book.hashes[1]).toBe(book.hashes[0]);
  });

  it.each(names)('%s still opens in openpyxl and LibreOffice, which read what cceg reads', async (name) => {
    const { path } = synced.get(name)!;
    const ours = cellsOf(await readXlsxWorkbook(path));
    const theirs = { openpyxl: openpyxl.get(path)!, libreOffice: cellsOf(await readXlsxWorkbook(libreOffice.get(path)!)) };
    expect([...ours.keys()]).toEqual(expect.arrayContaining(['Roster', 'WorkPlan', 'Findings', 'Dashboard']));
    for (const [program, cells] of Object.entries(theirs)) {
      for (const [tab, values] of ours) expect(pick(cells.get(tab), values.keys()), `${program}: ${tab}`).toEqual(values);
    }
  });

  it('lays the Findings tab it adds out to be read, as LibreOffice sees it too: widths, a filter over the table, severity colours', async () => {
    const { path } = synced.get('formulas')!;
    for (const file of [path, libreOffice.get(path)!]) {
      const book = await XlsxPackage.load(readFileSync(file), file);
      const findings = await book.read(book.sheet('Findings')!.part);
      const rows = (await readXlsxWorkbook(file)).tabs.find((tab) => tab.name === 'Findings')!.rows.length + 1;
      expect(findings, file).toMatch(new RegExp(`<autoFilter ref="A1:G${rows}"`));
      expect(findings, file).toMatch(/<conditionalFormatting sqref="A2:A1048576">.*(&quot;|")error\1.*\1warning\1/s);
      expect(findings, file).toMatch(/<col [^>]*(max="6" min="6"|min="6" max="6")[^>]*width="90/);
    }
    const book = await XlsxPackage.load(readFileSync(path), path);
    expect(await book.read(book.workbookPart)).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });
});

/** The cells of `cells` at the given references (those a program left empty are missing, and so fail the comparison). */
function pick(cells: ReadonlyMap<string, string | number | boolean> | undefined, references: Iterable<string>): Map<string, string | number | boolean> {
  return new Map([...references].flatMap((reference) => (cells?.has(reference) ? [[reference, cells.get(reference)!] as const] : [])));
}
