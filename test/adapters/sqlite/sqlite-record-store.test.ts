// The SQLite record store: the shared contracts of its ports on a temp file, then WAL, reopening, bad files, locks and tampering.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { chainDrafts, verifyChain, verifyHead } from '../../../functions/core/audit/chain.js';
import type { CcegError } from '../../../functions/core/errors.js';
import { encodeRowHashes, ROW_HASHES_SCHEME, type RememberedRows } from '../../../functions/core/sync/row-hashes.js';
import { documentIndexContract } from '../store/document-index.contract.js';
import { editInboxContract } from '../store/edit-inbox.contract.js';
import { leasesContract } from '../store/leases.contract.js';
import { recordLogContract } from '../store/record-log.contract.js';
import { at, auditDraft, createBatch, documentEntry, readWholeLog, rosterData, runRecord, sheetEdit, storedRecord, T0 } from '../store/record-store.fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = (name = 'store') => join(dir, `${name}-${++files}.cceg.db`);

/** Runs SQL on the file through a connection of its own, as another program (or an attacker) would. */
function withRawDatabase<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

async function faultOf(work: () => unknown): Promise<Pick<CcegError, 'code' | 'message'>> {
  const error = (await Promise.resolve().then(work).then(() => null, (caught: unknown) => caught)) as CcegError | null;
  expect(error, 'the call should have failed').not.toBeNull();
  return { code: error!.code, message: error!.message };
}

/** A closed store file holding `batches` commits of `size` records each. */
async function storeFileWith(batches: number, size: number): Promise<string> {
  const path = newPath();
  const store = openSqliteStore(path);
  for (let run = 0; run < batches; run += 1) await store.commit(createBatch(`run-${run + 1}`, size, run * size + 1));
  await store.close();
  return path;
}

const openFresh = async () => openSqliteStore(newPath());
recordLogContract('SqliteRecordStore', openFresh);
leasesContract('SqliteRecordStore', openFresh);
editInboxContract('SqliteRecordStore', openFresh);
documentIndexContract('SqliteRecordStore', openFresh);

describe('SqliteRecordStore on disk', () => {
  it('keeps a real database file in WAL mode, with the schema version in meta', async () => {
    const path = await storeFileWith(1, 3);

    expect(statSync(path).isFile()).toBe(true);
    withRawDatabase(path, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('3');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all())
        .toEqual(['audit', 'documents', 'edits', 'leases', 'meta', 'nonces', 'records', 'runs']);
    });
  });

  it('upgrades a schema-1 file in place: its records stay and it gains the edits table', async () => {
    const path = await storeFileWith(1, 2);
    withRawDatabase(path, (db) => db.exec("DROP TABLE edits; UPDATE meta SET value = '1' WHERE key = 'schema_version'"));

    const store = openSqliteStore(path);
    expect((await store.loadRecords()).size).toBe(2);
    expect(await store.recordEdit(sheetEdit(1))).toBe(true);
    await store.close();
    withRawDatabase(path, (db) => expect(db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe('3'));
  });

  it('keeps records, the log, runs, leases, nonces and documents when the file is reopened', async () => {
    const path = newPath();
    const first = openSqliteStore(path);
    await first.commit(createBatch('run-1', 5));
    await first.commit(createBatch('run-2', 5, 6));
    await first.acquireLease('sync:book', 'a', 60_000, T0);
    await first.rememberNonce('n-1', T0);
    await first.claimDocument(documentEntry('notice', 'PP-0001'));
    const records = await first.loadRecords();
    const log = await readWholeLog(first);
    await first.close();

    const reopened = openSqliteStore(path);
    expect(await reopened.loadRecords()).toStrictEqual(records);
    expect(await readWholeLog(reopened)).toStrictEqual(log);
    expect(verifyHead(verifyChain(log), await reopened.auditHead())).toMatchObject({ ok: true, count: 10 });
    expect(await reopened.getRun('run-2')).not.toBeNull();
    expect(await reopened.acquireLease('sync:book', 'b', 60_000, T0)).toBe(false);
    expect(await reopened.rememberNonce('n-1', T0)).toBe(false);
    expect(await reopened.getDocument('notice', 'PP-0001')).toStrictEqual(documentEntry('notice', 'PP-0001'));
    await reopened.close();
  });

  it("remembers one workbook file's row hashes across reopening, in meta, and forgets them for the next file's", async () => {
    const path = newPath();
    const first = openSqliteStore(path);
    const a = 'a'.repeat(64);
    const one: RememberedRows = { hashes: new Map([['Roster', [a, null]]]), settled: { head: { seq: 3, hash: 'b'.repeat(64) }, heldBack: [{ tab: 'Roster', sheetRow: 3, id: 'P-0002', hasCommittedVersion: true }], lastCommittedAt: T0.toISOString() } };
    await first.rememberRowHashes('xlsx-sha256:one', one);
    await first.close();

    const second = openSqliteStore(path);
    expect(await second.rememberedRowHashes('xlsx-sha256:one')).toEqual(one);
    expect(await second.rememberedRowHashes('xlsx-sha256:two')).toBeNull();
    await second.rememberRowHashes('xlsx-sha256:two', { hashes: new Map([['Roster', []]]), settled: null });
    expect(await second.rememberedRowHashes('xlsx-sha256:one')).toBeNull();
    expect(await second.rememberedRowHashes('xlsx-sha256:two')).toEqual({ hashes: new Map([['Roster', []]]), settled: null });
    await second.close();
    // A cache in meta: the schema stays as it was, so an older cceg still opens the file.
    expect(withRawDatabase(path, (db) => db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get())).toBe('3');
  });

  it("keeps the remembered rows' head beside them, and does not read the rows of another file", async () => {
    const path = newPath();
    const store = openSqliteStore(path);
    const kept: RememberedRows = { hashes: new Map([['Roster', ['c'.repeat(64)]]]), settled: null };
    await store.rememberRowHashes('xlsx-sha256:one', kept);
    await store.close();
    const meta = (key: string) => withRawDatabase(path, (db) => db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key));
    expect(meta('row_hashes')!.startsWith(meta('row_hashes_head')!)).toBe(true);
    expect(meta('row_hashes_head')).toBe(`${ROW_HASHES_SCHEME} xlsx-sha256:one\n-`);

    // The rows themselves made a value that fails when read (bytes, not text): only a sync of the file they are of reads them.
    withRawDatabase(path, (db) => db.prepare("UPDATE meta SET value = X'FF' WHERE key = 'row_hashes'").run());
    const reopened = openSqliteStore(path);
    expect(await reopened.rememberedRowHashes('xlsx-sha256:two')).toBeNull();
    await expect(reopened.rememberedRowHashes('xlsx-sha256:one')).rejects.toThrow();
    await reopened.close();
  });

  it('reads rows an older cceg kept without a head, and takes the rows, not a head naming another file, as the truth', async () => {
    const path = newPath();
    const store = openSqliteStore(path);
    const kept: RememberedRows = { hashes: new Map([['Roster', ['d'.repeat(64)]]]), settled: { head: null, heldBack: [], lastCommittedAt: null } };
    await store.rememberRowHashes('xlsx-sha256:one', kept);
    await store.close();
    withRawDatabase(path, (db) => db.prepare("DELETE FROM meta WHERE key = 'row_hashes_head'").run());
    const older = openSqliteStore(path);
    expect(await older.rememberedRowHashes('xlsx-sha256:one')).toEqual(kept);
    await older.close();

    // An older cceg rewrote the rows for file two and left the head of file one: file one's rows are not taken.
    const two: RememberedRows = { hashes: new Map([['Roster', ['e'.repeat(64)]]]), settled: null };
    const rewritten = openSqliteStore(path);
    await rewritten.rememberRowHashes('xlsx-sha256:one', kept);
    await rewritten.close();
    withRawDatabase(path, (db) => db.prepare("UPDATE meta SET value = ? WHERE key = 'row_hashes'").run(encodeRowHashes('xlsx-sha256:two', two)));
    const stale = openSqliteStore(path);
    expect(await stale.rememberedRowHashes('xlsx-sha256:one')).toBeNull();
    await stale.close();
  });

  it('commits 20,000 records with their entries in one transaction, in seconds', async () => {
    const store = openSqliteStore(newPath());
    const batch = createBatch('run-1', 20_000);
    const started = performance.now();
    await store.commit(batch);
    const elapsedMs = performance.now() - started;

    expect((await store.loadRecords()).size).toBe(20_000);
    expect(verifyChain(await readWholeLog(store, 5_000))).toMatchObject({ ok: true, count: 20_000 });
    expect(elapsedMs).toBeLessThan(5_000);
    await store.close();
  });
});

describe('SqliteRecordStore refuses a file it cannot use, with one line and without touching it', () => {
  const cases: { name: string; make: () => Promise<string>; reason: RegExp }[] = [
    { name: 'a text file', reason: /not a SQLite database/, make: async () => writeText(newPath('text'), 'Name,Role\nAda,Chair\n'.repeat(20)) },
    { name: 'a two-byte file', reason: /not a SQLite database/, make: async () => writeText(newPath('tiny'), 'hi') },
    { name: 'a store whose pages are damaged', reason: /damaged/, make: async () => damage(await storeFileWith(1, 2_000)) },
    {
      name: "another program's database",
      reason: /another program/,
      make: async () => {
        const path = newPath('other');
        withRawDatabase(path, (db) => db.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\')'));
        return path;
      },
    },
    {
      name: 'a store written by a newer cceg',
      reason: /newer cceg \(schema 99; this one knows up to 3\)/,
      make: async () => {
        const path = await storeFileWith(1, 1);
        withRawDatabase(path, (db) => db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'"));
        return path;
      },
    },
  ];

  it.each(cases)('$name', async ({ make, reason }) => {
    const path = await make();
    const bytes = readFileSync(path);

    const fault = await faultOf(() => openSqliteStore(path));
    expect(fault.code).toBe('STORE_UNAVAILABLE');
    expect(fault.message).toMatch(reason);
    expect(fault.message.startsWith(`${path}: `)).toBe(true);
    expect(fault.message).not.toContain('\n');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it.each([
    { name: 'a folder', path: () => mkdirAndReturn(join(dir, `folder-${++files}`)), reason: /cannot open the file/ },
    { name: 'a file in a missing folder', path: () => join(dir, 'missing', 'store.cceg.db'), reason: /its folder does not exist/ },
  ])('$name', async ({ path, reason }) => {
    const fault = await faultOf(() => openSqliteStore(path()));
    expect(fault).toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(reason) });
    expect(fault.message).not.toContain('\n');
  });
});

describe('SqliteRecordStore under another process', () => {
  it('fails a commit with STORE_UNAVAILABLE after the busy timeout while another connection holds the lock, writing nothing', async () => {
    const path = await storeFileWith(1, 3);
    const store = openSqliteStore(path, { busyTimeoutMs: 150 });
    const holder = new Database(path);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const started = performance.now();
      const fault = await faultOf(() => store.commit(createBatch('run-2', 10, 4)));
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(fault).toEqual({ code: 'STORE_UNAVAILABLE', message: `${path}: the database is locked by another process (waited 150 ms).` });
      expect(await faultOf(() => store.acquireLease('sync:book', 'a', 1_000, T0))).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }

    expect((await store.loadRecords()).size).toBe(3);
    expect(await store.auditHead()).toMatchObject({ seq: 3 });
    expect(await store.getRun('run-2')).toBeNull();
    await store.close();
  });
});

describe('SqliteRecordStore makes tampering with the log visible', () => {
  const rehashed = (path: string, seq: number) =>
    withRawDatabase(path, (db) => {
      const row = db.prepare<[number], { prev_hash: string }>('SELECT prev_hash FROM audit WHERE seq = ?').get(seq)!;
      const [forged] = chainDrafts([auditDraft(`Roster/P-000${seq}`, 'create', null, { forged: true })], { seq: seq - 1, hash: row.prev_hash });
      db.prepare('UPDATE audit SET after = ?, hash = ? WHERE seq = ?').run(JSON.stringify(forged!.after), forged!.hash, seq);
    });

  it.each([
    { change: "an entry's after is edited", seq: 3, reason: /entry 3 was altered/, tamper: (path: string) => sql(path, `UPDATE audit SET after = '{"role":"Chair"}' WHERE seq = 3`) },
    { change: 'a middle entry is deleted', seq: 3, reason: /entry 3 is missing/, tamper: (path: string) => sql(path, 'DELETE FROM audit WHERE seq = 3') },
    { change: 'the last entry is deleted', seq: 5, reason: /entry 5 is missing \(the log should end at 5\)/, tamper: (path: string) => sql(path, 'DELETE FROM audit WHERE seq = 5') },
    { change: 'an entry is rewritten with a fresh hash', seq: 3, reason: /entry 3 does not link to entry 2/, tamper: (path: string) => rehashed(path, 2) },
    { change: 'the last entry is rewritten with a fresh hash', seq: 5, reason: /entry 5 does not match the recorded head/, tamper: (path: string) => rehashed(path, 5) },
  ])('when $change, the check names seq $seq', async ({ tamper, seq, reason }) => {
    const path = await storeFileWith(1, 5);
    tamper(path);

    const store = openSqliteStore(path);
    const verdict = verifyHead(verifyChain(await readWholeLog(store)), await store.auditHead());
    await store.close();
    expect(verdict).toMatchObject({ ok: false, seq, reason: expect.stringMatching(reason) });
  });
});

describe('SqliteRecordStore refuses a record digest that is not well formed', () => {
  it.each([
    { change: 'an upper-case hash', hash: 'A'.repeat(64) },
    { change: 'a hash one digit short', hash: 'a'.repeat(63) },
    { change: 'a hash with a letter past f', hash: `${'a'.repeat(63)}g` },
    { change: 'a tombstone that is neither 0 nor 1', hash: null },
  ])('names the record when a digest has $change', async ({ hash }) => {
    const path = await storeFileWith(1, 3);
    sql(path, hash === null ? "UPDATE records SET tombstoned = 2 WHERE id = 'P-0002'" : `UPDATE records SET hash = '${hash}' WHERE id = 'P-0002'`);

    const store = openSqliteStore(path);
    const faults = [await faultOf(() => store.loadDigests()), await faultOf(() => store.loadDigestTabs())];
    await store.close();
    for (const fault of faults) {
      expect(fault.code).toBe('STORE_UNAVAILABLE');
      expect(fault.message).toContain('Roster/P-0002');
    }
  });
});

describe('SqliteRecordStore refuses a record that is not well formed when it reads it whole', () => {
  it.each([
    { change: 'data that is a list', statement: "UPDATE records SET data = '[1, 2]' WHERE id = 'P-0002'" },
    { change: 'data that is a number', statement: "UPDATE records SET data = '7' WHERE id = 'P-0002'" },
    { change: 'data that is not JSON', statement: "UPDATE records SET data = '{' WHERE id = 'P-0002'" },
    { change: 'a tombstone that is neither 0 nor 1', statement: "UPDATE records SET tombstoned = 2 WHERE id = 'P-0002'" },
    { change: 'an upper-case hash', statement: `UPDATE records SET hash = '${'A'.repeat(64)}' WHERE id = 'P-0002'` },
  ])('names the record when it has $change', async ({ statement }) => {
    const path = await storeFileWith(1, 3);
    sql(path, statement);

    const store = openSqliteStore(path);
    const faults = [await faultOf(() => store.loadRecordsByKey(['Roster/P-0002'])), await faultOf(() => store.loadRecords())];
    await store.close();
    for (const fault of faults) {
      expect(fault.code).toBe('STORE_UNAVAILABLE');
      expect(fault.message).toContain('Roster/P-0002');
    }
  });

  it('reads a well-formed record as it was committed, its data an object of its own', async () => {
    const path = await storeFileWith(1, 3);
    const store = openSqliteStore(path);
    const record = (await store.loadRecordsByKey(['Roster/P-0002'])).get('Roster/P-0002');
    await store.close();
    expect(record).toEqual(storedRecord('Roster', 'P-0002', rosterData(2)));
  });
});

describe('SqliteRecordStore reads the digests by tab as loadDigests lists them', () => {
  /** The keys of the digests by tab, in the order a sync meets them, and those of `loadDigests`. */
  async function keyOrders(path: string): Promise<{ byTab: string[]; listed: string[]; last: string | null; latest: string | null }> {
    const store = openSqliteStore(path);
    try {
      const { stored } = await store.loadDigestTabs();
      const { digests } = await store.loadDigests();
      const latest = [...digests.values()].reduce<string | null>((max, digest) => (max === null || digest.committedAt > max ? digest.committedAt : max), null);
      return { byTab: [...stored.asMap().keys()], listed: [...digests.keys()], last: stored.lastCommittedAt(), latest };
    } finally {
      await store.close();
    }
  }

  it('tab by tab in the order of their names, each by ID, with the latest commit time of them all', async () => {
    const path = await storeFileWith(1, 3);
    const store = openSqliteStore(path);
    const later = at(90_000).toISOString();
    const records = [
      storedRecord('Organizations', 'GNSO', { code: 'GNSO' }, { committedAt: later }),
      storedRecord('Meetings', 'M-0002', { id: 'M-0002' }, { tombstoned: true }),
      storedRecord('Meetings', 'M-0001', { id: 'M-0001' }),
    ];
    await store.commit({ records, drafts: records.map((record) => auditDraft(`${record.tab}/${record.id}`, 'create', null, record.data)), run: runRecord('run-2') });
    await store.close();

    const { byTab, listed, last, latest } = await keyOrders(path);
    expect(byTab).toEqual(['Meetings/M-0001', 'Meetings/M-0002', 'Organizations/GNSO', 'Roster/P-0001', 'Roster/P-0002', 'Roster/P-0003']);
    expect(byTab).toEqual(listed);
    expect(last).toBe(later);
    expect(latest).toBe(later);
  });

  it('in the order SQLite sorts IDs that JavaScript sorts otherwise (a character past U+FFFF and one just below it)', async () => {
    const path = await storeFileWith(1, 3);
    sql(path, "UPDATE records SET id = 'P-\uFFFD' WHERE id = 'P-0001'");
    sql(path, "UPDATE records SET id = 'P-\u{1F600}' WHERE id = 'P-0002'");
    const { byTab, listed } = await keyOrders(path);
    expect(byTab).toEqual(listed);
    expect(listed.indexOf('Roster/P-\uFFFD')).toBeLessThan(listed.indexOf('Roster/P-\u{1F600}'));
  });
});

function writeText(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

function mkdirAndReturn(path: string): string {
  mkdirSync(path);
  return path;
}

function sql(path: string, statement: string): void {
  withRawDatabase(path, (db) => db.exec(statement));
}

/** Overwrites 8 KiB in the middle of the file: the header stays valid, some pages do not. */
function damage(path: string): string {
  const bytes = readFileSync(path);
  bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8_192);
  writeFileSync(path, bytes);
  return path;
}
