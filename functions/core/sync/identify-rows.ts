// A sync's first step on parsed rows: every row gets its identity (new IDs, the store's spelling) before anything else.
import type { DataTabName } from '../model/tabs.js';
import { TABS } from '../model/tabs.js';
import type { IdentifyRows } from '../parse/parse-workbook.js';
import type { ParsedRow, ParsedTab } from '../parse/parsed.js';
import type { StoredRecord } from '../records/stored-record.js';
import { assignIds, type AssignedIds } from './assign-ids.js';

/** The identify step of one sync, and the IDs it assigned (known once the workbook has been parsed). */
export interface RowIdentifier {
  readonly identify: IdentifyRows;
  /** The IDs given to rows whose ID cell was empty, by tab and sheet row; empty until `identify` ran. */
  assigned(): AssignedIds;
}

/** The IDs the store knows, by tab: the stored spelling of each, keyed by its lower case. */
function storedSpellings(stored: ReadonlyMap<string, StoredRecord>): Map<string, Map<string, string>> {
  const byTab = new Map<string, Map<string, string>>();
  for (const record of stored.values()) {
    let spellings = byTab.get(record.tab);
    if (!spellings) byTab.set(record.tab, (spellings = new Map()));
    const folded = record.id.toLowerCase();
    // A live record's spelling wins over a tombstoned one's.
    if (!spellings.has(folded) || !record.tombstoned) spellings.set(folded, record.id);
  }
  return byTab;
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
 * the stored ID, since IDs match case-insensitively (WORKBOOK.md); a row with an empty ID cell gets the next ID of its
 * tab (`assignIds`). Both happen before references are checked and rules run, so one sync settles everything.
 */
export function rowIdentifier(stored: ReadonlyMap<string, StoredRecord>): RowIdentifier {
  let assigned: AssignedIds = new Map();
  const identify: IdentifyRows = (tabs) => {
    const spellings = storedSpellings(stored);
    const respelled = { ...tabs } as Record<DataTabName, ParsedTab>;
    for (const [name, tab] of Object.entries(tabs) as [DataTabName, ParsedTab][]) {
      const known = spellings.get(name);
      if (!known || !tab.available) continue;
      const idKey = TABS[name].idKey;
      respelled[name] = { ...tab, rows: tab.rows.map((row) => {
        const spelling = row.id === null ? undefined : known.get(row.id.toLowerCase());
        return spelling === undefined || spelling === row.id ? row : withId(row, idKey, spelling);
      }) };
    }
    const idsByTab = new Map<DataTabName, string[]>();
    for (const record of stored.values()) {
      const ids = idsByTab.get(record.tab as DataTabName);
      if (ids) ids.push(record.id);
      else idsByTab.set(record.tab as DataTabName, [record.id]);
    }
    assigned = assignIds({ tabs: respelled }, idsByTab);
    for (const [name, ids] of assigned) {
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
