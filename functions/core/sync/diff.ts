// Compares the workbook's rows with the stored records by ID and content hash: what to create, update, tombstone.
import { contentHash } from '../canonical-json.js';
import type { AuditDraft, AuditSource } from '../audit/audit-entry.js';
import type { ParsedRow, ParsedWorkbook } from '../parse/parsed.js';
import { recordKey, type StoredRecord } from '../records/stored-record.js';
import { StoredTabs } from '../records/stored-tabs.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';
import type { AssignedIds } from './assign-ids.js';
import type { HeldBackRow } from './held-back-row.js';
import type { RowHashes } from './row-hashes.js';

/** One record that changes in this sync. */
export interface RecordChange {
  readonly op: 'create' | 'update' | 'tombstone';
  readonly before: StoredRecord | null;
  readonly after: StoredRecord;
}

export type { HeldBackRow } from './held-back-row.js';

/** The outcome of a diff. */
export interface RecordDiff {
  readonly changes: readonly RecordChange[];
  readonly unchanged: number;
  readonly heldBack: readonly HeldBackRow[];
  /** The content hash of each row whose values are its record's data as they stand: what a store may remember for the file. */
  readonly rowHashes: RowHashes;
}

/** Who commits, when, in which run. */
export interface CommitContext {
  readonly runId: string;
  readonly at: string;
  readonly actor: string;
  readonly source: AuditSource;
}

/**
 * Diffs every readable tab against the store. Rows with data findings are held back; stored records whose ID no
 * longer appears in a readable tab are tombstoned (never deleted); an unreadable tab changes nothing. A tab with a
 * row held back for a duplicate ID tombstones nothing either: that row may be a record whose ID was mistyped as
 * another's (P-0010 retyped as P-0009), and the record stays as it is until the ID is put right.
 *
 * `remembered`, the row hashes a store kept for this very file (same bytes), spares hashing a row whose remembered
 * hash is its record's: such a row is unchanged. They are trusted only for a tab where a sample of them matches the
 * rows' hashes; any other row is hashed.
 */
export function diffRecords(
  parsed: ParsedWorkbook, assigned: AssignedIds, stored: StoredTabs | ReadonlyMap<string, StoredRecord>, context: CommitContext, remembered?: RowHashes | null,
): RecordDiff {
  const changes: RecordChange[] = [];
  const heldBack: HeldBackRow[] = [];
  const rowHashes = new Map<DataTabName, (string | null)[]>();
  let unchanged = 0;
  const storedTabs = StoredTabs.of(stored);
  // Which of each tab's stored records some row names (by position), and how many of them are live: a tab whose live
  // records are all named has nothing to tombstone.
  const named = new Map<DataTabName, { readonly marks: Uint8Array; live: number }>();
  const mistypedIds = new Set<DataTabName>();
  const record = (tab: DataTabName, id: string, data: Record<string, unknown>, tombstoned: boolean): StoredRecord =>
    ({ tab, id, hash: contentHash(data), data, tombstoned, committedAt: context.at, runId: context.runId });

  for (const name of DATA_TAB_NAMES) {
    const tab = parsed.tabs[name];
    if (!tab.available) continue;
    const idKey = TABS[name].idKey;
    const records = storedTabs.tab(name);
    const assignedHere = assigned.get(name);
    const namedHere = { marks: new Uint8Array(records?.size ?? 0), live: 0 };
    named.set(name, namedHere);
    const known = trustedHashes(tab.rows, remembered?.get(name), idKey);
    const hashes = new Array<string | null>(tab.rows.length).fill(null);
    rowHashes.set(name, hashes);
    const positionOf = records?.walk();
    for (let index = 0; index < tab.rows.length; index++) {
      const row = tab.rows[index]!;
      const id = row.id ?? assignedHere?.get(row.sheetRow) ?? null;
      // Looked up by position: a row whose record is unchanged (most of them) makes no object.
      const position = id === null ? undefined : positionOf?.(id);
      const live = position !== undefined && !records!.isTombstoned(position);
      if (position !== undefined && namedHere.marks[position] === 0) {
        namedHere.marks[position] = 1;
        if (live) namedHere.live++;
      }
      // A row with a data finding is held back even without an ID (an organization whose Code is empty).
      if (row.values === null) {
        if (row.findings.some((finding) => finding.rule === 'row.duplicate-id')) mistypedIds.add(name);
        heldBack.push({ tab: name, sheetRow: row.sheetRow, id, hasCommittedVersion: live });
        continue;
      }
      if (id === null) continue;
      // Most rows hold their ID already: their values are the data as they are, not a copy.
      const asTyped = row.values[idKey] === id;
      const data = asTyped ? row.values : { ...row.values, [idKey]: id };
      // Hashed first (unless a trusted remembered hash says it is its record's): an unchanged row (most of them) makes no record.
      const knownHash = asTyped ? known?.[index] : undefined;
      const hash = knownHash != null && live && records!.hashAt(position) === knownHash ? knownHash : contentHash(data);
      if (live && records!.hashAt(position) === hash) {
        // The stored text of the same hash is kept, not the one just made: that one is garbage at once, and 50,000
        // new strings kept to the end of the sync are not copied by every collection of young objects meanwhile.
        if (asTyped) hashes[index] = records!.hashAt(position);
        unchanged++;
        continue;
      }
      if (asTyped) hashes[index] = hash;
      const before = position === undefined ? null : records!.recordAt(position);
      const after: StoredRecord = { tab: name, id, hash, data, tombstoned: false, committedAt: context.at, runId: context.runId };
      changes.push({ op: before === null ? 'create' : 'update', before, after });
    }
  }
  // Live records no row names are tombstoned, tab by tab in the order the store lists them; a tab whose live records
  // are all named (the usual case) is not looked through.
  for (const records of storedTabs) {
    const tab = records.name as DataTabName;
    const namedHere = named.get(tab);
    if (namedHere === undefined || mistypedIds.has(tab) || namedHere.live === records.live) continue;
    for (let position = 0; position < records.size; position++) {
      if (records.isTombstoned(position) || namedHere.marks[position] === 1) continue;
      const before = records.recordAt(position);
      changes.push({ op: 'tombstone', before, after: record(tab, before.id, before.data, true) });
    }
  }
  return { changes, unchanged, heldBack, rowHashes };
}

/** One row in this many (the first included) has its remembered hash checked against its hash before any is trusted. */
const SAMPLE_EVERY = 64;

/**
 * A tab's remembered hashes when they can be trusted: one for every row, null exactly for the rows whose values are not
 * their record's data as typed, and equal to the hash of every sampled row. Otherwise (another cceg's hashes, a
 * damaged memo) undefined, and every row is hashed.
 */
export function trustedHashes(rows: readonly ParsedRow[], remembered: readonly (string | null)[] | undefined, idKey: string): readonly (string | null)[] | undefined {
  if (remembered === undefined || remembered.length !== rows.length) return undefined;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const asTyped = row.values !== null && row.id !== null && row.values[idKey] === row.id;
    const hash = remembered[index];
    if (asTyped !== (hash !== null && hash !== undefined)) return undefined;
    if (asTyped && index % SAMPLE_EVERY === 0 && contentHash(row.values!) !== hash) return undefined;
  }
  return remembered;
}

/**
 * The diff with each change's stored version read in full: `stored` holds, by `Tab/ID`, the records whose data was read
 * after a diff against their digests alone (same hash and tombstone, so the ops stay as they are). A tombstone keeps
 * the data its record last had.
 */
export function withStoredVersions(diff: RecordDiff, stored: ReadonlyMap<string, StoredRecord>): RecordDiff {
  const changes = diff.changes.map((change): RecordChange => {
    const before = change.before === null ? undefined : stored.get(recordKey(change.before.tab, change.before.id));
    if (before === undefined || before === change.before) return change;
    if (change.op !== 'tombstone') return { ...change, before };
    return { ...change, before, after: { ...change.after, hash: contentHash(before.data), data: before.data } };
  });
  return { ...diff, changes };
}

/** The audit drafts of a diff's changes, one per change, in order; `actors` names who made a change (by `Tab/ID`). */
export function auditDraftsOf(changes: readonly RecordChange[], context: CommitContext, actors?: ReadonlyMap<string, string>): AuditDraft[] {
  return changes.map((change) => ({
    at: context.at,
    actor: actors?.get(recordKey(change.after.tab, change.after.id)) ?? context.actor,
    source: context.source,
    entity: recordKey(change.after.tab, change.after.id),
    op: change.op,
    before: change.before && !change.before.tombstoned ? change.before.data : null,
    after: change.op === 'tombstone' ? null : change.after.data,
  }));
}
