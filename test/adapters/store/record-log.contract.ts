// The record-log contract: records, digests, the audit chain and runs; every adapter (SQLite, Firestore) registers it with its own `open`.
import { describe, expect, it } from 'vitest';
import { chainDrafts, GENESIS_HASH, verifyChain, verifyHead } from '../../../functions/core/audit/chain.js';
import { recordKey, type StoredRecord } from '../../../functions/core/records/stored-record.js';
import { StoredTabs } from '../../../functions/core/records/stored-tabs.js';
import type { RecordLog } from '../../../functions/ports/record-log.port.js';
import { at, auditDraft, createBatch, readWholeLog, rosterData, runRecord, storedRecord } from './record-store.fixtures.js';
import { openForEachCase, type Opened } from './opened.js';

/** Adapter-specific knobs of the contract. */
export interface RecordLogContractOptions {
  /** Records in the one-batch commit; above Firestore's 500 writes per batch (default 1,200). */
  readonly largeBatch?: number;
}

/** Registers the record-log contract for an adapter; `open` must return a new, empty store each time. */
export function recordLogContract(name: string, open: () => Promise<Opened<RecordLog>>, options: RecordLogContractOptions = {}): void {
  const largeBatch = options.largeBatch ?? 1_200;

  describe(`${name} keeps the record-log contract`, () => {
    let store!: Opened<RecordLog>;
    openForEachCase(open, (opened) => (store = opened));

    describe('records and the audit chain', () => {
      it('an empty store has no records, no head and an empty audit log', async () => {
        expect((await store.loadRecords()).size).toBe(0);
        expect(await store.auditHead()).toBeNull();
        expect(await store.auditPage(0, 10)).toEqual([]);
        expect(await store.getRun('run-1')).toBeNull();
      });

      it('a commit creates its records and chains its entries from seq 1', async () => {
        const batch = createBatch('run-1', 3);
        const entries = await store.commit(batch);

        expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
        expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
        expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
        expect(entries.map((entry) => entry.entity)).toEqual(['Roster/P-0001', 'Roster/P-0002', 'Roster/P-0003']);
        const records = await store.loadRecords();
        expect([...records.keys()].sort()).toEqual(['Roster/P-0001', 'Roster/P-0002', 'Roster/P-0003']);
        expect(records.get('Roster/P-0002')).toStrictEqual(batch.records[1]);
        expect(await store.auditPage(0, 10)).toStrictEqual(entries);
        expect(verifyChain(entries)).toEqual({ ok: true, count: 3, head: { seq: 3, hash: entries[2]?.hash } });
      });

      it('a second commit continues the chain from the head', async () => {
        const first = await store.commit(createBatch('run-1', 2));
        const second = await store.commit(createBatch('run-2', 2, 3));

        expect(second.map((entry) => entry.seq)).toEqual([3, 4]);
        expect(second[0]?.prevHash).toBe(first[1]?.hash);
        const log = await readWholeLog(store);
        expect(verifyHead(verifyChain(log), await store.auditHead())).toMatchObject({ ok: true, count: 4 });
      });

      it('a commit given its drafts chained after the head it read writes those entries, and chains afresh after another head', async () => {
        await store.commit(createBatch('run-1', 2));
        const head = await store.auditHead();
        const batch = createBatch('run-2', 2, 3);
        const chained = chainDrafts(batch.drafts, head);
        expect(await store.commit({ ...batch, chained: { after: head, entries: chained } })).toEqual(chained);

        // Chained after a head that is no longer the head (seq 2, not 4): the store chains the drafts after its own.
        const late = createBatch('run-3', 1, 5);
        const entries = await store.commit({ ...late, chained: { after: head, entries: chainDrafts(late.drafts, head) } });
        expect(entries.map((entry) => entry.seq)).toEqual([5]);
        expect(entries[0]?.prevHash).toBe(chained[1]?.hash);
        expect(verifyHead(verifyChain(await readWholeLog(store)), await store.auditHead())).toMatchObject({ ok: true, count: 5 });
      });

      it('updates and tombstones replace the record state, and tombstoned records are kept', async () => {
        await store.commit(createBatch('run-1', 2));
        const updated = storedRecord('Roster', 'P-0001', rosterData(1, { role: 'Chair' }), { runId: 'run-2' });
        const tombstoned = storedRecord('Roster', 'P-0002', rosterData(2), { tombstoned: true, runId: 'run-2' });
        await store.commit({
          records: [updated, tombstoned],
          drafts: [
            auditDraft('Roster/P-0001', 'update', { role: 'Member' }, { role: 'Chair' }),
            auditDraft('Roster/P-0002', 'tombstone', rosterData(2), null),
          ],
          run: runRecord('run-2', { updated: 1, tombstoned: 1 }),
        });

        const records = await store.loadRecords();
        expect(records.size).toBe(2);
        expect(records.get('Roster/P-0001')).toStrictEqual(updated);
        expect(records.get('Roster/P-0002')).toStrictEqual(tombstoned);
        expect((await store.auditPage(2, 10)).map((entry) => entry.op)).toEqual(['update', 'tombstone']);
      });

      it('a commit of refusals alone writes its entries and run but no records', async () => {
        const entries = await store.commit({
          records: [],
          drafts: [auditDraft('Endorsements/E-0001', 'refused', { decision: 'Pending' }, { decision: 'Endorse' }, { source: 'sheet-edit' })],
          run: runRecord('run-1', { refused: 1 }),
        });

        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({ seq: 1, op: 'refused', source: 'sheet-edit', before: { decision: 'Pending' } });
        expect((await store.loadRecords()).size).toBe(0);
      });

      it('a commit without changes records its run and leaves the chain as it was', async () => {
        const [only] = await store.commit(createBatch('run-1', 1));
        expect(await store.commit({ records: [], drafts: [], run: runRecord('run-2', { unchanged: 1 }) })).toEqual([]);

        expect(await store.getRun('run-2')).toStrictEqual(runRecord('run-2', { unchanged: 1 }));
        expect(await store.auditHead()).toEqual({ seq: 1, hash: only?.hash });
      });

      it('getRun returns the committed run and null for an unknown ID', async () => {
        const batch = createBatch('run-7', 2);
        await store.commit(batch);

        expect(await store.getRun('run-7')).toStrictEqual(batch.run);
        expect(await store.getRun('run-8')).toBeNull();
      });

      it('the stored head matches the last entry of the log', async () => {
        await store.commit(createBatch('run-1', 3));
        await store.commit(createBatch('run-2', 4, 4));
        const log = await readWholeLog(store);

        expect(await store.auditHead()).toEqual({ seq: 7, hash: log.at(-1)?.hash });
        expect(verifyHead(verifyChain(log), await store.auditHead())).toMatchObject({ ok: true, count: 7 });
      });

      it(`a batch of ${largeBatch.toLocaleString('en-US')} records commits whole, beyond Firestore's 500 writes per batch`, async () => {
        const entries = await store.commit(createBatch('run-1', largeBatch));

        expect(entries).toHaveLength(largeBatch);
        expect((await store.loadRecords()).size).toBe(largeBatch);
        const log = await readWholeLog(store);
        expect(log).toHaveLength(largeBatch);
        expect(verifyHead(verifyChain(log), await store.auditHead())).toMatchObject({ ok: true, count: largeBatch });
      });
    });

    describe('digests and records by key', () => {
      const digestOfRecord = (record: StoredRecord) =>
        ({ tab: record.tab, id: record.id, hash: record.hash, tombstoned: record.tombstoned, committedAt: record.committedAt });

      it('an empty store has no digests and finds no record by key', async () => {
        expect(await store.loadDigests()).toEqual({ digests: new Map(), auditHead: null });
        expect((await store.loadRecordsByKey(['Roster/P-0001'])).size).toBe(0);
      });

      it('every committed record has a digest of its hash, tombstone and commit time', async () => {
        await store.commit(createBatch('run-1', 3));
        const tombstoned = storedRecord('Roster', 'P-0002', rosterData(2), { tombstoned: true, runId: 'run-2', committedAt: at(60_000).toISOString() });
        await store.commit({ records: [tombstoned], drafts: [auditDraft('Roster/P-0002', 'tombstone', rosterData(2), null)], run: runRecord('run-2', { tombstoned: 1 }) });

        const records = await store.loadRecords();
        const { digests, auditHead } = await store.loadDigests();
        expect(auditHead).toEqual(await store.auditHead());
        expect([...digests.keys()].sort()).toEqual([...records.keys()].sort());
        for (const [key, record] of records) expect(digests.get(key)).toStrictEqual(digestOfRecord(record));
        expect(digests.get('Roster/P-0002')).toMatchObject({ tombstoned: true, committedAt: at(60_000).toISOString() });
      });

      it('digests prefetched (as a sync does under its lease) are the ones a read gives, commits made before the prefetch included', async () => {
        await store.commit(createBatch('run-1', 5));
        store.prefetchDigests?.();
        const prefetched = await store.loadDigests();

        expect(prefetched.digests.size).toBe(5);
        expect(prefetched.auditHead).toEqual(await store.auditHead());
        expect(prefetched).toEqual(await store.loadDigests());
      });

      it('digests by tab (read so where the store can, else made from its digests) hold what loadDigests gives, prefetched or not', async () => {
        const digestTabs = async () => {
          if (store.loadDigestTabs) return store.loadDigestTabs();
          const loaded = await store.loadDigests();
          return { stored: StoredTabs.of(loaded.digests), auditHead: loaded.auditHead };
        };
        await store.commit(createBatch('run-1', 5));
        const tombstoned = storedRecord('Roster', 'P-0002', rosterData(2), { tombstoned: true, runId: 'run-2', committedAt: at(60_000).toISOString() });
        await store.commit({ records: [tombstoned], drafts: [auditDraft('Roster/P-0002', 'tombstone', rosterData(2), null)], run: runRecord('run-2', { tombstoned: 1 }) });
        const { digests, auditHead } = await store.loadDigests();
        const asDigests = (stored: StoredTabs) => new Map([...stored.asMap()].map(([key, record]) => [key, digestOfRecord(record)]));

        const read = await digestTabs();
        store.prefetchDigests?.();
        const prefetched = await digestTabs();

        for (const { stored, auditHead: head } of [read, prefetched]) {
          expect(asDigests(stored)).toEqual(digests);
          expect(head).toEqual(auditHead);
          expect(stored.tab('Roster')?.live).toBe(4);
        }
      });

      it('records by key return exactly the records asked for, and leave out keys with no record', async () => {
        const batch = createBatch('run-1', 4);
        await store.commit(batch);

        const found = await store.loadRecordsByKey(['Roster/P-0002', 'Roster/P-0004', 'Roster/P-0009', 'Roster/P-0002']);
        expect([...found.keys()].sort()).toEqual(['Roster/P-0002', 'Roster/P-0004']);
        expect(found.get('Roster/P-0004')).toStrictEqual(batch.records[3]);
      });

      it(`the digests of ${largeBatch.toLocaleString('en-US')} records committed in one batch are all there`, async () => {
        await store.commit(createBatch('run-1', largeBatch));

        expect((await store.loadDigests()).digests.size).toBe(largeBatch);
      });
    });

    describe('auditPage', () => {
      it('returns at most `limit` entries after `afterSeq`, in seq order, across more entries than one page', async () => {
        await store.commit(createBatch('run-1', 25));
        const seqs = async (afterSeq: number, limit: number) => (await store.auditPage(afterSeq, limit)).map((entry) => entry.seq);
        const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

        expect(await seqs(0, 10)).toEqual(range(1, 10));
        expect(await seqs(10, 10)).toEqual(range(11, 20));
        expect(await seqs(20, 10)).toEqual(range(21, 25));
        expect(await seqs(25, 10)).toEqual([]);
        expect(await seqs(7, 3)).toEqual([8, 9, 10]);
        expect((await readWholeLog(store, 4)).map((entry) => entry.seq)).toEqual(range(1, 25));
      });
    });

    describe('data round-trips exactly', () => {
      const awkward = {
        name: 'Zoë Ångström-Núñez 李雷 مرحبا 🚀',
        formula: '=IMPORTXML("https://evil.example/x","//a")',
        html: '<script>alert("x")</script> & "quotes" \'single\' \\ back',
        lines: 'first\nsecond\ttabbed\r\nthird',
        empty: '',
        nothing: null,
        flags: [true, false],
        numbers: { zero: 0, negative: -12, fraction: 0.1, large: 9_007_199_254_740_991 },
        nested: { list: [{ tab: 'Papers', ids: ['PP-0001', 'PP-0002'] }, { tab: 'Meetings', ids: [] }], deeper: { a: { b: { c: 'd' } } } },
        'key with spaces.and.dots/slashes': 'ok',
        long: 'x'.repeat(20_000),
      };

      it('record data comes back equal to what was committed', async () => {
        const record = storedRecord('Papers', 'PP-0001', awkward);
        await store.commit({ records: [record], drafts: [], run: runRecord('run-1', { created: 1 }) });

        expect((await store.loadRecords()).get(recordKey('Papers', 'PP-0001'))).toStrictEqual(record);
      });

      it('audit before and after come back equal, so the chain still verifies', async () => {
        const entries = await store.commit({
          records: [],
          drafts: [auditDraft('Papers/PP-0001', 'update', { ...awkward, long: 'short' }, awkward, { actor: 'chair+ig@example.org' })],
          run: runRecord('run-1', { updated: 1 }),
        });

        const log = await store.auditPage(0, 10);
        expect(log).toStrictEqual(entries);
        expect(verifyChain(log)).toMatchObject({ ok: true, count: 1 });
      });
    });
  });
}
