// Times a benchmark: one warm-up, then N timed runs with untimed setup each; reports the median and the peak RSS growth.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** What one measurement found: every timed run and, per run, what it returned. */
export interface Sample<R> {
  /** Milliseconds of each timed run (per iteration when `iterations` > 1), in run order. */
  readonly ms: readonly number[];
  /** The median of `ms`. */
  readonly medianMs: number;
  /** Highest RSS seen during the timed runs (setup excluded), minus the RSS after a GC before them, in MB (NaN when the runs were other processes). */
  readonly peakRssDeltaMb: number;
  /** What each timed run returned, in run order (the warm-up's is dropped). */
  readonly results: readonly R[];
}

/** How to measure: `setup` prepares each run untimed, `run` is timed. */
export interface Measurement<T, R> {
  readonly runs: number;
  /** Calls of `run` per timed run, for operations too short to time one by one (default 1). */
  readonly iterations?: number;
  readonly setup: () => T | Promise<T>;
  readonly run: (input: T) => R | Promise<R>;
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs one warm-up and `runs` timed runs, sampling RSS every 5 ms (while timing only) and after each run. */
export async function measure<T, R>(measurement: Measurement<T, R>): Promise<Sample<R>> {
  const iterations = measurement.iterations ?? 1;
  const once = async (input: T): Promise<R> => {
    let result = await measurement.run(input);
    for (let i = 1; i < iterations; i++) result = await measurement.run(input);
    return result;
  };
  await once(await measurement.setup());
  gc();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let timing = false;
  const sampler = setInterval(() => {
    if (timing) peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const ms: number[] = [];
  const results: R[] = [];
  try {
    for (let i = 0; i < measurement.runs; i++) {
      const input = await measurement.setup();
      timing = true;
      const start = performance.now();
      const result = await once(input);
      ms.push((performance.now() - start) / iterations);
      peak = Math.max(peak, process.memoryUsage.rss());
      timing = false;
      results.push(result);
    }
  } finally {
    clearInterval(sampler);
  }
  return { ms, medianMs: median(ms), peakRssDeltaMb: (peak - baseline) / MB, results };
}
