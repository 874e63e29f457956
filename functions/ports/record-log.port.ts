// The record-log port: records, their digests, the hash-chained audit log and the sync runs, committed together.
import type { AuditDraft, AuditEntry, AuditHead } from '../core/audit/audit-entry.js';
import type { ChainedDrafts } from '../core/audit/chain.js';
import type { RecordDigest, RunRecord, StoredRecord } from '../core/records/stored-record.js';
import type { StoredTabs } from '../core/records/stored-tabs.js';
import type { RememberedRows } from '../core/sync/row-hashes.js';

/** Everything one sync commits, all or nothing. */
export interface CommitBatch {
  /** The new state of every record that changed (created, updated or tombstoned). */
  readonly records: readonly StoredRecord[];
  /** Audit drafts, in order; the store chains them after its current head inside the same commit. */
  readonly drafts: readonly AuditDraft[];
  readonly run: RunRecord;
  /** The drafts chained already after the head the caller read: taken as they are while that is still the head (`entriesAfter`). */
  readonly chained?: ChainedDrafts;
}

/** Every record's digest and the audit head they were read with: what a sync starts from. */
export interface StoredDigests {
  /** The digest of every record, tombstoned ones included, keyed `Tab/ID`. */
  readonly digests: Map<string, RecordDigest>;
  /** The last audit entry's seq and hash, as `auditHead()` gives it, or null when the log is empty. */
  readonly auditHead: AuditHead | null;
}

/** Every record's digest by tab, in columns (no object per record), and the audit head they were read with. */
export interface StoredDigestTabs {
  readonly stored: StoredTabs;
  readonly auditHead: AuditHead | null;
}

/** Where records and the audit log are kept (SQLite locally, Firestore in production). */
export interface RecordLog {
  /** Every record, tombstoned ones included, keyed `Tab/ID`. */
  loadRecords(): Promise<Map<string, StoredRecord>>;
  /** Every record's digest and the audit head, read together: reads that do not grow with the records. */
  loadDigests(): Promise<StoredDigests>;
  /**
   * Starts reading what the next `loadDigests` returns, so that it overlaps the caller's own work (reading the
   * workbook). Called under the sync lease, so nobody commits records before they are used. A store may ignore it,
   * and does when it remembers the file with fingerprint `unlessSettled` as settled (`rememberedRowHashes`): a sync
   * of those bytes most likely needs no digest.
   */
  prefetchDigests?(unlessSettled?: string): void;
  /**
   * What `loadDigests` gives, as StoredTabs read in columns, for a store that can read them so (the SQLite warm-up);
   * a sync takes `StoredTabs.of(loadDigests().digests)` from any other. Takes what `prefetchDigests` started.
   */
  loadDigestTabs?(): Promise<StoredDigestTabs>;
  /**
   * What is remembered of the workbook file with this fingerprint (`RawWorkbook.fingerprint`): its rows' hashes, and
   * what its last sync found when it had nothing to do; null when nothing is. A store remembers one file (the last one
   * given); one that serves no local file (Firestore: sheets are read over the API, with no fingerprint) need not
   * offer it.
   */
  rememberedRowHashes?(fingerprint: string): Promise<RememberedRows | null>;
  /** Remembers the workbook file with this fingerprint, in place of the one remembered before. */
  rememberRowHashes?(fingerprint: string, remembered: RememberedRows): Promise<void>;
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
}
