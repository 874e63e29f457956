// The record-store port: records, the hash-chained audit log, sync runs, leases, nonces, sheet edits and the document index.
import type { AuditDraft, AuditEntry, AuditHead } from '../core/audit/audit-entry.js';
import type { DocumentEntry, RecordDigest, RunRecord, StoredRecord } from '../core/records/stored-record.js';
import type { SheetEdit } from '../core/records/sheet-edit.js';

/** Everything one sync commits, all or nothing. */
export interface CommitBatch {
  /** The new state of every record that changed (created, updated or tombstoned). */
  readonly records: readonly StoredRecord[];
  /** Audit drafts, in order; the store chains them after its current head inside the same commit. */
  readonly drafts: readonly AuditDraft[];
  readonly run: RunRecord;
}

/** Where records and the audit log are kept (SQLite locally, Firestore in production). */
export interface RecordStore {
  /** Every record, tombstoned ones included, keyed `Tab/ID`. */
  loadRecords(): Promise<Map<string, StoredRecord>>;
  /** The digest of every record, tombstoned ones included, keyed `Tab/ID`: reads that do not grow with the records. */
  loadDigests(): Promise<Map<string, RecordDigest>>;
  /** The records of these `Tab/ID` keys, keyed the same way; a key with no record is left out. */
  loadRecordsByKey(keys: Iterable<string>): Promise<Map<string, StoredRecord>>;
  /** Commits records, audit entries and the run atomically; returns the chained entries. */
  commit(batch: CommitBatch): Promise<AuditEntry[]>;
  /** The last audit entry's seq and hash as the store records them, or null when the log is empty. */
  auditHead(): Promise<AuditHead | null>;
  /** Up to `limit` audit entries with seq greater than `afterSeq`, in seq order. */
  auditPage(afterSeq: number, limit: number): Promise<AuditEntry[]>;
  /** The run with this ID, or null. */
  getRun(id: string): Promise<RunRecord | null>;
  /**
   * Takes the lease `key` for `holder` until `now + ttlMs`; false while another holder's lease has not expired, unless
   * the store can tell that the holder's process is gone (SQLite on the same host: it records each lease's PID and host).
   */
  acquireLease(key: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease back (only its holder can). */
  releaseLease(key: string, holder: string): Promise<void>;
  /** Remembers a request nonce; false when it was seen before (a replay). */
  rememberNonce(nonce: string, seenAt: Date): Promise<boolean>;
  /** Records a sheet edit as pending; false (and nothing changes) when an edit with its ID is recorded already. */
  recordEdit(edit: SheetEdit): Promise<boolean>;
  /** The edits of `workbook` no sync has settled yet, oldest first (by `receivedAt`, then ID). */
  pendingEdits(workbook: string): Promise<SheetEdit[]>;
  /** Marks edits settled by the run `runId`: they are pending no more (unknown or settled IDs are ignored). */
  markEditsApplied(ids: readonly string[], runId: string): Promise<void>;
  /** The document index entry of a kind and key, or null. */
  getDocument(kind: string, key: string): Promise<DocumentEntry | null>;
  /** Creates the index entry once; false when one exists already (drafting is idempotent). */
  claimDocument(entry: DocumentEntry): Promise<boolean>;
  /** Updates an existing entry (a re-render into the same file). */
  updateDocument(entry: DocumentEntry): Promise<void>;
  /** Closes connections and files. */
  close(): Promise<void>;
}
