// The group's rows rebuilt from the stored records, and when each record was last committed: what the calendar feed reads.
import { emptyGroupRows, type GroupRows } from '../model/group.js';
import { DATA_TAB_NAMES, type DataTabName } from '../model/tabs.js';
import { recordKey, type StoredRecord } from '../records/stored-record.js';

/** The stored group: its rows, and each live record's commit time keyed `Tab/ID`. */
export interface StoredGroup {
  readonly rows: GroupRows;
  readonly committedAt: ReadonlyMap<string, string>;
}

const TAB_NAMES: ReadonlySet<string> = new Set(DATA_TAB_NAMES);

/**
 * The rows of the live (not tombstoned) records, as the sync committed them: a record's data is the typed row the sync
 * parsed, without its sheet row. The store does not keep sheet rows, so each tab's rows are numbered from 2 in ID
 * order (the numbers only break ties and name rows without an ID, and a stored record always has an ID).
 */
export function storedGroupOf(records: Iterable<StoredRecord>): StoredGroup {
  const byTab = new Map<DataTabName, StoredRecord[]>();
  const committedAt = new Map<string, string>();
  for (const record of records) {
    if (record.tombstoned || !TAB_NAMES.has(record.tab)) continue;
    const tab = record.tab as DataTabName;
    const stored = byTab.get(tab);
    if (stored) stored.push(record);
    else byTab.set(tab, [record]);
    committedAt.set(recordKey(record.tab, record.id), record.committedAt);
  }
  const rows: Record<DataTabName, unknown[]> = { ...emptyGroupRows() } as Record<DataTabName, unknown[]>;
  for (const [tab, stored] of byTab) {
    stored.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    rows[tab] = stored.map((record, index) => ({ ...record.data, sheetRow: index + 2 }));
  }
  return { rows: rows as unknown as GroupRows, committedAt };
}
