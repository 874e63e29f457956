// Turns a WORKBOOK argument (`file.xlsx` or `sheets:<id>`) into the adapters that read, write and create it.
import { DEFAULT_LIMITS, type WorkbookLimits } from '../core/config.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { WorkbookCreator, WorkbookReader, WorkbookWriter } from '../ports/workbook.port.js';
import { XlsxWorkbookCreator } from '../adapters/xlsx/create-xlsx.js';
import { XlsxWorkbookReader } from '../adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../adapters/xlsx/write-back-xlsx.js';
import type { GoogleConnection } from '../adapters/google/google-client.js';
import { SheetsWorkbookCreator } from '../adapters/google/sheets-creator.js';
import { SheetsWorkbook, spreadsheetIdOf } from '../adapters/google/sheets-workbook.js';
import { readEnvironment } from '../config/environment.js';

/** Where the Google APIs are: Google with Application Default Credentials, or CCEG_GOOGLE_ROOT_URL (tests). */
export function googleConnection(): GoogleConnection {
  const { googleRootUrl } = readEnvironment();
  return googleRootUrl === undefined ? {} : { rootUrl: googleRootUrl };
}

/** The reader for a WORKBOOK argument, refusing a workbook past `limits` (the config's; the shipped ones by default). */
export function workbookReaderFor(location: string, limits: WorkbookLimits = DEFAULT_LIMITS): WorkbookReader {
  const spreadsheetId = spreadsheetIdOf(location);
  return spreadsheetId === null ? new XlsxWorkbookReader(location, limits) : new SheetsWorkbook(spreadsheetId, googleConnection(), {}, limits);
}

/**
 * The writer for a WORKBOOK argument. Pass the reader that read it: a Google Sheet's writer is that same object,
 * which writes from what it read instead of reading the sheet again; an .xlsx writer writes only into the file as
 * that reader read it.
 */
export function workbookWriterFor(location: string, reader?: WorkbookReader): WorkbookWriter {
  const spreadsheetId = spreadsheetIdOf(location);
  if (spreadsheetId === null) return new XlsxWorkbookWriter(location, reader instanceof XlsxWorkbookReader ? reader : undefined);
  return reader instanceof SheetsWorkbook && reader.spreadsheetId === spreadsheetId ? reader : new SheetsWorkbook(spreadsheetId, googleConnection());
}

/** The creator for `cceg init`: an .xlsx path, or `sheets:new` with the new spreadsheet's title. */
export function workbookCreatorFor(location: string, options: { readonly title?: string } = {}): WorkbookCreator {
  if (location === 'sheets:new') return new SheetsWorkbookCreator(options.title ?? 'CCEG IG', googleConnection());
  return new XlsxWorkbookCreator(location);
}

/** Reads the workbook at a WORKBOOK argument, within `limits`. */
export function readWorkbook(location: string, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<RawWorkbook> {
  return workbookReaderFor(location, limits).read();
}
