// Refuses, before anything is committed, a workbook whose system-owned cells hold a formula written once for a range.
import { CcegError } from '../../core/errors.js';
import { cellText, type CellValue } from '../../core/model/cell.js';
import { DATA_TAB_NAMES, SYSTEM_TABS, TABS } from '../../core/model/tabs.js';
import { foldName } from '../../core/parse/headers.js';
import { parseCellReference } from './package/cell-reference.js';
import type { FormulaRange } from './read-worksheet.js';

const foldTab = (name: string) => name.trim().toLowerCase();

/**
 * Throws UNREADABLE_WORKBOOK, naming the tab and range, when a shared formula (a fill) or an array formula covers a
 * system-owned cell: a Status column (WorkPlan's `Sync Status`) or any cell of the Findings and Dashboard tabs. The
 * write-back writes those cells, and writing the first cell of such a range would break the cells that share it.
 */
export function assertNoFormulaRangeInSystemCells(tab: string, header: readonly CellValue[], ranges: readonly FormulaRange[]): void {
  if (ranges.length === 0) return;
  const systemTab = SYSTEM_TABS.find((name) => foldTab(name) === foldTab(tab));
  const spec = DATA_TAB_NAMES.map((name) => TABS[name]).find((candidate) => foldTab(candidate.name) === foldTab(tab));
  if (systemTab === undefined && spec === undefined) return;
  const statusColumns = new Set<number>();
  header.forEach((cell, index) => {
    if (spec && foldName(cellText(cell)) === foldName(spec.statusHeader)) statusColumns.add(index + 1);
  });
  for (const range of ranges) {
    const columns = columnsOf(range.ref);
    if (columns === null) continue;
    const inStatus = [...statusColumns].some((column) => columns.first <= column && column <= columns.last);
    const place = systemTab !== undefined ? `the ${systemTab} tab` : inStatus && spec ? `the ${spec.statusHeader} column` : null;
    if (place === null) continue;
    const fill = columns.first === columns.last ? 'filled down' : 'filled into';
    const what = range.kind === 'shared' ? `a formula ${fill} ${place}` : `an array formula in ${place}`;
    throw new CcegError('UNREADABLE_WORKBOOK', `${tab}!${range.ref} holds ${what}, which cceg writes; delete those formulas and sync again.`);
  }
}

/** The first and last 1-based columns of `N2:N40` (or `N2`); null when it is not a range. */
function columnsOf(ref: string): { first: number; last: number } | null {
  const [start = '', end = start] = ref.split(':');
  const first = parseCellReference(start);
  const last = parseCellReference(end);
  return first && last ? { first: Math.min(first.column, last.column), last: Math.max(first.column, last.column) } : null;
}
