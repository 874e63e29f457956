// The goals of `npm run bench`: validate against a bare exceljs read, sync against validate, at 5,000 and 50,000 rows, each with meets/misses.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { CLI_BUNDLE } from '../../functions/build/bundle-functions.js';
import { editWorkbook } from '../support/workbook-snapshot.js';
import { median } from './measure.js';
import { ProcessRunner, type ProcessRun } from './process-run.js';
import type { GoalRow } from './report.js';
import { bigWorkbook } from './workbooks.js';

/** `cceg validate` within this many times the bare read of the same file, in time and in peak memory. */
export const VALIDATE_GOAL = 1.5;
/** A sync that changes nothing within this many times `cceg validate` of the same file. */
export const NO_CHANGE_SYNC_GOAL = 1.2;
/** A sync that changes 1% of the rows within this many times `cceg validate` of the same file. */
export const CHANGED_SYNC_GOAL = 1.4;

const TODAY = '2018-06-01';
/** One row in this many of every tab is changed for the "1% changed" sync. */
const CHANGE_EVERY = 100;
/** The free-text column changed in each data tab, the first of these it has. */
const CHANGED_COLUMNS = ['Name', 'Title', 'Activity', 'Subject', 'Summary', 'Reasons', 'Reason'];
const SYSTEM_TABS = new Set(['Findings', 'Dashboard']);

/**
 * The floor: exceljs's streaming reader visiting every cell of the file and keeping nothing (shared strings and
 * styles cached, as a reader that tells dates from numbers must).
 */
const BARE_READ_SOURCE = `import ExcelJS from 'exceljs';
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
let cells = 0;
for await (const worksheet of reader) for await (const row of worksheet) row.eachCell({ includeEmpty: false }, (cell) => { if (cell.value !== undefined) cells++; });
console.log(cells);
`;

/** The files one size is measured on: the generated workbook, a synced copy with its SQLite store, and that copy with 1% of its rows changed. */
interface Fixture {
  readonly size: number;
  readonly generated: string;
  readonly synced: string;
  readonly store: string;
  readonly changed: string;
  readonly changedRows: number;
}

/** Changes one row in {@link CHANGE_EVERY} of every data tab (its free-text column gets a suffix, or a text when empty); returns how many. */
function changeOnePercent(workbook: ExcelJS.Workbook): number {
  let changed = 0;
  workbook.eachSheet((sheet) => {
    if (SYSTEM_TABS.has(sheet.name)) return;
    const header = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = CHANGED_COLUMNS.map((name) => header.indexOf(name)).find((index) => index > 0);
    if (column === undefined) return;
    for (let row = 2; row <= sheet.rowCount; row += CHANGE_EVERY) {
      const cell = sheet.getRow(row).getCell(column);
      if (cell.value !== null && typeof cell.value !== 'string') continue;
      cell.value = cell.value === null || cell.value === '' ? 'Revised for the benchmark.' : `${cell.value} (revised)`;
      changed++;
    }
  });
  return changed;
}

/**
 * Copies a file and flushes the copy to disk: a timed sync then finds its store and workbook at rest, as a user's are,
 * instead of paying for the bench's copy (an fsync of the store's log commits the file system's journal, which first
 * writes out the 51 MB just copied: ≈35 ms for the lease's first commit here, and up to 700 ms when the kernel's
 * own write-back of the copy was under way).
 */
function copyAtRest(from: string, to: string): void {
  copyFileSync(from, to);
  const file = openSync(to, 'r+');
  try {
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
}

/** Copies an SQLite store with its write-ahead log, if one was left, each at rest; a log the last timed run left is removed. */
function copyStore(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(from + suffix)) copyAtRest(from + suffix, to + suffix);
    else rmSync(to + suffix, { force: true });
  }
}

/** Writes the workbook of `size` rows, syncs a copy twice (IDs and Status written back, then settled) and makes the 1% changed copy. */
async function prepareFixture(dir: string, size: number, cceg: (args: string[]) => Promise<ProcessRun>): Promise<Fixture> {
  const folder = join(dir, `rows-${size}`);
  mkdirSync(folder);
  const generated = (await bigWorkbook(folder, size)).path;
  const synced = join(folder, 'synced.xlsx');
  const store = join(folder, 'synced.db');
  copyFileSync(generated, synced);
  for (let i = 0; i < 2; i++) await cceg(['sync', synced, '--store', `sqlite:${store}`, '--today', TODAY]);
  const changed = join(folder, 'changed.xlsx');
  copyFileSync(synced, changed);
  let changedRows = 0;
  await editWorkbook(changed, (workbook) => void (changedRows = changeOnePercent(workbook)));
  return { size, generated, synced, store, changed, changedRows };
}

/** The updated-record count a `cceg sync` printed; throws (with what it said) for a run that printed none: it did not sync. */
function updatedCount(run: ProcessRun): number {
  const match = /(\d+) updated/.exec(run.stdout);
  if (!match) throw new Error(`a timed cceg sync printed no counts, so it did not sync:\n${run.stdout.slice(-500)}${run.stderr.slice(-2000)}`);
  return Number(match[1]);
}

/** Throws (with what it said) unless a timed `cceg validate` printed its summary line: a run that failed is not a time. */
function assertValidated(run: ProcessRun): void {
  if (!/: (?:no findings:|\d+ errors?, \d+ warnings?\.)/.test(run.stdout)) {
    throw new Error(`a timed cceg validate printed no summary, so it did not validate:\n${run.stdout.slice(-500)}${run.stderr.slice(-2000)}`);
  }
}

/** A goal row: `measured` against `floor`, both medians. */
function goalRow(what: string, size: number, measured: number, floor: number, floorName: string, goal: number, unit: string, note = ''): GoalRow {
  return { what, rows: size, measured: `${measured.toFixed(0)} ${unit}`, floor: `${floorName} ${floor.toFixed(0)} ${unit}`, ratio: measured / floor, goal, note };
}

/**
 * Measures, at each size, the bare read, `cceg validate`, a no-change `cceg sync` and a 1%-changed one, each a
 * process of its own on fresh copies of the files, alternating the four in `runs` rounds after one warm-up round so
 * that the machine's load weighs on all alike; returns their medians against their floors. `lib` is the built package's lib/.
 */
export async function goalsSection(dir: string, lib: string, sizes: readonly number[], runs: number, progress: (text: string) => void): Promise<GoalRow[]> {
  const runner = new ProcessRunner();
  // `cceg` as the package's `bin` runs it: the bundled command line.
  const main = join(lib, CLI_BUNDLE, 'main.js');
  const bare = join(dir, 'bare-read.mjs');
  writeFileSync(bare, BARE_READ_SOURCE);
  const cceg = (args: string[]) => runner.run(main, args, [0, 1]);
  const rows: GoalRow[] = [];
  try {
    for (const size of sizes) {
      progress(`goals at ${size.toLocaleString('en-US')} rows: preparing`);
      const fixture = await prepareFixture(dir, size, cceg);
      const work = join(dir, `rows-${size}`, 'run.xlsx');
      const workStore = join(dir, `rows-${size}`, 'run.db');
      const syncFrom = async (workbook: string) => {
        copyAtRest(workbook, work);
        copyStore(fixture.store, workStore);
        return cceg(['sync', work, '--store', `sqlite:${workStore}`, '--today', TODAY]);
      };
      const samples = { bare: [] as ProcessRun[], validate: [] as ProcessRun[], noChange: [] as ProcessRun[], changed: [] as ProcessRun[] };
      for (let round = 0; round <= runs; round++) {
        progress(`goals at ${size.toLocaleString('en-US')} rows: round ${round}/${runs}${round === 0 ? ' (warm-up)' : ''}`);
        const results = {
          bare: await runner.run(bare, [fixture.synced]),
          validate: await cceg(['validate', fixture.synced, '--today', TODAY]),
          noChange: await syncFrom(fixture.synced),
          changed: await syncFrom(fixture.changed),
        };
        // Every timed run must have done its job: a process that fails fast is not a fast one.
        assertValidated(results.validate);
        updatedCount(results.noChange);
        updatedCount(results.changed);
        if (round === 0) continue;
        for (const key of Object.keys(samples) as (keyof typeof samples)[]) samples[key].push(results[key]);
      }
      const ms = (key: keyof typeof samples) => median(samples[key].map((run) => run.ms));
      const mb = (key: keyof typeof samples) => median(samples[key].map((run) => run.peakRssMb));
      const updated = updatedCount(samples.changed[0]!);
      const noChangeUpdated = updatedCount(samples.noChange[0]!);
      rows.push(
        goalRow('cceg validate: time', size, ms('validate'), ms('bare'), 'bare exceljs read', VALIDATE_GOAL, 'ms'),
        goalRow('cceg validate: peak RSS', size, mb('validate'), mb('bare'), 'bare exceljs read', VALIDATE_GOAL, 'MB'),
        goalRow('cceg sync, no change: time', size, ms('noChange'), ms('validate'), 'cceg validate', NO_CHANGE_SYNC_GOAL, 'ms', `${noChangeUpdated} records updated`),
        goalRow('cceg sync, 1% changed: time', size, ms('changed'), ms('validate'), 'cceg validate', CHANGED_SYNC_GOAL, 'ms', `${fixture.changedRows} rows changed, ${updated} records updated`),
      );
    }
    return rows;
  } finally {
    runner.close();
  }
}
