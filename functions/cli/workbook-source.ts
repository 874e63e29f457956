// Turns a WORKBOOK argument (`file.xlsx` or `sheets:<id>`) into the adapters that read, write and create it; each adapter is loaded only when chosen.
import { DEFAULT_LIMITS, type WorkbookLimits } from '../core/config.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { WorkbookCreator, WorkbookReader, WorkbookWriter } from '../ports/workbook.port.js';
import type { GoogleConnection } from '../adapters/google/google-client.js';
import { readEnvironment } from '../config/environment.js';

/** The WORKBOOK prefix of a Google Sheet: only such an argument loads the Sheets adapter. */
const SHEETS_PREFIX = 'sheets:';

/** Where the Google APIs are: Google with Application Default Credentials, or CCEG_GOOGLE_ROOT_URL (tests). */
export function googleConnection(): GoogleConnection {
  const { googleRootUrl } = readEnvironment();
  return googleRootUrl === undefined ? {} : { rootUrl: googleRootUrl };
}

/** The spreadsheet ID of a `sheets:<id>` argument (BAD_OPTION when it is no ID), or null for an .xlsx path. */
export async function spreadsheetIdOf(location: string): Promise<string | null> {
  if (!location.startsWith(SHEETS_PREFIX)) return null;
  return (await import('../adapters/google/sheets-workbook.js')).spreadsheetIdOf(location);
}

/** The reader for a WORKBOOK argument, refusing a workbook past `limits` (the config's; the shipped ones by default). */
export async function workbookReaderFor(location: string, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<WorkbookReader> {
  const spreadsheetId = await spreadsheetIdOf(location);
  if (spreadsheetId === null) return new (await import('../adapters/xlsx/read-xlsx.js')).XlsxWorkbookReader(location, limits);
  return new (await import('../adapters/google/sheets-workbook.js')).SheetsWorkbook(spreadsheetId, googleConnection(), {}, limits);
}

/**
 * The writer for a WORKBOOK argument. Pass the reader that read it: a Google Sheet's writer is that same object,
 * which writes from what it read instead of reading the sheet again; an .xlsx writer writes only into the file as
 * that reader read it.
 */
export async function workbookWriterFor(location: string, reader?: WorkbookReader): Promise<WorkbookWriter> {
  const spreadsheetId = await spreadsheetIdOf(location);
  if (spreadsheetId === null) {
    const { XlsxWorkbookReader } = await import('../adapters/xlsx/read-xlsx.js');
    const readBy = reader instanceof XlsxWorkbookReader ? reader : undefined;
    // The write-back code is loaded when there is something to write (or about to be): a sync that changes nothing never needs it.
    let writer: Promise<WorkbookWriter> | undefined;
    const loaded = () => (writer ??= import('../adapters/xlsx/write-back-xlsx.js').then(({ XlsxWorkbookWriter }) => new XlsxWorkbookWriter(location, readBy)));
    return {
      applyWriteBack: async (plan) => (await loaded()).applyWriteBack(plan),
      // The sheets start inflating now, in the package the reader holds for the writer, which loads meanwhile.
      prepare: (tabs) => {
        readBy?.prefetchSheets(tabs);
        loaded().catch(() => undefined);
      },
    };
  }
  const { SheetsWorkbook } = await import('../adapters/google/sheets-workbook.js');
  return reader instanceof SheetsWorkbook && reader.spreadsheetId === spreadsheetId ? reader : new SheetsWorkbook(spreadsheetId, googleConnection());
}

/** The creator for `cceg init`: an .xlsx path, or `sheets:new` with the new spreadsheet's title. */
export async function workbookCreatorFor(location: string, options: { readonly title?: string } = {}): Promise<WorkbookCreator> {
  if (location === 'sheets:new') return new (await import('../adapters/google/sheets-creator.js')).SheetsWorkbookCreator(options.title ?? 'CCEG IG', googleConnection());
  return new (await import('../adapters/xlsx/create-xlsx.js')).XlsxWorkbookCreator(location);
}

/** Reads the workbook at a WORKBOOK argument, within `limits`. */
export async function readWorkbook(location: string, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<RawWorkbook> {
  return (await workbookReaderFor(location, limits)).read();
}
