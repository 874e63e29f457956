// Places a Status column the plan adds where no cell holds anything, and gives it its width.
import { STATUS_COLUMN_WIDTH } from '../table-layouts.js';
import { withColumnWidth } from './column-width.js';
import type { CellEdit } from './patch-cells.js';
import { cellsOf, findSheetData, rowsOf } from './sheet-xml.js';

/** A value, an inline string or a formula in a `<c>` element's content. */
const HOLDS_SOMETHING = /<(?:[\w.-]+:)?(?:v|is|f)[\s/>]/;

/**
 * The edits with each new column (one whose header the plan writes in row 1) moved right past every column in which
 * some cell holds a value or a formula: the plan saw the cells as read, and a formula that shows nothing (`=IF(…,"")`)
 * reads as empty. Returns the edits and the new columns where they now are.
 */
export function placeNewColumns(xml: string, edits: readonly CellEdit[]): { edits: CellEdit[]; newColumns: number[] } {
  const headers = [...new Set(edits.filter((edit) => edit.row === 1).map((edit) => edit.column))];
  if (headers.length === 0) return { edits: [...edits], newColumns: [] };
  const { used, headed } = usedColumns(xml, Math.min(...headers));
  // A header cell that already holds something is no new column (the same plan applied again): it is compared as it is.
  const planned = headers.filter((column) => !headed.has(column));
  const taken = new Set(edits.map((edit) => edit.column));
  const moves = new Map<number, number>();
  for (const column of planned) {
    let free = column;
    while (used.has(free) || (free !== column && taken.has(free))) free++;
    moves.set(column, free);
    taken.add(free);
  }
  return { edits: edits.map((edit) => ({ ...edit, column: moves.get(edit.column) ?? edit.column })), newColumns: [...moves.values()] };
}

/** The sheet with each new column given the width of a Status column, unless it has a width already. */
export function withNewColumnWidths(xml: string, columns: readonly number[]): string {
  if (columns.length === 0) return xml;
  const { sheetData } = findSheetData(xml);
  return columns.reduce((sheet, column) => withColumnWidth(sheet, sheetData.prefix, column, STATUS_COLUMN_WIDTH), xml);
}

/** The 1-based columns, from `from` on, in which some cell holds a value or a formula, and those whose row 1 does. */
function usedColumns(original: string, from: number): { used: Set<number>; headed: Set<number> } {
  const { xml, sheetData } = findSheetData(original);
  const used = new Set<number>();
  const headed = new Set<number>();
  for (const row of rowsOf(xml, sheetData)) {
    for (const cell of cellsOf(xml, row, sheetData.prefix)) {
      if (cell.position < from || cell.selfClosing || !HOLDS_SOMETHING.test(xml.slice(cell.contentStart, cell.contentEnd))) continue;
      used.add(cell.position);
      if (row.position === 1) headed.add(cell.position);
    }
  }
  return { used, headed };
}
