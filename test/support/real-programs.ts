// Real spreadsheet programs for tests: openpyxl scripts make and read workbooks, LibreOffice re-saves them, jszip reorders them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { CellValue } from '../../functions/core/model/cell.js';
import type { RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../../functions/core/model/tabs.js';
import type { WorkbookRows } from './compliant-workbook.js';

/** The Python that has openpyxl (another python3 earlier on PATH may not). */
export const PYTHON = '/usr/bin/python3';

/** True when /usr/bin/python3 imports openpyxl. */
export const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/** True when LibreOffice's `soffice` runs. */
export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0;

/** A cell an openpyxl script writes: text (`=…` is a formula, saved with no computed value), a number, a date, or nothing. */
export type ScriptCell = string | number | { readonly date: string } | null;

/** One tab of a scripted workbook: its rows, row 1 (the header) first. */
export interface ScriptTab {
  readonly name: string;
  readonly rows: readonly (readonly ScriptCell[])[];
}

/** A workbook an openpyxl script writes at `path`. */
export interface ScriptWorkbook {
  readonly path: string;
  readonly tabs: readonly ScriptTab[];
  /** Saved in the 1904 date system (as a Mac spreadsheet program would). */
  readonly date1904?: boolean;
}

const WRITE_SCRIPT = `
import datetime, json, sys
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
for book in json.load(sys.stdin):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if book.get('date1904'):
        wb.epoch = CALENDAR_MAC_1904
    for tab in book['tabs']:
        ws = wb.create_sheet(tab['name'])
        for r, row in enumerate(tab['rows'], start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                if isinstance(value, dict):
                    ws.cell(r, c, datetime.date.fromisoformat(value['date'])).number_format = 'yyyy-mm-dd'
                else:
                    ws.cell(r, c, value)
    wb.save(book['path'])
`;

const READ_SCRIPT = `
import datetime, json, sys
import openpyxl
request = json.load(sys.stdin)
out = {}
for path in request['paths']:
    wb = openpyxl.load_workbook(path, data_only=not request['formulas'])
    tabs = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None or value == '':
                    continue
                if isinstance(value, (datetime.datetime, datetime.date)):
                    value = value.strftime('%Y-%m-%d')
                cells[cell.coordinate] = value
        tabs[ws.title] = cells
    out[path] = tabs
print(json.dumps(out))
`;

/** Every non-empty cell of every tab, by tab name then A1 reference: text, number, boolean or `YYYY-MM-DD`. */
export type CellsByTab = Map<string, Map<string, string | number | boolean>>;

function runPython(script: string, input: unknown): string {
  const result = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`openpyxl failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** Writes every workbook with openpyxl, in one Python run. */
export function writeWithOpenpyxl(books: readonly ScriptWorkbook[]): void {
  runPython(WRITE_SCRIPT, books);
}

/**
 * Opens every file with openpyxl's `load_workbook`, in one Python run, and gives its cells: the cached values, or with
 * `formulas` each formula's text (`=…`) instead. Throws if openpyxl cannot open one.
 */
export function readWithOpenpyxl(paths: readonly string[], options: { readonly formulas?: boolean } = {}): Map<string, CellsByTab> {
  const parsed = JSON.parse(runPython(READ_SCRIPT, { paths, formulas: options.formulas ?? false })) as Record<string, Record<string, Record<string, string | number | boolean>>>;
  return new Map(Object.entries(parsed).map(([path, tabs]) => [path, new Map(Object.entries(tabs).map(([tab, cells]) => [tab, new Map(Object.entries(cells))]))]));
}

/**
 * Re-saves every file as .xlsx with LibreOffice headless, in one soffice run with a fresh profile (parallel runs do not
 * collide), into `outDir` (which must not be the files' own folder); returns the new paths, in order. Throws, with
 * LibreOffice's words, when it could not load one of them.
 */
export function resaveWithLibreOffice(paths: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'cceg-soffice-'));
  try {
    const result = spawnSync('soffice', [
      `-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, ...paths,
    ], { encoding: 'utf8', timeout: 120_000 });
    const outputs = paths.map((path) => join(outDir, basename(path)));
    const missing = outputs.filter((output) => !existsSync(output));
    if (result.status !== 0 || missing.length > 0) {
      throw new Error(`LibreOffice could not convert ${missing.join(', ') || 'the files'}: ${result.stdout} ${result.stderr} ${result.error?.message ?? ''}`);
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Rewrites the zip with its entries in the order `order` gives them (every name once), each entry's bytes unchanged. */
export async function reorderZipEntries(path: string, order: (names: string[]) => string[]): Promise<void> {
  const source = await JSZip.loadAsync(readFileSync(path));
  const names = Object.values(source.files).filter((file) => !file.dir).map((file) => file.name);
  const ordered = order([...names]);
  if ([...ordered].sort().join('\n') !== [...names].sort().join('\n')) throw new Error('The new order must name every entry once.');
  const target = new JSZip();
  for (const name of ordered) target.file(name, await source.file(name)!.async('nodebuffer'));
  writeFileSync(path, await target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * Fills `formula` down `tab`'s cells `first` to `last` of one column as one shared formula whose cached results are empty
 * text, as Excel stores a fill (`<f t="shared" ref="N2:N40" si="0">` in the first cell, `<f t="shared" si="0"/>` below).
 */
export async function fillDownAsSharedFormula(path: string, tab: string, column: string, first: number, last: number, formula: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const part = await sheetPartOf(zip, tab);
  let xml = await zip.file(part)!.async('string');
  for (let row = first; row <= last; row++) {
    const reference = `${column}${row}`;
    const element = row === first ? `<f t="shared" ref="${column}${first}:${column}${last}" si="0">${formula}</f><v></v>` : '<f t="shared" si="0"/><v></v>';
    const cell = new RegExp(`<c r="${reference}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
    const replacement = `<c r="${reference}" t="str">${element}</c>`;
    if (cell.test(xml)) xml = xml.replace(cell, replacement);
    else if (new RegExp(`<row r="${row}"[^>]*>`).test(xml)) xml = xml.replace(new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)(</row>)`), `$1${replacement}$2`);
    else xml = xml.replace('</sheetData>', `<row r="${row}">${replacement}</row></sheetData>`); // below the table: rows come in order
  }
  zip.file(part, xml);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function sheetPartOf(zip: JSZip, tab: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${tab}"[^>]*?:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*?(?:Target="([^"]+)"[^>]*Id="${id}"|Id="${id}"[^>]*Target="([^"]+)")`).exec(rels);
  const path = target?.[1] ?? target?.[2];
  if (!path) throw new Error(`No tab ${tab}.`);
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

const DATE_HEADERS = new Set(Object.values(TABS).flatMap((tab) => Object.values(tab.columns).filter((column) => column.kind === 'date').map((column) => column.header)));

/**
 * The editable tabs of the contract as an openpyxl script would write them: headers in template order (and the
 * Status column unless `withoutStatus`), the rows given, ISO dates in date columns as real dates; no Findings or Dashboard.
 */
export function scriptTabsOf(rows: WorkbookRows, options: { readonly withoutStatus?: boolean } = {}): ScriptTab[] {
  return DATA_TAB_NAMES.map((name: DataTabName) => {
    const spec = TABS[name];
    const headers = [...Object.values(spec.columns).map((column) => column.header), ...(options.withoutStatus ? [] : [spec.statusHeader])];
    const body = (rows[name] ?? []).map((row) => headers.map((header) => scriptCell(header, row[header] ?? null)));
    return { name, rows: [headers, ...body] };
  });
}

function scriptCell(header: string, value: CellValue): ScriptCell {
  if (value === null || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return 'date' in value ? { date: value.date } : 'error' in value ? value.error : `=${value.formula}`;
  return DATE_HEADERS.has(header) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value } : value;
}

/** cceg's own reading of a workbook as cells by tab and A1 reference, like `readWithOpenpyxl` (formulas with no value left out). */
export function cellsOf(workbook: RawWorkbook): CellsByTab {
  const tabs: CellsByTab = new Map();
  for (const tab of workbook.tabs) {
    const cells = new Map<string, string | number | boolean>();
    [{ row: 1, cells: tab.header }, ...tab.rows].forEach((row) => row.cells.forEach((value, index) => {
      if (value === null || (typeof value === 'object' && 'formula' in value)) return;
      cells.set(`${columnName(index)}${row.row}`, typeof value === 'object' ? ('date' in value ? value.date : value.error) : value);
    }));
    tabs.set(tab.name, cells);
  }
  return tabs;
}

/** The cells of `cells` whose A1 reference is in one of the given columns (`N`) or rows, for comparing the cells that matter. */
export function cellsIn(cells: ReadonlyMap<string, string | number | boolean> | undefined, where: { readonly columns?: readonly string[]; readonly rows?: readonly number[] }): Map<string, string | number | boolean> {
  return new Map([...(cells ?? [])].filter(([reference]) => {
    const [, column = '', row = ''] = /^([A-Z]+)(\d+)$/.exec(reference) ?? [];
    return (where.columns?.includes(column) ?? false) || (where.rows?.includes(Number(row)) ?? false);
  }));
}

function columnName(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
