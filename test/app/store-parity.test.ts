// SQLite and Firestore hold the same records and the same audit chain after the same syncs.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../functions/app/audit.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import type { RecordStore } from '../../functions/ports/record-store.port.js';
import { openFirestoreStore } from '../../functions/adapters/firestore/firestore-record-store.js';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { firestoreForTests, type TestFirestore } from '../support/firestore-emulator.js';
import { columnOf, editWorkbook } from '../support/workbook-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-parity-'));
let emulator: TestFirestore;

beforeAll(async () => {
  emulator = await firestoreForTests();
});
afterAll(async () => {
  await emulator?.stop();
});

/** The same three syncs (create, then an edit, a deletion and a new row) with the same clock and IDs. */
async function runSequence(store: RecordStore, path: string): Promise<void> {
  let tick = 0;
  let id = 0;
  const ports = {
    reader: new XlsxWorkbookReader(path), writer: new XlsxWorkbookWriter(path), store,
    now: () => new Date(Date.UTC(2018, 5, 1, 12, 0, tick++)), newId: () => `run-${++id}`,
  };
  const request = { workbook: 'parity.xlsx', actor: 'staff@icann.example.org', source: 'cli' as const, today: COMPLIANT_TODAY, config: DEFAULT_CONFIG };
  await syncWorkbook(ports, request);
  await editWorkbook(path, (workbook) => {
    const roster = workbook.getWorksheet('Roster')!;
    roster.getRow(3).getCell(columnOf(roster, 'Name')).value = 'Bo Lindqvist-Berg';
    const issues = workbook.getWorksheet('Issues')!;
    issues.spliceRows(3, 1);
    const row = issues.getRow(3);
    row.getCell(columnOf(issues, 'Title')).value = 'WSIS Forum 2019';
    row.getCell(columnOf(issues, 'Kind')).value = 'Event';
    row.getCell(columnOf(issues, 'Relevance')).value = 'Touches the DNS.';
  });
  await syncWorkbook(ports, request);
  await syncWorkbook(ports, request);
}

async function contents(store: RecordStore) {
  const records = [...(await store.loadRecords()).values()].sort((a, b) => `${a.tab}/${a.id}`.localeCompare(`${b.tab}/${b.id}`));
  const audit = [];
  for await (const entry of auditEntries(store)) audit.push(entry);
  return { records, audit, head: await store.auditHead() };
}

describe('the SQLite and Firestore stores', () => {
  it('hold the same records and the same audit chain after the same sequence of syncs', async () => {
    const pristine = join(dir, 'pristine.xlsx');
    expect((await cli(['init', pristine])).code).toBe(0);
    await fill(pristine, compliantWorkbookRows());
    copyFileSync(pristine, join(dir, 'sqlite.xlsx'));
    copyFileSync(pristine, join(dir, 'firestore.xlsx'));

    const sqlite = openSqliteStore(join(dir, 'parity.db'));
    const firestore = await openFirestoreStore({ firestore: emulator.firestore, rootPath: `parity/${Date.now()}` });
    await runSequence(sqlite, join(dir, 'sqlite.xlsx'));
    await runSequence(firestore, join(dir, 'firestore.xlsx'));

    const fromSqlite = await contents(sqlite);
    const fromFirestore = await contents(firestore);
    expect(fromSqlite.audit.map((entry) => entry.op).filter((op) => op !== 'create')).toEqual(['update', 'tombstone']);
    expect(fromFirestore.records).toEqual(fromSqlite.records);
    expect(fromFirestore.audit).toEqual(fromSqlite.audit);
    expect(fromFirestore.head).toEqual(fromSqlite.head);
    await sqlite.close();
    await firestore.close();
  }, 120_000);
});
