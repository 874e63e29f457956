// The values a workbook cell can hold, as every workbook adapter hands them to the core.

/** A cell formatted as a date, reduced to its calendar date (`YYYY-MM-DD`). */
export interface DateCell {
  readonly date: string;
}

/** A cell holding a spreadsheet error value such as `#REF!`. */
export interface ErrorCell {
  readonly error: string;
}

/**
 * A cell holding a formula that has no computed value: a script wrote it and no spreadsheet program has calculated it
 * since. It is not empty (its value is unknown), and reading it is a `cell.formula-not-computed` finding.
 */
export interface FormulaCell {
  /** The formula as the file gives it, without its `=`; a cell of a filled-down formula gets the first cell's text. */
  readonly formula: string;
}

/** One cell: text, number, boolean, date, error, an uncomputed formula, or null when empty. */
export type CellValue = string | number | boolean | DateCell | ErrorCell | FormulaCell | null;

/** The spreadsheet error values the workbook contract names. */
export const FORMULA_ERRORS: readonly string[] = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];

/** True when the cell is an error value (or text that spells one). */
export function isErrorCell(value: CellValue): value is ErrorCell {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** True when the cell is a date cell. */
export function isDateCell(value: CellValue): value is DateCell {
  return typeof value === 'object' && value !== null && 'date' in value;
}

/** True when the cell holds a formula with no computed value. */
export function isFormulaCell(value: CellValue): value is FormulaCell {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

/** True when the cell holds nothing a person typed (null or only spaces); an uncomputed formula is not empty. */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as a person would read it, for messages; an uncomputed formula as its formula (`=2017+1`). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (isErrorCell(value)) return value.error;
  if (isDateCell(value)) return value.date;
  if (isFormulaCell(value)) return `=${value.formula}`;
  return String(value);
}
