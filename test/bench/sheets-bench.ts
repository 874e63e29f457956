// Benchmarks `cceg sync sheets:<id>` against the local fake Google APIs: time, and Sheets read and write calls per sync.
import { join } from 'node:path';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { seedRawWorkbook } from '../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google/server.js';
import { measure } from './measure.js';
import { atMostLinear, medianOf, type Ratio, type Row, type Section } from './report.js';
import { assertUnchanged, sync, syncOutcome, type SyncOutcome } from './sync-bench.js';

const FIRST = 'sync sheets: first (cold)';
const AGAIN = 'sync sheets: no change';

/** Sheets API calls one sync made. */
interface Calls {
  readonly reads: number;
  readonly writes: number;
}

const readsOf = (fake: FakeGoogle) => fake.count('sheets.spreadsheets.get') + fake.count('sheets.spreadsheets.values.batchGet');
const writesOf = (fake: FakeGoogle) => fake.count('sheets.spreadsheets.batchUpdate') + fake.count('sheets.spreadsheets.values.batchUpdate') +
  fake.count('sheets.spreadsheets.values.batchClear');

/** "1" when every run made the same number of calls, else "min–max". */
function spread(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? String(low) : `${low}–${high}`;
}

/** Calls per sync, the same in every run; throws when runs differ (a count that varies is a finding in itself). */
function steadyCalls(results: readonly { calls: Calls }[]): Calls {
  const reads = spread(results.map((result) => result.calls.reads));
  const writes = spread(results.map((result) => result.calls.writes));
  if (reads.includes('–') || writes.includes('–')) throw new Error(`Sheets calls differ between runs: reads ${reads}, writes ${writes}`);
  return results[0]!.calls;
}

/** Times first and no-change syncs of a Google Sheet seeded with the big workbook of each size; `paths` maps size → file. */
export async function sheetsSection(dir: string, paths: ReadonlyMap<number, string>, [small, large]: readonly [number, number], runs: number): Promise<Section> {
  const fake = await startFakeGoogle();
  const previousRoot = process.env.CCEG_GOOGLE_ROOT_URL;
  process.env.CCEG_GOOGLE_ROOT_URL = fake.rootUrl;
  try {
    const rows: Row[] = [];
    const calls = new Map<string, Calls>();
    let stores = 0;
    const newStore = () => `sqlite:${join(dir, `sheets-${++stores}.db`)}`;
    const counted = async (spreadsheetId: string, store: string): Promise<{ outcome: SyncOutcome; calls: Calls }> => {
      const run = await sync(`sheets:${spreadsheetId}`, store);
      return { outcome: syncOutcome(run), calls: { reads: readsOf(fake), writes: writesOf(fake) } };
    };
    const seedAndReset = <T>(seed: () => T): T => {
      const seeded = seed();
      fake.resetCalls();
      return seeded;
    };
    for (const size of [small, large]) {
      const raw = await readXlsxWorkbook(paths.get(size)!);
      const seed = () => {
        fake.spreadsheets.clear();
        return { spreadsheetId: seedRawWorkbook(fake, raw), store: newStore() };
      };
      const first = await measure({ runs, setup: () => seedAndReset(seed), run: ({ spreadsheetId, store }) => counted(spreadsheetId, store) });
      const firstCalls = steadyCalls(first.results);
      calls.set(`${FIRST}@${size}`, firstCalls);
      const created = first.results[0]!.outcome;
      rows.push({ name: FIRST, size, sample: first, note: `reads ${firstCalls.reads}, writes ${firstCalls.writes}; ${created.created} created, ${created.cellsChanged} cells written` });

      const settled = seed();
      syncOutcome(await sync(`sheets:${settled.spreadsheetId}`, settled.store));
      const again = await measure({ runs, setup: () => seedAndReset(() => settled), run: ({ spreadsheetId, store }) => counted(spreadsheetId, store) });
      again.results.forEach(({ outcome }) => assertUnchanged(outcome));
      const againCalls = steadyCalls(again.results);
      calls.set(`${AGAIN}@${size}`, againCalls);
      rows.push({ name: AGAIN, size, sample: again, note: `reads ${againCalls.reads}, writes ${againCalls.writes}` });
    }
    const total = (name: string, size: number) => {
      const { reads, writes } = calls.get(`${name}@${size}`)!;
      return reads + writes;
    };
    const n = (size: number) => size.toLocaleString('en-US');
    const ratios: Ratio[] = [FIRST, AGAIN].flatMap((name) => [
      { label: `${name}: API calls ${n(large)}/${n(small)}`, value: total(name, large) / total(name, small), expected: '1.00 (calls do not grow with rows)' },
      { label: `${name}: time ${n(large)}/${n(small)}`, value: medianOf(rows, name, large) / medianOf(rows, name, small), expected: atMostLinear(large / small) },
    ]);
    return { title: 'Sync (Google Sheets, fake server)', rows, ratios };
  } finally {
    if (previousRoot === undefined) delete process.env.CCEG_GOOGLE_ROOT_URL;
    else process.env.CCEG_GOOGLE_ROOT_URL = previousRoot;
    await fake.stop();
  }
}
