// Writes a new .xlsx workbook from the template: bold frozen headers, dropdowns, date formats, laid-out system tabs and optional rows.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { CcegError } from '../../core/errors.js';
import { fileSystemReason } from '../file-system-reason.js';
import { parseIsoDate } from '../../core/dates.js';
import type { TemplateColumn, TemplateTab, WorkbookTemplate } from '../../core/template.js';
import type { WorkbookCreator } from '../../ports/workbook.port.js';
import { STATUS_COLUMN_WIDTH, TABLE_LAYOUTS, type TableLayout } from './table-layouts.js';

/** A value to write: text, number, boolean, a calendar date (written as a real date cell) or nothing. */
export type SheetValue = string | number | boolean | { readonly date: string } | null;
/** One data row to write, keyed by column header. */
export type SheetRow = Readonly<Record<string, SheetValue>>;
/** Data rows to write, keyed by tab name, in sheet order. */
export type WorkbookRows = Readonly<Record<string, readonly SheetRow[]>>;

/** The hidden tab holding dropdown values too long for an inline list. */
export const LISTS_TAB = 'Lists';
/** Dropdowns cover data rows 2 to this row. */
export const LAST_VALIDATED_ROW = 1000;
/** Excel refuses an inline list formula (`"a,b,c"`) longer than this. */
export const INLINE_LIST_LIMIT = 255;
/** Number format of date columns and date cells. */
export const DATE_FORMAT = 'yyyy-mm-dd';

const SYSTEM_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;
const SYSTEM_TAB_COLOR = { argb: 'FF9E9E9E' } as const;

type ListValidation = Pick<ExcelJS.DataValidation, 'type' | 'allowBlank' | 'formulae' | 'showErrorMessage' | 'errorStyle' | 'errorTitle' | 'error'>;
/** exceljs supports range validations (`C2:C1000`) but its typings do not declare them. */
type WithDataValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ListValidation): void } };

/** Writes a new workbook at `path` (never over an existing file) and returns the path. */
export async function createXlsxWorkbook(path: string, template: WorkbookTemplate, rows: WorkbookRows = {}): Promise<string> {
  const workbook = buildWorkbook(template, rows);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  try {
    await writeFile(path, bytes, { flag: 'wx' });
  } catch (error) {
    throw writeError(path, error);
  }
  return path;
}

/** The workbook port's creator over a local .xlsx file, optionally with data rows (the sample, tests). */
export class XlsxWorkbookCreator implements WorkbookCreator {
  constructor(
    private readonly path: string,
    private readonly rows: WorkbookRows = {},
  ) {}

  /** Writes the template (and rows) to the file; throws FILE_EXISTS rather than overwrite. */
  create(template: WorkbookTemplate): Promise<string> {
    return createXlsxWorkbook(this.path, template, this.rows);
  }
}

/** Builds the whole workbook in memory: one worksheet per template tab, in order, then the hidden Lists tab if needed. */
export function buildWorkbook(template: WorkbookTemplate, rows: WorkbookRows = {}): ExcelJS.Workbook {
  const known = new Set(template.tabs.map((tab) => tab.name));
  const unknown = Object.keys(rows).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new CcegError('INTERNAL', `The template has no tab named ${unknown.join(', ')}.`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'cceg';
  const lists = new LongLists();
  for (const tab of template.tabs) addTab(workbook, tab, rows[tab.name] ?? [], lists);
  lists.addSheet(workbook);
  return workbook;
}

function addTab(workbook: ExcelJS.Workbook, tab: TemplateTab, rows: readonly SheetRow[], lists: LongLists): void {
  const sheet = workbook.addWorksheet(tab.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    ...(tab.systemOwned ? { properties: { tabColor: SYSTEM_TAB_COLOR } } : {}),
  }) as WithDataValidations;
  const layout = tab.systemOwned ? TABLE_LAYOUTS[tab.name as keyof typeof TABLE_LAYOUTS] : undefined;
  sheet.columns = tab.columns.map((column, index) => ({
    header: column.header,
    width: layout?.widths[index] ?? (column.systemOwned ? STATUS_COLUMN_WIDTH : columnWidth(column, rows)),
    ...(column.isDate ? { style: { numFmt: DATE_FORMAT } } : {}),
    ...(layout?.wrapped?.includes(index + 1) ? { style: { alignment: { vertical: 'top', wrapText: true } } } : {}),
  }));
  if (layout) layOut(sheet, layout, tab.columns.length);
  const header = sheet.getRow(1);
  tab.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.font = { bold: true };
    if (column.systemOwned) cell.fill = SYSTEM_FILL;
  });
  tab.columns.forEach((column, index) => {
    if (!column.choices || column.choices.length === 0) return;
    const letter = sheet.getColumn(index + 1).letter;
    sheet.dataValidations.add(`${letter}2:${letter}${LAST_VALIDATED_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [lists.formula(tab.name, column)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: `Choose one of: ${column.choices.join(', ')}.`.slice(0, INLINE_LIST_LIMIT),
    });
  });
  const positions = new Map(tab.columns.map((column, index) => [column.header, index + 1]));
  for (const row of rows) {
    const sheetRow = sheet.addRow([]);
    for (const [headerName, value] of Object.entries(row)) {
      const position = positions.get(headerName);
      if (position === undefined) throw new CcegError('INTERNAL', `Tab ${tab.name} has no column "${headerName}".`);
      writeCell(sheetRow.getCell(position), value);
    }
  }
}

/** A filter over a system tab's header and, in the Findings tab, the severities in red (`error`) and amber (`warning`). */
function layOut(sheet: ExcelJS.Worksheet, layout: TableLayout, width: number): void {
  if (layout.filter) sheet.autoFilter = `A1:${sheet.getColumn(width).letter}1`;
  if (layout.severityColumn === undefined) return;
  const letter = sheet.getColumn(layout.severityColumn).letter;
  const rule = (value: string, font: string, fill: string, priority: number): ExcelJS.CellIsRuleType => ({
    type: 'cellIs', operator: 'equal', formulae: [`"${value}"`], priority,
    style: { font: { color: { argb: font } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: fill } } },
  });
  sheet.addConditionalFormatting({ ref: `${letter}2:${letter}1048576`, rules: [rule('error', 'FF9C0006', 'FFFFC7CE', 1), rule('warning', 'FF9C5700', 'FFFFEB9C', 2)] });
}

function writeCell(cell: ExcelJS.Cell, value: SheetValue): void {
  if (value === null || typeof value !== 'object') {
    cell.value = value;
    return;
  }
  const date = parseIsoDate(value.date);
  if (!date) {
    cell.value = value.date; // not a calendar date: written as the text it is, for tests of invalid dates
    return;
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  cell.value = new Date(Date.UTC(year, month - 1, day));
  cell.numFmt = DATE_FORMAT;
}

/** Wide enough for the header, the dropdown values and the rows written, within reason. */
function columnWidth(column: TemplateColumn, rows: readonly SheetRow[]): number {
  if (column.isDate) return Math.max(12, column.header.length + 3);
  const lengths = [column.header.length + 3, ...(column.choices ?? []).map((choice) => choice.length + 3)];
  for (const row of rows) {
    const value = row[column.header];
    if (value !== undefined && value !== null && typeof value !== 'object') lengths.push(String(value).length + 2);
  }
  return Math.min(60, Math.max(10, ...lengths));
}

/** Dropdown values that cannot be an inline list: written once each to the hidden Lists tab and referenced by range. */
class LongLists {
  private readonly lists = new Map<string, { title: string; values: readonly string[]; column: number }>();

  /** The list formula of a choice column: inline when Excel allows it, else a range of the Lists tab. */
  formula(tabName: string, column: TemplateColumn): string {
    const values = column.choices ?? [];
    const inline = `"${values.join(',')}"`;
    if (inline.length <= INLINE_LIST_LIMIT && !values.some((value) => value.includes(',') || value.includes('"'))) return inline;
    const key = values.join('\u0000');
    let list = this.lists.get(key);
    if (!list) {
      list = { title: `${tabName} ${column.header}`, values, column: this.lists.size + 1 };
      this.lists.set(key, list);
    }
    const letter = columnLetter(list.column);
    return `${LISTS_TAB}!$${letter}$2:$${letter}$${values.length + 1}`;
  }

  /** Adds the hidden Lists tab when some list needed it. */
  addSheet(workbook: ExcelJS.Workbook): void {
    if (this.lists.size === 0) return;
    const sheet = workbook.addWorksheet(LISTS_TAB, { state: 'hidden' });
    for (const list of this.lists.values()) {
      const column = sheet.getColumn(list.column);
      column.values = [list.title, ...list.values];
      column.width = Math.min(60, Math.max(list.title.length, ...list.values.map((value) => value.length)) + 2);
    }
    sheet.getRow(1).font = { bold: true };
  }
}

function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function writeError(path: string, error: unknown): CcegError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const fault =
    code === 'EEXIST'
      ? new CcegError('FILE_EXISTS', `${path} already exists; choose another name or delete it first.`)
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? new CcegError('FILE_NOT_FOUND', `Cannot create ${path}: no such folder.`)
        : new CcegError('BAD_OPTION', `Cannot write ${path}: ${fileSystemReason(code, 'write')}.`);
  fault.cause = error;
  return fault;
}
