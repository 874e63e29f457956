// A sync of a 5,000-row workbook into Firestore reads the digests, not every record: reads that do not grow with the sheet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFirestoreStore, type FirestoreRecordStore } from '../../functions/adapters/firestore/firestore-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { syncWorkbook, type SyncResult } from '../../functions/app/sync.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { writeBigWorkbook } from '../support/big-workbook.js';
import { countFirestore, type FirestoreCounter } from '../support/counted-firestore.js';
import { firestoreForTests, type TestFirestore } from '../support/firestore-emulator.js';
import { columnOf, editWorkbook } from '../support/workbook-snapshot.js';

const ROWS = 5_000;
const CHANGED = 3;
const dir = mkdtempSync(join(tmpdir(), 'cceg-firestore-reads-'));
const path = join(dir, 'big.xlsx');
let emulator: TestFirestore;
let store: FirestoreRecordStore;
let counter: FirestoreCounter;
let tick = 0;

/** One CLI sync of the workbook, on a clock that moves a second per reading. */
function sync(): Promise<SyncResult> {
  const ports = {
    reader: new XlsxWorkbookReader(path), writer: new XlsxWorkbookWriter(path), store,
    now: () => new Date(Date.UTC(2018, 5, 1, 12, 0, tick++)), newId: () => `run-${tick++}`,
  };
  return syncWorkbook(ports, { workbook: 'big.xlsx', actor: 'staff@icann.example.org', source: 'cli', today: '2018-06-01', config: DEFAULT_CONFIG });
}

/** The written paths outside the lease and the run journal, by collection (`records`, `audit`, `digests`, `meta`). */
function writesBesidesLeaseAndRun(): Map<string, number> {
  const byCollection = new Map<string, number>();
  for (const written of counter.writes()) {
    const collection = written.split('/')[2]!;
    if (collection === 'leases' || collection === 'runs') continue;
    byCollection.set(collection, (byCollection.get(collection) ?? 0) + 1);
  }
  return byCollection;
}

beforeAll(async () => {
  emulator = await firestoreForTests();
  await writeBigWorkbook(path, ROWS);
  store = await openFirestoreStore({ firestore: emulator.firestore, rootPath: `reads/${Date.now()}` });
  const first = await sync();
  expect(first.run.counts.created).toBe(ROWS);
  counter = countFirestore(emulator.firestore);
}, 180_000);
afterAll(async () => {
  counter?.stop();
  await store?.close();
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`a Firestore sync of a ${ROWS.toLocaleString('en-US')}-row workbook`, () => {
  it('that changes nothing reads at most 19 documents (5 of them: the document index, one query per kind) and writes only its lease and run', async () => {
    counter.reset();
    const result = await sync();

    expect(result.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0, unchanged: ROWS });
    expect(counter.reads()).toBeGreaterThan(0);
    expect(counter.reads()).toBeLessThanOrEqual(19);
    expect(writesBesidesLeaseAndRun()).toEqual(new Map());
  }, 60_000);

  it(`that changes ${CHANGED} rows reads at most 20 + ${CHANGED} documents and writes those records, their entries and digests`, async () => {
    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      for (let row = 2; row < 2 + CHANGED; row += 1) roster.getRow(row).getCell(columnOf(roster, 'Name')).value = `Renamed ${row}`;
    });
    counter.reset();
    const result = await sync();

    expect(result.run.counts).toMatchObject({ created: 0, updated: CHANGED, tombstoned: 0 });
    expect(result.entries.map((entry) => entry.before)).not.toContain(null);
    expect(counter.reads()).toBeLessThanOrEqual(20 + CHANGED);
    const written = writesBesidesLeaseAndRun();
    expect(written.get('records')).toBe(CHANGED);
    expect(written.get('audit')).toBe(CHANGED);
    expect(written.get('digests')).toBeLessThanOrEqual(CHANGED);
    expect(written.get('meta')).toBe(1);
  }, 60_000);
});
