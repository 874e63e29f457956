// A sync's reads of the store: every record's digest, and the data only of the records the sync looks into.
import type { AuditHead } from '../core/audit/audit-entry.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { DataTabName } from '../core/model/tabs.js';
import { parseWorkbook } from '../core/parse/parse-workbook.js';
import type { ParsedTab, ParsedWorkbook } from '../core/parse/parsed.js';
import { recordKey, type RecordDigest, type StoredRecord } from '../core/records/stored-record.js';
import type { AssignedIds } from '../core/sync/assign-ids.js';
import { diffRecords, withStoredVersions, type CommitContext, type RecordDiff } from '../core/sync/diff.js';
import { rowIdentifier } from '../core/sync/identify-rows.js';
import type { RecordLog } from '../ports/record-log.port.js';

/** The workbook parsed and diffed against the store, and the records as the sync sees them. */
export interface StoredView {
  readonly parsed: ParsedWorkbook;
  readonly assigned: AssignedIds;
  /**
   * Every record, keyed `Tab/ID`, with its hash, tombstone and commit time. Its data is the stored data for every
   * record the sync reads the data of (a changed, held-back or vanished row's record, and with `organizations` every
   * live organization); the others stand in with empty data, never read.
   */
  readonly stored: ReadonlyMap<string, StoredRecord>;
  /** The rows diffed with the store, each change with its stored version read in full. */
  readonly diff: RecordDiff;
  /** The audit head the digests were read with (under the sync lease it stays so until the commit). */
  readonly auditHead: AuditHead | null;
}

/** What the sync reads the data of besides changed, held-back and vanished rows, and what it commits as. */
export interface StoredViewOptions {
  /** Every live Organizations record (the access policy of sheet edits names their contacts). */
  readonly organizations: boolean;
  /** The run, time and actor the diff's changes are committed with. */
  readonly context: CommitContext;
}

/**
 * Parses and diffs `raw` against the store reading only what a sync needs: the digests (with the audit head), then the
 * records of rows that are not in the sheet (a row whose ID was cleared may be one of them, recognised by its data, so
 * when their tab has a row without an ID the sheet is identified again once they are read), then the records of rows
 * that changed or are held back. A sync that changes k rows reads the digests and k records, not every record, and
 * hashes each row once.
 */
export async function readStored(store: Pick<RecordLog, 'loadDigests' | 'loadRecordsByKey'>, raw: RawWorkbook, options: StoredViewOptions): Promise<StoredView> {
  const { digests, auditHead } = await store.loadDigests();
  const known = new Map<string, StoredRecord>();
  for (const [key, digest] of digests) known.set(key, hollow(digest));
  let typedIds = new Map<DataTabName, TypedIds | null>();
  let withoutIds = new Set<DataTabName>();
  const identifier = rowIdentifier(known);
  let parsed = parseWorkbook(raw, (tabs) => {
    typedIds = idsOnRows(tabs);
    withoutIds = tabsWithRowsWithoutIds(tabs);
    return identifier.identify(tabs);
  });
  let assigned = identifier.assigned();
  const vanished: [string, RecordDigest][] = [];
  for (const entry of digests) {
    const digest = entry[1];
    if (!digest.tombstoned && typedIds.get(digest.tab as DataTabName)?.has(digest.id) === false) vanished.push(entry);
  }
  if (vanished.length > 0) {
    for (const [key, record] of await store.loadRecordsByKey(vanished.map(([key]) => key))) known.set(key, record);
    // Only a row without an ID can be recognised as a vanished record by its data: without one in the tab of a
    // vanished record, identifying the rows again would give every row the identity it has already.
    if (vanished.some(([, digest]) => withoutIds.has(digest.tab as DataTabName))) {
      const again = rowIdentifier(known);
      parsed = parseWorkbook(raw, again.identify);
      assigned = again.assigned();
    }
  }
  // Diffed on the digests' hashes; the stored versions of what changed are read next and put in place.
  const diff = diffRecords(parsed, assigned, known, options.context);
  const wanted = new Set<string>();
  for (const change of diff.changes) if (change.before !== null) wanted.add(recordKey(change.before.tab, change.before.id));
  for (const row of diff.heldBack) if (row.id !== null) wanted.add(recordKey(row.tab, row.id));
  if (options.organizations) for (const digest of digests.values()) if (digest.tab === 'Organizations' && !digest.tombstoned) wanted.add(recordKey(digest.tab, digest.id));
  for (const [key] of vanished) wanted.delete(key);
  for (const key of [...wanted]) if (!digests.has(key)) wanted.delete(key);
  const read = wanted.size > 0 ? await store.loadRecordsByKey(wanted) : new Map<string, StoredRecord>();
  for (const [key, record] of read) known.set(key, record);
  return { parsed, assigned, stored: known, diff: withStoredVersions(diff, read), auditHead };
}

/** The data of every hollow record: one frozen object, never read. */
const EMPTY: Record<string, unknown> = Object.freeze({});

/** A record known by its digest alone: its data has not been read. */
function hollow(digest: RecordDigest): StoredRecord {
  return { tab: digest.tab, id: digest.id, hash: digest.hash, data: EMPTY, tombstoned: digest.tombstoned, committedAt: digest.committedAt, runId: '' };
}

/** The tabs with a valid row whose ID cell is empty: the rows that may get a vanished record's ID back. */
function tabsWithRowsWithoutIds(tabs: Readonly<Record<DataTabName, ParsedTab>>): Set<DataTabName> {
  const names = new Set<DataTabName>();
  for (const [name, tab] of Object.entries(tabs) as [DataTabName, ParsedTab][]) {
    if (tab.available && tab.rows.some((row) => row.id === null && row.values !== null)) names.add(name);
  }
  return names;
}

/**
 * The IDs typed on one tab's rows, matched case-insensitively (as IDs are): as typed first, the usual case, and only
 * for an ID not typed exactly so against the tab's IDs in lower case (folded once, when first needed).
 */
class TypedIds {
  private folded: Set<string> | null = null;

  constructor(private readonly exact: ReadonlySet<string>) {}

  /** Whether some row's ID is `id`, in any case. */
  has(id: string): boolean {
    if (this.exact.has(id)) return true;
    this.folded ??= new Set([...this.exact].map((typed) => typed.toLowerCase()));
    return this.folded.has(id.toLowerCase());
  }
}

/** The IDs typed on each available tab's rows; null for an unavailable tab. */
function idsOnRows(tabs: Readonly<Record<DataTabName, ParsedTab>>): Map<DataTabName, TypedIds | null> {
  const ids = new Map<DataTabName, TypedIds | null>();
  for (const [name, tab] of Object.entries(tabs) as [DataTabName, ParsedTab][]) {
    if (!tab.available) {
      ids.set(name, null);
      continue;
    }
    const typed = new Set<string>();
    for (const row of tab.rows) if (row.id !== null) typed.add(row.id);
    ids.set(name, new TypedIds(typed));
  }
  return ids;
}
