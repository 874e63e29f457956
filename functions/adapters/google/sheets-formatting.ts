// How the system-owned cells look in Google Sheets: widths, wrapped messages, severity colours, the Findings filter.
import type { sheets_v4 } from '@googleapis/sheets';

/** Fill of an error (Findings severity `error`, a Status that starts with Error or NOT SAVED). */
export const ERROR_FILL: sheets_v4.Schema$Color = { red: 0.957, green: 0.8, blue: 0.8 };
/** Fill of a warning. */
export const WARNING_FILL: sheets_v4.Schema$Color = { red: 1, green: 0.949, blue: 0.8 };
/** Width of each Findings column in pixels (Severity, Rule, Tab, Row, Column, Message, Charter). */
const FINDINGS_WIDTHS = [80, 220, 110, 50, 130, 640, 90];
/** Width of each Dashboard column (Section, Item, Value, Detail). */
const DASHBOARD_WIDTHS = [140, 260, 90, 420];
/** Width of a Status column. */
const STATUS_WIDTH = 420;

function widthRequest(sheetId: number, column: number, pixelSize: number): sheets_v4.Schema$Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  };
}

function wrapRequest(sheetId: number, column: number): sheets_v4.Schema$Request {
  return {
    repeatCell: {
      range: { sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 },
      cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
      fields: 'userEnteredFormat.wrapStrategy,userEnteredFormat.verticalAlignment',
    },
  };
}

function colourRule(sheetId: number, column: number, type: 'TEXT_EQ' | 'TEXT_STARTS_WITH', text: string, fill: sheets_v4.Schema$Color): sheets_v4.Schema$Request {
  return {
    addConditionalFormatRule: {
      index: 0,
      rule: {
        ranges: [{ sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 }],
        booleanRule: { condition: { type, values: [{ userEnteredValue: text }] }, format: { backgroundColor: fill } },
      },
    },
  };
}

/** The filter over the Findings table, `rows` high (header included) and `columns` wide: set again whenever its size changes. */
export function findingsFilterRequest(sheetId: number, rows: number, columns: number): sheets_v4.Schema$Request {
  return { setBasicFilter: { filter: { range: { sheetId, startRowIndex: 0, endRowIndex: Math.max(1, rows), startColumnIndex: 0, endColumnIndex: columns } } } };
}

/** A new Findings tab: column widths, wrapped messages, errors red and warnings amber, and a filter over the table. */
export function findingsTabFormatting(sheetId: number, rows: number): sheets_v4.Schema$Request[] {
  return [
    ...FINDINGS_WIDTHS.map((width, column) => widthRequest(sheetId, column, width)),
    wrapRequest(sheetId, 5),
    colourRule(sheetId, 0, 'TEXT_EQ', 'error', ERROR_FILL),
    colourRule(sheetId, 0, 'TEXT_EQ', 'warning', WARNING_FILL),
    findingsFilterRequest(sheetId, rows, FINDINGS_WIDTHS.length),
  ];
}

/** A new Dashboard tab: column widths and wrapped details. */
export function dashboardTabFormatting(sheetId: number): sheets_v4.Schema$Request[] {
  return [...DASHBOARD_WIDTHS.map((width, column) => widthRequest(sheetId, column, width)), wrapRequest(sheetId, 3)];
}

/** A Status column the system added: its width, wrapped text, and errors red, warnings amber (set once; a person may change them). */
export function statusColumnFormatting(sheetId: number, column: number): sheets_v4.Schema$Request[] {
  return [
    widthRequest(sheetId, column, STATUS_WIDTH),
    wrapRequest(sheetId, column),
    colourRule(sheetId, column, 'TEXT_STARTS_WITH', 'NOT SAVED', ERROR_FILL),
    colourRule(sheetId, column, 'TEXT_STARTS_WITH', 'Error', ERROR_FILL),
    colourRule(sheetId, column, 'TEXT_STARTS_WITH', 'Warning', WARNING_FILL),
  ];
}
