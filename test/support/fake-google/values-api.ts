// Sheets v4 `spreadsheets.values.batchGet`, `batchUpdate` and `batchClear` of the fake.
import type { sheets_v4 } from '@googleapis/sheets';
import { blockInA1, parseA1, type A1Range } from './a1.js';
import { FakeApiError } from './http.js';
import { cellAt, enteredCell, renderedValue, setCell, sheetTitled, usedExtent, type FakeCell, type FakeSheet, type FakeSpreadsheet } from './model.js';

interface Block {
  readonly sheet: FakeSheet;
  readonly startRow: number;
  readonly endRow: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

/** The block a range names, clipped to the grid (reads), or a 400 "Unable to parse range" like the API's. */
function blockOf(spreadsheet: FakeSpreadsheet, text: string): Block & { readonly range: A1Range } {
  const range = parseA1(text);
  const sheet = range ? sheetTitled(spreadsheet, range.sheet) : undefined;
  if (!range || !sheet) throw new FakeApiError(400, `Unable to parse range: ${text}`);
  const { rowCount, columnCount } = sheet.properties;
  return {
    sheet, range,
    startRow: range.startRow ?? 0, endRow: Math.min(range.endRow ?? rowCount, rowCount),
    startColumn: range.startColumn ?? 0, endColumn: Math.min(range.endColumn ?? columnCount, columnCount),
  };
}

/**
 * `values.batchGet`: each range's values, trimmed like the API's (trailing empty rows and cells left out, empty
 * cells inside as ''; no `values` at all for an empty range). Dates are serial numbers, as the fake stores them.
 */
export function batchGetValues(spreadsheet: FakeSpreadsheet, query: URLSearchParams): sheets_v4.Schema$BatchGetValuesResponse {
  const render = query.get('valueRenderOption') ?? 'FORMATTED_VALUE';
  const dates = query.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
  const major = query.get('majorDimension') ?? 'ROWS';
  if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render)) throw new FakeApiError(400, `Invalid valueRenderOption: ${render}`);
  if (dates !== 'SERIAL_NUMBER') throw new FakeApiError(400, `The fake renders dates only as SERIAL_NUMBER, not ${dates}`);
  if (major !== 'ROWS') throw new FakeApiError(400, `The fake answers only majorDimension ROWS, not ${major}`);
  const ranges = query.getAll('ranges');
  if (ranges.length === 0) throw new FakeApiError(400, 'At least one range is required');
  const valueRanges = ranges.map((text): sheets_v4.Schema$ValueRange => {
    const block = blockOf(spreadsheet, text);
    const used = usedExtent(block.sheet, block.startRow, block.endRow, block.startColumn, block.endColumn);
    const values: (string | number | boolean)[][] = [];
    for (let r = block.startRow; r < used.rows; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = block.startColumn; c < used.columns; c++) row.push(renderedValue(cellAt(block.sheet, r, c), render));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      values.push(row);
    }
    const range = blockInA1(block.sheet.properties.title, block.startRow, block.endRow, block.startColumn, block.endColumn);
    return { range, majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) };
  });
  return { spreadsheetId: spreadsheet.spreadsheetId, valueRanges };
}

/**
 * `values.batchUpdate`: every range checked first (its data must fit the range and the grid), then written. RAW
 * stores strings as typed; USER_ENTERED parses them like the UI (`=…` becomes a formula). Null skips a cell, ''
 * clears it.
 */
export function batchUpdateValues(spreadsheet: FakeSpreadsheet, body: sheets_v4.Schema$BatchUpdateValuesRequest): sheets_v4.Schema$BatchUpdateValuesResponse {
  const option = body.valueInputOption;
  if (option !== 'RAW' && option !== 'USER_ENTERED') throw new FakeApiError(400, `Invalid valueInputOption: ${option ?? '(none)'}; RAW or USER_ENTERED is required`);
  const writes: { sheet: FakeSheet; row: number; column: number; cell: FakeCell | undefined }[] = [];
  const responses = (body.data ?? []).map((valueRange, index): sheets_v4.Schema$UpdateValuesResponse => {
    const block = blockOf(spreadsheet, valueRange.range ?? '');
    const rows = valueRange.majorDimension === 'COLUMNS' ? transpose(valueRange.values ?? []) : (valueRange.values ?? []);
    const height = rows.length;
    const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
    const { rowCount, columnCount } = block.sheet.properties;
    const title = block.sheet.properties.title;
    // A single cell is where the data starts, not a bound (Google writes `values` from `A1` as far as they go).
    const anchor = block.range.endRow === (block.range.startRow ?? -1) + 1 && block.range.endColumn === (block.range.startColumn ?? -1) + 1;
    if (!anchor && block.range.endRow !== undefined && block.startRow + height > block.range.endRow) {
      throw new FakeApiError(400, `Requested writing within range [${valueRange.range}], but tried writing to row [${block.startRow + height}]`);
    }
    if (!anchor && block.range.endColumn !== undefined && block.startColumn + width > block.range.endColumn) {
      throw new FakeApiError(400, `Requested writing within range [${valueRange.range}], but tried writing to column [${block.startColumn + width}]`);
    }
    if (block.startRow + height > rowCount || block.startColumn + width > columnCount) {
      throw new FakeApiError(400, `Invalid data[${index}]: Range ('${title}'!${valueRange.range}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
    }
    let cells = 0;
    rows.forEach((row, r) => row.forEach((value, c) => {
      const cell = enteredCell(value, option);
      if (cell === 'skip') return;
      writes.push({ sheet: block.sheet, row: block.startRow + r, column: block.startColumn + c, cell });
      cells++;
    }));
    const updatedRange = blockInA1(title, block.startRow, block.startRow + height, block.startColumn, block.startColumn + width);
    return { spreadsheetId: spreadsheet.spreadsheetId, updatedRange, updatedRows: height, updatedColumns: width, updatedCells: cells };
  });
  for (const write of writes) setCell(write.sheet, write.row, write.column, write.cell);
  const total = (key: 'updatedRows' | 'updatedColumns' | 'updatedCells') => responses.reduce((sum, response) => sum + (response[key] ?? 0), 0);
  return {
    spreadsheetId: spreadsheet.spreadsheetId, responses,
    totalUpdatedRows: total('updatedRows'), totalUpdatedColumns: total('updatedColumns'), totalUpdatedCells: total('updatedCells'),
    totalUpdatedSheets: new Set(writes.map((write) => write.sheet)).size,
  };
}

/** `values.batchClear`: the values (not formats) of each range. */
export function batchClearValues(spreadsheet: FakeSpreadsheet, body: sheets_v4.Schema$BatchClearValuesRequest): sheets_v4.Schema$BatchClearValuesResponse {
  const blocks = (body.ranges ?? []).map((text) => blockOf(spreadsheet, text));
  for (const block of blocks) {
    for (let r = block.startRow; r < Math.min(block.endRow, block.sheet.cells.length); r++) {
      for (let c = block.startColumn; c < block.endColumn; c++) setCell(block.sheet, r, c, undefined);
    }
  }
  return {
    spreadsheetId: spreadsheet.spreadsheetId,
    clearedRanges: blocks.map((block) => blockInA1(block.sheet.properties.title, block.startRow, block.endRow, block.startColumn, block.endColumn)),
  };
}

function transpose(columns: readonly (readonly unknown[])[]): unknown[][] {
  const rows: unknown[][] = [];
  columns.forEach((column, c) => column.forEach((value, r) => ((rows[r] ??= [])[c] = value)));
  return rows.map((row) => Array.from(row, (value) => value ?? null));
}
