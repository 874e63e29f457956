// Seeds the fake with spreadsheets as a person would have typed them, and reads its cells back for assertions.
import { isoDateToSerial } from '../../../functions/core/dates.js';
import type { RawWorkbook } from '../../../functions/core/model/raw-workbook.js';
import { columnIndex } from './a1.js';
import { cellAt, newSheet, setCell, type FakeCell, type FakeScalar, type FakeSheet, type FakeSpreadsheet } from './model.js';
import { addSpreadsheetFile } from './drive-api.js';
import type { FakeGoogle } from './server.js';
import { newSpreadsheetId } from './sheets-api.js';

/** A typed cell: a value, a date (stored as its serial number, as Sheets does), an error or a formula with its result. */
export type SeedValue = FakeScalar | null | { readonly date: string } | { readonly error: string } | { readonly formula: string; readonly result?: FakeScalar | null };

/** A tab to seed: rows from row 1 (the header). */
export interface TabSeed {
  readonly title: string;
  readonly rows: readonly (readonly SeedValue[] | undefined)[];
  readonly rowCount?: number;
  readonly columnCount?: number;
}

/** Adds a spreadsheet with these tabs (grids at least 1000 × 26, or as large as the rows need); returns it. */
export function addSpreadsheet(fake: FakeGoogle, title: string, tabs: readonly TabSeed[]): FakeSpreadsheet {
  const spreadsheet: FakeSpreadsheet = { spreadsheetId: newSpreadsheetId(), properties: { title, locale: 'en_US', timeZone: 'Etc/GMT' }, sheets: [], nextProtectedRangeId: 1 };
  tabs.forEach((tab, index) => {
    const width = tab.rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
    const sheet = newSheet({
      sheetId: index === 0 ? 0 : 1000 + index, title: tab.title, index, frozenRowCount: 1,
      rowCount: tab.rowCount ?? Math.max(1000, tab.rows.length), columnCount: tab.columnCount ?? Math.max(26, width),
    });
    tab.rows.forEach((row, r) => row?.forEach((value, c) => setCell(sheet, r, c, seededCell(value))));
    spreadsheet.sheets.push(sheet);
  });
  fake.spreadsheets.set(spreadsheet.spreadsheetId, spreadsheet);
  addSpreadsheetFile(fake.files, spreadsheet.spreadsheetId, title);
  return spreadsheet;
}

const FOLDER_TYPE = 'application/vnd.google-apps.folder';

/** Adds a shared drive (its root is a folder whose ID is the drive's ID); returns the ID. */
export function addSharedDrive(fake: FakeGoogle, name: string, id = `shared-drive-${fake.files.size + 1}`): string {
  fake.files.set(id, { metadata: { kind: 'drive#file', id, name, mimeType: FOLDER_TYPE, parents: [], driveId: id, trashed: false }, content: null, uploadedType: null });
  return id;
}

/** Adds a folder under `parent` ('root': the caller's My Drive; a shared drive's ID or a folder in one: that drive); returns the ID. */
export function addDriveFolder(fake: FakeGoogle, name: string, parent = 'root', id = `folder-${fake.files.size + 1}`): string {
  const driveId = fake.files.get(parent)?.metadata.driveId;
  fake.files.set(id, { metadata: { kind: 'drive#file', id, name, mimeType: FOLDER_TYPE, parents: [parent], trashed: false, ...(driveId ? { driveId } : {}) }, content: null, uploadedType: null });
  return id;
}

/** Moves a file (a spreadsheet, say) into `parent`, taking on the parent's shared drive, if any. */
export function moveDriveFile(fake: FakeGoogle, fileId: string, parent: string): void {
  const file = fake.files.get(fileId);
  if (!file) throw new Error(`The fake has no Drive file ${fileId}`);
  const driveId = fake.files.get(parent)?.metadata.driveId;
  file.metadata = { ...file.metadata, parents: [parent], ...(driveId ? { driveId } : { driveId: undefined }) };
  if (!driveId) delete file.metadata.driveId;
}

/** Adds a spreadsheet holding a raw workbook (rows at their sheet row numbers); returns its ID. */
export function seedRawWorkbook(fake: FakeGoogle, workbook: RawWorkbook, title = 'CCEG IG'): string {
  const tabs = workbook.tabs.map((tab): TabSeed => {
    const rows: (readonly SeedValue[] | undefined)[] = [tab.header];
    for (const row of tab.rows) rows[row.row - 1] = row.cells;
    return { title: tab.name, rows };
  });
  return addSpreadsheet(fake, title, tabs).spreadsheetId;
}

/** The tab of a fake spreadsheet titled `title`; throws when there is none. */
export function fakeTab(spreadsheet: FakeSpreadsheet, title: string): FakeSheet {
  const sheet = spreadsheet.sheets.find((candidate) => candidate.properties.title === title);
  if (!sheet) throw new Error(`The fake spreadsheet has no tab ${title}`);
  return sheet;
}

/** The stored cell at an A1 reference (`N5`) of a tab. */
export function fakeCell(spreadsheet: FakeSpreadsheet, title: string, reference: string): FakeCell | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(reference);
  if (!match) throw new Error(`Not a cell reference: ${reference}`);
  return cellAt(fakeTab(spreadsheet, title), Number(match[2]) - 1, columnIndex(match[1] ?? 'A'));
}

/** Every stored cell of a tab, row by row, as values (formulas as their text), trailing empties dropped. */
export function fakeRows(spreadsheet: FakeSpreadsheet, title: string): (FakeScalar | null)[][] {
  const sheet = fakeTab(spreadsheet, title);
  const rows = sheet.cells.map((cells) => {
    const values = Array.from(cells ?? [], (cell) => (cell === undefined ? null : cell.kind === 'value' ? cell.value : cell.kind === 'formula' ? cell.formula : cell.error));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return values;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return Array.from(rows, (row) => row ?? []);
}

function seededCell(value: SeedValue | undefined): FakeCell | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'object') return { kind: 'value', value };
  if ('date' in value) return { kind: 'value', value: isoDateToSerial(value.date) };
  if ('error' in value) return { kind: 'error', error: value.error };
  return { kind: 'formula', formula: value.formula, result: value.result ?? null };
}
