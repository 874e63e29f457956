// Benchmarks `cceg sync` on an .xlsx workbook with a SQLite store, in-process: a cold first sync, then a sync with no change.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, type CliRun } from '../support/cli.js';
import { measure } from './measure.js';
import { atMostLinear, medianOf, type Row, type Section } from './report.js';

/** The run date every benchmark sync uses. */
export const SYNC_TODAY = '2018-06-01';
const FIRST = 'sync .xlsx: first (cold)';
const AGAIN = 'sync .xlsx: no change';

/** What `cceg sync --format json` reports that the benchmarks check. */
export interface SyncOutcome {
  readonly created: number;
  readonly updated: number;
  readonly tombstoned: number;
  readonly cellsChanged: number;
}

/** The counts of a sync run; throws when it could not run (exit 2) or complained on stderr. */
export function syncOutcome(run: CliRun): SyncOutcome {
  if (run.code > 1 || run.err !== '') throw new Error(`cceg sync failed (exit ${run.code}): ${run.err.trim()}`);
  const output = JSON.parse(run.out) as { run: { counts: Omit<SyncOutcome, 'cellsChanged'> }; cellsChanged: number };
  const { created, updated, tombstoned } = output.run.counts;
  return { created, updated, tombstoned, cellsChanged: output.cellsChanged };
}

/** Throws when a sync that should have found no change wrote a record or a cell. */
export function assertUnchanged(outcome: SyncOutcome): void {
  if (outcome.created + outcome.updated + outcome.tombstoned + outcome.cellsChanged > 0) throw new Error(`A sync with no change changed something: ${JSON.stringify(outcome)}`);
}

/** `cceg sync <workbook> --store <store>` in this process, JSON output. */
export const sync = (workbook: string, store: string) => cli(['sync', workbook, '--store', store, '--today', SYNC_TODAY, '--format', 'json']);

/** Times a first sync (fresh copy of the workbook, empty store) and a no-change sync at each size; `paths` maps size → file. */
export async function syncSection(dir: string, paths: ReadonlyMap<number, string>, [small, large]: readonly [number, number], runs: number): Promise<Section> {
  const rows: Row[] = [];
  let copies = 0;
  const freshCopy = (size: number) => {
    const name = join(dir, `sync-${size}-${++copies}`);
    copyFileSync(paths.get(size)!, `${name}.xlsx`);
    return { workbook: `${name}.xlsx`, store: `sqlite:${name}.db` };
  };
  for (const size of [small, large]) {
    const first = await measure({ runs, setup: () => freshCopy(size), run: ({ workbook, store }) => sync(workbook, store) });
    const created = first.results.map(syncOutcome);
    rows.push({ name: FIRST, size, sample: first, note: `${created[0]!.created} records created, ${created[0]!.cellsChanged} cells written` });

    const settled = freshCopy(size);
    syncOutcome(await sync(settled.workbook, settled.store));
    const again = await measure({ runs, setup: () => settled, run: ({ workbook, store }) => sync(workbook, store) });
    again.results.map(syncOutcome).forEach(assertUnchanged);
    rows.push({ name: AGAIN, size, sample: again, note: '0 records written, 0 cells written' });
  }
  const n = (size: number) => size.toLocaleString('en-US');
  return {
    title: 'Sync (.xlsx)',
    rows,
    ratios: [
      ...[small, large].map((size) => ({ label: `sync .xlsx no change / first @ ${n(size)}`, value: medianOf(rows, AGAIN, size) / medianOf(rows, FIRST, size), expected: '< 1' })),
      ...[FIRST, AGAIN].map((name) => ({ label: `${name} ${n(large)}/${n(small)}`, value: medianOf(rows, name, large) / medianOf(rows, name, small), expected: atMostLinear(large / small) })),
    ],
  };
}
