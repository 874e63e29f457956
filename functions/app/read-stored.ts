// A sync's reads of the store: every record's digest, and the data only of the records the sync looks into.
import { sameAuditHead, type AuditHead } from '../core/audit/audit-entry.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../core/model/tabs.js';
import { parseWorkbook } from '../core/parse/parse-workbook.js';
import type { ParsedRow, ParsedTab, ParsedWorkbook } from '../core/parse/parsed.js';
import { recordKey, type StoredRecord } from '../core/records/stored-record.js';
import { StoredTabs, type StoredTab } from '../core/records/stored-tabs.js';
import type { AssignedIds } from '../core/sync/assign-ids.js';
import { diffRecords, trustedHashes, withStoredVersions, type CommitContext, type RecordDiff } from '../core/sync/diff.js';
import type { RowHashes, SettledSync } from '../core/sync/row-hashes.js';
import { rowIdentifier } from '../core/sync/identify-rows.js';
import type { RecordLog, StoredDigestTabs } from '../ports/record-log.port.js';

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
  /** The latest time any stored record was committed (tombstones included), or null for an empty store. */
  readonly lastCommittedAt: string | null;
  /** Whether the store remembered the rows' hashes for this very file. */
  readonly rowHashesRemembered: boolean;
  /**
   * True when the sync reads what the last sync of these very bytes found, with nothing committed since: the store
   * remembered it (`SettledSync`), and neither digests nor diff were needed.
   */
  readonly settledBefore: boolean;
  /** The key of what that settled sync planned its write-back from (`writeBackKey`), when it is a settled sync that kept one. */
  readonly settledWriteBackKey: string | null;
  /** Whether every row kept the identity it was read with: no ID given, respelled or recovered, no record vanished. */
  readonly identityKept: boolean;
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
 * hashes each row once, or not at all when the store remembers the rows' hashes for this file (`raw.fingerprint`).
 */
export async function readStored(
  store: Pick<RecordLog, 'loadDigests' | 'loadDigestTabs' | 'loadRecordsByKey' | 'rememberedRowHashes' | 'auditHead'>, raw: RawWorkbook, options: StoredViewOptions,
): Promise<StoredView> {
  const remembered = raw.fingerprint !== undefined && store.rememberedRowHashes ? await store.rememberedRowHashes(raw.fingerprint) : null;
  // The sheet edits' access policy reads every organization: only the CLI's syncs take what was remembered as settled.
  if (remembered?.settled && !options.organizations) {
    const view = await settledView(store, raw, remembered.hashes, remembered.settled);
    if (view !== null) return view;
  }
  // By tab and ID, in columns: a record is made an object only when the sync asks for it.
  const { stored, auditHead } = await digestTabsOf(store);
  let typedIds = new Map<DataTabName, TypedIds | null>();
  let withoutIds = new Set<DataTabName>();
  let respelled = false;
  const identifier = rowIdentifier(stored);
  let parsed = parseWorkbook(raw, (tabs) => {
    typedIds = idsOnRows(tabs, stored);
    withoutIds = tabsWithRowsWithoutIds(tabs);
    const identified = identifier.identify(tabs);
    respelled = (Object.keys(tabs) as DataTabName[]).some((name) => identified[name].rows.some((row, index) => row !== tabs[name].rows[index]));
    return identified;
  });
  let assigned = identifier.assigned();
  const vanished = vanishedRecords(stored, typedIds);
  if (vanished.length > 0) {
    stored.putRead((await store.loadRecordsByKey(vanished.map(([tab, id]) => recordKey(tab, id)))).values());
    // Only a row without an ID can be recognised as a vanished record by its data: without one in the tab of a
    // vanished record, identifying the rows again would give every row the identity it has already.
    if (vanished.some(([tab]) => withoutIds.has(tab))) {
      const again = rowIdentifier(stored);
      parsed = parseWorkbook(raw, again.identify);
      assigned = again.assigned();
    }
  }
  // Diffed on the digests' hashes; the stored versions of what changed are read next and put in place.
  const diff = diffRecords(parsed, assigned, stored, options.context, remembered?.hashes);
  const wanted = new Set<string>();
  for (const change of diff.changes) if (change.before !== null) wanted.add(recordKey(change.before.tab, change.before.id));
  for (const row of diff.heldBack) if (row.id !== null) wanted.add(recordKey(row.tab, row.id));
  const organizations = options.organizations ? stored.tab('Organizations') : undefined;
  if (organizations !== undefined) {
    for (let position = 0; position < organizations.size; position++) if (!organizations.isTombstoned(position)) wanted.add(recordKey(organizations.name, organizations.idAt(position)));
  }
  for (const [tab, id] of vanished) wanted.delete(recordKey(tab, id));
  for (const key of [...wanted]) if (stored.get(key) === undefined) wanted.delete(key);
  const read = wanted.size > 0 ? await store.loadRecordsByKey(wanted) : new Map<string, StoredRecord>();
  stored.putRead(read.values());
  return { parsed, assigned, stored: stored.asMap(), diff: withStoredVersions(diff, read), auditHead, lastCommittedAt: stored.lastCommittedAt(),
    rowHashesRemembered: remembered !== null, settledBefore: false, settledWriteBackKey: null, identityKept: !respelled && assigned.size === 0 && vanished.length === 0,
  };
}

/**
 * The view of a sync of the very bytes whose last sync had nothing to do, when no record has been committed since (the
 * audit head is the one it left): what it found, without digests or diff; the rows' hashes, a sample of which is
 * checked, stand for the rows. Only the records of held-back rows are read. Null when anything differs from what was
 * remembered (another head, other held-back rows, hashes that do not hold): the sync then reads and diffs as usual.
 */
async function settledView(store: Pick<RecordLog, 'loadRecordsByKey' | 'auditHead'>, raw: RawWorkbook, hashes: RowHashes, settled: SettledSync): Promise<StoredView | null> {
  const auditHead = await store.auditHead();
  if (!sameAuditHead(auditHead, settled.head)) return null;
  const parsed = parseWorkbook(raw);
  let unchanged = 0;
  // The rows held back must be those it held back, in the same order.
  let held = 0;
  for (const name of DATA_TAB_NAMES) {
    const tab = parsed.tabs[name];
    if (!tab.available) continue;
    const trusted = trustedHashes(tab.rows, hashes.get(name), TABS[name].idKey);
    if (trusted === undefined) return null;
    for (const hash of trusted) if (hash !== null) unchanged++;
    for (const row of tab.rows) {
      if (row.values !== null) continue;
      const was = settled.heldBack[held++];
      if (was?.tab !== name || was.sheetRow !== row.sheetRow || was.id !== row.id) return null;
    }
  }
  if (held !== settled.heldBack.length) return null;
  const keys = settled.heldBack.flatMap((row) => (row.id === null ? [] : [recordKey(row.tab, row.id)]));
  const stored = keys.length > 0 ? await store.loadRecordsByKey(keys) : new Map<string, StoredRecord>();
  return {
    parsed, assigned: new Map(), stored, diff: { changes: [], unchanged, heldBack: settled.heldBack, rowHashes: hashes }, auditHead,
    lastCommittedAt: settled.lastCommittedAt, rowHashesRemembered: true, settledBefore: true, settledWriteBackKey: settled.writeBackKey ?? null, identityKept: true,
  };
}

/** The store's digests by tab: read so when the store can (`loadDigestTabs`), else grouped from its `loadDigests`. */
export async function digestTabsOf(store: Pick<RecordLog, 'loadDigests' | 'loadDigestTabs'>): Promise<StoredDigestTabs> {
  if (store.loadDigestTabs) return store.loadDigestTabs();
  const { digests, auditHead } = await store.loadDigests();
  return { stored: StoredTabs.of(digests), auditHead };
}

/** The live records whose ID is typed on no row of their tab, as `[tab, id]`, tab by tab; none of a tab that could not be read. */
function vanishedRecords(stored: StoredTabs, typedIds: ReadonlyMap<DataTabName, TypedIds | null>): [DataTabName, string][] {
  const vanished: [DataTabName, string][] = [];
  for (const records of stored) {
    const typed = typedIds.get(records.name as DataTabName);
    if (typed === undefined || typed === null) continue;
    for (let position = 0; position < records.size; position++) {
      if (!records.isTombstoned(position) && !typed.namesRecordAt(position)) vanished.push([records.name as DataTabName, records.idAt(position)]);
    }
  }
  return vanished;
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
 * Which of one tab's stored records the IDs typed on its rows name, as IDs match (case-insensitively): marked by
 * position for an ID typed exactly as stored, the usual case; a record not so marked is looked for among the typed IDs
 * in lower case (folded once, when first needed).
 */
class TypedIds {
  private folded: Set<string> | null = null;
  private readonly marks: Uint8Array;

  constructor(private readonly rows: readonly ParsedRow[], private readonly records: StoredTab | undefined) {
    this.marks = new Uint8Array(records?.size ?? 0);
    if (records === undefined) return;
    const positionOf = records.walk();
    for (const row of rows) {
      const position = row.id === null ? undefined : positionOf(row.id);
      if (position !== undefined) this.marks[position] = 1;
    }
  }

  /** Whether some row's ID is the ID of the record at `position`, in any case. */
  namesRecordAt(position: number): boolean {
    if (this.marks[position] === 1) return true;
    this.folded ??= new Set(this.rows.flatMap((row) => (row.id === null ? [] : [row.id.toLowerCase()])));
    return this.folded.has(this.records!.idAt(position).toLowerCase());
  }
}

/** The IDs typed on each available tab's rows, against the tab's stored records; null for an unavailable tab. */
function idsOnRows(tabs: Readonly<Record<DataTabName, ParsedTab>>, stored: StoredTabs): Map<DataTabName, TypedIds | null> {
  const ids = new Map<DataTabName, TypedIds | null>();
  for (const [name, tab] of Object.entries(tabs) as [DataTabName, ParsedTab][]) ids.set(name, tab.available ? new TypedIds(tab.rows, stored.tab(name)) : null);
  return ids;
}
