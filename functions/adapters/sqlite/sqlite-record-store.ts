// The record store in a local SQLite file (WAL, full sync): each commit is one transaction, all or nothing.
import Database from 'better-sqlite3';
import type { AuditEntry, AuditHead } from '../../core/audit/audit-entry.js';
import { entriesAfter } from '../../core/audit/chain.js';
import { DATA_TAB_NAMES } from '../../core/model/tabs.js';
import { recordKey, splitRecordKey, type DocumentEntry, type RecordDigest, type RunRecord, type StoredRecord } from '../../core/records/stored-record.js';
import type { SheetEdit } from '../../core/records/sheet-edit.js';
import { StoredTab, StoredTabs } from '../../core/records/stored-tabs.js';
import { decodeRowHashes, encodeRowHashes, headOfKept, keptForFile, remembersSettled, settledHeadLength, type RememberedRows } from '../../core/sync/row-hashes.js';
import type { CommitBatch, StoredDigests, StoredDigestTabs } from '../../ports/record-log.port.js';
import type { RecordStore } from '../../ports/record-store.port.js';
import { holderIsGone, thisProcess, type HolderProcess } from './holder-process.js';
import { digestFromRow, documentFromJson, isDataTab, editFromJson, entryFromRow, entryToRow, recordFromRow, recordToRow, runFromJson } from './rows.js';
import { META, prepareDatabase } from './schema.js';
import { storeFault, unavailable } from './sqlite-errors.js';
import { prepareStatements, type Statements } from './statements.js';
import { DEFAULT_BUSY_TIMEOUT_MS, type StoreWarmUp } from './store-warm-up.js';
import type { DigestColumns } from './warm-up-worker.js';

/** The data tabs in the order the store lists records (by tab, then ID): the order `loadDigests` reads them in. */
const TABS_IN_STORE_ORDER = [...DATA_TAB_NAMES].sort();
/** How long a SHA-256 is in hex. */
const HASH_LENGTH = 64;
/** Lower-case hex digits by character code (a loop over them is twice as fast as a regular expression per record). */
const HEX_DIGIT = new Uint8Array(128);
for (const digit of '0123456789abcdef') HEX_DIGIT[digit.charCodeAt(0)] = 1;
/** The character codes of "0" and "1". */
const ZERO = 48;
const ONE = 49;

/** Whether a record of `tabDigests` is its hash (64 lower-case hex digits), its tombstone (0 or 1) and an ID that is not empty. */
function isDigestPiece(piece: string): boolean {
  if (piece.length <= HASH_LENGTH + 1) return false;
  for (let at = 0; at < HASH_LENGTH; at++) {
    const code = piece.charCodeAt(at);
    if (code >= HEX_DIGIT.length || HEX_DIGIT[code] === 0) return false;
  }
  const tombstone = piece.charCodeAt(HASH_LENGTH);
  return tombstone === ZERO || tombstone === ONE;
}

/** How to open the file. */
export interface SqliteStoreOptions {
  /** How long to wait for another process's lock before giving up (default 5,000 ms). */
  readonly busyTimeoutMs?: number;
  /** Open an existing store only to read it: nothing is created, upgraded or written (`cceg audit`). */
  readonly readOnly?: boolean;
  /** The process recorded with the leases this store takes (default: this one; tests name a gone one). */
  readonly holderProcess?: HolderProcess;
  /**
   * The file's warm-up on another thread (a CLI sync): when its page check passed, the file is not checked again, and
   * `prefetchDigests` has it read the digests while the workbook is read. The store closes it.
   */
  readonly warmUp?: StoreWarmUp;
  /** True when the warm-up's check of every page passed (so `quick_check` is not run again here). */
  readonly pagesChecked?: boolean;
}

/**
 * Opens (creating when missing, unless `readOnly`) the store at `path`; throws STORE_UNAVAILABLE with one line when it
 * cannot.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteRecordStore {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const readOnly = options.readOnly ?? false;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: busyTimeoutMs, readonly: readOnly, fileMustExist: readOnly });
    prepareDatabase(db, path, { readOnly, pagesChecked: options.pagesChecked ?? false });
    return new SqliteRecordStore(db, path, busyTimeoutMs, options.holderProcess ?? thisProcess(), options.warmUp ?? null);
  } catch (error) {
    db?.close();
    throw storeFault(path, error, busyTimeoutMs);
  }
}

/**
 * The record store over one SQLite connection; tables mirror the Firestore collections. Each lease records the PID and
 * host of the process that took it, so that a lease whose process is gone (killed, crashed) is taken over at once.
 */
export class SqliteRecordStore implements RecordStore {
  private readonly statements: Statements;
  /** The digests the warm-up was asked to read, for the next `loadDigests`. */
  private prefetched: Promise<DigestColumns | null> | null = null;

  /** Use `openSqliteStore`, which checks and prepares the file first. */
  constructor(
    private readonly db: Database.Database,
    /** The database file. */
    readonly path: string,
    private readonly busyTimeoutMs: number,
    private readonly holderProcess: HolderProcess,
    private readonly warmUp: StoreWarmUp | null = null,
  ) {
    this.statements = prepareStatements(db);
  }

  /** Every record, tombstoned ones included, keyed `Tab/ID`. */
  async loadRecords(): Promise<Map<string, StoredRecord>> {
    return this.guard(() => {
      const records = new Map<string, StoredRecord>();
      for (const row of this.statements.allRecords.iterate()) records.set(recordKey(row.tab, row.id), recordFromRow(row, this.path));
      return records;
    });
  }

  /**
   * Has the warm-up thread read the digests and the head now, while the caller (holding the sync lease, so that
   * nobody commits records meanwhile) reads the workbook; the next `loadDigests` returns them. Without a warm-up, or
   * when the file with fingerprint `unlessSettled` is remembered as settled (its sync reads no digest), nothing.
   */
  prefetchDigests(unlessSettled?: string): void {
    if (this.warmUp === null || this.prefetched !== null) return;
    if (unlessSettled !== undefined && this.remembersSettled(unlessSettled)) return;
    this.prefetched = this.warmUp.readDigests();
  }

  /** Whether the file with this fingerprint is remembered as settled, from the head of what is kept; false when that cannot be read. */
  private remembersSettled(fingerprint: string): boolean {
    try {
      const head = this.keptHead(fingerprint);
      return head !== undefined && remembersSettled(head, fingerprint);
    } catch {
      return false;
    }
  }

  /**
   * The head of the remembered rows (`headOfKept`): kept beside them, else (a file an older cceg wrote) read from the
   * text itself, which SQLite reads whole to take its beginning.
   */
  private keptHead(fingerprint: string): string | undefined {
    return this.statements.meta.get(META.rowHashesHead) ?? this.statements.metaHead.get(settledHeadLength(fingerprint), META.rowHashes);
  }

  /**
   * Every record's digest and the head, in one read transaction: the ones `prefetchDigests` had read, or read now
   * from the same rows as the records (a local read costs nothing per row worth avoiding).
   */
  async loadDigests(): Promise<StoredDigests> {
    const prefetched = this.prefetched;
    this.prefetched = null;
    const columns = prefetched === null ? null : await prefetched;
    await this.warmUp?.close();
    if (columns !== null) return this.guard(() => this.digestsOf(columns));
    return this.guard(() =>
      this.db.transaction(() => {
        const digests = new Map<string, RecordDigest>();
        for (const row of this.statements.allDigests.iterate()) digests.set(recordKey(row.tab, row.id), digestFromRow(row, this.path));
        return { digests, auditHead: this.readHead() };
      })(),
    );
  }

  /**
   * `loadDigests` as StoredTabs, with no object per record: from the columns `prefetchDigests` had read, else read in
   * columns here; from `loadDigests` when a digest must be refused by name.
   */
  async loadDigestTabs(): Promise<StoredDigestTabs> {
    const columns = this.prefetched === null ? null : await this.prefetched;
    if (columns === null) {
      const read = this.guard(() => this.readDigestTabs());
      if (read !== null) {
        await this.warmUp?.close();
        return read;
      }
    }
    const stored = columns === null ? null : this.guard(() => this.storedTabsOf(columns));
    if (columns === null || stored === null) {
      // No columns, or a digest to refuse by name: `loadDigests` reads them (or takes the same columns) one by one.
      const { digests, auditHead } = await this.loadDigests();
      return { stored: StoredTabs.of(digests), auditHead };
    }
    this.prefetched = null;
    await this.warmUp?.close();
    return { stored, auditHead: this.guard(() => this.headOf(columns.headSeq ?? undefined, columns.headHash ?? undefined)) };
  }

  /** What is remembered (in `meta`) of the workbook file with this fingerprint, or null. */
  async rememberedRowHashes(fingerprint: string): Promise<RememberedRows | null> {
    return this.guard(() => {
      // Another file's rows (the usual case when the file has changed) are not read at all.
      const head = this.statements.meta.get(META.rowHashesHead);
      if (head !== undefined && !keptForFile(head, fingerprint)) return null;
      const text = this.statements.meta.get(META.rowHashes);
      return text === undefined ? null : decodeRowHashes(text, fingerprint);
    });
  }

  /** Remembers the workbook file with this fingerprint, in place of any file's before. */
  async rememberRowHashes(fingerprint: string, remembered: RememberedRows): Promise<void> {
    const text = encodeRowHashes(fingerprint, remembered);
    this.guard(() => this.db.transaction(() => {
      this.statements.setMeta.run(META.rowHashes, text);
      this.statements.setMeta.run(META.rowHashesHead, headOfKept(text, fingerprint));
    })());
  }

  /** The records of these `Tab/ID` keys; a key with no record is left out. */
  async loadRecordsByKey(keys: Iterable<string>): Promise<Map<string, StoredRecord>> {
    return this.guard(() => {
      const records = new Map<string, StoredRecord>();
      for (const key of keys) {
        const { tab, id } = splitRecordKey(key);
        const row = this.statements.record.get(tab, id);
        if (row !== undefined) records.set(key, recordFromRow(row, this.path));
      }
      return records;
    });
  }

  /** One IMMEDIATE transaction: read the head, chain the drafts after it, write records, entries, run and head. */
  async commit(batch: CommitBatch): Promise<AuditEntry[]> {
    return this.guard(() =>
      this.db.transaction(() => {
        const entries = entriesAfter(this.readHead(), batch.drafts, batch.chained);
        for (const record of batch.records) this.statements.upsertRecord.run(recordToRow(record));
        for (const entry of entries) this.statements.insertEntry.run(entryToRow(entry));
        this.statements.upsertRun.run(batch.run.id, JSON.stringify(batch.run));
        const last = entries.at(-1);
        if (last) {
          this.statements.setMeta.run(META.headSeq, String(last.seq));
          this.statements.setMeta.run(META.headHash, last.hash);
        }
        return entries;
      }).immediate(),
    );
  }

  /** The head recorded in `meta` (not the last row: a deleted last entry must show). */
  async auditHead(): Promise<AuditHead | null> {
    return this.guard(() => this.readHead());
  }

  /** Up to `limit` entries after `afterSeq`, in seq order. */
  async auditPage(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.guard(() => this.statements.auditPage.all(afterSeq, limit).map((row) => entryFromRow(row, this.path)));
  }

  /** The run with this ID, or null. */
  async getRun(id: string): Promise<RunRecord | null> {
    return this.guard(() => {
      const json = this.statements.run.get(id);
      return json === undefined ? null : runFromJson(json, this.path);
    });
  }

  /**
   * Takes the lease when it is free, expired (`now` at or past its end), already this holder's, or held by a process of
   * this host that is gone.
   */
  async acquireLease(key: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    return this.guard(() =>
      this.db.transaction(() => {
        const lease = this.statements.lease.get(key);
        if (lease && lease.holder !== holder && lease.expires_at > now.getTime() && !holderIsGone(lease, this.holderProcess)) return false;
        this.statements.setLease.run(key, holder, now.getTime() + ttlMs, this.holderProcess.pid, this.holderProcess.host);
        return true;
      }).immediate(),
    );
  }

  /** Gives the lease back; does nothing when `holder` does not hold it. */
  async releaseLease(key: string, holder: string): Promise<void> {
    this.guard(() => this.statements.releaseLease.run(key, holder));
  }

  /** True the first time a nonce is seen, false on a replay. */
  async rememberNonce(nonce: string, seenAt: Date): Promise<boolean> {
    return this.guard(() => this.statements.insertNonce.run(nonce, seenAt.toISOString()).changes === 1);
  }

  /** Records the edit as pending; false when one with its ID exists. */
  async recordEdit(edit: SheetEdit): Promise<boolean> {
    return this.guard(() => this.statements.insertEdit.run(edit.id, edit.workbook, edit.receivedAt, JSON.stringify(edit)).changes === 1);
  }

  /** The workbook's pending edits, oldest first. */
  async pendingEdits(workbook: string): Promise<SheetEdit[]> {
    return this.guard(() => this.statements.pendingEdits.all(workbook).map((json) => editFromJson(json, this.path)));
  }

  /** Marks the edits settled by `runId`, in one transaction. */
  async markEditsApplied(ids: readonly string[], runId: string): Promise<void> {
    this.guard(() => this.db.transaction(() => {
      for (const id of ids) this.statements.applyEdit.run(runId, id);
    }).immediate());
  }

  /** The index entry of a kind and key, or null. */
  async getDocument(kind: string, key: string): Promise<DocumentEntry | null> {
    return this.guard(() => {
      const json = this.statements.document.get(kind, key);
      return json === undefined ? null : documentFromJson(json, this.path);
    });
  }

  /** Creates the entry; false when one exists already. */
  async claimDocument(entry: DocumentEntry): Promise<boolean> {
    return this.guard(() => this.statements.insertDocument.run(entry.kind, entry.key, JSON.stringify(entry)).changes === 1);
  }

  /** Replaces the entry of the same kind and key (creating it if it was never claimed). */
  async updateDocument(entry: DocumentEntry): Promise<void> {
    this.guard(() => this.statements.upsertDocument.run(entry.kind, entry.key, JSON.stringify(entry)));
  }

  /** Every entry, by kind then key. */
  async listDocuments(): Promise<DocumentEntry[]> {
    return this.guard(() => this.statements.documents.all().map((json) => documentFromJson(json, this.path)));
  }

  /** Closes the connection (SQLite checkpoints the WAL into the file); closing twice is harmless. */
  async close(): Promise<void> {
    await this.warmUp?.close();
    if (this.db.open) this.db.close();
  }

  /**
   * The digests and head the warm-up thread read, checked as those read here are: the thread checked every hash and
   * tombstone, and a digest it found malformed goes through `digestFromRow`, which names it.
   */
  private digestsOf(columns: DigestColumns): StoredDigests {
    const digests = new Map<string, RecordDigest>();
    if (columns.count > 0) {
      const [ids, hashes, tombstoned, committedAt] = [columns.ids, columns.hashes, columns.tombstoned, columns.committedAt].map((text) => text.split('\0'));
      const malformed = new Set(columns.malformed);
      let index = 0;
      for (const [tab, count] of columns.tabRuns) {
        for (const end = index + count; index < end; index++) {
          const id = ids![index]!;
          const hash = hashes![index]!;
          const gone = Number(tombstoned![index]);
          const at = committedAt![index]!;
          const wellFormed = !malformed.has(index) && isDataTab(tab) && id !== '';
          const digest: RecordDigest = wellFormed ? { tab, id, hash, tombstoned: gone === 1, committedAt: at } : digestFromRow({ tab, id, hash, tombstoned: gone, committed_at: at }, this.path);
          digests.set(recordKey(tab, id), digest);
        }
      }
    }
    return { digests, auditHead: this.headOf(columns.headSeq ?? undefined, columns.headHash ?? undefined) };
  }

  /**
   * The columns as StoredTabs, each tab's IDs, hashes and tombstones sliced from them and no object made per record;
   * null when a digest needs checking one by one (`digestsOf` then refuses it, naming the record).
   */
  private storedTabsOf(columns: DigestColumns): StoredTabs | null {
    if (columns.malformed.length > 0) return null;
    const seen = new Set<string>();
    for (const [tab] of columns.tabRuns) {
      if (!isDataTab(tab) || seen.has(tab)) return null;
      seen.add(tab);
    }
    const ids = columns.count === 0 ? [] : columns.ids.split('\0');
    const hashes = columns.count === 0 ? [] : columns.hashes.split('\0');
    if (ids.some((id) => id === '')) return null;
    let committedAt: string[] | null = null;
    const tabs: StoredTab[] = [];
    let base = 0;
    for (const [tab, count] of columns.tabRuns) {
      const start = base;
      // Tombstones are joined as "0\01\0…": a record's is the character at twice its index.
      const tombstoned = new Uint8Array(count);
      for (let position = 0; position < count; position++) tombstoned[position] = columns.tombstoned.charCodeAt(2 * (start + position)) === 49 ? 1 : 0;
      tabs.push(new StoredTab({
        tab, ids: ids.slice(start, start + count), hashes: hashes.slice(start, start + count), tombstoned,
        committedAt: (position) => (committedAt ??= columns.committedAt.split('\0'))[start + position]!,
      }));
      base += count;
    }
    return new StoredTabs(tabs);
  }

  /**
   * Every digest by tab and the head, in one read transaction, each tab's digests read as one string (no row object per
   * record; a record's commit time is read when asked for); null when a digest is malformed (`loadDigests` names it),
   * a record is of no data tab, or a tab's IDs do not come in ascending order (`loadDigests` orders them by SQL).
   */
  private readDigestTabs(): StoredDigestTabs | null {
    return this.db.transaction((): StoredDigestTabs | null => {
      const tabs: StoredTab[] = [];
      let read = 0;
      for (const tab of TABS_IN_STORE_ORDER) {
        const [count, joined, lastCommittedAt, typed] = this.statements.tabDigests.get(tab)!;
        if (count === 0) continue;
        if (typed !== 1 || joined === null) return null;
        const pieces = joined.split('\0');
        if (pieces.length !== count) return null;
        const ids = new Array<string>(count);
        const hashes = new Array<string>(count);
        const tombstoned = new Uint8Array(count);
        let previous = '';
        for (let position = 0; position < count; position++) {
          const piece = pieces[position]!;
          if (!isDigestPiece(piece)) return null;
          const id = piece.slice(HASH_LENGTH + 1);
          if (!(previous < id)) return null;
          previous = id;
          ids[position] = id;
          hashes[position] = piece.slice(0, HASH_LENGTH);
          tombstoned[position] = piece.charCodeAt(HASH_LENGTH) === ONE ? 1 : 0;
        }
        const committedAt = this.statements.committedAt;
        tabs.push(new StoredTab({ tab, ids, hashes, tombstoned, lastCommittedAt, committedAt: (position) => committedAt.get(tab, ids[position]!) ?? '' }));
        read += count;
      }
      if (read !== this.statements.recordCount.get()) return null;
      return { stored: new StoredTabs(tabs), auditHead: this.readHead() };
    })();
  }

  private readHead(): AuditHead | null {
    return this.headOf(this.statements.meta.get(META.headSeq), this.statements.meta.get(META.headHash));
  }

  private headOf(seq: string | undefined, hash: string | undefined): AuditHead | null {
    if (seq === undefined || hash === undefined) return null;
    if (!/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) throw unavailable(this.path, 'the recorded head of the audit log is damaged');
    return { seq: Number(seq), hash };
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeFault(this.path, error, this.busyTimeoutMs);
    }
  }
}
