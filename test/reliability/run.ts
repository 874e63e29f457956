// `npm run test:reliability`: runs every case of test/reliability/cases/, prints case, expected, observed, PASS/FAIL and peak RSS, then "N passed, M failed".
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CaseOutcome, ReliabilityCase } from './reliability-case.js';

const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

/** Every case, file by file in name order: each file under cases/ exports `cases`. */
async function collectCases(): Promise<{ file: string; testCase: ReliabilityCase }[]> {
  const files = readdirSync(CASES_DIR).filter((name) => name.endsWith('.ts')).sort();
  const collected: { file: string; testCase: ReliabilityCase }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(CASES_DIR, file)).href)) as { cases?: readonly ReliabilityCase[] };
    if (!Array.isArray(module.cases)) throw new Error(`test/reliability/cases/${file} exports no array named cases`);
    for (const testCase of module.cases) collected.push({ file, testCase });
  }
  return collected;
}

/** Runs one case in a fresh temporary folder; a case that throws fails with what it threw. */
async function runCase(testCase: ReliabilityCase): Promise<CaseOutcome & { seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-reliability-'));
  const started = performance.now();
  try {
    const outcome = await testCase.run({ dir });
    return { ...outcome, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    return { observed: `threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, pass: false, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const megabytes = (kb: number | undefined) => (kb === undefined ? '–' : `${(kb / 1024).toFixed(0)} MB`);
/** The widest each column is printed (case, expected, observed), so that a row fits a wide terminal; longer text ends in "…". */
const WIDEST = [60, 80, 110];

function table(rows: readonly (readonly string[])[]): string {
  const fitted = rows.map((row) => row.map((cell, column) => {
    const widest = WIDEST[column] ?? Number.POSITIVE_INFINITY;
    return cell.length > widest ? `${cell.slice(0, widest - 1)}…` : cell;
  }));
  return aligned(fitted);
}

function aligned(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === 4 || column === 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  const started = performance.now();
  const cases = await collectCases();
  const rows: string[][] = [['case', 'expected', 'observed', 'result', 'peak RSS', 'time']];
  let passed = 0;
  for (const { testCase } of cases) {
    process.stderr.write(`reliability: ${testCase.name}\n`);
    const outcome = await runCase(testCase);
    if (outcome.pass) passed++;
    rows.push([testCase.name, testCase.expected, outcome.observed, outcome.pass ? 'PASS' : 'FAIL', megabytes(outcome.peakRssKb), `${outcome.seconds.toFixed(1)} s`]);
  }
  console.log(table(rows));
  console.log(`\nNode ${process.version}; peak RSS is each cceg process's own (getrusage), run from the sources through tsx; took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  const failed = cases.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error('reliability run failed:', error);
  process.exitCode = 1;
}
