// The Firestore record store: the shared contracts of its ports on the emulator, then layout, crash recovery and parity with SQLite.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFirestoreStore, type FirestoreStoreOptions } from '../../../functions/adapters/firestore/firestore-record-store.js';
import { storeFault } from '../../../functions/adapters/firestore/firestore-errors.js';
import { DIGEST_SHARDS } from '../../../functions/adapters/firestore/record-digests.js';
import { openSqliteStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { chainDrafts, verifyChain, verifyHead } from '../../../functions/core/audit/chain.js';
import { CcegError } from '../../../functions/core/errors.js';
import type { CommitBatch } from '../../../functions/ports/record-log.port.js';
import type { RecordStore } from '../../../functions/ports/record-store.port.js';
import { firestoreForTests, type TestFirestore } from '../../support/firestore-emulator.js';
import { documentIndexContract } from '../store/document-index.contract.js';
import { editInboxContract } from '../store/edit-inbox.contract.js';
import { leasesContract } from '../store/leases.contract.js';
import { recordLogContract } from '../store/record-log.contract.js';
import { auditDraft, createBatch, documentEntry, readWholeLog, rosterData, runRecord, storedRecord } from '../store/record-store.fixtures.js';

let emulator: TestFirestore;
beforeAll(async () => {
  emulator = await firestoreForTests();
});
afterAll(async () => {
  await emulator?.stop();
});

const firestore = (): Firestore => emulator.firestore;
/** A root document of its own for every store, so tests never see each other's data. */
const freshRoot = () => `cceg-test/${randomUUID()}`;
const openAt = (rootPath: string, options: Omit<FirestoreStoreOptions, 'firestore' | 'rootPath'> = {}) =>
  openFirestoreStore({ firestore: firestore(), rootPath, ...options });

const openFresh = () => openAt(freshRoot());
recordLogContract('FirestoreRecordStore', openFresh);
leasesContract('FirestoreRecordStore', openFresh);
editInboxContract('FirestoreRecordStore', openFresh);
documentIndexContract('FirestoreRecordStore', openFresh);

/** Commits `batch` on a store that crashes after applying `chunks` chunks; the error is the simulated crash. */
async function crashDuring(rootPath: string, batch: CommitBatch, chunks: number): Promise<void> {
  const crashing = await openAt(rootPath, { faultAfterChunks: chunks });
  await expect(crashing.commit(batch)).rejects.toThrow(`simulated crash after ${chunks} applied chunks`);
  await crashing.close();
}

async function expectWholeAndVerified(store: RecordStore, records: number): Promise<void> {
  expect((await store.loadRecords()).size).toBe(records);
  const log = await readWholeLog(store);
  expect(log).toHaveLength(records);
  expect(verifyHead(verifyChain(log), await store.auditHead())).toMatchObject({ ok: true, count: records });
}

describe('FirestoreRecordStore layout', () => {
  it('keeps records, entries, the head, runs and documents where the layout says', async () => {
    const root = freshRoot();
    const store = await openAt(root);
    const batch = createBatch('run-1', 1);
    const [entry] = await store.commit(batch);
    await store.claimDocument(documentEntry('update-report', 'M-0001'));
    const at = (path: string) => firestore().doc(`${root}/${path}`).get();

    expect((await at('records/Roster/rows/P-0001')).data()).toEqual(batch.records[0]);
    expect((await at('audit/000000000001')).get('hash')).toBe(entry?.hash);
    expect((await at('meta/head')).data()).toEqual({ seq: 1, hash: entry?.hash, runId: 'run-1', digestShards: DIGEST_SHARDS });
    expect((await at('runs/run-1')).get('status')).toBe('committed');
    expect((await firestore().collection(`${root}/runs/run-1/chunks`).get()).size).toBe(0);
    expect((await at('documents/update-report/entries/M-0001')).get('location')).toBe('drive:update-report/M-0001');
  });

  it('escapes IDs Firestore would read as paths or reserve, and reads them back unchanged', async () => {
    const store = await openAt(freshRoot());
    const odd = ['A/B', '..', '__name__', '100%'];
    await store.commit({
      records: odd.map((id) => storedRecord('Organizations', id, { code: id })),
      drafts: [],
      run: runRecord('run/1', { created: odd.length }),
    });
    for (const key of odd) await store.claimDocument(documentEntry('notice', key));

    expect([...(await store.loadRecords()).keys()].sort()).toEqual(odd.map((id) => `Organizations/${id}`).sort());
    expect(await store.getRun('run/1')).toStrictEqual(runRecord('run/1', { created: odd.length }));
    for (const key of odd) expect(await store.getDocument('notice', key)).toStrictEqual(documentEntry('notice', key));
  });

  it('lets exactly one of two racing holders take a free lease', async () => {
    const root = freshRoot();
    const [one, two] = await Promise.all([openAt(root), openAt(root)]);
    const now = new Date('2025-03-01T12:00:00Z');

    const won = await Promise.all([one.acquireLease('sync:book', 'a', 60_000, now), two.acquireLease('sync:book', 'b', 60_000, now)]);
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});

describe('FirestoreRecordStore commits beyond one batch', () => {
  it('lands a 1,200-record commit completely, over several tabs, with its journal cleared', async () => {
    const root = freshRoot();
    const store = await openAt(root);
    const roster = createBatch('run-1', 1_100);
    const papers = Array.from({ length: 100 }, (_, n) => storedRecord('Papers', `PP-${n}`, { id: `PP-${n}`, title: `Paper ${n}` }, { runId: 'run-1' }));
    const batch = { ...roster, records: [...roster.records, ...papers] };

    await store.commit(batch);

    const records = await store.loadRecords();
    expect(records.size).toBe(1_200);
    expect(records.get('Papers/PP-99')).toStrictEqual(papers[99]);
    expect((await readWholeLog(store)).length).toBe(1_100);
    expect((await firestore().collection(`${root}/runs/run-1/chunks`).get()).size).toBe(0);
  });
});

describe('FirestoreRecordStore record digests', () => {
  it('keeps the digests in a fixed number of shard documents, however many records there are', async () => {
    const root = freshRoot();
    const store = await openAt(root);
    await store.commit(createBatch('run-1', 1_200));

    const shards = await firestore().collection(`${root}/digests`).get();
    expect(shards.size).toBeLessThanOrEqual(DIGEST_SHARDS);
    expect(shards.docs.reduce((sum, shard) => sum + Object.keys(shard.data()).length, 0)).toBe(1_200);
  });

  it('rebuilds the digests of a store written before they were kept, once, from the records', async () => {
    const root = freshRoot();
    const store = await openAt(root);
    await store.commit(createBatch('run-1', 5));
    const shards = await firestore().collection(`${root}/digests`).get();
    for (const shard of shards.docs) await shard.ref.delete();
    const head = (await firestore().doc(`${root}/meta/head`).get()).data()!;
    // Deleted, then written anew: the emulator's set() keeps fields it is not given.
    await firestore().doc(`${root}/meta/head`).delete();
    await firestore().doc(`${root}/meta/head`).set({ seq: head.seq, hash: head.hash, runId: head.runId });

    const { digests, auditHead } = await store.loadDigests();

    expect(auditHead).toEqual({ seq: head.seq, hash: head.hash });
    expect([...digests.keys()].sort()).toEqual([...(await store.loadRecords()).keys()].sort());
    expect((await firestore().doc(`${root}/meta/head`).get()).get('digestShards')).toBe(DIGEST_SHARDS);
    await store.commit(createBatch('run-2', 2, 6));
    expect((await store.loadDigests()).digests.size).toBe(7);
  });
});

describe('FirestoreRecordStore after a crash in the middle of a commit', () => {
  // 1,200 records and 1,200 entries make 6 chunks: crash before the first, in the middle, and after the last.
  it.each([0, 3, 6])('shows the old head until recovery, then has the whole commit (crash after %i chunks)', async (chunks) => {
    const root = freshRoot();
    const store = await openAt(root);
    const [first] = await store.commit(createBatch('run-1', 1));
    await crashDuring(root, createBatch('run-2', 1_200, 2), chunks);

    expect(await store.auditHead()).toEqual({ seq: 1, hash: first?.hash });
    expect(await store.auditPage(0, 5_000)).toHaveLength(1);
    expect(await store.getRun('run-2')).toBeNull();

    const reopened = await openAt(root);
    await expectWholeAndVerified(reopened, 1_201);
    expect(await reopened.getRun('run-2')).toStrictEqual(runRecord('run-2', { created: 1_200 }));
    expect((await reopened.loadDigests()).digests.size).toBe(1_201);
  });

  it('lets the next commit recover the interrupted one and chain after it', async () => {
    const root = freshRoot();
    await crashDuring(root, createBatch('run-1', 1_000), 2);

    const next = await openAt(root);
    const entries = await next.commit(createBatch('run-2', 5, 1_001));

    expect(entries[0]?.seq).toBe(1_001);
    await expectWholeAndVerified(next, 1_005);
  });
});

describe('FirestoreRecordStore when the sync process is killed', () => {
  const BATCH = 1_000;
  const module = (path: string) => JSON.stringify(fileURLToPath(new URL(path, import.meta.url)));
  /** The sync process: commits batch after batch to the store at argv[1] through the emulator at argv[2]. */
  const syncProcess = `
    const { openFirestoreStore } = await import(${module('../../../functions/adapters/firestore/firestore-record-store.ts')});
    const { createBatch } = await import(${module('../store/record-store.fixtures.ts')});
    const { emulatorClient } = await import(${module('../../support/firestore-emulator.ts')});
    const store = await openFirestoreStore({ firestore: emulatorClient(process.argv[2]), rootPath: process.argv[1] });
    for (let run = 1; ; run += 1) {
      const batch = createBatch('run-' + run, ${BATCH}, (run - 1) * ${BATCH} + 1);
      console.log('begin', run);
      const started = performance.now();
      await store.commit(batch);
      console.log('done', run, Math.round(performance.now() - started));
    }
  `;

  /** Starts the sync process and SIGKILLs it halfway through its third commit (timed by the second). */
  function killDuringThirdCommit(rootPath: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', syncProcess, rootPath, emulator.emulatorHost], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let lastCommitMs = 0;
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const [event, run, ms] = line.split(' ');
        if (event === 'done') lastCommitMs = Number(ms);
        if (event === 'begin' && run === '3') setTimeout(() => child.kill('SIGKILL'), Math.max(1, Math.round(lastCommitMs / 2)));
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the sync process ended with ${code}`))));
    });
  }

  it('keeps every finished commit, all or none of the interrupted one, and a chain that verifies', async () => {
    const root = freshRoot();
    await killDuringThirdCommit(root);

    const store = await openAt(root);
    const committedBefore = (await Promise.all([1, 2, 3].map((n) => store.getRun(`run-${n}`)))).filter((run) => run !== null).length;
    await store.loadRecords();
    const runs = (await Promise.all([1, 2, 3, 4].map((n) => store.getRun(`run-${n}`)))).filter((run) => run !== null);
    expect(runs.map((run) => run.id)).toEqual(['run-1', 'run-2', 'run-3'].slice(0, runs.length));
    expect(runs.length).toBeGreaterThanOrEqual(Math.max(2, committedBefore));
    await expectWholeAndVerified(store, runs.length * BATCH);
  }, 120_000);
});

describe('FirestoreRecordStore and SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-firestore-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same entries, records and chain for the same syncs, the hashes chainDrafts computes', async () => {
    const syncs: CommitBatch[] = [
      createBatch('run-1', 3),
      {
        records: [storedRecord('Roster', 'P-0002', rosterData(2, { role: 'Chair' }), { runId: 'run-2' })],
        drafts: [
          auditDraft('Roster/P-0002', 'update', { role: 'Member' }, { role: 'Chair' }),
          auditDraft('Endorsements/E-0001', 'refused', null, { decision: 'Endorse' }, { source: 'sheet-edit', actor: 'x@example.org' }),
        ],
        run: runRecord('run-2', { updated: 1, refused: 1 }),
      },
    ];
    const fire = await openAt(freshRoot());
    const lite = openSqliteStore(join(dir, 'parity.cceg.db'));

    let head = null;
    for (const sync of syncs) {
      const expected = chainDrafts(sync.drafts, head);
      expect(await fire.commit(sync)).toStrictEqual(expected);
      expect(await lite.commit(sync)).toStrictEqual(expected);
      head = { seq: expected.at(-1)!.seq, hash: expected.at(-1)!.hash };
    }

    expect(await readWholeLog(fire)).toStrictEqual(await readWholeLog(lite));
    expect(await fire.auditHead()).toEqual(await lite.auditHead());
    expect(await fire.loadRecords()).toStrictEqual(await lite.loadRecords());
    await lite.close();
  });
});

describe('FirestoreRecordStore faults', () => {
  it.each([
    [14, 'could not read the audit log: it cannot be reached.'],
    [7, 'could not read the audit log: permission denied (does the service account have the Cloud Datastore User role?).'],
    [16, 'could not read the audit log: the credentials were refused.'],
  ])('reports gRPC code %i as STORE_UNAVAILABLE in one line', (code, message) => {
    const fault = storeFault(Object.assign(new Error(`${code} SOMETHING: details\nmore`), { code }), 'read the audit log');
    expect(fault).toBeInstanceOf(CcegError);
    expect(fault).toMatchObject({ code: 'STORE_UNAVAILABLE', message: `Firestore: ${message}` });
  });

  it('reports missing credentials as STORE_UNAVAILABLE and lets programming faults through', () => {
    const noCredentials = new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication');
    expect(storeFault(noCredentials, 'read the records')).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const bug = new TypeError('x is not a function');
    expect(storeFault(bug, 'read the records')).toBe(bug);
  });

  it.each([
    ['an array inside an array', { grid: [[1, 2]] }, 'data.grid[0] is an array inside an array'],
    ['an empty field name', { '': 'x' }, 'data has an empty field name'],
    ['a reserved field name', { nested: { __name__: 'x' } }, 'data.nested.__name__ is a field name Firestore reserves'],
  ])('refuses a record holding %s before writing anything, so no recovery trips over it', async (_, data, problem) => {
    const root = freshRoot();
    const store = await openAt(root);
    const batch = createBatch('run-1', 2);

    await expect(store.commit({ ...batch, records: [storedRecord('Roster', 'P-0009', data), ...batch.records] })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: `Firestore cannot store record Roster/P-0009: ${problem}.`,
    });
    expect((await firestore().collection(`${root}/runs`).get()).size).toBe(0);
    await store.commit(batch);
    await expectWholeAndVerified(store, 2);
  });

  it('names a damaged audit entry instead of returning it', async () => {
    const root = freshRoot();
    const store = await openAt(root);
    await store.commit(createBatch('run-1', 2));
    await firestore().doc(`${root}/audit/000000000002`).set({ seq: 2, op: 'rewritten' });

    await expect(store.auditPage(0, 10)).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringContaining(`${root}/audit/000000000002 is not a valid audit entry`),
    });
  });
});
