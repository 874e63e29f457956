// The record store in Firestore: records, the hash-chained audit log, runs, leases, nonces, sheet edits and the document index.
import { Firestore, type DocumentData, type DocumentReference, type Settings } from '@google-cloud/firestore';
import { auditEntrySchema, type AuditEntry, type AuditHead } from '../../core/audit/audit-entry.js';
import { entriesAfter } from '../../core/audit/chain.js';
import { sha256Hex } from '../../core/canonical-json.js';
import type { DocumentKind } from '../../core/documents/document-subjects.js';
import { DATA_TAB_NAMES } from '../../core/model/tabs.js';
import {
  documentEntrySchema, recordKey, runRecordSchema, splitRecordKey, storedRecordSchema, type DocumentEntry, type RunRecord,
  type StoredRecord,
} from '../../core/records/stored-record.js';
import type { SheetEdit } from '../../core/records/sheet-edit.js';
import type { CommitBatch, StoredDigests } from '../../ports/record-log.port.js';
import type { RecordStore } from '../../ports/record-store.port.js';
import { applyChunks, finishRun, headOf, planChunks, readHead, recoverPendingRuns, writeJournal, type JournalContext } from './commit-journal.js';
import { isAlreadyExists, storeFault, validDocument } from './firestore-errors.js';
import { firestoreLayout, type FirestoreLayout } from './firestore-layout.js';
import { acquireLease, releaseLease } from './firestore-leases.js';
import { readDigests } from './record-digests.js';
import { markEditsApplied, pendingEdits, recordEdit } from './firestore-edits.js';

/** Every kind of drafted document, each once: the compiler checks that none is missing. */
const KIND_ORDER: Readonly<Record<DocumentKind, true>> = { 'annual-report': true, 'chair-report': true, dissent: true, notice: true, 'update-report': true };
const DOCUMENT_KINDS = Object.keys(KIND_ORDER).sort() as DocumentKind[];

/** How to reach Firestore and where in it the store lives. */
export interface FirestoreStoreOptions {
  /** The Google Cloud project (default: the one of the Application Default Credentials). */
  readonly projectId?: string;
  /** A document under which every collection lives, e.g. `cceg/production` (default: the database root). */
  readonly rootPath?: string;
  /** A client to use (and leave open on `close()`); otherwise one is created from `projectId` and `settings`. */
  readonly firestore?: Firestore;
  /** Client settings from the config layer (e.g. `databaseId`, or `host` and `ssl: false` for an emulator). */
  readonly settings?: Settings;
  /** Test seam: the commit throws, as a crash would, after applying this many chunks of its journal. */
  readonly faultAfterChunks?: number;
}

/** Documents asked for in one `getAll`. */
const READS_PER_CALL = 300;

/** Opens the store; nothing is read until the first call, which reports an unreachable Firestore as STORE_UNAVAILABLE. */
export async function openFirestoreStore(options: FirestoreStoreOptions = {}): Promise<FirestoreRecordStore> {
  const ownsClient = options.firestore === undefined;
  const db = options.firestore ?? new Firestore({ ...options.settings, ...(options.projectId === undefined ? {} : { projectId: options.projectId }) });
  try {
    return new FirestoreRecordStore(db, firestoreLayout(db, options.rootPath), ownsClient, options.faultAfterChunks);
  } catch (error) {
    if (ownsClient) await db.terminate();
    throw error;
  }
}

/**
 * The record store over Firestore, using only what a batch of writes and `create()` guarantee (no transactions): a
 * commit is journaled under `runs/{id}`, applied in chunks and published by moving `meta/head`, and readers never
 * see audit entries beyond that head. Each record's digest is kept in `digests/{shard}` by the same chunks. The record
 * reads and `commit` first roll forward a sync a crash interrupted, so
 * call them under the sync lease, as syncs do.
 */
export class FirestoreRecordStore implements RecordStore {
  private readonly context: JournalContext;
  /** The digests `prefetchDigests` started reading, for the next `loadDigests`. */
  private prefetched: Promise<StoredDigests> | null = null;

  /** Use `openFirestoreStore`. */
  constructor(
    private readonly db: Firestore,
    private readonly layout: FirestoreLayout,
    private readonly ownsClient: boolean,
    private readonly faultAfterChunks?: number,
  ) {
    this.context = { db, layout };
  }

  /** Every record, tombstoned ones included, keyed `Tab/ID`, after completing an interrupted sync. */
  async loadRecords(): Promise<Map<string, StoredRecord>> {
    return this.guard('read the records', async () => {
      await recoverPendingRuns(this.context);
      const tabs = await Promise.all(DATA_TAB_NAMES.map((tab) => this.layout.records(tab).get()));
      const records = new Map<string, StoredRecord>();
      for (const snapshot of tabs.flatMap((tab) => tab.docs)) {
        const record = validDocument(storedRecordSchema, snapshot, 'record');
        records.set(recordKey(record.tab, record.id), record);
      }
      return records;
    });
  }

  /** Every record's digest, keyed `Tab/ID`, and the head, after completing an interrupted sync: reads a few shard documents and `meta/head`. */
  async loadDigests(): Promise<StoredDigests> {
    const prefetched = this.prefetched;
    this.prefetched = null;
    return prefetched ?? this.readDigestsNow();
  }

  /**
   * Starts reading the digests and the head for the next `loadDigests`, so that their round trips overlap the caller's
   * own (the Sheets read of a sync, under whose lease nobody commits records); a failure is thrown by `loadDigests`.
   */
  prefetchDigests(): void {
    if (this.prefetched !== null) return;
    const reading = this.readDigestsNow();
    reading.catch(() => undefined);
    this.prefetched = reading;
  }

  private async readDigestsNow(): Promise<StoredDigests> {
    return this.guard('read the record digests', async () => {
      await recoverPendingRuns(this.context);
      const { digests, head } = await readDigests(this.db, this.layout);
      return { digests, auditHead: headOf(head) };
    });
  }

  /** The records of these `Tab/ID` keys, read by reference a few hundred at a time; a key with no record is left out. */
  async loadRecordsByKey(keys: Iterable<string>): Promise<Map<string, StoredRecord>> {
    return this.guard('read records', async () => {
      await recoverPendingRuns(this.context);
      const wanted = [...new Set(keys)];
      const records = new Map<string, StoredRecord>();
      for (let from = 0; from < wanted.length; from += READS_PER_CALL) {
        const refs = wanted.slice(from, from + READS_PER_CALL).map((key) => {
          const { tab, id } = splitRecordKey(key);
          return this.layout.record(tab, id);
        });
        if (refs.length === 0) continue;
        for (const snapshot of await this.db.getAll(...refs)) {
          if (!snapshot.exists) continue;
          const record = validDocument(storedRecordSchema, snapshot, 'record');
          records.set(recordKey(record.tab, record.id), record);
        }
      }
      return records;
    });
  }

  /** Journals the sync, applies it chunk by chunk and moves the head last; returns the chained entries. */
  async commit(batch: CommitBatch): Promise<AuditEntry[]> {
    return this.guard('commit the sync', async () => {
      await recoverPendingRuns(this.context);
      const headBefore = await readHead(this.context);
      const entries = entriesAfter(headBefore, batch.drafts, batch.chained);
      const last = entries.at(-1);
      const headAfter = last === undefined ? headBefore : { seq: last.seq, hash: last.hash };
      const chunks = planChunks(batch.records, entries);
      await writeJournal(this.context, batch.run, chunks, headBefore, headAfter);
      const fault = this.faultAfterChunks;
      if (fault !== undefined && fault <= chunks.length) {
        await applyChunks(this.context, chunks.slice(0, fault));
        throw new Error(`simulated crash after ${fault} applied chunks`);
      }
      await applyChunks(this.context, chunks);
      await finishRun(this.context, batch.run.id, headBefore, headAfter, chunks.length);
      return entries;
    });
  }

  /** The committed head (`meta/head`), or null while the log is empty. */
  async auditHead(): Promise<AuditHead | null> {
    return this.guard('read the head of the audit log', () => readHead(this.context));
  }

  /** Up to `limit` committed entries after `afterSeq`, in seq order; never one beyond the committed head. */
  async auditPage(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.guard('read the audit log', async () => {
      const head = await readHead(this.context);
      const after = Math.max(0, Math.floor(afterSeq));
      const count = Math.min(Math.floor(limit), (head?.seq ?? 0) - after);
      if (count <= 0) return [];
      // Paged by value, not by cursor: `where seq > after` needs only the automatic single-field index.
      const page = await this.layout.audit().where('seq', '>', after).orderBy('seq').limit(count).get();
      return page.docs.map((snapshot) => validDocument(auditEntrySchema, snapshot, 'audit entry'));
    });
  }

  /** The committed run with this ID, or null (also while its sync is still being applied). */
  async getRun(id: string): Promise<RunRecord | null> {
    return this.guard('read a run', async () => {
      const snapshot = await this.layout.run(id).get();
      if (!snapshot.exists || snapshot.get('status') !== 'committed') return null;
      return validDocument(runRecordSchema, snapshot, 'run');
    });
  }

  /** Takes the lease when it is free, expired (`now` at or past its end) or already this holder's. */
  async acquireLease(key: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    return this.guard('take a lease', () => acquireLease(this.layout, key, holder, ttlMs, now));
  }

  /** Gives the lease back; does nothing when `holder` does not hold it. */
  async releaseLease(key: string, holder: string): Promise<void> {
    return this.guard('release a lease', () => releaseLease(this.layout, key, holder));
  }

  /** True the first time a nonce is seen (its SHA-256 names the document), false on a replay. */
  async rememberNonce(nonce: string, seenAt: Date): Promise<boolean> {
    return this.guard('remember a nonce', () => this.createOnce(this.layout.nonce(sha256Hex(nonce)), { seenAt: seenAt.toISOString() }));
  }

  /** Creates `edits/{id}`, pending; false when it exists already. */
  async recordEdit(edit: SheetEdit): Promise<boolean> {
    return this.guard('record a sheet edit', () => recordEdit(this.layout, edit));
  }

  /** The workbook's pending edits, oldest first. */
  async pendingEdits(workbook: string): Promise<SheetEdit[]> {
    return this.guard('read the pending sheet edits', () => pendingEdits(this.layout, workbook));
  }

  /** Marks the edits settled by `runId`. */
  async markEditsApplied(ids: readonly string[], runId: string): Promise<void> {
    return this.guard('settle sheet edits', () => markEditsApplied(this.db, this.layout, ids, runId));
  }

  /** The index entry of a kind and key, or null. */
  async getDocument(kind: string, key: string): Promise<DocumentEntry | null> {
    return this.guard('read the document index', async () => {
      const snapshot = await this.layout.document(kind, key).get();
      return snapshot.exists ? validDocument(documentEntrySchema, snapshot, 'document entry') : null;
    });
  }

  /** Creates the entry; false when one exists already. */
  async claimDocument(entry: DocumentEntry): Promise<boolean> {
    return this.guard('claim a document', () => this.createOnce(this.layout.document(entry.kind, entry.key), plain(entry)));
  }

  /** Replaces the entry of the same kind and key (creating it if it was never claimed). */
  async updateDocument(entry: DocumentEntry): Promise<void> {
    return this.guard('update the document index', async () => {
      await this.layout.document(entry.kind, entry.key).set(plain(entry));
    });
  }

  /**
   * Every entry, by kind then key: one query of each kind's `entries` (Firestore paths put the kind between, and the
   * emulators answer no collection-group query). Reads one document per entry, and one per kind that has none.
   */
  async listDocuments(): Promise<DocumentEntry[]> {
    return this.guard('list the document index', async () => {
      const pages = await Promise.all(DOCUMENT_KINDS.map((kind) => this.layout.document(kind, 'any').parent.get()));
      return pages.flatMap((page) => page.docs.map((snapshot) => validDocument(documentEntrySchema, snapshot, 'document entry'))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
    });
  }

  /** Terminates the client when this store created it; a client passed in stays open. */
  async close(): Promise<void> {
    if (this.ownsClient) await this.db.terminate();
  }

  private async createOnce(ref: DocumentReference, data: DocumentData): Promise<boolean> {
    try {
      await ref.create(data);
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }

  private async guard<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw storeFault(error, doing);
    }
  }
}

/** A plain JSON copy: what Firestore stores is exactly what SQLite would, and never `undefined`. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
