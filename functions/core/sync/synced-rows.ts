// The group's rows as a sync leaves them: new rows with the IDs they were given, rows held back for a data finding left out.
import type { GroupRows } from '../model/group.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';
import type { AssignedIds } from './assign-ids.js';
import type { HeldBackRow } from './diff.js';

/**
 * The rows the store holds after a sync, in sheet order: every committed or unchanged row, each new row with its new
 * ID, and none of the rows held back for a data finding (what they say was not saved). Documents are drawn from these.
 */
export function syncedRows(rows: GroupRows, assigned: AssignedIds, heldBack: readonly HeldBackRow[]): GroupRows {
  const held = new Set(heldBack.map((row) => `${row.tab}/${row.sheetRow}`));
  const tab = <T extends DataTabName>(name: T): GroupRows[T] => {
    const ids = assigned.get(name);
    const idKey = TABS[name].idKey;
    return rows[name]
      .filter((row) => !held.has(`${name}/${row.sheetRow}`))
      .map((row) => {
        const id = ids?.get(row.sheetRow);
        return id === undefined ? row : { ...row, [idKey]: id };
      }) as unknown as GroupRows[T];
  };
  return Object.fromEntries(DATA_TAB_NAMES.map((name) => [name, tab(name)])) as unknown as GroupRows;
}
