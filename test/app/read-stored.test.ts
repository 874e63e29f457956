// A sync reads the data of the records it looks into, and only theirs: changed rows, vanished rows, held-back rows.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteRecordStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { readStored } from '../../functions/app/read-stored.js';
import { syncWorkbook, type SyncRequest, type SyncResult } from '../../functions/app/sync.js';
import { contentHash } from '../../functions/core/canonical-json.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import type { CommitContext } from '../../functions/core/sync/diff.js';
import type { RecordLog } from '../../functions/ports/record-log.port.js';
import type { WorkbookReader, WorkbookWriter } from '../../functions/ports/workbook.port.js';
import type { WriteBackPlan } from '../../functions/core/sync/write-back-plan.js';
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

/** The filled workbook as `name`, its Roster row 3 with an email that is not one (held back by every sync). */
async function withHeldBackRow(name: string): Promise<string> {
  const path = join(dir, name);
  copyFileSync(pristine, path);
  await editWorkbook(path, (workbook) => {
    const roster = workbook.getWorksheet('Roster')!;
    roster.getRow(3).getCell(columnOf(roster, 'Email')).value = 'not-an-email';
  });
  return path;
}

/** The store, remembering nothing of any workbook file: the sync reads the digests and diffs every row. */
function forgetting(store: RecordLog): RecordLog {
  const forgetful = Object.create(store) as RecordLog;
  forgetful.rememberedRowHashes = async () => null;
  return forgetful;
}

/** Syncs the workbook at `path` into `store`, through the reader and writer of the file unless others are given. */
async function syncResult(
  path: string, store: SqliteRecordStore, options: Partial<Pick<SyncRequest, 'today' | 'codeVersion'>> & { reader?: WorkbookReader; writer?: WorkbookWriter } = {},
): Promise<SyncResult> {
  let tick = 0;
  const ports = {
    reader: options.reader ?? new XlsxWorkbookReader(path), writer: options.writer ?? new XlsxWorkbookWriter(path), store,
    now: () => new Date(Date.UTC(2018, 5, 1, 12, 0, tick++)), newId: () => `run-${tick++}`,
  };
  return syncWorkbook(ports, {
    workbook: path, actor: 'staff@icann.example.org', source: 'cli', today: options.today ?? COMPLIANT_TODAY, config: DEFAULT_CONFIG, codeVersion: options.codeVersion,
  });
}

/** Syncs the workbook at `path` into `store`; returns how many cells were written back. */
async function syncInto(path: string, store: SqliteRecordStore): Promise<number> {
  return (await syncResult(path, store)).cellsChanged;
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
    expect(remembered?.hashes.get('Roster')?.length).toBeGreaterThan(0);
    // That sync had nothing to do: what it found is remembered with the head it left.
    expect(remembered?.settled?.head).toEqual(await synced.auditHead());
    const view = await readStored(synced, await read(), { organizations: false, context });
    expect(view.rowHashesRemembered).toBe(true);
    expect(view.settledBefore).toBe(true);
    expect(view.diff.changes).toEqual([]);
    // What was remembered is what hashing the rows afresh, and diffing them with the digests, gives.
    const forgetful = forgetting(synced);
    const fresh = await readStored(forgetful, await read(), { organizations: false, context });
    expect(fresh.rowHashesRemembered).toBe(false);
    expect(fresh.settledBefore).toBe(false);
    expect(fresh.diff.rowHashes).toEqual(remembered?.hashes);
    expect(view.diff).toEqual(fresh.diff);
    expect([view.auditHead, view.lastCommittedAt, view.parsed]).toEqual([fresh.auditHead, fresh.lastCommittedAt, fresh.parsed]);

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

  it('takes what the last sync of the same bytes found only while no record is committed after it, held-back rows included', async () => {
    // A row held back for a data error: the settled sync must find it again, with its committed version.
    const path = await withHeldBackRow('settled.xlsx');
    synced = openSqliteStore(`${path}.db`);
    await syncInto(path, synced);
    expect(await syncInto(path, synced)).toBe(0);
    const raw = await new XlsxWorkbookReader(path).read();
    const forgetful = forgetting(synced);

    const settled = await readStored(synced, raw, { organizations: false, context });
    const fresh = await readStored(forgetful, raw, { organizations: false, context });
    expect(settled.settledBefore).toBe(true);
    expect(settled.diff.heldBack.length).toBeGreaterThan(0);
    expect(settled.diff).toEqual(fresh.diff);
    for (const row of fresh.diff.heldBack) expect(settled.stored.get(`${row.tab}/${row.id}`)).toEqual(fresh.stored.get(`${row.tab}/${row.id}`));

    // A commit made since (another head): the digests are read and the rows diffed again, as a sync always did.
    const [record] = [...(await synced.loadRecords()).values()].filter((candidate) => candidate.tab === 'Issues');
    const changedData = { ...record!.data, title: 'Changed in the store' };
    await synced.commit({
      records: [{ ...record!, data: changedData, hash: contentHash(changedData), committedAt: context.at, runId: 'run-store' }],
      drafts: [{ at: context.at, actor: 'staff@icann.example.org', source: 'cli', entity: `Issues/${record!.id}`, op: 'update', before: record!.data, after: { ...record!.data, title: 'Changed in the store' } }],
      run: { id: 'run-store', workbook: path, actor: 'staff@icann.example.org', source: 'cli', startedAt: context.at, finishedAt: context.at, durationMs: 0, counts: { created: 0, updated: 1, tombstoned: 0, refused: 0, unchanged: 0, notCommitted: 0 }, findings: { errors: 0, warnings: 0 } },
    });
    const after = await readStored(synced, raw, { organizations: false, context });
    expect(after.settledBefore).toBe(false);
    expect(after.diff.changes.map((change) => [change.op, `${change.after.tab}/${change.after.id}`])).toEqual([['update', `Issues/${record!.id}`]]);
  });

  it('syncs the same bytes again, settled, to the same findings, counts, rows and head as the sync that read and diffed them', async () => {
    const path = await withHeldBackRow('same-result.xlsx');
    synced = openSqliteStore(`${path}.db`);
    await syncResult(path, synced);
    const diffed = await syncResult(path, synced);
    let digestReads = 0;
    const loadDigestTabs = synced.loadDigestTabs.bind(synced);
    synced.loadDigestTabs = async () => (digestReads++, loadDigestTabs());
    const settled = await syncResult(path, synced);
    expect(digestReads).toBe(0);
    const outcome = (result: SyncResult) => ({ ...result, run: { ...result.run, id: '', startedAt: '', finishedAt: '', durationMs: 0 } });
    expect(diffed.cellsChanged).toBe(0);
    expect(diffed.run.counts.notCommitted).toBeGreaterThan(0);
    expect(outcome(settled)).toEqual(outcome(diffed));
  });

  it('plans no write-back for the bytes a settled sync left, from the same day, configuration, documents and cceg; plans again from others', async () => {
    const path = join(dir, 'unplanned.xlsx');
    synced = await syncedOnce(path);
    expect((await syncResult(path, synced, { codeVersion: '1.0.0' })).cellsChanged).toBe(0);
    const raw = await new XlsxWorkbookReader(path).read();
    expect((await synced.rememberedRowHashes(raw.fingerprint!))?.settled?.writeBackKey).toMatch(/^[0-9a-f]{64}$/);
    // The same bytes, as far as the fingerprint says, but a Dashboard read empty: only a sync that plans sees it.
    const emptiedDashboard: WorkbookReader = { read: async () => ({ ...raw, tabs: raw.tabs.map((tab) => (tab.name === 'Dashboard' ? { ...tab, rows: [] } : tab)) }) };
    const plans: WriteBackPlan[] = [];
    const writer: WorkbookWriter = { applyWriteBack: async (plan) => (plans.push(plan), { cellsChanged: 1 }) };
    const planned = async (options: Partial<Pick<SyncRequest, 'today' | 'codeVersion'>>) => {
      plans.length = 0;
      await syncResult(path, synced, { ...options, reader: emptiedDashboard, writer });
      return plans.flatMap((plan) => plan.tables.map((table) => table.tab));
    };

    expect(await planned({ codeVersion: '1.0.0' })).toEqual([]);
    expect(await planned({ codeVersion: '1.0.1' })).toEqual(['Dashboard']);
    expect(await planned({ codeVersion: '1.0.0', today: '2018-06-02' })).toEqual(['Dashboard']);
    expect(await planned({})).toEqual(['Dashboard']);
  });

  it('does not take what a settled sync found for the access policy of sheet edits, which reads every organization', async () => {
    const path = join(dir, 'policy.xlsx');
    synced = await syncedOnce(path);
    expect(await syncInto(path, synced)).toBe(0);
    const view = await readStored(synced, await new XlsxWorkbookReader(path).read(), { organizations: true, context });
    expect(view.settledBefore).toBe(false);
    expect([...view.stored.values()].some((record) => record.tab === 'Organizations' && record.data !== undefined && Object.keys(record.data).length > 0)).toBe(true);
  });
});
