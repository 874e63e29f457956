// The leases contract: named, expiring locks; every adapter (SQLite, Firestore) registers it with its own `open`.
import { describe, expect, it } from 'vitest';
import type { Leases } from '../../../functions/ports/leases.port.js';
import { at } from './record-store.fixtures.js';
import { openForEachCase, type Opened } from './opened.js';

/** Registers the leases contract for an adapter; `open` must return a new, empty store each time. */
export function leasesContract(name: string, open: () => Promise<Opened<Leases>>): void {
  describe(`${name} keeps the leases contract`, () => {
    let store!: Opened<Leases>;
    openForEachCase(open, (opened) => (store = opened));

    describe('leases', () => {
      it('refuses a second holder while the lease runs', async () => {
        expect(await store.acquireLease('sync:book', 'a', 1_000, at(0))).toBe(true);
        expect(await store.acquireLease('sync:book', 'b', 1_000, at(500))).toBe(false);
      });

      it('lets the same holder take its lease again, extending it', async () => {
        await store.acquireLease('sync:book', 'a', 1_000, at(0));
        expect(await store.acquireLease('sync:book', 'a', 1_000, at(900))).toBe(true);
        expect(await store.acquireLease('sync:book', 'b', 1_000, at(1_500))).toBe(false);
        expect(await store.acquireLease('sync:book', 'b', 1_000, at(1_900))).toBe(true);
      });

      it('lets another holder take a lease from the moment it expires (a crashed holder)', async () => {
        await store.acquireLease('sync:book', 'crashed', 1_000, at(0));
        expect(await store.acquireLease('sync:book', 'b', 1_000, at(999))).toBe(false);
        expect(await store.acquireLease('sync:book', 'b', 1_000, at(1_000))).toBe(true);
        expect(await store.acquireLease('sync:book', 'crashed', 1_000, at(1_001))).toBe(false);
      });

      it('lets another holder take a released lease at once', async () => {
        await store.acquireLease('sync:book', 'a', 60_000, at(0));
        await store.releaseLease('sync:book', 'a');
        expect(await store.acquireLease('sync:book', 'b', 60_000, at(1))).toBe(true);
      });

      it('ignores a release by a holder that does not hold the lease', async () => {
        await store.acquireLease('sync:book', 'a', 60_000, at(0));
        await store.releaseLease('sync:book', 'b');
        expect(await store.acquireLease('sync:book', 'b', 60_000, at(1))).toBe(false);
      });

      it('keeps leases of different keys apart', async () => {
        expect(await store.acquireLease('sync:one', 'a', 60_000, at(0))).toBe(true);
        expect(await store.acquireLease('sync:two', 'b', 60_000, at(0))).toBe(true);
      });
    });
  });
}
