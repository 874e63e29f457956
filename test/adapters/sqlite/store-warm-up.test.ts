// The SQLite store's warm-up thread: it checks an existing file's pages, reads the digests when asked (not before), and falls back to nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteRecordStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { startStoreWarmUp } from '../../../functions/adapters/sqlite/store-warm-up.js';
import type { CcegError } from '../../../functions/core/errors.js';
import { recordLogContract } from '../store/record-log.contract.js';
import { createBatch } from '../store/record-store.fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-sqlite-warm-up-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `store-${++files}.cceg.db`);

/** A closed store file holding one commit of `size` records (none: an empty store). */
async function storeFileWith(size: number): Promise<string> {
  const path = newPath();
  const store = openSqliteStore(path);
  if (size > 0) await store.commit(createBatch('run-1', size));
  await store.close();
  return path;
}

/** Opens the store at `path` as a CLI sync does: warmed up on another thread, its pages not checked twice when they passed. */
async function openWarm(path: string) {
  const warmUp = startStoreWarmUp(path, 5_000);
  return openSqliteStore(path, { warmUp, pagesChecked: await warmUp.pagesSound });
}

recordLogContract('SqliteRecordStore warmed up on another thread', async () => openWarm(await storeFileWith(0)));

describe('the SQLite warm-up thread', () => {
  it('passes the pages of a sound store and reads, when asked, the digests and head the store itself reads', async () => {
    const path = await storeFileWith(1_500);
    const plain = openSqliteStore(path);
    const expected = await plain.loadDigests();
    await plain.close();

    const warmUp = startStoreWarmUp(path, 5_000);
    expect(await warmUp.pagesSound).toBe(true);
    const store = openSqliteStore(path, { warmUp, pagesChecked: true });
    store.prefetchDigests();
    const prefetched = await store.loadDigests();
    await store.close();

    expect(prefetched.digests.size).toBe(1_500);
    expect(prefetched).toEqual(expected);
  });

  /** How often a store at `path` asks its (stand-in) warm-up for the digests when a sync expecting the file `fingerprint` starts. */
  async function digestReadsAsked(path: string, fingerprint?: string): Promise<number> {
    let reads = 0;
    const warmUp = { path, pagesSound: Promise.resolve(true), readDigests: async () => (reads++, null), close: async () => undefined };
    const store = openSqliteStore(path, { warmUp, pagesChecked: true });
    store.prefetchDigests(fingerprint);
    await store.close();
    return reads;
  }

  /** A store file of three records remembering the file `fingerprint`, as settled or with its hashes alone. */
  async function storeRemembering(fingerprint: string, settled: boolean): Promise<string> {
    const path = await storeFileWith(3);
    const store = openSqliteStore(path);
    await store.rememberRowHashes(fingerprint, { hashes: new Map(), settled: settled ? { head: await store.auditHead(), heldBack: [], lastCommittedAt: null } : null });
    await store.close();
    return path;
  }

  it('is not asked for the digests when the store remembers the file the sync expects as settled (its sync reads none)', async () => {
    const path = await storeRemembering('xlsx-sha256:settled', true);
    expect(await digestReadsAsked(path, 'xlsx-sha256:settled')).toBe(0);
    expect(await digestReadsAsked(path, 'xlsx-sha256:another-file')).toBe(1);
    expect(await digestReadsAsked(path)).toBe(1);
  });

  it('is asked for the digests when the file is remembered with no settled sync (its sync diffs)', async () => {
    expect(await digestReadsAsked(await storeRemembering('xlsx-sha256:hashed', false), 'xlsx-sha256:hashed')).toBe(1);
  });

  it('reads the digests when asked, not when started: a commit made in between is in them', async () => {
    const path = await storeFileWith(10);
    const warmUp = startStoreWarmUp(path, 5_000);
    expect(await warmUp.pagesSound).toBe(true);
    const store = openSqliteStore(path, { warmUp, pagesChecked: true });
    await store.commit(createBatch('run-2', 5, 11));
    store.prefetchDigests();

    expect((await store.loadDigests()).digests.size).toBe(15);
    await store.close();
  });

  it.each([
    { change: 'an upper-case hash', set: `hash = '${'A'.repeat(64)}'` },
    { change: 'a hash one digit short', set: `hash = '${'a'.repeat(63)}'` },
    { change: 'a tombstone that is neither 0 nor 1', set: 'tombstoned = 2' },
  ])('has a digest with $change refused naming its record, as the store refuses it, read as digests or by tab', async ({ set }) => {
    const path = await storeFileWith(3);
    const raw = new Database(path);
    raw.exec(`UPDATE records SET ${set} WHERE id = 'P-0002'`);
    raw.close();

    for (const load of [(store: SqliteRecordStore) => store.loadDigests(), (store: SqliteRecordStore) => store.loadDigestTabs()]) {
      const store = await openWarm(path);
      store.prefetchDigests();
      const fault = await load(store).then(() => null, (error: unknown) => error as CcegError);
      await store.close();
      expect(fault?.code).toBe('STORE_UNAVAILABLE');
      expect(fault?.message).toContain('Roster/P-0002');
    }
  });

  it('fails the pages of a damaged store, which the store then refuses as it always has', async () => {
    const path = await storeFileWith(2_000);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8_192);
    writeFileSync(path, bytes);

    const warmUp = startStoreWarmUp(path, 5_000);
    expect(await warmUp.pagesSound).toBe(false);
    expect(await warmUp.readDigests()).toBeNull();
    const refusal = (() => {
      try {
        openSqliteStore(path, { warmUp, pagesChecked: false });
        return null;
      } catch (error) {
        return error as CcegError;
      }
    })();
    expect(refusal?.code).toBe('STORE_UNAVAILABLE');
    expect(refusal?.message).toMatch(/damaged/);
    await warmUp.close();
  });

  it('answers "not checked" and no digests for a file that does not exist, and creates none', async () => {
    const path = newPath();
    const warmUp = startStoreWarmUp(path, 5_000);

    expect(await warmUp.pagesSound).toBe(false);
    expect(await warmUp.readDigests()).toBeNull();
    await warmUp.close();
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it('answers "not checked" and no digests when its thread cannot start, so the store does both itself', async () => {
    const path = await storeFileWith(3);
    const warmUp = startStoreWarmUp(path, 5_000, new URL('./no-such-worker.js', import.meta.url));

    expect(await warmUp.pagesSound).toBe(false);
    const store = openSqliteStore(path, { warmUp, pagesChecked: false });
    store.prefetchDigests();
    expect((await store.loadDigests()).digests.size).toBe(3);
    await store.close();
  });

  it('once closed, answers no digests and the store reads them itself', async () => {
    const path = await storeFileWith(4);
    const warmUp = startStoreWarmUp(path, 5_000);
    const store = openSqliteStore(path, { warmUp, pagesChecked: await warmUp.pagesSound });
    await warmUp.close();
    store.prefetchDigests();

    expect((await store.loadDigests()).digests.size).toBe(4);
    await store.close();
  });
});
