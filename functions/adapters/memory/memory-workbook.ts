// A workbook held in memory (reader and writer in one): for tests, demos and local runs; counts reads and writes.
import { cellText, type CellValue } from '../../core/model/cell.js';
import type { RawWorkbook } from '../../core/model/raw-workbook.js';
import type { WriteBackPlan } from '../../core/sync/write-back-plan.js';
import { CcegError } from '../../core/errors.js';
import type { WorkbookReader, WorkbookWriter } from '../../ports/workbook.port.js';

interface Sheet {
  readonly name: string;
  /** Row 1 is the header; index = sheet row number - 1. */
  grid: CellValue[][];
}

/**
 * One spreadsheet as a grid per tab. `read()` is one "API read", and an `applyWriteBack` that changes something one
 * "API write" (as one batchUpdate would be), so tests can count calls as the Sheets API quota counts them.
 */
export class MemoryWorkbook implements WorkbookReader, WorkbookWriter {
  private readonly sheets: Sheet[];
  /** How many times the workbook was read. */
  readCalls = 0;
  /** How many write-backs changed at least one cell (each would be one Sheets API write). */
  writeCalls = 0;

  /** A workbook holding a copy of `workbook`'s tabs. */
  constructor(workbook: RawWorkbook) {
    this.sheets = workbook.tabs.map((tab) => {
      const grid: CellValue[][] = [[...tab.header]];
      for (const row of tab.rows) {
        while (grid.length < row.row - 1) grid.push([]);
        grid[row.row - 1] = [...row.cells];
      }
      return { name: tab.name, grid };
    });
  }

  /** Every tab with its header and non-empty rows (a copy: later edits do not change it). */
  async read(): Promise<RawWorkbook> {
    this.readCalls++;
    return {
      tabs: this.sheets.map((sheet) => ({
        name: sheet.name,
        header: [...(sheet.grid[0] ?? [])],
        rows: sheet.grid.flatMap((cells, index) => (index === 0 || !cells.some((cell) => cellText(cell).trim() !== '') ? [] : [{ row: index + 1, cells: [...cells] }])),
      })),
    };
  }

  /** Writes the cells and tables that differ; one write call when anything changed. */
  async applyWriteBack(plan: WriteBackPlan): Promise<{ readonly cellsChanged: number }> {
    let changed = 0;
    for (const cell of plan.cells) if (this.put(cell.tab, cell.row, cell.column + 1, cell.value)) changed++;
    for (const table of plan.tables) {
      const sheet = this.sheet(table.tab) ?? this.addSheet(table.tab);
      const width = Math.max(0, ...sheet.grid.map((row) => row.length), ...table.rows.map((row) => row.length));
      const height = Math.max(sheet.grid.length, table.rows.length);
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) if (this.put(sheet.name, r + 1, c + 1, table.rows[r]?.[c] ?? null)) changed++;
      }
    }
    if (changed > 0) this.writeCalls++;
    return { cellsChanged: changed };
  }

  /** A person's edit: sets the cell at a 1-based row and column; returns its old value. */
  setCell(tab: string, row: number, column: number, value: CellValue): CellValue {
    const sheet = this.required(tab);
    const old = sheet.grid[row - 1]?.[column - 1] ?? null;
    this.put(sheet.name, row, column, value);
    return old;
  }

  /** The cell at a 1-based row and column (null when empty). */
  cell(tab: string, row: number, column: number): CellValue {
    return this.required(tab).grid[row - 1]?.[column - 1] ?? null;
  }

  /** The 1-based column of a header in row 1, or throws. */
  columnOf(tab: string, header: string): number {
    const index = (this.required(tab).grid[0] ?? []).findIndex((cell) => cellText(cell).trim().toLowerCase() === header.toLowerCase());
    if (index < 0) throw new CcegError('INTERNAL', `${tab} has no column ${header}.`);
    return index + 1;
  }

  private put(tab: string, row: number, column: number, value: CellValue): boolean {
    const sheet = this.required(tab);
    while (sheet.grid.length < row) sheet.grid.push([]);
    const cells = sheet.grid[row - 1]!;
    if (cellText(cells[column - 1] ?? null) === cellText(value)) return false;
    while (cells.length < column) cells.push(null);
    cells[column - 1] = value === '' ? null : value;
    return true;
  }

  private sheet(name: string): Sheet | undefined {
    return this.sheets.find((sheet) => sheet.name.trim().toLowerCase() === name.trim().toLowerCase());
  }

  private required(name: string): Sheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new CcegError('INTERNAL', `The workbook has no tab ${name}.`);
    return sheet;
  }

  private addSheet(name: string): Sheet {
    const sheet: Sheet = { name, grid: [] };
    this.sheets.push(sheet);
    return sheet;
  }
}
