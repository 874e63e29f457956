// The fake's in-memory spreadsheets: cells as the Sheets API stores them, and how values go in and come out.
import type { sheets_v4 } from '@googleapis/sheets';
import { parseIsoDate, isoDateToSerial } from '../../../functions/core/dates.js';
import { FakeApiError } from './http.js';

/** A plain cell value. */
export type FakeScalar = string | number | boolean;

/** A stored cell: a value as entered, a formula (never calculated here: `result` is what a test says it gives), or an error. */
export type FakeCell =
  | { readonly kind: 'value'; readonly value: FakeScalar }
  | { readonly kind: 'formula'; readonly formula: string; readonly result: FakeScalar | null }
  | { readonly kind: 'error'; readonly error: string };

/** A tab's properties, always complete. */
export interface FakeSheetProperties {
  sheetId: number;
  title: string;
  index: number;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  tabColor?: sheets_v4.Schema$Color;
}

/** A tab: properties, cells by 0-based row and column, and what batchUpdate added to it. */
export interface FakeSheet {
  properties: FakeSheetProperties;
  cells: (FakeCell | undefined)[][];
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  dataValidations: { range: sheets_v4.Schema$GridRange; rule: sheets_v4.Schema$DataValidationRule }[];
  formats: { range: sheets_v4.Schema$GridRange; format: sheets_v4.Schema$CellFormat; fields: string }[];
  /** Column widths and row heights set by updateDimensionProperties, in order. */
  dimensions: { dimension: 'ROWS' | 'COLUMNS'; index: number; properties: sheets_v4.Schema$DimensionProperties }[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
  basicFilter: sheets_v4.Schema$BasicFilter | null;
}

/** A spreadsheet. */
export interface FakeSpreadsheet {
  spreadsheetId: string;
  properties: sheets_v4.Schema$SpreadsheetProperties;
  sheets: FakeSheet[];
  nextProtectedRangeId: number;
}

const ERROR_TYPES: Readonly<Record<string, string>> = {
  '#ERROR!': 'ERROR', '#NULL!': 'NULL_VALUE', '#DIV/0!': 'DIVIDE_BY_ZERO', '#VALUE!': 'VALUE', '#REF!': 'REF', '#NAME?': 'NAME', '#NUM!': 'NUM', '#N/A': 'N_A',
};

/** A new, empty tab. */
export function newSheet(properties: Partial<FakeSheetProperties> & { sheetId: number; title: string; index: number }): FakeSheet {
  return {
    properties: { rowCount: 1000, columnCount: 26, frozenRowCount: 0, ...properties },
    cells: [], protectedRanges: [], dataValidations: [], formats: [], dimensions: [], conditionalFormats: [], basicFilter: null,
  };
}

/** The tab a range names: exactly, else ignoring case (as the API does); null sheet means the first. */
export function sheetTitled(spreadsheet: FakeSpreadsheet, title: string | null): FakeSheet | undefined {
  if (title === null) return spreadsheet.sheets[0];
  return spreadsheet.sheets.find((sheet) => sheet.properties.title === title)
    ?? spreadsheet.sheets.find((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase());
}

/** The tab with this ID, or a 400 like the API's. */
export function sheetWithId(spreadsheet: FakeSpreadsheet, sheetId: number | null | undefined): FakeSheet {
  const sheet = spreadsheet.sheets.find((candidate) => candidate.properties.sheetId === (sheetId ?? 0));
  if (!sheet) throw new FakeApiError(400, `No grid with id: ${sheetId ?? 0}`);
  return sheet;
}

/** Sets (or, with undefined, clears) a cell. */
export function setCell(sheet: FakeSheet, row: number, column: number, cell: FakeCell | undefined): void {
  const cells = (sheet.cells[row] ??= []);
  cells[column] = cell;
}

/** The cell at a 0-based position. */
export function cellAt(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
  return sheet.cells[row]?.[column];
}

/** The cell a value typed through `values.update` becomes: RAW stores it as it is; USER_ENTERED parses it like the UI. */
export function enteredCell(value: unknown, option: string): FakeCell | undefined | 'skip' {
  if (value === null || value === undefined) return 'skip';
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value };
  if (typeof value !== 'string') throw new FakeApiError(400, `Invalid values: ${JSON.stringify(value)} is not a string, number or boolean`);
  if (value === '') return undefined;
  if (option === 'RAW') return { kind: 'value', value };
  if (option !== 'USER_ENTERED') throw new FakeApiError(400, `Invalid valueInputOption: ${option}`);
  if (value.startsWith("'")) return { kind: 'value', value: value.slice(1) };
  if (/^[+-]?\d+(\.\d+)?$/.test(value)) return { kind: 'value', value: Number(value) };
  if (value.startsWith('=') || value.startsWith('+') || value.startsWith('-')) return { kind: 'formula', formula: value.startsWith('=') ? value : `=${value}`, result: null };
  if (/^(true|false)$/i.test(value)) return { kind: 'value', value: value.toLowerCase() === 'true' };
  const date = parseIsoDate(value);
  return date ? { kind: 'value', value: isoDateToSerial(date) } : { kind: 'value', value };
}

/** A cell from an API `ExtendedValue` (spreadsheets.create, repeatCell). */
export function cellFromExtended(value: sheets_v4.Schema$ExtendedValue | undefined | null): FakeCell | undefined {
  if (!value) return undefined;
  if (typeof value.formulaValue === 'string') return { kind: 'formula', formula: value.formulaValue, result: null };
  if (typeof value.stringValue === 'string') return { kind: 'value', value: value.stringValue };
  if (typeof value.numberValue === 'number') return { kind: 'value', value: value.numberValue };
  if (typeof value.boolValue === 'boolean') return { kind: 'value', value: value.boolValue };
  return undefined;
}

/** What `values.batchGet` answers for a cell under a valueRenderOption ('' for nothing). */
export function renderedValue(cell: FakeCell | undefined, option: string): FakeScalar {
  if (!cell) return '';
  if (cell.kind === 'error') return option === 'FORMULA' ? `=${cell.error}` : cell.error;
  if (cell.kind === 'formula' && option === 'FORMULA') return cell.formula;
  const value = cell.kind === 'formula' ? cell.result : cell.value;
  if (value === null) return '';
  if (option === 'FORMATTED_VALUE') return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return value;
}

/** The calculated value of a cell, as grid data's `effectiveValue`. */
export function effectiveValue(cell: FakeCell | undefined): sheets_v4.Schema$ExtendedValue | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'error') return { errorValue: { type: ERROR_TYPES[cell.error] ?? 'ERROR', message: `Error ${cell.error}` } };
  const value = cell.kind === 'formula' ? cell.result : cell.value;
  if (value === null) return undefined;
  return typeof value === 'string' ? { stringValue: value } : typeof value === 'number' ? { numberValue: value } : { boolValue: value };
}

/** What was entered in a cell, as grid data's `userEnteredValue`. */
export function userEnteredValue(cell: FakeCell | undefined): sheets_v4.Schema$ExtendedValue | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'formula') return { formulaValue: cell.formula };
  if (cell.kind === 'error') return { formulaValue: `=${cell.error}` };
  return effectiveValue(cell);
}

/** The last row and column (0-based, exclusive) holding a cell in a block of a tab. */
export function usedExtent(sheet: FakeSheet, startRow: number, endRow: number, startColumn: number, endColumn: number): { rows: number; columns: number } {
  let rows = startRow;
  let columns = startColumn;
  for (let r = startRow; r < Math.min(endRow, sheet.cells.length); r++) {
    const cells = sheet.cells[r];
    if (!cells) continue;
    for (let c = startColumn; c < Math.min(endColumn, cells.length); c++) {
      if (cells[c] === undefined || renderedValue(cells[c], 'FORMULA') === '') continue;
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
  }
  return { rows, columns };
}

/** The API's view of a tab's properties. */
export function sheetProperties(properties: FakeSheetProperties): sheets_v4.Schema$SheetProperties {
  return {
    sheetId: properties.sheetId, title: properties.title, index: properties.index, sheetType: 'GRID',
    gridProperties: { rowCount: properties.rowCount, columnCount: properties.columnCount, ...(properties.frozenRowCount > 0 ? { frozenRowCount: properties.frozenRowCount } : {}) },
    ...(properties.tabColor ? { tabColor: properties.tabColor } : {}),
  };
}
