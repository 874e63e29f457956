// The workbook port over a Google Sheet: one read call per sync, at most two write calls, values written RAW.
import type { sheets_v4 } from '@googleapis/sheets';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../core/config.js';
import { CcegError } from '../../core/errors.js';
import type { RawWorkbook } from '../../core/model/raw-workbook.js';
import { relocateWriteBack } from '../../core/sync/relocate-write-back.js';
import type { WriteBackPlan } from '../../core/sync/write-back-plan.js';
import type { WorkbookReader, WorkbookWriter } from '../../ports/workbook.port.js';
import { sheetsClient, type GoogleConnection } from './google-client.js';
import type { GoogleTarget } from './google-errors.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { READ_FIELDS, snapshotOf, type SheetsSnapshot } from './sheets-grid.js';
import { planSheetsWrites } from './sheets-write-back.js';

/** The WORKBOOK prefix of a Google Sheet. */
export const SHEETS_PREFIX = 'sheets:';
const SPREADSHEET_ID = /^[A-Za-z0-9_-]+$/;

/** The spreadsheet ID of a `sheets:<id>` WORKBOOK argument, or null when it names no Google Sheet. */
export function spreadsheetIdOf(location: string): string | null {
  if (!location.startsWith(SHEETS_PREFIX)) return null;
  const id = location.slice(SHEETS_PREFIX.length).trim();
  if (!SPREADSHEET_ID.test(id)) throw new CcegError('BAD_OPTION', `${location}: not a spreadsheet ID; write sheets:<id>, the ID being the part of the sheet's URL after /d/.`);
  return id;
}

/**
 * A Google Sheet as the workbook port. `read` is ONE `spreadsheets.get` with the grid data of every tab (whatever
 * the tabs are called; effective values only); `applyWriteBack` is at most one `spreadsheets.batchUpdate` (a missing
 * Findings or Dashboard tab, rows to add, protections) and ONE `spreadsheets.values.batchUpdate` with RAW input, so
 * that nothing a person typed can become a formula. People keep editing while a sync runs, so a write-back with
 * cells in the editable tabs first reads the sheet again (ONE more `spreadsheets.get`) and writes each ID and Status
 * to the row that holds its row now (found by ID, or by what was typed: `relocateWriteBack`), never by a stale row
 * number; Findings and Dashboard alone are written from the first read.
 */
export class SheetsWorkbook implements WorkbookReader, WorkbookWriter {
  private client: Promise<sheets_v4.Sheets> | undefined;
  private snapshot: SheetsSnapshot | undefined;
  private readonly target: GoogleTarget;

  constructor(
    readonly spreadsheetId: string,
    private readonly connection: GoogleConnection = {},
    private readonly retry: RetryPolicy = {},
    /** Rows per tab, cells per row and characters per cell a read accepts (the config's `limits`). */
    private readonly limits: WorkbookLimits = DEFAULT_LIMITS,
  ) {
    this.target = { label: `${SHEETS_PREFIX}${spreadsheetId}`, noun: 'spreadsheet' };
  }

  /**
   * Reads every tab in one call; throws NOT_FOUND, PERMISSION_DENIED, GOOGLE_AUTH, RATE_LIMITED, GOOGLE_UNAVAILABLE or
   * GOOGLE_API, and WORKBOOK_TOO_LARGE for a tab past the limits.
   */
  async read(): Promise<RawWorkbook> {
    return (await this.readSnapshot()).workbook;
  }

  /**
   * Writes the plan's cells and tables; returns how many cells changed (0: no call made). Reads the sheet again first
   * when the plan writes cells of the editable tabs (or this object has not read it yet); throws WORKBOOK_CHANGED,
   * writing nothing, when a new ID or a put-back cell no longer has its row.
   */
  async applyWriteBack(plan: WriteBackPlan): Promise<{ readonly cellsChanged: number }> {
    const read = this.snapshot;
    const snapshot = read === undefined || plan.cells.length > 0 ? await this.readSnapshot() : read;
    const placed = read === undefined || plan.cells.length === 0 ? plan : relocateWriteBack(plan, read.workbook, snapshot.workbook, this.target.label);
    const usedIds = new Set(snapshot.layout.map((sheet) => sheet.sheetId));
    const writes = planSheetsWrites(placed, snapshot, () => unusedSheetId(usedIds));
    if (writes.layout.length > 0) {
      // Not retried after a 5xx: adding a tab or a protected range twice is worse than running the sync again.
      await this.call(false, (api) => api.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests: writes.layout } }));
    }
    if (writes.values.length > 0) {
      await this.call(true, (api) =>
        api.spreadsheets.values.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: { valueInputOption: 'RAW', includeValuesInResponse: false, data: writes.values },
        }),
      );
    }
    this.snapshot = writes.after;
    return { cellsChanged: writes.cellsChanged };
  }

  private async readSnapshot(): Promise<SheetsSnapshot> {
    const response = await this.call(true, (api) =>
      api.spreadsheets.get({ spreadsheetId: this.spreadsheetId, includeGridData: true, fields: READ_FIELDS }),
    );
    this.snapshot = snapshotOf(response.data, { file: this.target.label, limits: this.limits });
    return this.snapshot;
  }

  private async call<T>(idempotent: boolean, request: (api: sheets_v4.Sheets) => Promise<T>): Promise<T> {
    this.client ??= sheetsClient(this.connection);
    const api = await this.client;
    return withRetries(() => request(api), { ...this.retry, target: this.target, idempotent });
  }
}

/** A random sheet ID no tab has: chosen here so that the new tab can be protected in the same call. */
function unusedSheetId(used: Set<number>): number {
  for (;;) {
    const id = 1 + Math.floor(Math.random() * 2_000_000_000);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}
