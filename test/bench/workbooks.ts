// Workbooks for the benchmarks: big generated .xlsx files, and how many data rows a workbook holds.
import { join } from 'node:path';
import type { RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { writeBigWorkbook } from '../support/big-workbook.js';

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
