// The workbook port: where the editing surface is read from (an .xlsx file, a Google Sheet).
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { WorkbookTemplate } from '../core/template.js';
import type { WriteBackPlan } from '../core/sync/write-back-plan.js';

/** Reads every tab of a workbook in one go. */
export interface WorkbookReader {
  /** Every tab with its header and non-empty data rows; throws a coded error when the workbook cannot be read. */
  read(): Promise<RawWorkbook>;
  /** Checks cheaply that the workbook can be opened, before anything else is touched; throws like `read`. */
  probe?(): Promise<void>;
  /** Whether the workbook is still as the last `read` found it (a local file unchanged since): a reader that can tell offers it. */
  isCurrent?(): Promise<boolean>;
  /**
   * The fingerprint the next `read` will most likely give (`RawWorkbook.fingerprint`), known before reading (a local
   * file's reader, from its `probe`); undefined when unknown. A hint only: `read` says what it is.
   */
  fingerprintAhead?(): string | undefined;
}

/** Creates a new, empty workbook from the template. */
export interface WorkbookCreator {
  /** Writes the template; returns where the workbook now is (a path or `sheets:<id>`). */
  create(template: WorkbookTemplate): Promise<string>;
}

/** Writes a sync's results back into the workbook: ID and status cells, and the Findings and Dashboard tabs. */
export interface WorkbookWriter {
  /**
   * Writes only the cells that differ from the workbook's current contents, touching no other cell, format or
   * formula; returns how many cells changed (0 means the workbook was not written at all).
   */
  applyWriteBack(plan: WriteBackPlan): Promise<{ readonly cellsChanged: number }>;
  /**
   * Starts reading what writing into these tabs will need, so that it overlaps the sync's own work before
   * `applyWriteBack`; a hint a writer may ignore, which never fails.
   */
  prepare?(tabs: readonly string[]): void;
}
