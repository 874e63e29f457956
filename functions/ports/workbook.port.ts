// The workbook port: where the editing surface is read from (an .xlsx file, a Google Sheet).
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { WorkbookTemplate } from '../core/template.js';

/** Reads every tab of a workbook in one go. */
export interface WorkbookReader {
  /** Every tab with its header and non-empty data rows; throws a coded error when the workbook cannot be read. */
  read(): Promise<RawWorkbook>;
}

/** Creates a new, empty workbook from the template. */
export interface WorkbookCreator {
  /** Writes the template; returns where the workbook now is (a path or `sheets:<id>`). */
  create(template: WorkbookTemplate): Promise<string>;
}
