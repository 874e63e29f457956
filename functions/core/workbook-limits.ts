// The refusals of a workbook that holds more than the config's `limits` allow, worded once for every workbook reader.
import type { WorkbookLimits } from './config.js';
import { CcegError } from './errors.js';
import { SYSTEM_TABS } from './model/tabs.js';
import { columnLetter } from './parse/headers.js';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The rows with something in them that tab `tab` may have: `limits.rowsPerTab`, but for the tabs cceg writes itself
 * (Findings, Dashboard, their names folded as WORKBOOK.md folds them): a finding per problem can outnumber the rows,
 * and cceg's own output must never stop the next read. The bytes, cells and characters limits still hold there.
 */
export function rowsAllowedIn(tab: string, limits: Pick<WorkbookLimits, 'rowsPerTab'>): number {
  const folded = tab.trim().toLowerCase();
  return SYSTEM_TABS.some((name) => name.toLowerCase() === folded) ? Number.POSITIVE_INFINITY : limits.rowsPerTab;
}

/** `tab` has more than `limits.rowsPerTab` rows with something in them. */
export function tooManyRows(file: string, tab: string, limits: Pick<WorkbookLimits, 'rowsPerTab'>): CcegError {
  return new CcegError('WORKBOOK_TOO_LARGE', `${file}: ${tab} has more than ${count(limits.rowsPerTab)} rows (limits.rowsPerTab).`);
}

/** Row `row` of `tab` holds something further right than `limits.cellsPerRow` cells. */
export function rowTooWide(file: string, tab: string, row: number, limits: Pick<WorkbookLimits, 'cellsPerRow'>): CcegError {
  return new CcegError('WORKBOOK_TOO_LARGE', `${file}: ${tab} row ${row} has more than ${count(limits.cellsPerRow)} cells (limits.cellsPerRow).`);
}

/** The cell of `tab` at `row` and 0-based `column` holds more than `limits.cellChars` characters. */
export function cellTooLong(file: string, tab: string, row: number, column: number, limits: Pick<WorkbookLimits, 'cellChars'>): CcegError {
  return new CcegError('WORKBOOK_TOO_LARGE', `${file}: ${tab} row ${row}, column ${columnLetter(column)} holds more than ${count(limits.cellChars)} characters (limits.cellChars).`);
}
