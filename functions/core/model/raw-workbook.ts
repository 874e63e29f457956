// A workbook as read, before any parsing: tabs of cells addressed by sheet row number.
import type { CellValue } from './cell.js';

/** One non-header row of a tab, with the 1-based row number a person sees. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** One tab: its name as written, its header cells (row 1) and its data rows in order. */
export interface RawTab {
  readonly name: string;
  readonly header: readonly CellValue[];
  readonly rows: readonly RawRow[];
}

/** Every tab of a workbook. */
export interface RawWorkbook {
  readonly tabs: readonly RawTab[];
  /**
   * What the file's bytes hash to (a local file's reader gives it): the same fingerprint, the same bytes, the same rows.
   * A store may remember the rows' hashes under it. None for a workbook read another way (the Sheets API).
   */
  readonly fingerprint?: string;
}
