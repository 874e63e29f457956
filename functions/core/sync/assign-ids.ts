// Gives every row with an empty ID the next ID of its tab (`P-0007`), never reusing one the store has seen.
import type { Column } from '../model/columns.js';
import type { ParsedWorkbook } from '../parse/parsed.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';

/** New IDs by tab, then by sheet row. */
export type AssignedIds = ReadonlyMap<DataTabName, ReadonlyMap<number, string>>;

function highestNumber(prefix: string, ids: Iterable<string>): number {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`, 'i');
  let highest = 0;
  for (const id of ids) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

/**
 * Assigns `PREFIX-NNNN` IDs, in row order, to rows whose ID cell is empty, counting on from the highest number
 * used in the workbook or ever stored (tombstoned records included), so an ID is never given twice.
 */
export function assignIds(parsed: Pick<ParsedWorkbook, 'tabs'>, storedIdsByTab: ReadonlyMap<DataTabName, Iterable<string>>): AssignedIds {
  const assigned = new Map<DataTabName, Map<number, string>>();
  for (const name of DATA_TAB_NAMES) {
    const prefix = TABS[name].idPrefix;
    const tab = parsed.tabs[name];
    if (prefix === null || !tab.available) continue;
    // An ID cell holding an error value or an uncomputed formula is not empty: it is a person's formula, never overwritten.
    const idHeader = (TABS[name].columns as Record<string, Column>)[TABS[name].idKey]?.header;
    const formulaRules: readonly string[] = ['cell.formula-error', 'cell.formula-not-computed'];
    const emptyRows = tab.rows.filter((row) => row.id === null && !row.findings.some((f) => formulaRules.includes(f.rule) && f.column === idHeader));
    if (emptyRows.length === 0) continue;
    let next = Math.max(highestNumber(prefix, tab.rows.flatMap((row) => (row.id === null ? [] : [row.id]))), highestNumber(prefix, storedIdsByTab.get(name) ?? []));
    const ids = new Map<number, string>();
    for (const row of emptyRows) ids.set(row.sheetRow, `${prefix}-${String(++next).padStart(4, '0')}`);
    assigned.set(name, ids);
  }
  return assigned;
}
