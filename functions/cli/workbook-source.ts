// Turns a WORKBOOK argument (`file.xlsx` or `sheets:<id>`) into the adapter that reads it.
import { CcegError } from '../core/errors.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { WorkbookReader } from '../ports/workbook.port.js';
import { XlsxWorkbookReader } from '../adapters/xlsx/read-xlsx.js';

/** The reader for a WORKBOOK argument. */
export function workbookReaderFor(location: string): WorkbookReader {
  if (location.startsWith('sheets:')) {
    throw new CcegError('BAD_OPTION', `${location}: Google Sheets workbooks are not available in this version; use an .xlsx file.`);
  }
  return new XlsxWorkbookReader(location);
}

/** Reads the workbook at a WORKBOOK argument. */
export function readWorkbook(location: string): Promise<RawWorkbook> {
  return workbookReaderFor(location).read();
}
