// A sync's first step on parsed rows: every row gets its identity (new IDs, the store's spelling) before anything else.
import { contentHash } from '../canonical-json.js';
import type { DataTabName } from '../model/tabs.js';
import { TABS } from '../model/tabs.js';
import type { IdentifyRows } from '../parse/parse-workbook.js';
import type { ParsedRow, ParsedTab } from '../parse/parsed.js';
import type { StoredRecord } from '../records/stored-record.js';
import { StoredTabs, type StoredTab } from '../records/stored-tabs.js';
import { assignIds, type AssignedIds } from './assign-ids.js';

/** The identify step of one sync, and the IDs it assigned (known once the workbook has been parsed). */
export interface RowIdentifier {
  readonly identify: IdentifyRows;
  /** The IDs given to rows whose ID cell was empty, by tab and sheet row; empty until `identify` ran. */
  assigned(): AssignedIds;
}

/**
 * The stored spelling of IDs on one tab. A spelling is looked up by the ID as typed first (a row holding a live
 * record's exact ID, the usual case, needs no lower-casing); only an ID typed in another case, or one a tombstoned
 * record holds, folds the tab's IDs (once) to find the stored spelling.
 */
class Spellings {
  private folded: Map<string, string> | null = null;
  /** Rows are asked about in sheet order. */
  private readonly positionOf: (id: string) => number | undefined;

  constructor(readonly records: StoredTab) {
    this.positionOf = records.walk();
  }

  /** The stored spelling of `id` (IDs match case-insensitively; a live record's spelling wins over a tombstoned one's), or undefined. */
  spellingOf(id: string): string | undefined {
    const position = this.positionOf(id);
    if (position !== undefined && !this.records.isTombstoned(position)) return id;
    if (this.folded === null) {
      this.folded = new Map();
      for (let at = 0; at < this.records.size; at++) {
        const key = this.records.idAt(at).toLowerCase();
        if (!this.folded.has(key) || !this.records.isTombstoned(at)) this.folded.set(key, this.records.idAt(at));
      }
    }
    return this.folded.get(id.toLowerCase());
  }
}

/** The IDs of a tab's stored records, in order. */
function* idsOf(records: StoredTab): Generator<string> {
  for (let position = 0; position < records.size; position++) yield records.idAt(position);
}

/** What a row says, its ID aside: two rows alike but for their IDs have the same content key. */
function contentKey(data: Readonly<Record<string, unknown>>, idKey: string): string {
  return contentHash({ ...data, [idKey]: null });
}

/**
 * The stored ID of each row that has lost its ID but still says exactly what a live record says, when that record's
 * ID is on no row: a stale copy saved over the synced workbook (a file left open in Excel), an ID cell cleared by
 * mistake. Such a row is that record, not a new one: it gets its ID back instead of a new ID and a tombstone.
 */
function recoveredIds(tab: ParsedTab, stored: StoredTab, idKey: string): Map<number, string> {
  // Only a valid row without an ID can be a lost record: a tab with none (the usual case) has nothing to recover.
  if (!tab.rows.some((row) => row.id === null && row.values !== null)) return new Map();
  const onRows = new Set(tab.rows.flatMap((row) => (row.id === null ? [] : [row.id.toLowerCase()])));
  const lost = new Map<string, string | null>();
  for (let position = 0; position < stored.size; position++) {
    if (stored.isTombstoned(position) || onRows.has(stored.idAt(position).toLowerCase())) continue;
    const record = stored.recordAt(position);
    const key = contentKey(record.data, idKey);
    lost.set(key, lost.has(key) ? null : record.id);
  }
  const recovered = new Map<number, string>();
  if (lost.size === 0) return recovered;
  const claimed = new Set<string>();
  for (const row of tab.rows) {
    if (row.id !== null || row.values === null) continue;
    const id = lost.get(contentKey(row.values, idKey));
    if (id === undefined || id === null || claimed.has(id)) continue;
    claimed.add(id);
    recovered.set(row.sheetRow, id);
  }
  return recovered;
}

/** The row with `id` as its ID, in its values and in the findings that name it. */
function withId(row: ParsedRow, idKey: string, id: string): ParsedRow {
  return {
    ...row,
    id,
    values: row.values === null ? null : { ...row.values, [idKey]: id },
    findings: row.findings.map((finding) => (finding.id === row.id ? { ...finding, id } : finding)),
  };
}

/**
 * Identifies rows against the store: an ID typed in another case than the store's (`p-0001` for `P-0001`) is read as
 * the stored ID, since IDs match case-insensitively (WORKBOOK.md); a row with an empty ID cell that says exactly what
 * a record whose ID is on no row says gets that ID back (`recoveredIds`); any other row with an empty ID cell gets the
 * next ID of its tab (`assignIds`). All of it happens before references are checked and rules run, so one sync settles.
 */
export function rowIdentifier(stored: StoredTabs | ReadonlyMap<string, StoredRecord>): RowIdentifier {
  let assigned: AssignedIds = new Map();
  const storedTabs = StoredTabs.of(stored);
  const identify: IdentifyRows = (tabs) => {
    const byTab = new Map<DataTabName, Spellings>();
    for (const tab of storedTabs) if (Object.hasOwn(TABS, tab.name)) byTab.set(tab.name as DataTabName, new Spellings(tab));
    const respelled = { ...tabs } as Record<DataTabName, ParsedTab>;
    for (const [name, tab] of Object.entries(tabs) as [DataTabName, ParsedTab][]) {
      const known = byTab.get(name);
      if (!known || !tab.available) continue;
      const idKey = TABS[name].idKey;
      let changed = false;
      const rows = tab.rows.map((row) => {
        const spelling = row.id === null ? undefined : known.spellingOf(row.id);
        if (spelling === undefined || spelling === row.id) return row;
        changed = true;
        return withId(row, idKey, spelling);
      });
      if (changed) respelled[name] = { ...tab, rows };
    }
    const recovered = new Map<DataTabName, Map<number, string>>();
    for (const [name, known] of byTab) {
      const tab = respelled[name];
      if (!tab?.available || TABS[name].idPrefix === null) continue;
      const ids = recoveredIds(tab, known.records, TABS[name].idKey);
      if (ids.size === 0) continue;
      recovered.set(name, ids);
      const idKey = TABS[name].idKey;
      respelled[name] = { ...tab, rows: tab.rows.map((row) => {
        const id = ids.get(row.sheetRow);
        return id === undefined ? row : withId(row, idKey, id);
      }) };
    }
    // The stored IDs of a tab are listed only for a tab with a row to give a new ID (assignIds asks for no other).
    const idsByTab = new Map<DataTabName, Iterable<string>>();
    for (const [name, known] of byTab) idsByTab.set(name, { [Symbol.iterator]: () => idsOf(known.records) });
    const fresh = assignIds({ tabs: respelled }, idsByTab);
    const merged = new Map<DataTabName, Map<number, string>>();
    for (const [name, ids] of [...recovered, ...fresh]) merged.set(name, new Map([...(merged.get(name) ?? []), ...ids]));
    assigned = merged;
    for (const [name, ids] of fresh) {
      const idKey = TABS[name].idKey;
      const tab = respelled[name];
      respelled[name] = { ...tab, rows: tab.rows.map((row) => {
        const id = ids.get(row.sheetRow);
        return id === undefined ? row : withId(row, idKey, id);
      }) };
    }
    return respelled;
  };
  return { identify, assigned: () => assigned };
}
