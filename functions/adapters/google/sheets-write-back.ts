// Turns a write-back plan into at most one layout batchUpdate and one RAW values batchUpdate, from what the read saw.
import type { sheets_v4 } from '@googleapis/sheets';
import { CcegError } from '../../core/errors.js';
import { cellText, type CellValue } from '../../core/model/cell.js';
import type { RawTab } from '../../core/model/raw-workbook.js';
import type { CellWrite, TableWrite, WriteBackPlan } from '../../core/sync/write-back-plan.js';
import { a1Block, type SheetLayout, type SheetsSnapshot } from './sheets-grid.js';
import { dashboardTabFormatting, findingsFilterRequest, findingsTabFormatting, statusColumnFormatting } from './sheets-formatting.js';
import { growRequest, newTabProperties, protectColumnRequest, protectTabRequest } from './sheets-requests.js';

/** The calls a write-back makes: `layout` (new tabs, more rows, protections) first if any, then `values`. */
export interface SheetsWrites {
  readonly layout: sheets_v4.Schema$Request[];
  readonly values: sheets_v4.Schema$ValueRange[];
  readonly cellsChanged: number;
  /** What the workbook holds once both calls succeeded. */
  readonly after: SheetsSnapshot;
}

type Value = string | number;

/** Plans the writes of `plan` against the workbook as last read; `newSheetId` picks the ID of a tab to add. */
export function planSheetsWrites(plan: WriteBackPlan, snapshot: SheetsSnapshot, newSheetId: () => number): SheetsWrites {
  // Applied in order: new tabs, then more rows and columns, then protections (which must fit the grid).
  const added: sheets_v4.Schema$Request[] = [];
  const grown: sheets_v4.Schema$Request[] = [];
  const protectedRanges: sheets_v4.Schema$Request[] = [];
  // Formats of what the system creates (set once: a person may change them later), and the Findings filter.
  const formats: sheets_v4.Schema$Request[] = [];
  const values: sheets_v4.Schema$ValueRange[] = [];
  const sheets = new Map(snapshot.layout.map((sheet) => [sheet.sheetId, { ...sheet }]));
  const reach = new Map<number, { rows: number; columns: number }>();
  const extend = (sheet: SheetLayout, rows: number, columns: number) => {
    const current = reach.get(sheet.sheetId) ?? { rows: 0, columns: 0 };
    reach.set(sheet.sheetId, { rows: Math.max(current.rows, rows), columns: Math.max(current.columns, columns) });
  };

  const cells = lastWriteOfEachCell(plan.cells);
  for (const run of columnRuns(cells)) {
    const sheet = sheetNamed(snapshot.layout, run.tab);
    if (!sheet) throw new CcegError('INTERNAL', `The workbook has no tab named "${run.tab}" to write to.`);
    values.push({ range: a1Block(sheet.title, run.row, run.column, run.values.length, 1), majorDimension: 'COLUMNS', values: [run.values.map(storable)] });
    extend(sheet, run.row + run.values.length - 1, run.column + 1);
    if (run.row === 1 && !run.revert) {
      protectedRanges.push(protectColumnRequest(sheet.sheetId, run.column, String(run.values[0])));
      formats.push(...statusColumnFormatting(sheet.sheetId, run.column));
    }
  }

  let cellsChanged = cells.length;
  const tabs = [...snapshot.workbook.tabs];
  for (const table of lastOfEachTab(plan.tables)) {
    const existing = sheetNamed(snapshot.layout, table.tab);
    const old = existing ? tabNamed(tabs, existing.title) : undefined;
    const block = tableBlock(old, table.rows);
    if (block.changed === 0) continue;
    cellsChanged += block.changed;
    let sheet = existing;
    if (!sheet) {
      sheet = { sheetId: newSheetId(), title: table.tab, rowCount: 0, columnCount: 0 };
      const properties = newTabProperties(table.tab, { sheetId: sheet.sheetId, rows: block.rows.length, columns: block.width, systemOwned: true });
      sheet = { ...sheet, rowCount: properties.gridProperties?.rowCount ?? 0, columnCount: properties.gridProperties?.columnCount ?? 0 };
      added.push({ addSheet: { properties } });
      protectedRanges.push(protectTabRequest(sheet.sheetId, table.tab));
      formats.push(...(table.tab === 'Findings' ? findingsTabFormatting(sheet.sheetId, table.rows.length) : dashboardTabFormatting(sheet.sheetId)));
      sheets.set(sheet.sheetId, sheet);
    } else if (table.tab === 'Findings' && old !== undefined && old.rows.length + 1 !== table.rows.length) {
      formats.push(findingsFilterRequest(sheet.sheetId, table.rows.length, block.width));
    }
    if (block.width > 0) values.push({ range: a1Block(sheet.title, 1, 0, block.rows.length, block.width), majorDimension: 'ROWS', values: block.rows });
    extend(sheet, block.rows.length, block.width);
    const index = tabs.findIndex((tab) => tab === old);
    const written: RawTab = { name: sheet.title, header: table.rows[0] ?? [], rows: table.rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
    if (index >= 0) tabs[index] = written;
    else tabs.push(written);
  }

  for (const [sheetId, needed] of reach) {
    const sheet = sheets.get(sheetId);
    if (!sheet) continue;
    if (needed.rows > sheet.rowCount) grown.push(growRequest(sheetId, 'ROWS', needed.rows - sheet.rowCount));
    if (needed.columns > sheet.columnCount) grown.push(growRequest(sheetId, 'COLUMNS', needed.columns - sheet.columnCount));
    sheets.set(sheetId, { ...sheet, rowCount: Math.max(sheet.rowCount, needed.rows), columnCount: Math.max(sheet.columnCount, needed.columns) });
  }
  return { layout: [...added, ...grown, ...protectedRanges, ...formats], values, cellsChanged, after: { workbook: { tabs }, layout: [...sheets.values()] } };
}

/** The tab a plan names: by exact title, else as the workbook contract matches tab names (case and spaces aside). */
function sheetNamed(layout: readonly SheetLayout[], name: string): SheetLayout | undefined {
  const folded = name.trim().toLowerCase();
  return layout.find((sheet) => sheet.title === name) ?? layout.find((sheet) => sheet.title.trim().toLowerCase() === folded);
}

function tabNamed(tabs: readonly RawTab[], title: string): RawTab | undefined {
  return tabs.find((tab) => tab.name === title);
}

function lastWriteOfEachCell(cells: readonly CellWrite[]): CellWrite[] {
  return [...new Map(cells.map((cell) => [`${cell.tab.trim().toLowerCase()}\u0000${cell.row}\u0000${cell.column}`, cell])).values()];
}

function lastOfEachTab(tables: readonly TableWrite[]): TableWrite[] {
  return [...new Map(tables.map((table) => [table.tab, table])).values()];
}

/** Cells of one column on consecutive rows, written as one range. */
interface ColumnRun {
  readonly tab: string;
  readonly column: number;
  readonly row: number;
  readonly values: Value[];
  readonly revert: boolean;
}

function columnRuns(cells: readonly CellWrite[]): ColumnRun[] {
  const sorted = [...cells].sort((a, b) => (a.tab < b.tab ? -1 : a.tab > b.tab ? 1 : a.column - b.column || a.row - b.row));
  const runs: ColumnRun[] = [];
  let run: ColumnRun | null = null;
  for (const cell of sorted) {
    const revert = cell.revert === true;
    const follows = run && run.tab === cell.tab && run.column === cell.column && run.row + run.values.length === cell.row && run.revert === revert;
    if (run && follows) run.values.push(cell.value);
    else {
      run = { tab: cell.tab, column: cell.column, row: cell.row, values: [cell.value], revert };
      runs.push(run);
    }
  }
  return runs;
}

/**
 * The block that rewrites a system tab: the new rows padded with empty strings over whatever the old contents
 * covered (an empty string clears a cell), and how many cells differ from the old contents.
 */
function tableBlock(old: RawTab | undefined, rows: readonly (readonly Value[])[]): { rows: Value[][]; width: number; changed: number } {
  const oldRows = new Map<number, readonly CellValue[]>();
  if (old) {
    oldRows.set(1, old.header);
    for (const row of old.rows) oldRows.set(row.row, row.cells);
  }
  let height = rows.length;
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  for (const [row, cells] of oldRows) {
    height = Math.max(height, row);
    width = Math.max(width, cells.length);
  }
  const block: Value[][] = [];
  let changed = 0;
  for (let r = 0; r < height; r++) {
    const line: Value[] = [];
    for (let c = 0; c < width; c++) {
      const value = storable(rows[r]?.[c] ?? '');
      if (cellText(oldRows.get(r + 1)?.[c] ?? null) !== String(value)) changed++;
      line.push(value);
    }
    block.push(line);
  }
  return { rows: block, width, changed };
}

/** Numbers stay numbers; a number JSON cannot carry (NaN, Infinity) is written as its text. */
function storable(value: Value): Value {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
