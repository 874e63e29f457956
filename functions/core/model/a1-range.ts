// A1 notation (`C5`, `B3:D7`) as a block of 1-based rows and columns.
import { columnLetter } from '../parse/headers.js';

/** A block of cells: 1-based first and last row and column, inclusive. */
export interface CellBlock {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** Google Sheets' limits: 10 million cells in a spreadsheet, 18,278 columns (ZZZ); so no tab has more than 10 million rows. */
export const SHEET_LIMITS = { cells: 10_000_000, columns: 18_278, rows: 10_000_000 } as const;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,8})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

function cellOf(text: string): { row: number; column: number } | null {
  const match = CELL.exec(text.trim());
  if (!match) return null;
  const row = Number(match[2]);
  return row >= 1 && row <= SHEET_LIMITS.rows ? { row, column: columnNumber(match[1]!) } : null;
}

/** The block `C5` or `B3:D7` names (corners in any order), or null when it is not A1 notation of cells a sheet can have. */
export function parseA1Range(range: string): CellBlock | null {
  const [from, to, ...rest] = range.split(':');
  if (from === undefined || rest.length > 0) return null;
  const a = cellOf(from);
  const b = to === undefined ? a : cellOf(to);
  if (!a || !b) return null;
  return {
    firstRow: Math.min(a.row, b.row), lastRow: Math.max(a.row, b.row),
    firstColumn: Math.min(a.column, b.column), lastColumn: Math.max(a.column, b.column),
  };
}

/** How many cells a block holds. */
export function cellCount(block: CellBlock): number {
  return (block.lastRow - block.firstRow + 1) * (block.lastColumn - block.firstColumn + 1);
}

/** A1 notation of one cell from a 1-based row and column: (5, 3) → `C5`. */
export function a1Cell(row: number, column: number): string {
  return `${columnLetter(column - 1)}${row}`;
}
