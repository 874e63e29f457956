// The `spreadsheets.batchUpdate` requests of the workbook's layout: dropdowns, date formats, protected system cells.
import type { sheets_v4 } from '@googleapis/sheets';

/** Rows a new tab has, and down to which dropdowns and date formats reach (as in a new .xlsx workbook). */
export const TEMPLATE_ROWS = 1000;
/** Columns a new tab has at least (Google's default). */
export const TEMPLATE_COLUMNS = 26;
/** Tab colour of the system-owned tabs. */
export const SYSTEM_TAB_COLOR: sheets_v4.Schema$Color = { red: 0.62, green: 0.62, blue: 0.62 };
/** Background of system-owned header cells. */
export const SYSTEM_HEADER_COLOR: sheets_v4.Schema$Color = { red: 0.906, green: 0.902, blue: 0.902 };
/** Date columns show `YYYY-MM-DD`, the form the workbook contract reads. */
export const DATE_PATTERN = 'yyyy-mm-dd';

/** The properties of a new tab: its title and position, the header row frozen, system tabs greyed. */
export function newTabProperties(
  title: string, options: { sheetId?: number; index?: number; rows?: number; columns?: number; systemOwned?: boolean },
): sheets_v4.Schema$SheetProperties {
  return {
    ...(options.sheetId === undefined ? {} : { sheetId: options.sheetId }),
    ...(options.index === undefined ? {} : { index: options.index }),
    title,
    gridProperties: { rowCount: Math.max(TEMPLATE_ROWS, options.rows ?? 0), columnCount: Math.max(TEMPLATE_COLUMNS, options.columns ?? 0), frozenRowCount: 1 },
    ...(options.systemOwned ? { tabColor: SYSTEM_TAB_COLOR } : {}),
  };
}

/**
 * Protects a range so that only the system edits it (`warningOnly` false). No editors are named: Google then lets
 * the account making the request (the service account cceg runs as) and the spreadsheet's owner edit it.
 */
export function protectRequest(range: sheets_v4.Schema$GridRange, description: string): sheets_v4.Schema$Request {
  return { addProtectedRange: { protectedRange: { range, description, warningOnly: false } } };
}

/** Protects a whole system-owned tab. */
export function protectTabRequest(sheetId: number, title: string): sheets_v4.Schema$Request {
  return protectRequest({ sheetId }, `${title}: written by cceg on every sync; edits are overwritten.`);
}

/** Protects a tab's status column (0-based `column`), header included. */
export function protectColumnRequest(sheetId: number, column: number, header: string): sheets_v4.Schema$Request {
  return protectRequest({ sheetId, startColumnIndex: column, endColumnIndex: column + 1 }, `${header}: written by cceg on every sync.`);
}

/** A dropdown of `choices` on the data rows of a column; other values are allowed with a warning, and become findings. */
export function dropdownRequest(sheetId: number, column: number, choices: readonly string[]): sheets_v4.Schema$Request {
  return {
    setDataValidation: {
      range: dataRows(sheetId, column),
      rule: {
        condition: { type: 'ONE_OF_LIST', values: choices.map((choice) => ({ userEnteredValue: choice })) },
        showCustomUi: true,
        strict: false,
      },
    },
  };
}

/** Shows the data rows of a date column as `YYYY-MM-DD` dates. */
export function dateFormatRequest(sheetId: number, column: number): sheets_v4.Schema$Request {
  return {
    repeatCell: {
      range: dataRows(sheetId, column),
      cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: DATE_PATTERN } } },
      fields: 'userEnteredFormat.numberFormat',
    },
  };
}

/** Adds `length` rows or columns at the end of a tab. */
export function growRequest(sheetId: number, dimension: 'ROWS' | 'COLUMNS', length: number): sheets_v4.Schema$Request {
  return { appendDimension: { sheetId, dimension, length } };
}

function dataRows(sheetId: number, column: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: 1, endRowIndex: TEMPLATE_ROWS, startColumnIndex: column, endColumnIndex: column + 1 };
}
