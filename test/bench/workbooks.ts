// Workbooks for the benchmarks: big generated .xlsx files, and the sample workbook grown ten times like test/documents/print.test.ts.
import { join } from 'node:path';
import type { CellValue } from '../../functions/core/model/cell.js';
import type { RawRow, RawTab, RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { writeBigWorkbook } from '../support/big-workbook.js';

/** The bundled sample workbook, as `npm run sample` writes it. */
export const SAMPLE_WORKBOOK = new URL('../../sheets/sample-workbook.xlsx', import.meta.url);

/** Tabs that grow in the larger workbook; Organizations, Meetings and the rest are kept as they are. */
const GROWING_TABS: readonly string[] = ['Roster', 'WorkPlan', 'Papers', 'Endorsements', 'ConsensusCalls', 'Issues', 'Deliverables'];
/** Columns holding the ID of a row of a growing tab, which copies must point at the same copy. */
const COPIED_REFERENCES: Readonly<Record<string, readonly string[]>> = {
  WorkPlan: ['Related Paper'], Papers: ['Supersedes'], Endorsements: ['Paper'], ConsensusCalls: ['Paper'],
};

/** Writes `big-<size>.xlsx` into `dir` with {@link writeBigWorkbook}; returns its path and data rows in all. */
export async function bigWorkbook(dir: string, size: number): Promise<{ path: string; rows: number }> {
  const path = join(dir, `big-${size}.xlsx`);
  const counts = await writeBigWorkbook(path, size);
  return { path, rows: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

/** Data rows in all tabs of a raw workbook. */
export function dataRows(workbook: RawWorkbook): number {
  return workbook.tabs.reduce((sum, tab) => sum + tab.rows.length, 0);
}

const suffixed = (value: CellValue, suffix: string): CellValue => (typeof value === 'string' && value !== '' ? `${value}${suffix}` : value);

/** The workbook with each growing tab's rows copied `copies` times: copy k gets `-rk` on its IDs and references, `+rk` in emails. */
export function grownWorkbook(workbook: RawWorkbook, copies: number): RawWorkbook {
  return { tabs: workbook.tabs.map((tab) => (GROWING_TABS.includes(tab.name) ? grownTab(tab, copies) : tab)) };
}

function grownTab(tab: RawTab, copies: number): RawTab {
  const position = (header: string) => tab.header.findIndex((cell) => cell === header);
  const idColumn = position('ID');
  const emailColumn = position('Email');
  const references = (COPIED_REFERENCES[tab.name] ?? []).map(position).filter((column) => column >= 0);
  const rows: RawRow[] = [...tab.rows];
  let nextRow = Math.max(1, ...tab.rows.map((row) => row.row)) + 1;
  for (let copy = 2; copy <= copies; copy++) {
    for (const row of tab.rows) {
      const cells = row.cells.map((cell, column) => {
        if (column === idColumn || references.includes(column)) return suffixed(cell, `-r${copy}`);
        return column === emailColumn && typeof cell === 'string' ? cell.replace('@', `+r${copy}@`) : cell;
      });
      rows.push({ row: nextRow++, cells });
    }
  }
  return { ...tab, rows };
}
