// A sync reads the data of the records it looks into, and only theirs: changed rows, vanished rows, held-back rows.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteRecordStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { readStored } from '../../functions/app/read-stored.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import type { CommitContext } from '../../functions/core/sync/diff.js';
import type { RecordLog } from '../../functions/ports/record-log.port.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { columnOf, editWorkbook } from '../support/workbook-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-read-stored-'));
const context: CommitContext = { runId: 'run-read', at: '2018-06-02T12:00:00.000Z', actor: 'staff@icann.example.org', source: 'cli' };
const pristine = join(dir, 'pristine.xlsx');
let synced: SqliteRecordStore;

/** The store, noting every key whose record is read by key. */
function spied(store: RecordLog): { store: RecordLog; asked: string[] } {
  const asked: string[] = [];
  const spy = Object.create(store) as RecordLog;
  spy.loadRecordsByKey = (keys) => {
    const wanted = [...keys];
    asked.push(...wanted);
    return store.loadRecordsByKey(wanted);
  };
  return { store: spy, asked };
}

/** Syncs the workbook at `path` into `store`; returns how many cells were written back. */
async function syncInto(path: string, store: SqliteRecordStore): Promise<number> {
  let tick = 0;
  const ports = {
    reader: new XlsxWorkbookReader(path), writer: new XlsxWorkbookWriter(path), store,
    now: () => new Date(Date.UTC(2018, 5, 1, 12, 0, tick++)), newId: () => `run-${tick++}`,
  };
  const result = await syncWorkbook(ports, { workbook: path, actor: 'staff@icann.example.org', source: 'cli', today: COMPLIANT_TODAY, config: DEFAULT_CONFIG });
  return result.cellsChanged;
}

/** The workbook at `path` synced once into a new store. */
async function syncedOnce(path: string): Promise<SqliteRecordStore> {
  copyFileSync(pristine, path);
  const store = openSqliteStore(`${path}.db`);
  await syncInto(path, store);
  return store;
}

beforeAll(async () => {
  expect((await cli(['init', pristine])).code).toBe(0);
  await fill(pristine, compliantWorkbookRows());
}, 60_000);
afterEach(async () => {
  await synced?.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readStored', () => {
  it('reads no record of a workbook that has not changed, yet knows every record by its digest', async () => {
    const path = join(dir, 'unchanged.xlsx');
    synced = await syncedOnce(path);
    const { store, asked } = spied(synced);

    const view = await readStored(store, await new XlsxWorkbookReader(path).read(), { organizations: false, context });

    expect(asked).toEqual([]);
    expect([...view.stored.keys()].sort()).toEqual([...(await synced.loadRecords()).keys()].sort());
    expect(view.diff.changes).toEqual([]);
    expect(view.auditHead).toEqual(await synced.auditHead());
  });

  it('reads the records of a changed row and of a deleted row, with their stored data', async () => {
    const path = join(dir, 'changed.xlsx');
    synced = await syncedOnce(path);
    const all = await synced.loadRecords();
    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      roster.getRow(3).getCell(columnOf(roster, 'Name')).value = 'Bo Lindqvist-Berg';
      workbook.getWorksheet('Issues')!.spliceRows(3, 1);
    });
    const { store, asked } = spied(synced);

    const view = await readStored(store, await new XlsxWorkbookReader(path).read(), { organizations: false, context });

    expect(asked.map((key) => key.split('/')[0]).sort()).toEqual(['Issues', 'Roster']);
    for (const key of asked) expect(view.stored.get(key)).toStrictEqual(all.get(key));
    // The diff holds the stored versions it read: what the audit entries' `before` is drawn from.
    expect(view.diff.changes.map((change) => [change.op, change.before])).toStrictEqual(
      view.diff.changes.map((change) => [change.op, all.get(`${change.after.tab}/${change.after.id}`)]),
    );
    expect(view.diff.changes.map((change) => change.op).sort()).toEqual(['tombstone', 'update']);
  });

  it('takes an ID typed in another case for the stored record it names: nothing vanished, read or tombstoned', async () => {
    const path = join(dir, 'other-case.xlsx');
    synced = await syncedOnce(path);
    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      const cell = roster.getRow(3).getCell(columnOf(roster, 'ID'));
      cell.value = String(cell.value).toLowerCase();
    });
    const { store, asked } = spied(synced);

    const view = await readStored(store, await new XlsxWorkbookReader(path).read(), { organizations: false, context });

    expect(asked).toEqual([]);
    expect(view.diff.changes).toEqual([]);
  });

  it('reads every live organization when the access policy of sheet edits needs their contacts', async () => {
    const path = join(dir, 'organizations.xlsx');
    synced = await syncedOnce(path);
    const organizations = [...(await synced.loadRecords()).values()].filter((record) => record.tab === 'Organizations');
    const { store, asked } = spied(synced);

    await readStored(store, await new XlsxWorkbookReader(path).read(), { organizations: true, context });

    expect(asked.sort()).toEqual(organizations.map((record) => `Organizations/${record.id}`).sort());
  });

  it("remembers the rows' hashes once a sync leaves the file as it read it, and gives them only to a read of the same bytes", async () => {
    const path = join(dir, 'remembered.xlsx');
    // The first sync writes IDs and statuses back: the file it read is gone, and nothing is remembered.
    synced = await syncedOnce(path);
    const read = () => new XlsxWorkbookReader(path).read();
    const written = await read();
    expect(written.fingerprint).toMatch(/^xlsx-sha256:[0-9a-f]{64}$/);
    expect(await synced.rememberedRowHashes(written.fingerprint!)).toBeNull();

    expect(await syncInto(path, synced)).toBe(0);
    const remembered = await synced.rememberedRowHashes(written.fingerprint!);
    expect(remembered?.get('Roster')?.length).toBeGreaterThan(0);
    const view = await readStored(synced, await read(), { organizations: false, context });
    expect(view.rowHashesRemembered).toBe(true);
    expect(view.diff.changes).toEqual([]);
    // What was remembered is what hashing the rows afresh gives.
    const forgetful = Object.create(synced) as RecordLog;
    forgetful.rememberedRowHashes = async () => null;
    const fresh = await readStored(forgetful, await read(), { organizations: false, context });
    expect(fresh.rowHashesRemembered).toBe(false);
    expect(fresh.diff.rowHashes).toEqual(remembered);

    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      roster.getRow(3).getCell(columnOf(roster, 'Name')).value = 'Bo Lindqvist-Berg';
    });
    const edited = await read();
    expect(edited.fingerprint).not.toBe(written.fingerprint);
    const after = await readStored(synced, edited, { organizations: false, context });
    expect(after.rowHashesRemembered).toBe(false);
    expect(after.diff.changes.map((change) => [change.op, change.after.tab])).toEqual([['update', 'Roster']]);
  });
});
