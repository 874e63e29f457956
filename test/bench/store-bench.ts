// Benchmarks one SQLite store commit of many new records with their audit entries (one transaction).
import { join } from 'node:path';
import { openSqliteStore, type SqliteRecordStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { createBatch } from '../adapters/store/record-store.fixtures.js';
import { measure } from './measure.js';
import { atMostLinear, medianOf, type Row, type Section } from './report.js';

const COMMIT = 'SQLite store: commit new records';

/** Times committing `size` new Roster records (and as many audit entries) into an empty store, at each size. */
export async function storeSection(dir: string, [small, large]: readonly [number, number], runs: number): Promise<Section> {
  const opened: SqliteRecordStore[] = [];
  let files = 0;
  try {
    const rows: Row[] = [];
    for (const size of [small, large]) {
      const setup = () => {
        const store = openSqliteStore(join(dir, `store-${++files}.db`));
        opened.push(store);
        return { store, batch: createBatch(`bench-${files}`, size) };
      };
      const commit = await measure({ runs, setup, run: ({ store, batch }) => store.commit(batch) });
      const entries = commit.results.at(-1)!.length;
      if (entries !== size) throw new Error(`The commit chained ${entries} audit entries, not ${size}`);
      rows.push({ name: COMMIT, size, sample: commit, note: `${size} records + ${entries} audit entries, one transaction` });
    }
    const n = (size: number) => size.toLocaleString('en-US');
    return {
      title: 'Store',
      rows,
      ratios: [{ label: `${COMMIT} ${n(large)}/${n(small)}`, value: medianOf(rows, COMMIT, large) / medianOf(rows, COMMIT, small), expected: atMostLinear(large / small) }],
    };
  } finally {
    for (const store of opened) await store.close();
  }
}
