// The stored records by tab and ID, as a sync looks rows up in them: kept in columns, a record is made an object only when asked for.
import { recordKey, splitRecordKey, type RecordDigest, type StoredRecord } from './stored-record.js';

/** The data of a record known by its digest alone: one frozen object, never read. */
const UNREAD: Record<string, unknown> = Object.freeze({});

/** One tab's digests, by position (the order the store lists them): what a `StoredTab` is made of. */
export interface TabDigestColumns {
  readonly tab: string;
  readonly ids: readonly string[];
  readonly hashes: readonly string[];
  /** 1 for a tombstoned record, 0 for a live one. */
  readonly tombstoned: Uint8Array;
  /** When the record at a position was last committed. */
  committedAt(position: number): string;
  /** The latest of those times (null for no record), when the store read it with the digests: no record's is then asked for. */
  readonly lastCommittedAt?: string | null;
}

/**
 * One tab's stored records: looked up by ID as stored (exactly) to a position, whose hash and tombstone are read
 * without making an object; `recordAt` makes the record (known by its digest alone until its data is read and put in).
 */
export class StoredTab {
  readonly name: string;
  /** How many of the tab's records are live (not tombstoned). */
  readonly live: number;
  /** Positions by ID, built on the first lookup a walk's guess does not answer (rows in the store's order need none). */
  private positions: Map<string, number> | null = null;
  private readonly made = new Map<number, StoredRecord>();

  constructor(private readonly columns: TabDigestColumns) {
    this.name = columns.tab;
    let live = 0;
    for (let position = 0; position < columns.ids.length; position++) if (columns.tombstoned[position] === 0) live++;
    this.live = live;
  }

  /** How many records the tab has, tombstoned ones included. */
  get size(): number {
    return this.columns.ids.length;
  }

  /** The position of the record whose ID is exactly `id`, or undefined. */
  positionOf(id: string): number | undefined {
    return this.index().get(id);
  }

  /**
   * `positionOf` for a walk over a tab's rows in sheet order: each ID is first compared with the record right after the
   * last one found, so rows that follow the store's order (by ID, the usual sheet) are found without the ID index.
   */
  walk(): (id: string) => number | undefined {
    let near = 0;
    return (id) => {
      const position = near < this.columns.ids.length && this.columns.ids[near] === id ? near : this.index().get(id);
      if (position !== undefined) near = position + 1;
      return position;
    };
  }

  /** Positions by ID, built on first use. */
  private index(): Map<string, number> {
    if (this.positions === null) {
      this.positions = new Map();
      for (let position = 0; position < this.columns.ids.length; position++) this.positions.set(this.columns.ids[position]!, position);
    }
    return this.positions;
  }

  /** The ID of the record at `position`, as stored. */
  idAt(position: number): string {
    return this.columns.ids[position]!;
  }

  /** The content hash of the record at `position`. */
  hashAt(position: number): string {
    return this.columns.hashes[position]!;
  }

  /** Whether the record at `position` is tombstoned. */
  isTombstoned(position: number): boolean {
    return this.columns.tombstoned[position] === 1;
  }

  /** The record at `position`: as read when its data was put in (`putRead`), else known by its digest alone (its data empty, never read). */
  recordAt(position: number): StoredRecord {
    let record = this.made.get(position);
    if (record === undefined) {
      const { columns } = this;
      record = { tab: this.name, id: columns.ids[position]!, hash: columns.hashes[position]!, data: UNREAD, tombstoned: columns.tombstoned[position] === 1, committedAt: columns.committedAt(position), runId: '' };
      this.made.set(position, record);
    }
    return record;
  }

  /** The latest time any of the tab's records (tombstoned ones included) was committed, or null for none; no record is made. */
  lastCommittedAt(): string | null {
    if (this.columns.lastCommittedAt !== undefined) return this.columns.lastCommittedAt;
    let last: string | null = null;
    for (let position = 0; position < this.columns.ids.length; position++) {
      const at = this.columns.committedAt(position);
      if (last === null || at > last) last = at;
    }
    return last;
  }

  /** Puts a record whose data was read in place of its digest; a record the tab does not list is left out. */
  putRead(record: StoredRecord): void {
    const position = this.positionOf(record.id);
    if (position !== undefined) this.made.set(position, record);
  }
}

/** The stored records of every tab, tab by tab in the order the store lists them. */
export class StoredTabs implements Iterable<StoredTab> {
  private readonly byName = new Map<string, StoredTab>();

  constructor(tabs: Iterable<StoredTab>) {
    for (const tab of tabs) this.byName.set(tab.name, tab);
  }

  /**
   * The records (or digests) grouped by tab, each tab's in the order given: a full record stays the object given, a
   * digest becomes a record known by its digest alone. `stored` that is already a StoredTabs is returned as it is.
   */
  static of(stored: StoredTabs | ReadonlyMap<string, RecordDigest | StoredRecord>): StoredTabs {
    if (stored instanceof StoredTabs) return stored;
    const byTab = new Map<string, { ids: string[]; hashes: string[]; tombstoned: number[]; committedAt: string[]; read: StoredRecord[] }>();
    for (const record of stored.values()) {
      let tab = byTab.get(record.tab);
      if (tab === undefined) byTab.set(record.tab, (tab = { ids: [], hashes: [], tombstoned: [], committedAt: [], read: [] }));
      tab.ids.push(record.id);
      tab.hashes.push(record.hash);
      tab.tombstoned.push(record.tombstoned ? 1 : 0);
      tab.committedAt.push(record.committedAt);
      if ('data' in record) tab.read.push(record);
    }
    return new StoredTabs([...byTab].map(([name, tab]) => {
      const storedTab = new StoredTab({ tab: name, ids: tab.ids, hashes: tab.hashes, tombstoned: Uint8Array.from(tab.tombstoned), committedAt: (position) => tab.committedAt[position]! });
      for (const record of tab.read) storedTab.putRead(record);
      return storedTab;
    }));
  }

  /** The tab's records, or undefined when the store has none of it. */
  tab(name: string): StoredTab | undefined {
    return this.byName.get(name);
  }

  /** The tabs, in the order the store lists them. */
  [Symbol.iterator](): Iterator<StoredTab> {
    return this.byName.values();
  }

  /** The record keyed `Tab/ID` (the ID exactly as stored), or undefined. */
  get(key: string): StoredRecord | undefined {
    const { tab, id } = splitRecordKey(key);
    const stored = this.byName.get(tab);
    const position = stored?.positionOf(id);
    return position === undefined ? undefined : stored!.recordAt(position);
  }

  /** The latest time any record (tombstoned ones included) was committed, or null when there is none. */
  lastCommittedAt(): string | null {
    let last: string | null = null;
    for (const tab of this.byName.values()) {
      const at = tab.lastCommittedAt();
      if (at !== null && (last === null || at > last)) last = at;
    }
    return last;
  }

  /** Puts records whose data was read in place of their digests. */
  putRead(records: Iterable<StoredRecord>): void {
    for (const record of records) this.byName.get(record.tab)?.putRead(record);
  }

  /** The records as a map keyed `Tab/ID`, tab by tab; looked up without making the others. */
  asMap(): ReadonlyMap<string, StoredRecord> {
    return new StoredRecordMap(this);
  }
}

/** A read-only map over StoredTabs, keyed `Tab/ID`: `get` and `has` make only the record asked for. */
class StoredRecordMap implements ReadonlyMap<string, StoredRecord> {
  constructor(private readonly tabs: StoredTabs) {}

  get size(): number {
    let size = 0;
    for (const tab of this.tabs) size += tab.size;
    return size;
  }

  get(key: string): StoredRecord | undefined {
    return this.tabs.get(key);
  }

  has(key: string): boolean {
    return this.tabs.get(key) !== undefined;
  }

  *entries(): MapIterator<[string, StoredRecord]> {
    for (const tab of this.tabs) for (let position = 0; position < tab.size; position++) yield [recordKey(tab.name, tab.idAt(position)), tab.recordAt(position)];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<StoredRecord> {
    for (const [, record] of this.entries()) yield record;
  }

  [Symbol.iterator](): MapIterator<[string, StoredRecord]> {
    return this.entries();
  }

  forEach(callback: (value: StoredRecord, key: string, map: ReadonlyMap<string, StoredRecord>) => void, thisArg?: unknown): void {
    for (const [key, record] of this.entries()) callback.call(thisArg, record, key, this);
  }
}
