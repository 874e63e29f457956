// The group's rows as the store holds them after a sync, in sheet order: what the documents are drawn from.
import type { GroupRows } from '../model/group.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';
import type { AssignedIds } from './assign-ids.js';

/** A row whose sheet version was not committed (a data finding, a refused edit), and the version the store keeps. */
export interface UncommittedRow {
  readonly tab: DataTabName;
  readonly sheetRow: number;
  /** The committed record's data (the typed row), or null when the row was never committed. */
  readonly committed: Readonly<Record<string, unknown>> | null;
}

/**
 * The rows the store holds after a sync, in sheet order: every committed or unchanged row, each new row with the ID
 * it was given, and, for a row whose sheet version was not committed, the version the store kept (or nothing when
 * there is none). Documents are drawn from these, never from what the sheet says but the store refused.
 */
export function syncedRows(rows: GroupRows, assigned: AssignedIds, uncommitted: readonly UncommittedRow[]): GroupRows {
  const tab = <T extends DataTabName>(name: T): GroupRows[T] => {
    const ids = assigned.get(name);
    const idKey = TABS[name].idKey;
    const kept = uncommitted.filter((row) => row.tab === name);
    const replaced = new Set(kept.map((row) => row.sheetRow));
    const fromSheet = rows[name]
      .filter((row) => !replaced.has(row.sheetRow))
      .map((row) => {
        const id = ids?.get(row.sheetRow);
        return id === undefined ? row : { ...row, [idKey]: id };
      });
    const fromStore = kept.flatMap((row) => (row.committed === null ? [] : [{ ...row.committed, sheetRow: row.sheetRow }]));
    return [...fromSheet, ...fromStore].sort((a, b) => a.sheetRow - b.sheetRow) as unknown as GroupRows[T];
  };
  return Object.fromEntries(DATA_TAB_NAMES.map((name) => [name, tab(name)])) as unknown as GroupRows;
}
