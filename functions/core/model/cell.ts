// The values a workbook cell can hold, as every workbook adapter hands them to the core.

/** A cell formatted as a date, reduced to its calendar date (`YYYY-MM-DD`). */
export interface DateCell {
  readonly date: string;
}

/** A cell holding a spreadsheet error value such as `#REF!`. */
export interface ErrorCell {
  readonly error: string;
}

/** One cell: text, number, boolean, date, error, or null when empty. */
export type CellValue = string | number | boolean | DateCell | ErrorCell | null;

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

/** True when the cell holds nothing a person typed (null or only spaces). */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cell as a person would read it, for messages. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (isErrorCell(value)) return value.error;
  if (isDateCell(value)) return value.date;
  return String(value);
}
