// Benchmarks the memory `cceg validate` needs per row: the peak RSS of its own process on big workbooks, over that on an empty one.
import { runCceg, type CcegRun } from '../support/cceg-process.js';
import type { Sample } from './measure.js';
import type { Row, Section } from './report.js';

const PER_ROW = 'validate: peak RSS per row (own process)';
const TODAY = '2018-06-01';
const KB_PER_MB = 1024;

/** Runs `cceg validate` on the workbook; throws when it could not run or its peak RSS is unknown. */
async function validatePeak(path: string): Promise<CcegRun & { peakRssKb: number }> {
  const run = await runCceg(['validate', path, '--today', TODAY]);
  if (run.code === null || run.code > 1 || run.peakRssKb === undefined) throw new Error(`cceg validate ${path} failed (exit ${run.code}): ${run.err.trim()}`);
  return { ...run, peakRssKb: run.peakRssKb };
}

/**
 * Validates the big workbook of each size in a `cceg` process of its own, once, and reports its peak RSS over that of
 * an empty workbook (`emptyPath`: Node, the modules and the template) per data row; `paths` maps size → file.
 */
export async function memorySection(emptyPath: string, paths: ReadonlyMap<number, string>, [small, large]: readonly [number, number]): Promise<Section> {
  const base = await validatePeak(emptyPath);
  const rows: Row[] = [];
  const perRow = new Map<number, number>();
  for (const size of [small, large]) {
    const run = await validatePeak(paths.get(size)!);
    const growthKb = run.peakRssKb - base.peakRssKb;
    perRow.set(size, growthKb / size);
    const sample: Sample<unknown> = { ms: [run.seconds * 1000], medianMs: run.seconds * 1000, peakRssDeltaMb: growthKb / KB_PER_MB, results: [] };
    rows.push({
      name: PER_ROW, size, sample,
      note: `peak ${(run.peakRssKb / KB_PER_MB).toFixed(0)} MB, ${(growthKb / size).toFixed(2)} KB per row over an empty workbook (${(base.peakRssKb / KB_PER_MB).toFixed(0)} MB); one run, tsx`,
    });
  }
  const n = (size: number) => size.toLocaleString('en-US');
  return {
    title: 'Memory',
    rows,
    ratios: [{ label: `${PER_ROW} ${n(large)}/${n(small)}`, value: perRow.get(large)! / perRow.get(small)!, expected: '≤1 (the memory a row needs does not grow with the rows)' }],
  };
}
