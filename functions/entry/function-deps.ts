// What the Cloud Functions are built from: config, store, workbooks, secret, token verifier and clock, all injected.
import { SyncCoalescer } from '../app/sync-coalescer.js';
import type { SyncResult } from '../app/sync.js';
import type { CharterConfig } from '../core/config.js';
import type { DocumentPublisher } from '../ports/documents.port.js';
import type { IdTokenVerifier } from '../ports/identity.port.js';
import type { RecordStore } from '../ports/record-store.port.js';
import type { WorkbookReader, WorkbookWriter } from '../ports/workbook.port.js';

/** A workbook to sync: where it is (names its lease, edits and runs), its reader and writer, and where its documents go. */
export interface WorkbookTarget {
  readonly location: string;
  readonly reader: WorkbookReader;
  readonly writer: WorkbookWriter;
  /** Where the tick drafts this workbook's documents (made on first use: finding the Drive folder may cost a call). */
  readonly documents: () => Promise<DocumentPublisher>;
}

/** Everything the handlers need; production builds it from the environment (`runtime.ts`), tests from fakes. */
export interface FunctionDeps {
  readonly config: CharterConfig;
  readonly store: RecordStore;
  /**
   * The workbook of an edit's spreadsheet, or (null) the deployment's workbook for the tick; throws FORBIDDEN for a
   * spreadsheet this deployment does not serve, BAD_CONFIG when none is configured.
   */
  readonly workbookFor: (spreadsheetId: string | null) => WorkbookTarget;
  /** The onSheetEdit shared secret (CCEG_WEBHOOK_SECRET), or null when it is not set (then an unsigned request gets a 401, a signed one a 500). */
  readonly webhookSecret: string | null;
  readonly verifier: IdTokenVerifier;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Coalesces this process's syncs (one is made when absent). */
  readonly coalescer?: SyncCoalescer<SyncResult>;
}

/** The coalescer the sync targets share: the deps' own, or one with the config's settle time and interval. */
export function syncCoalescerFor(deps: FunctionDeps): SyncCoalescer<SyncResult> {
  const { settleMilliseconds, minIntervalMilliseconds } = deps.config.sync;
  return deps.coalescer ?? new SyncCoalescer<SyncResult>({ settleMs: settleMilliseconds, minIntervalMs: minIntervalMilliseconds });
}
