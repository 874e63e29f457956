// Reads the grid data of `spreadsheets.get` into a RawWorkbook, and names cells in A1 notation for writes.
import type { sheets_v4 } from '@googleapis/sheets';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../core/config.js';
import { serialToIsoDate } from '../../core/dates.js';
import { cellText, isEmptyCell, type CellValue } from '../../core/model/cell.js';
import type { RawRow, RawTab, RawWorkbook } from '../../core/model/raw-workbook.js';
import { TABS } from '../../core/model/tabs.js';
import { columnLetter, foldName } from '../../core/parse/headers.js';
import { cellTooLong, rowsAllowedIn, rowTooWide, tooManyRows } from '../../core/workbook-limits.js';

/**
 * The partial response a sync reads: every tab's identity and grid size, and each cell's effective (calculated,
 * unformatted) value; no formats, so a date is its serial number.
 */
export const READ_FIELDS =
  'spreadsheetId,sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),data(startRow,startColumn,rowData(values(effectiveValue))))';

/** A tab's identity and grid size, as a sync found them (writes beyond the grid must grow it first). */
export interface SheetLayout {
  readonly sheetId: number;
  readonly title: string;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** What a read learned: the workbook, and where each tab is. */
export interface SheetsSnapshot {
  readonly workbook: RawWorkbook;
  readonly layout: readonly SheetLayout[];
}

/** Google's error types and the error values a person sees for them (LOADING: a formula still running). */
const ERROR_VALUES: Readonly<Record<string, string>> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIVIDE_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!', NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: '#N/A',
};

/** Folded headers of the date columns of each tab of the contract, by lower-case tab name. */
const DATE_HEADERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.values(TABS).map((tab) => [
    tab.name.toLowerCase(),
    new Set(Object.values(tab.columns).filter((column) => column.kind === 'date').map((column) => foldName(column.header))),
  ]),
);

/** The spreadsheet as refusals name it (`sheets:<id>`), and the limits its tabs are read within. */
export interface GridReading {
  readonly file: string;
  readonly limits: Pick<WorkbookLimits, 'rowsPerTab' | 'cellsPerRow' | 'cellChars'>;
}

/**
 * Every tab of a `spreadsheets.get` answer (fields READ_FIELDS) as raw rows, with its layout. A tab past the limits
 * (rows with something in them, a value right of `cellsPerRow`, a text longer than `cellChars`) is refused,
 * WORKBOOK_TOO_LARGE, before the core sees any of it.
 */
export function snapshotOf(spreadsheet: sheets_v4.Schema$Spreadsheet, reading: GridReading = { file: `sheets:${spreadsheet.spreadsheetId ?? ''}`, limits: DEFAULT_LIMITS }): SheetsSnapshot {
  const tabs: RawTab[] = [];
  const layout: SheetLayout[] = [];
  const sheets = [...(spreadsheet.sheets ?? [])].sort((a, b) => (a.properties?.index ?? 0) - (b.properties?.index ?? 0));
  for (const sheet of sheets) {
    const properties = sheet.properties ?? {};
    const title = properties.title ?? '';
    layout.push({
      sheetId: properties.sheetId ?? 0, title,
      rowCount: properties.gridProperties?.rowCount ?? 0, columnCount: properties.gridProperties?.columnCount ?? 0,
    });
    tabs.push(rawTabOf(title, sheet.data ?? [], reading));
  }
  return { workbook: { tabs }, layout };
}

/** One tab: row 1 as the header, then its non-empty rows; numbers in the contract's date columns become dates. */
function rawTabOf(title: string, grids: readonly sheets_v4.Schema$GridData[], { file, limits }: GridReading): RawTab {
  const cellsByRow = new Map<number, CellValue[]>();
  for (const grid of grids) {
    const startRow = grid.startRow ?? 0;
    const startColumn = grid.startColumn ?? 0;
    (grid.rowData ?? []).forEach((rowData, offset) => {
      const values = rowData.values ?? [];
      if (values.length === 0) return;
      const row = startRow + offset + 1;
      const cells = cellsByRow.get(row) ?? [];
      values.forEach((value, offset) => {
        const column = startColumn + offset;
        const cell = cellOf(value.effectiveValue);
        if (typeof cell === 'string' && cell.length > limits.cellChars) throw cellTooLong(file, title, row, column, limits);
        if (column < limits.cellsPerRow) cells[column] = cell;
        else if (!isEmptyCell(cell)) throw rowTooWide(file, title, row, limits);
      });
      cellsByRow.set(row, cells);
    });
  }
  const header = trimmed(cellsByRow.get(1) ?? []);
  const dateHeaders = DATE_HEADERS.get(title.trim().toLowerCase());
  const dateColumns = new Set<number>();
  header.forEach((cell, column) => {
    if (dateHeaders?.has(foldName(cellText(cell)))) dateColumns.add(column);
  });
  const rows: RawRow[] = [];
  for (const row of [...cellsByRow.keys()].sort((a, b) => a - b)) {
    if (row === 1) continue;
    const cells = trimmed(cellsByRow.get(row) ?? []).map((cell, column) => (dateColumns.has(column) ? asDate(cell) : cell));
    if (cells.every(isEmptyCell)) continue;
    if (rows.length === rowsAllowedIn(title, limits)) throw tooManyRows(file, title, limits);
    rows.push({ row, cells });
  }
  return { name: title, header, rows };
}

/** A cell's effective value: text (empty text is an empty cell), number, boolean or error value. */
function cellOf(value: sheets_v4.Schema$ExtendedValue | undefined): CellValue {
  if (!value) return null;
  if (typeof value.stringValue === 'string') return value.stringValue === '' ? null : value.stringValue;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.errorValue) return { error: ERROR_VALUES[value.errorValue.type ?? 'ERROR'] ?? '#ERROR!' };
  return null;
}

/** A serial number in a date column is that calendar date; anything else stays as it is (and may be a finding). */
function asDate(cell: CellValue): CellValue {
  if (typeof cell !== 'number') return cell;
  const date = serialToIsoDate(cell);
  return date === null ? cell : { date };
}

/** Gaps filled with null, trailing empty cells dropped. */
function trimmed(cells: readonly (CellValue | undefined)[]): CellValue[] {
  const filled = Array.from(cells, (cell) => cell ?? null);
  while (filled.length > 0 && filled[filled.length - 1] === null) filled.pop();
  return filled;
}

/** A sheet title as A1 notation writes it: always quoted, quotes doubled. */
export function quotedTitle(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** A1 notation of a block of a tab, from 1-based first row and 0-based first column, and its size. */
export function a1Block(title: string, row: number, column: number, rows: number, columns: number): string {
  return `${quotedTitle(title)}!${columnLetter(column)}${row}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}
