// Plans the write-back: new IDs in empty ID cells, every row's Status, the Findings and Dashboard tabs; only what differs.
import { cellText, type CellValue } from '../model/cell.js';
import type { Finding } from '../findings.js';
import type { RawTab, RawWorkbook } from '../model/raw-workbook.js';
import { DATA_TAB_NAMES, FINDINGS_HEADER, TABS, type DataTabName } from '../model/tabs.js';
import type { ParsedWorkbook } from '../parse/parsed.js';
import { foldName } from '../parse/headers.js';
import type { AssignedIds } from './assign-ids.js';
import type { HeldBackRow } from './diff.js';
import { statusText } from './status-text.js';
import type { CellWrite, TableWrite, WriteBackPlan } from './write-back-plan.js';

/** What the plan is made from. */
export interface WriteBackInput {
  readonly raw: RawWorkbook;
  readonly parsed: ParsedWorkbook;
  readonly findings: readonly Finding[];
  readonly assigned: AssignedIds;
  readonly heldBack: readonly HeldBackRow[];
  readonly dashboard: readonly (readonly (string | number)[])[];
  /** Cells whose refused change goes back to the committed value (see `reviewEdits`). */
  readonly reverts?: readonly CellWrite[];
}

function rawTabNamed(raw: RawWorkbook, name: string): RawTab | undefined {
  return raw.tabs.find((tab) => tab.name.trim().toLowerCase() === name.toLowerCase());
}

function sameCell(current: CellValue | undefined, value: string | number): boolean {
  return cellText(current ?? null) === String(value);
}

/**
 * Where the status column is. A tab without one gets its header in the first column right of the last header cell
 * whose every cell, header included, is empty: never over a note someone keeps beside the table.
 */
function statusColumn(tab: RawTab, header: string, cells: CellWrite[]): number {
  const folded = foldName(header);
  const existing = tab.header.findIndex((cell) => foldName(cellText(cell)) === folded);
  if (existing >= 0) return existing;
  let column = tab.header.length - 1;
  while (column >= 0 && cellText(tab.header[column] ?? null).trim() === '') column--;
  column++;
  while ((tab.header[column] ?? null) !== null || tab.rows.some((row) => (row.cells[column] ?? null) !== null)) column++;
  cells.push({ tab: tab.name, row: 1, column, value: header });
  return column;
}

/** The findings of a row that has none: one empty list for every such row. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

function planTab(name: DataTabName, input: Omit<WriteBackInput, 'dashboard'>, findingsByRow: ReadonlyMap<number, Finding[]> | undefined, cells: CellWrite[]): void {
  const tab = input.parsed.tabs[name];
  const raw = rawTabNamed(input.raw, name);
  if (!tab.available || !raw) return;
  const spec = TABS[name];
  const column = statusColumn(raw, spec.statusHeader, cells);
  const idColumn = tab.positions.get(spec.idKey);
  // By sheet row number, in arrays: a tab of 50,000 rows is looked up 50,000 times.
  const rawRows: (readonly CellValue[] | undefined)[] = [];
  for (const row of raw.rows) rawRows[row.row] = row.cells;
  const heldBack = new Map(input.heldBack.filter((row) => row.tab === name).map((row) => [row.sheetRow, row]));
  const written: boolean[] = [];
  const assigned = input.assigned.get(name);

  for (const row of tab.rows) {
    const current = rawRows[row.sheetRow] ?? [];
    const newId = assigned?.get(row.sheetRow);
    if (newId !== undefined && idColumn !== undefined) cells.push({ tab: raw.name, row: row.sheetRow, column: idColumn, value: newId, newId: true });
    const status = statusText(findingsByRow?.get(row.sheetRow) ?? NO_FINDINGS, heldBack.get(row.sheetRow) ?? null);
    if (!sameCell(current[column], status)) cells.push({ tab: raw.name, row: row.sheetRow, column, value: status });
    written[row.sheetRow] = true;
  }
  for (const { row: sheetRow, cells: current } of raw.rows) {
    if (written[sheetRow] !== true && cellText(current[column] ?? null) !== '') cells.push({ tab: raw.name, row: sheetRow, column, value: '' });
  }
}

/**
 * The 1-based sheet rows where the tab as read already holds, by text, the row `rows` puts there (row 1 is the header;
 * a row the tab does not have holds only empty text); null when every row does and the tab holds nothing below them.
 */
function rowsHeldAlready(raw: RawTab | undefined, rows: readonly (readonly (string | number)[])[]): Set<number> | null {
  const held = new Set<number>();
  if (!raw) return held;
  const bySheetRow: (readonly CellValue[] | undefined)[] = [raw.header];
  let below = false;
  for (const row of raw.rows) {
    if (row.row > rows.length) below = true;
    else bySheetRow[row.row - 1] = row.cells;
  }
  rows.forEach((row, index) => {
    const cells = bySheetRow[index] ?? [];
    const width = Math.max(row.length, cells.length);
    for (let i = 0; i < width; i++) if (cellText(cells[i] ?? null) !== String(row[i] ?? '')) return;
    held.add(index + 1);
  });
  return !below && held.size === rows.length ? null : held;
}

/** The table to write, with the rows the tab holds already; none when the tab holds it whole. */
function tableWrite(tab: TableWrite['tab'], raw: RawTab | undefined, rows: readonly (readonly (string | number)[])[]): TableWrite | null {
  const held = rowsHeldAlready(raw, rows);
  return held === null ? null : { tab, rows, heldRows: held };
}

/** The Findings tab's rows: its header, then one row per finding, errors before warnings (each in the order given). */
export function findingsTable(findings: readonly Finding[]): (string | number)[][] {
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  return [[...FINDINGS_HEADER], ...ordered.map((f) => [f.severity, f.rule, f.tab, f.row ?? '', f.column ?? '', f.message, f.charter ?? ''])];
}

/** The plan without the Dashboard, which is drawn up after it: the cells to write and the Findings tab (null when it holds them). */
export interface CellsAndFindingsPlan {
  readonly cells: readonly CellWrite[];
  readonly findings: TableWrite | null;
}

/** The cells and the Findings tab to write, leaving out every cell, and the tab, that already holds what it would get. */
export function planCellsAndFindings(input: Omit<WriteBackInput, 'dashboard'>): CellsAndFindingsPlan {
  // Each tab's findings by sheet row.
  const findingsByTab = new Map<string, Map<number, Finding[]>>();
  for (const finding of input.findings) {
    if (finding.row === null || finding.row < 2) continue;
    let byRow = findingsByTab.get(finding.tab);
    if (!byRow) findingsByTab.set(finding.tab, (byRow = new Map()));
    const list = byRow.get(finding.row);
    if (list) list.push(finding);
    else byRow.set(finding.row, [finding]);
  }
  const cells: CellWrite[] = [];
  for (const name of DATA_TAB_NAMES) planTab(name, input, findingsByTab.get(name), cells);
  for (const revert of input.reverts ?? []) {
    const current = rawTabNamed(input.raw, revert.tab)?.rows.find((row) => row.row === revert.row)?.cells[revert.column];
    if (!sameCell(current, revert.value)) cells.push({ ...revert, revert: true });
  }
  return { cells, findings: tableWrite('Findings', rawTabNamed(input.raw, 'Findings'), findingsTable(input.findings)) };
}

/** The whole plan: the cells and Findings planned first, and the Dashboard unless the workbook holds it already. */
export function withDashboard(first: CellsAndFindingsPlan, raw: RawWorkbook, dashboard: readonly (readonly (string | number)[])[]): WriteBackPlan {
  const tables = [first.findings, tableWrite('Dashboard', rawTabNamed(raw, 'Dashboard'), dashboard)].filter((table) => table !== null);
  return { cells: first.cells, tables };
}

/** Plans the write-back, leaving out every cell and table that already holds what it would get. */
export function planWriteBack(input: WriteBackInput): WriteBackPlan {
  return withDashboard(planCellsAndFindings(input), input.raw, input.dashboard);
}
