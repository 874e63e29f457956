// A record store a stop signal can end cleanly: it remembers the leases taken through it and whether a commit began.
import { CcegError } from '../core/errors.js';
import type { AuditEntry, AuditHead } from '../core/audit/audit-entry.js';
import type { DocumentEntry, RunRecord, StoredRecord } from '../core/records/stored-record.js';
import type { SheetEdit } from '../core/records/sheet-edit.js';
import type { CommitBatch, StoredDigests, StoredDigestTabs } from '../ports/record-log.port.js';
import { digestTabsOf } from '../app/read-stored.js';
import type { RememberedRows } from '../core/sync/row-hashes.js';
import type { RecordStore } from '../ports/record-store.port.js';

/**
 * Wraps a store for one CLI run. `stop()` gives back every lease taken through it and not yet released (waiting for
 * one being taken) and refuses any later call but a release or `close`, so a sync still running in the background
 * cannot commit once its run was told to stop.
 */
export class StoppableStore implements RecordStore {
  private readonly held = new Map<string, { readonly key: string; readonly holder: string }>();
  private readonly taking = new Set<Promise<boolean>>();
  private stopped = false;
  /** True once `commit` was called: from then on the store may hold the sync's changes. */
  commitBegun = false;

  constructor(private readonly store: RecordStore) {}

  /** Refuses every later call but a release or `close`, waits for the leases being taken, and gives back those held. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.taking]);
    for (const { key, holder } of [...this.held.values()]) await this.releaseLease(key, holder);
  }

  /** Every record, tombstoned ones included. */
  async loadRecords(): Promise<Map<string, StoredRecord>> {
    return this.running().loadRecords();
  }

  /** Every record's digest, and the audit head. */
  async loadDigests(): Promise<StoredDigests> {
    return this.running().loadDigests();
  }

  /** The digests by tab, when the wrapped store reads them so; else from its `loadDigests`. */
  async loadDigestTabs(): Promise<StoredDigestTabs> {
    return digestTabsOf(this.running());
  }

  /** Starts reading the digests for the next `loadDigests`, when the store can. */
  prefetchDigests(unlessSettled?: string): void {
    this.running().prefetchDigests?.(unlessSettled);
  }

  /** What the wrapped store remembers of this file, or null (also when it keeps nothing). */
  async rememberedRowHashes(fingerprint: string): Promise<RememberedRows | null> {
    const store = this.running();
    return store.rememberedRowHashes ? store.rememberedRowHashes(fingerprint) : null;
  }

  /** Has the wrapped store remember this file, when it keeps such things. */
  async rememberRowHashes(fingerprint: string, remembered: RememberedRows): Promise<void> {
    await this.running().rememberRowHashes?.(fingerprint, remembered);
  }

  /** The records of these keys. */
  async loadRecordsByKey(keys: Iterable<string>): Promise<Map<string, StoredRecord>> {
    return this.running().loadRecordsByKey(keys);
  }

  /** Commits through the wrapped store, noting that a commit began. */
  async commit(batch: CommitBatch): Promise<AuditEntry[]> {
    const store = this.running();
    this.commitBegun = true;
    return store.commit(batch);
  }

  /** The head of the audit log. */
  async auditHead(): Promise<AuditHead | null> {
    return this.running().auditHead();
  }

  /** A page of the audit log. */
  async auditPage(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.running().auditPage(afterSeq, limit);
  }

  /** A run, or null. */
  async getRun(id: string): Promise<RunRecord | null> {
    return this.running().getRun(id);
  }

  /** Takes the lease through the wrapped store and remembers it until it is released. */
  async acquireLease(key: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const store = this.running();
    const taking = store.acquireLease(key, holder, ttlMs, now);
    this.taking.add(taking);
    try {
      const taken = await taking;
      if (taken) this.held.set(JSON.stringify([key, holder]), { key, holder });
      return taken;
    } finally {
      this.taking.delete(taking);
    }
  }

  /** Gives the lease back (also once stopped). */
  async releaseLease(key: string, holder: string): Promise<void> {
    this.held.delete(JSON.stringify([key, holder]));
    await this.store.releaseLease(key, holder);
  }

  /** Remembers a nonce. */
  async rememberNonce(nonce: string, seenAt: Date): Promise<boolean> {
    return this.running().rememberNonce(nonce, seenAt);
  }

  /** Records a sheet edit. */
  async recordEdit(edit: SheetEdit): Promise<boolean> {
    return this.running().recordEdit(edit);
  }

  /** The workbook's pending edits. */
  async pendingEdits(workbook: string): Promise<SheetEdit[]> {
    return this.running().pendingEdits(workbook);
  }

  /** Settles edits. */
  async markEditsApplied(ids: readonly string[], runId: string): Promise<void> {
    return this.running().markEditsApplied(ids, runId);
  }

  /** A document index entry, or null. */
  async getDocument(kind: string, key: string): Promise<DocumentEntry | null> {
    return this.running().getDocument(kind, key);
  }

  /** Claims a document index entry once. */
  async claimDocument(entry: DocumentEntry): Promise<boolean> {
    return this.running().claimDocument(entry);
  }

  /** Updates a document index entry. */
  async updateDocument(entry: DocumentEntry): Promise<void> {
    return this.running().updateDocument(entry);
  }

  /** Every document index entry. */
  async listDocuments(): Promise<DocumentEntry[]> {
    return this.running().listDocuments();
  }

  /** Closes the wrapped store (also once stopped). */
  async close(): Promise<void> {
    return this.store.close();
  }

  private running(): RecordStore {
    if (this.stopped) throw new CcegError('INTERNAL', 'This run was stopped; the store takes no more work.');
    return this.store;
  }
}
