// Creates a new Google Sheet from the template in two calls: the tabs with their headers, then dropdowns and protections.
import type { sheets_v4 } from '@googleapis/sheets';
import { CcegError } from '../../core/errors.js';
import type { TemplateTab, WorkbookTemplate } from '../../core/template.js';
import type { WorkbookCreator } from '../../ports/workbook.port.js';
import { sheetsClient, type GoogleConnection } from './google-client.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { SHEETS_PREFIX } from './sheets-workbook.js';
import {
  SYSTEM_HEADER_COLOR, dateFormatRequest, dropdownRequest, newTabProperties, protectColumnRequest, protectTabRequest,
} from './sheets-requests.js';

/**
 * The workbook port's creator over Google Sheets: `spreadsheets.create` with every tab (header row bold and frozen),
 * then ONE `spreadsheets.batchUpdate` with the dropdowns, date formats and the protected ranges over each status
 * column and the Findings and Dashboard tabs. Neither call is retried after a 5xx: it may have done its work.
 */
export class SheetsWorkbookCreator implements WorkbookCreator {
  constructor(
    private readonly title: string,
    private readonly connection: GoogleConnection = {},
    private readonly retry: RetryPolicy = {},
  ) {}

  /** Creates the spreadsheet and returns `sheets:<id>`. */
  async create(template: WorkbookTemplate): Promise<string> {
    const api = await sheetsClient(this.connection);
    const created = await withRetries(
      () => api.spreadsheets.create({ requestBody: newSpreadsheet(this.title, template), fields: 'spreadsheetId,sheets.properties(sheetId,title)' }),
      { ...this.retry, target: { label: `${SHEETS_PREFIX}new`, noun: 'spreadsheet' }, idempotent: false },
    );
    const spreadsheetId = created.data.spreadsheetId;
    if (!spreadsheetId) throw new CcegError('GOOGLE_API', `${SHEETS_PREFIX}new: Google created no spreadsheet ID.`);
    const location = `${SHEETS_PREFIX}${spreadsheetId}`;
    const sheetIds = new Map((created.data.sheets ?? []).map((sheet) => [sheet.properties?.title ?? '', sheet.properties?.sheetId ?? 0]));
    try {
      await withRetries(
        () => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests: layoutRequests(template, sheetIds) } }),
        { ...this.retry, target: { label: location, noun: 'spreadsheet' }, idempotent: false },
      );
    } catch (error) {
      if (!(error instanceof CcegError)) throw error;
      throw new CcegError(error.code, `${location} was created, but its dropdowns and protections were not added: ${error.message}`);
    }
    return location;
  }
}

/** The `spreadsheets.create` body: every tab in template order with its bold header row. */
export function newSpreadsheet(title: string, template: WorkbookTemplate): sheets_v4.Schema$Spreadsheet {
  return {
    properties: { title },
    sheets: template.tabs.map((tab, index) => ({
      properties: newTabProperties(tab.name, { index, columns: tab.columns.length, systemOwned: tab.systemOwned }),
      data: [{ startRow: 0, startColumn: 0, rowData: [{ values: tab.columns.map((column) => headerCell(column.header, column.systemOwned)) }] }],
    })),
  };
}

function headerCell(header: string, systemOwned: boolean): sheets_v4.Schema$CellData {
  return {
    userEnteredValue: { stringValue: header },
    userEnteredFormat: { textFormat: { bold: true }, ...(systemOwned ? { backgroundColor: SYSTEM_HEADER_COLOR } : {}) },
  };
}

/** The one batchUpdate after creation: dropdowns and date formats on the data rows, and the protections. */
export function layoutRequests(template: WorkbookTemplate, sheetIds: ReadonlyMap<string, number>): sheets_v4.Schema$Request[] {
  return template.tabs.flatMap((tab) => {
    const sheetId = sheetIds.get(tab.name);
    if (sheetId === undefined) throw new CcegError('GOOGLE_API', `Google created no "${tab.name}" tab.`);
    return tabRequests(tab, sheetId);
  });
}

function tabRequests(tab: TemplateTab, sheetId: number): sheets_v4.Schema$Request[] {
  if (tab.systemOwned) return [protectTabRequest(sheetId, tab.name)];
  return tab.columns.flatMap((column, index) => [
    ...(column.choices && column.choices.length > 0 ? [dropdownRequest(sheetId, index, column.choices)] : []),
    ...(column.isDate ? [dateFormatRequest(sheetId, index)] : []),
    ...(column.systemOwned ? [protectColumnRequest(sheetId, index, column.header)] : []),
  ]);
}
