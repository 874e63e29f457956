// Sheets v4 `spreadsheets.batchUpdate` of the fake: the requests cceg sends, applied all or nothing.
import type { sheets_v4 } from '@googleapis/sheets';
import { FakeApiError } from './http.js';
import { cellFromExtended, newSheet, setCell, sheetProperties, sheetWithId, type FakeSheet, type FakeSpreadsheet } from './model.js';
import { unusedSheetId } from './sheets-api.js';

type Handler = (spreadsheet: FakeSpreadsheet, request: never) => sheets_v4.Schema$Response;

/** Applies the requests to a copy and returns it with the replies: a failing request leaves the original untouched. */
export function applyBatchUpdate(spreadsheet: FakeSpreadsheet, body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest): { spreadsheet: FakeSpreadsheet; replies: sheets_v4.Schema$Response[] } {
  const copy = structuredClone(spreadsheet);
  const replies = (body.requests ?? []).map((request, index) => {
    const kinds = Object.keys(request).filter((key) => request[key as keyof sheets_v4.Schema$Request] != null);
    const kind = kinds[0];
    if (kinds.length !== 1 || kind === undefined) throw new FakeApiError(400, `Invalid requests[${index}]: exactly one kind of request expected, got ${kinds.join(', ') || 'none'}`);
    const handler = HANDLERS[kind];
    if (!handler) throw new FakeApiError(400, `Invalid requests[${index}].${kind}: the fake does not implement this request`);
    try {
      return handler(copy, request[kind as keyof sheets_v4.Schema$Request] as never);
    } catch (error) {
      if (error instanceof FakeApiError) throw new FakeApiError(400, `Invalid requests[${index}].${kind}: ${error.message}`);
      throw error;
    }
  });
  return { spreadsheet: copy, replies };
}

/** The bounds of a GridRange (0-based, end exclusive), checked against the grid like the API does. */
export function gridBounds(sheet: FakeSheet, range: sheets_v4.Schema$GridRange): { startRow: number; endRow: number; startColumn: number; endColumn: number } {
  const { rowCount, columnCount } = sheet.properties;
  const bounds = {
    startRow: range.startRowIndex ?? 0, endRow: range.endRowIndex ?? rowCount,
    startColumn: range.startColumnIndex ?? 0, endColumn: range.endColumnIndex ?? columnCount,
  };
  if (bounds.endRow > rowCount || bounds.endColumn > columnCount) {
    throw new FakeApiError(400, `Range ('${sheet.properties.title}'!R${bounds.startRow + 1}C${bounds.startColumn + 1}:R${bounds.endRow}C${bounds.endColumn}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`);
  }
  if (bounds.startRow < 0 || bounds.startColumn < 0 || bounds.startRow > bounds.endRow || bounds.startColumn > bounds.endColumn) {
    throw new FakeApiError(400, 'Invalid range: start after end');
  }
  return bounds;
}

function reindex(spreadsheet: FakeSpreadsheet): void {
  spreadsheet.sheets.sort((a, b) => a.properties.index - b.properties.index).forEach((sheet, index) => (sheet.properties.index = index));
}

const addSheet = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$AddSheetRequest): sheets_v4.Schema$Response => {
  const properties = request.properties ?? {};
  const title = properties.title ?? `Sheet${spreadsheet.sheets.length + 1}`;
  if (spreadsheet.sheets.some((sheet) => sheet.properties.title.toLowerCase() === title.toLowerCase())) {
    throw new FakeApiError(400, `A sheet with the name "${title}" already exists. Please enter another name.`);
  }
  if (properties.sheetId != null && spreadsheet.sheets.some((sheet) => sheet.properties.sheetId === properties.sheetId)) {
    throw new FakeApiError(400, `Sheet with id ${properties.sheetId} already exists`);
  }
  const index = properties.index ?? spreadsheet.sheets.length;
  for (const sheet of spreadsheet.sheets) if (sheet.properties.index >= index) sheet.properties.index++;
  const sheet = newSheet({
    sheetId: properties.sheetId ?? unusedSheetId(spreadsheet), title, index,
    rowCount: properties.gridProperties?.rowCount ?? 1000, columnCount: properties.gridProperties?.columnCount ?? 26,
    frozenRowCount: properties.gridProperties?.frozenRowCount ?? 0, ...(properties.tabColor ? { tabColor: properties.tabColor } : {}),
  });
  spreadsheet.sheets.push(sheet);
  reindex(spreadsheet);
  return { addSheet: { properties: sheetProperties(sheet.properties) } };
};

const deleteSheet = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$DeleteSheetRequest): sheets_v4.Schema$Response => {
  const sheet = sheetWithId(spreadsheet, request.sheetId);
  if (spreadsheet.sheets.length === 1) throw new FakeApiError(400, "You can't remove all the sheets in a document.");
  spreadsheet.sheets = spreadsheet.sheets.filter((other) => other !== sheet);
  reindex(spreadsheet);
  return {};
};

const updateSheetProperties = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$UpdateSheetPropertiesRequest): sheets_v4.Schema$Response => {
  const given = request.properties ?? {};
  const sheet = sheetWithId(spreadsheet, given.sheetId);
  const fields = (request.fields ?? '').split(',').map((field) => field.trim()).filter((field) => field !== '');
  if (fields.length === 0) throw new FakeApiError(400, 'At least one field must be updated, but none was given in fields');
  const all = fields.includes('*');
  const has = (field: string) => all || fields.includes(field) || fields.includes(field.split('.')[0]!);
  if (has('title') && given.title) sheet.properties.title = given.title;
  if (has('gridProperties.frozenRowCount')) sheet.properties.frozenRowCount = given.gridProperties?.frozenRowCount ?? 0;
  if (has('gridProperties.rowCount') && given.gridProperties?.rowCount) sheet.properties.rowCount = given.gridProperties.rowCount;
  if (has('gridProperties.columnCount') && given.gridProperties?.columnCount) sheet.properties.columnCount = given.gridProperties.columnCount;
  if (has('tabColor') && given.tabColor) sheet.properties.tabColor = given.tabColor;
  if (has('index') && given.index != null) sheet.properties.index = given.index;
  reindex(spreadsheet);
  return {};
};

const appendDimension = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$AppendDimensionRequest): sheets_v4.Schema$Response => {
  const sheet = sheetWithId(spreadsheet, request.sheetId);
  const length = request.length ?? 0;
  if (length <= 0) throw new FakeApiError(400, 'length must be positive');
  if (request.dimension === 'ROWS') sheet.properties.rowCount += length;
  else if (request.dimension === 'COLUMNS') sheet.properties.columnCount += length;
  else throw new FakeApiError(400, `Invalid dimension: ${request.dimension}`);
  return {};
};

const setDataValidation = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$SetDataValidationRequest): sheets_v4.Schema$Response => {
  const sheet = sheetWithId(spreadsheet, request.range?.sheetId);
  gridBounds(sheet, request.range ?? {});
  if (request.rule?.condition?.type === 'ONE_OF_LIST' && (request.rule.condition.values ?? []).length === 0) {
    throw new FakeApiError(400, 'ONE_OF_LIST condition needs at least one value');
  }
  if (request.rule) sheet.dataValidations.push({ range: request.range ?? {}, rule: request.rule });
  return {};
};

const addProtectedRange = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$AddProtectedRangeRequest): sheets_v4.Schema$Response => {
  const given = request.protectedRange ?? {};
  const sheet = sheetWithId(spreadsheet, given.range?.sheetId);
  gridBounds(sheet, given.range ?? {});
  if (given.warningOnly && given.editors) throw new FakeApiError(400, 'Editors are not supported with warningOnly protection');
  const protectedRange = { ...given, protectedRangeId: spreadsheet.nextProtectedRangeId++ };
  sheet.protectedRanges.push(protectedRange);
  return { addProtectedRange: { protectedRange } };
};

const repeatCell = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$RepeatCellRequest): sheets_v4.Schema$Response => {
  const sheet = sheetWithId(spreadsheet, request.range?.sheetId);
  const bounds = gridBounds(sheet, request.range ?? {});
  const fields = request.fields ?? '';
  if (fields === '') throw new FakeApiError(400, 'fields is required');
  if (/userEnteredFormat/.test(fields) && request.cell?.userEnteredFormat) sheet.formats.push({ range: request.range ?? {}, format: request.cell.userEnteredFormat, fields });
  if (/userEnteredValue/.test(fields)) {
    for (let r = bounds.startRow; r < bounds.endRow; r++) {
      for (let c = bounds.startColumn; c < bounds.endColumn; c++) setCell(sheet, r, c, cellFromExtended(request.cell?.userEnteredValue));
    }
  }
  return {};
};

const updateDimensionProperties = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$UpdateDimensionPropertiesRequest): sheets_v4.Schema$Response => {
  const range = request.range ?? {};
  const sheet = sheetWithId(spreadsheet, range.sheetId);
  if (range.dimension !== 'ROWS' && range.dimension !== 'COLUMNS') throw new FakeApiError(400, `Invalid dimension: ${range.dimension}`);
  if (!request.fields) throw new FakeApiError(400, 'fields is required');
  const limit = range.dimension === 'ROWS' ? sheet.properties.rowCount : sheet.properties.columnCount;
  const start = range.startIndex ?? 0;
  const end = range.endIndex ?? limit;
  if (end > limit || start < 0 || start > end) throw new FakeApiError(400, `Invalid dimension range ${start}..${end} (the grid has ${limit})`);
  for (let index = start; index < end; index++) sheet.dimensions.push({ dimension: range.dimension, index, properties: request.properties ?? {} });
  return {};
};

const addConditionalFormatRule = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$AddConditionalFormatRuleRequest): sheets_v4.Schema$Response => {
  const rule = request.rule ?? {};
  const ranges = rule.ranges ?? [];
  if (ranges.length === 0) throw new FakeApiError(400, 'A conditional format rule needs at least one range');
  const sheet = sheetWithId(spreadsheet, ranges[0]?.sheetId);
  for (const range of ranges) gridBounds(sheet, range);
  if (!rule.booleanRule?.condition?.type) throw new FakeApiError(400, 'A boolean rule needs a condition type');
  sheet.conditionalFormats.splice(request.index ?? sheet.conditionalFormats.length, 0, rule);
  return {};
};

const setBasicFilter = (spreadsheet: FakeSpreadsheet, request: sheets_v4.Schema$SetBasicFilterRequest): sheets_v4.Schema$Response => {
  const range = request.filter?.range ?? {};
  const sheet = sheetWithId(spreadsheet, range.sheetId);
  gridBounds(sheet, range);
  sheet.basicFilter = request.filter ?? null;
  return {};
};

const HANDLERS: Readonly<Record<string, Handler>> = {
  addSheet, deleteSheet, updateSheetProperties, appendDimension, setDataValidation, addProtectedRange, repeatCell,
  updateDimensionProperties, addConditionalFormatRule, setBasicFilter,
} as Record<string, Handler>;
