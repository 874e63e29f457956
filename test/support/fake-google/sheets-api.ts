// Sheets v4 `spreadsheets.create` and `spreadsheets.get` (with grid data and field masks) of the fake.
import { randomBytes } from 'node:crypto';
import type { sheets_v4 } from '@googleapis/sheets';
import { parseA1 } from './a1.js';
import { applyFieldMask } from './field-mask.js';
import { FakeApiError } from './http.js';
import {
  cellAt, cellFromExtended, effectiveValue, newSheet, renderedValue, setCell, sheetProperties, sheetTitled, usedExtent, userEnteredValue,
  type FakeSheet, type FakeSpreadsheet,
} from './model.js';

/** A new spreadsheet ID, shaped like Google's. */
export function newSpreadsheetId(): string {
  return `1${randomBytes(32).toString('base64url').slice(0, 43)}`;
}

/** A sheet ID not used in the spreadsheet. */
export function unusedSheetId(spreadsheet: FakeSpreadsheet): number {
  for (;;) {
    const id = 1 + Math.floor(Math.random() * 2_000_000_000);
    if (!spreadsheet.sheets.some((sheet) => sheet.properties.sheetId === id)) return id;
  }
}

/** `spreadsheets.create`: the tabs, their properties and grid data, as the request body gives them. */
export function createSpreadsheet(body: sheets_v4.Schema$Spreadsheet): FakeSpreadsheet {
  const spreadsheet: FakeSpreadsheet = {
    spreadsheetId: newSpreadsheetId(),
    properties: { title: 'Untitled spreadsheet', locale: 'en_US', timeZone: 'Etc/GMT', autoRecalc: 'ON_CHANGE', ...(body.properties ?? {}) },
    sheets: [],
    nextProtectedRangeId: 1,
  };
  const requested = body.sheets && body.sheets.length > 0 ? body.sheets : [{ properties: { title: 'Sheet1' } }];
  requested.forEach((sheet, index) => {
    const properties = sheet.properties ?? {};
    const title = properties.title ?? `Sheet${index + 1}`;
    if (spreadsheet.sheets.some((other) => other.properties.title.toLowerCase() === title.toLowerCase())) {
      throw new FakeApiError(400, `Invalid spreadsheet.sheets[${index}]: A sheet with the name "${title}" already exists. Please enter another name.`);
    }
    const created = newSheet({
      sheetId: properties.sheetId ?? (index === 0 ? 0 : unusedSheetId(spreadsheet)), title, index,
      rowCount: properties.gridProperties?.rowCount ?? 1000, columnCount: properties.gridProperties?.columnCount ?? 26,
      frozenRowCount: properties.gridProperties?.frozenRowCount ?? 0,
      ...(properties.tabColor ? { tabColor: properties.tabColor } : {}),
    });
    spreadsheet.sheets.push(created);
    for (const grid of sheet.data ?? []) writeGridData(created, grid);
    for (const protectedRange of sheet.protectedRanges ?? []) {
      created.protectedRanges.push({ ...protectedRange, protectedRangeId: spreadsheet.nextProtectedRangeId++ });
    }
  });
  return spreadsheet;
}

function writeGridData(sheet: FakeSheet, grid: sheets_v4.Schema$GridData): void {
  const startRow = grid.startRow ?? 0;
  const startColumn = grid.startColumn ?? 0;
  (grid.rowData ?? []).forEach((row, r) => {
    (row.values ?? []).forEach((cell, c) => {
      const rowIndex = startRow + r;
      const columnIndex = startColumn + c;
      if (rowIndex >= sheet.properties.rowCount || columnIndex >= sheet.properties.columnCount) {
        throw new FakeApiError(400, `Range ('${sheet.properties.title}'!R${rowIndex + 1}C${columnIndex + 1}) exceeds grid limits.`);
      }
      setCell(sheet, rowIndex, columnIndex, cellFromExtended(cell.userEnteredValue));
      if (cell.userEnteredFormat) {
        const range = { sheetId: sheet.properties.sheetId, startRowIndex: rowIndex, endRowIndex: rowIndex + 1, startColumnIndex: columnIndex, endColumnIndex: columnIndex + 1 };
        sheet.formats.push({ range, format: cell.userEnteredFormat, fields: 'userEnteredFormat' });
      }
    });
  });
}

/** The API's view of a spreadsheet, with grid data when asked (for `ranges`, or every tab), then the field mask applied. */
export function spreadsheetResource(spreadsheet: FakeSpreadsheet, query: URLSearchParams): sheets_v4.Schema$Spreadsheet {
  const fields = query.get('fields');
  const withGrid = query.get('includeGridData') === 'true' || (fields !== null && /(^|[(,/])data[(/,)]/.test(fields));
  const ranges = query.getAll('ranges').map((text) => {
    const range = parseA1(text);
    const sheet = range ? sheetTitled(spreadsheet, range.sheet) : undefined;
    if (!range || !sheet) throw new FakeApiError(400, `Unable to parse range: ${text}`);
    return { sheet, range };
  });
  const sheets = spreadsheet.sheets
    .filter((sheet) => ranges.length === 0 || ranges.some((entry) => entry.sheet === sheet))
    .map((sheet): sheets_v4.Schema$Sheet => ({
      properties: sheetProperties(sheet.properties),
      ...(sheet.protectedRanges.length > 0 ? { protectedRanges: sheet.protectedRanges } : {}),
      ...(withGrid ? { data: ranges.filter((entry) => entry.sheet === sheet).map((entry) => gridData(sheet, entry.range)).concat(ranges.length === 0 ? [gridData(sheet, {})] : []) } : {}),
    }));
  const resource: sheets_v4.Schema$Spreadsheet = {
    spreadsheetId: spreadsheet.spreadsheetId, properties: spreadsheet.properties, sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheet.spreadsheetId}/edit`,
  };
  try {
    return applyFieldMask(resource, fields);
  } catch (error) {
    throw new FakeApiError(400, error instanceof Error ? error.message : String(error));
  }
}

/** Grid data of a block: rows up to the last one holding a cell, each up to its last cell; empty cells as `{}`. */
function gridData(sheet: FakeSheet, range: { startRow?: number; endRow?: number; startColumn?: number; endColumn?: number }): sheets_v4.Schema$GridData {
  const startRow = range.startRow ?? 0;
  const startColumn = range.startColumn ?? 0;
  const endRow = Math.min(range.endRow ?? sheet.properties.rowCount, sheet.properties.rowCount);
  const endColumn = Math.min(range.endColumn ?? sheet.properties.columnCount, sheet.properties.columnCount);
  const used = usedExtent(sheet, startRow, endRow, startColumn, endColumn);
  const rowData: sheets_v4.Schema$RowData[] = [];
  for (let r = startRow; r < used.rows; r++) {
    const values: sheets_v4.Schema$CellData[] = [];
    for (let c = startColumn; c < used.columns; c++) {
      const cell = cellAt(sheet, r, c);
      const effective = effectiveValue(cell);
      values.push(cell ? { userEnteredValue: userEnteredValue(cell), ...(effective ? { effectiveValue: effective, formattedValue: String(renderedValue(cell, 'FORMATTED_VALUE')) } : {}) } : {});
    }
    while (values.length > 0 && Object.keys(values[values.length - 1]!).length === 0) values.pop();
    rowData.push(values.length > 0 ? { values } : {});
  }
  return { ...(startRow > 0 ? { startRow } : {}), ...(startColumn > 0 ? { startColumn } : {}), rowData };
}
