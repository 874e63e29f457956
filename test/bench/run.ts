// `npm run bench`: times validation, sync (.xlsx and Google Sheets), document rendering, store commits, the memory a row needs and the functions' cold start; prints figures and ratios.
// `npm run bench -- goals` measures the goals only (the first table), `npm run bench -- cold-start` the cold starts only.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildLib } from './build.js';
import { COLD_START_GOAL, coldStartGoals } from './cold-start-bench.js';
import { documentsSection } from './documents-bench.js';
import { memorySection } from './memory-bench.js';
import { CHANGED_SYNC_GOAL, goalsSection, NO_CHANGE_SYNC_GOAL, VALIDATE_GOAL } from './goals-bench.js';
import { formatGoals, formatReport, type GoalRow, type Section } from './report.js';
import { sheetsSection } from './sheets-bench.js';
import { storeSection } from './store-bench.js';
import { syncSection } from './sync-bench.js';
import { validateSection } from './validate-bench.js';
import { bigWorkbook } from './workbooks.js';

/** Timed runs per measurement (after one warm-up): more for the quick ones, fewer for whole syncs. */
const RUNS = { quick: 5, sync: 3, coldStart: 7, goals: 7 } as const;
/** The workbook sizes the goals are held at. */
const GOAL_SIZES = [5_000, 50_000] as const;
const SIZES = { validate: [1_000, 10_000], sync: [1_000, 10_000], sheets: [100, 10_000], store: [2_000, 20_000], memory: [10_000, 100_000] } as const;

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** Every section, in the order printed; `lib` is the build the memory section runs. */
async function allSections(dir: string, lib: string): Promise<Section[]> {
  const paths = new Map<number, string>();
  for (const size of new Set([0, ...SIZES.validate, ...SIZES.sync, ...SIZES.sheets, ...SIZES.memory])) {
    progress(`writing a ${size.toLocaleString('en-US')}-row workbook`);
    paths.set(size, (await bigWorkbook(dir, size)).path);
  }
  const sections: Section[] = [];
  progress('validate');
  sections.push(await validateSection(paths, SIZES.validate, RUNS.quick));
  progress('sync .xlsx');
  sections.push(await syncSection(dir, paths, SIZES.sync, RUNS.sync));
  progress('sync Google Sheets (fake server)');
  sections.push(await sheetsSection(dir, paths, SIZES.sheets, RUNS.sync));
  progress('documents');
  sections.push(await documentsSection(RUNS.quick));
  progress('SQLite store');
  sections.push(await storeSection(dir, SIZES.store, RUNS.quick));
  progress('memory per row (cceg validate in its own process)');
  sections.push(await memorySection(lib, paths.get(0)!, paths, SIZES.memory));
  return sections;
}

/** The goals: cold starts (unless `only` says otherwise) and the workbook goals at each size, from the build `lib` in `dir`. */
async function goals(dir: string, lib: string, only: 'all' | 'cold-start'): Promise<GoalRow[]> {
  progress('cold start of each function (Functions Framework processes of their own)');
  const coldStarts = await coldStartGoals(dir, lib, RUNS.coldStart);
  if (only === 'cold-start') return coldStarts;
  return [...coldStarts, ...(await goalsSection(dir, lib, GOAL_SIZES, RUNS.goals, progress))];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-bench-'));
  const started = performance.now();
  try {
    const only = process.argv.includes('cold-start') ? 'cold-start' : process.argv.includes('goals') ? 'goals' : 'all';
    progress('compiling functions/ for the processes timed');
    const lib = buildLib(dir);
    const goalRows = await goals(dir, lib, only === 'cold-start' ? 'cold-start' : 'all');
    const sections = only === 'all' ? await allSections(dir, lib) : [];

    const cpu = cpus();
    console.log(`cceg benchmarks: Node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
    console.log('Goals: medians of alternating runs, each a process of its own from the compiled code (peak RSS by getrusage);');
    console.log(`cold start = spawn of the Functions Framework to its first HTTP answer (goal ≤${COLD_START_GOAL}× a hello-world function with a Firestore client);`);
    console.log(`cceg validate ≤${VALIDATE_GOAL}× exceljs's streaming reader visiting every cell of the same file, in time and peak RSS;`);
    console.log(`cceg sync (SQLite store) ≤${NO_CHANGE_SYNC_GOAL}× cceg validate when nothing changed, ≤${CHANGED_SYNC_GOAL}× when 1% of the rows changed.\n`);
    console.log(formatGoals(goalRows));
    if (sections.length > 0) {
      console.log('\nDetails: median of the timed runs after one warm-up; ratio = median / median of the smallest size of the same measurement;');
      console.log('peak ΔRSS = highest RSS during the timed runs minus RSS after a GC before them (0 when no new memory was needed);');
      console.log('for memory per row, the peak RSS of a cceg process of its own minus that of one validating an empty workbook;');
      console.log('a size ratio below the linear one means fixed costs still weigh on the smaller size.\n');
      console.log(formatReport(sections));
    }
    console.log(`\nPeak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
}
