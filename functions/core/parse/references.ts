// Checks every reference column against the IDs of its target tab (ref.unknown) and spells matches canonically.
import type { Column } from '../model/columns.js';
import { TABS, type DataTabName } from '../model/tabs.js';
import { rowFinding, type ParsedTab } from './parsed.js';

function idIndex(tab: ParsedTab): Map<string, string> {
  const index = new Map<string, string>();
  for (const row of tab.rows) if (row.id !== null && !index.has(row.id.toLowerCase())) index.set(row.id.toLowerCase(), row.id);
  return index;
}

/**
 * Marks rows whose references point at no row of the target tab (rows with data findings still count as
 * targets), and rewrites resolved references in the target's own spelling. Skipped when the target tab is unreadable.
 */
export function checkReferences(tabs: Record<DataTabName, ParsedTab>): void {
  const indexes = new Map<string, Map<string, string>>();
  const indexOf = (target: DataTabName) => {
    let index = indexes.get(target);
    if (!index) indexes.set(target, (index = idIndex(tabs[target])));
    return index;
  };

  for (const tab of Object.values(tabs)) {
    const refColumns = Object.entries(TABS[tab.name].columns as Record<string, Column>).filter(([, column]) => column.ref !== undefined);
    if (refColumns.length === 0) continue;
    for (const row of tab.rows) {
      const values = row.values;
      if (!values) continue;
      for (const [key, column] of refColumns) {
        const target = column.ref as DataTabName;
        if (!tabs[target].available) continue;
        const index = indexOf(target);
        const resolve = (value: string): string | null => index.get(value.toLowerCase()) ?? null;
        const value = values[key];
        const missing: string[] = [];
        if (typeof value === 'string') {
          const resolved = resolve(value);
          if (resolved === null) missing.push(value);
          else values[key] = resolved;
        } else if (Array.isArray(value)) {
          values[key] = value.map((item: string) => resolve(item) ?? (missing.push(item), item));
        }
        if (missing.length > 0) {
          const what = target === 'Organizations' ? 'organization code' : `${target} ID`;
          row.findings.push(rowFinding(tab.name, row.sheetRow, 'ref.unknown', column.header, row.id,
            `${column.header} ${missing.map((m) => `"${m}"`).join(', ')}: no such ${what} in the ${target} tab.`));
        }
      }
      if (row.findings.length > 0) row.values = null;
    }
  }
}
