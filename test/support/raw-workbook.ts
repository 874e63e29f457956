// Builds raw workbooks for parser tests from tab names, header rows and data rows written as arrays.
import type { CellValue } from '../../functions/core/model/cell.js';
import type { GroupRows } from '../../functions/core/model/group.js';
import type { RawTab, RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { DATA_TAB_NAMES, TABS } from '../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';

/** Rows of several tabs, by tab name, each row as header → value. */
export type RowsByTab = Readonly<Partial<Record<string, readonly Readonly<Record<string, CellValue>>[]>>>;

/** A tab whose header is `header` and whose data rows start at sheet row 2. */
export function rawTab(name: string, header: CellValue[], rows: CellValue[][] = []): RawTab {
  return { name, header, rows: rows.map((cells, index) => ({ row: index + 2, cells })) };
}

/** The headers of a tab of the contract, in template order. */
export function headersOf(name: keyof typeof TABS): string[] {
  return Object.values(TABS[name].columns).map((column) => column.header);
}

/** A workbook with every tab of the contract (empty), with the given tabs replacing them. */
export function rawWorkbook(...tabs: RawTab[]): RawWorkbook {
  const replaced = new Set(tabs.map((tab) => tab.name.trim().toLowerCase()));
  const rest = DATA_TAB_NAMES.filter((name) => !replaced.has(name.toLowerCase())).map((name) => rawTab(name, headersOf(name)));
  return { tabs: [...rest, ...tabs] };
}

/** A tab of the contract with its headers in template order and rows given as header → value objects. */
export function tabOf(name: keyof typeof TABS, rows: readonly Readonly<Record<string, CellValue>>[]): RawTab {
  const header = headersOf(name);
  return rawTab(name, header, rows.map((row) => header.map((h) => row[h] ?? null)));
}

/** Every tab of the contract in template order, each with the given rows (header row 1, data from row 2). */
export function workbookOf(rows: RowsByTab): RawWorkbook {
  return { tabs: DATA_TAB_NAMES.map((name) => tabOf(name, rows[name] ?? [])) };
}

/** The typed rows the parser reads from such a workbook. */
export function groupRowsOf(rows: RowsByTab): GroupRows {
  return parseWorkbook(workbookOf(rows)).group.rows;
}
