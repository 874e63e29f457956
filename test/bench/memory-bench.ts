// Benchmarks the memory `cceg validate` needs per row: the peak RSS of its own process on big workbooks, over that on an empty one.
import { join } from 'node:path';
import { CLI_BUNDLE } from '../../functions/build/bundle-functions.js';
import type { Sample } from './measure.js';
import { ProcessRunner, type ProcessRun } from './process-run.js';
import type { Row, Section } from './report.js';

const PER_ROW = 'validate: peak RSS per row (own process)';
const TODAY = '2018-06-01';
const KB_PER_MB = 1024;

/** Runs the built `cceg validate` on the workbook (exit 0 or 1: findings are no failure); throws when it could not run. */
function validatePeak(runner: ProcessRunner, main: string, path: string): Promise<ProcessRun> {
  return runner.run(main, ['validate', path, '--today', TODAY], [0, 1]);
}

/**
 * Validates the big workbook of each size in a `cceg` process of its own, once, and reports its peak RSS over that of
 * an empty workbook (`emptyPath`: Node, the modules and the template) per data row; `paths` maps size → file. `cceg` is
 * the build in `lib` run as the package's `bin` runs it (the bundle), as the goals run it: a process under tsx would
 * carry its compiler, whose own peak hid the growth of 10,000 rows (0 KB per row, and a size ratio of Infinity).
 */
export async function memorySection(lib: string, emptyPath: string, paths: ReadonlyMap<number, string>, [small, large]: readonly [number, number]): Promise<Section> {
  const runner = new ProcessRunner();
  const main = join(lib, CLI_BUNDLE, 'main.js');
  const rows: Row[] = [];
  const perRow = new Map<number, number>();
  try {
    const base = await validatePeak(runner, main, emptyPath);
    for (const size of [small, large]) {
      const run = await validatePeak(runner, main, paths.get(size)!);
      const growthMb = run.peakRssMb - base.peakRssMb;
      perRow.set(size, (growthMb * KB_PER_MB) / size);
      const sample: Sample<unknown> = { ms: [run.ms], medianMs: run.ms, peakRssDeltaMb: growthMb, results: [] };
      rows.push({
        name: PER_ROW, size, sample,
        note: `peak ${run.peakRssMb.toFixed(0)} MB, ${((growthMb * KB_PER_MB) / size).toFixed(2)} KB per row over an empty workbook (${base.peakRssMb.toFixed(0)} MB); one run, built cceg`,
      });
    }
  } finally {
    runner.close();
  }
  const n = (size: number) => size.toLocaleString('en-US');
  return {
    title: 'Memory',
    rows,
    ratios: [{ label: `${PER_ROW} ${n(large)}/${n(small)}`, value: perRow.get(large)! / perRow.get(small)!, expected: '≤1 (the memory a row needs does not grow with the rows)' }],
  };
}
