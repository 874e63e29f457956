// The document-index contract: drafted documents by kind and key; every adapter (SQLite, Firestore) registers it with its own `open`.
import { describe, expect, it } from 'vitest';
import type { DocumentIndex } from '../../../functions/ports/document-index.port.js';
import { at, documentEntry } from './record-store.fixtures.js';
import { openForEachCase, type Opened } from './opened.js';

/** Registers the document-index contract for an adapter; `open` must return a new, empty store each time. */
export function documentIndexContract(name: string, open: () => Promise<Opened<DocumentIndex>>): void {
  describe(`${name} keeps the document-index contract`, () => {
    let store!: Opened<DocumentIndex>;
    openForEachCase(open, (opened) => (store = opened));

    describe('the document index', () => {
      it('claims a document once; a second claim is refused and keeps the first entry', async () => {
        const first = documentEntry('update-report', 'M-0001');
        expect(await store.claimDocument(first)).toBe(true);
        expect(await store.claimDocument({ ...first, location: 'drive:elsewhere', runId: 'run-2' })).toBe(false);

        expect(await store.getDocument('update-report', 'M-0001')).toStrictEqual(first);
        expect(await store.getDocument('update-report', 'M-0002')).toBeNull();
        expect(await store.getDocument('annual-report', 'M-0001')).toBeNull();
      });

      it('updates the location of a claimed document', async () => {
        await store.claimDocument(documentEntry('notice', 'PP-0001'));
        const moved = documentEntry('notice', 'PP-0001', { location: 'drive:doc-42', draftedAt: at(60_000).toISOString(), runId: 'run-2' });
        await store.updateDocument(moved);

        expect(await store.getDocument('notice', 'PP-0001')).toStrictEqual(moved);
      });

      it('lists every entry by kind then key, and nothing when none was claimed', async () => {
        expect(await store.listDocuments()).toStrictEqual([]);
        const entries = [documentEntry('notice', 'PP-0002'), documentEntry('annual-report', 'M-0003'), documentEntry('notice', 'PP-0001', { location: 'drive:doc-7' })];
        for (const entry of entries) await store.claimDocument(entry);

        expect(await store.listDocuments()).toStrictEqual([entries[1], entries[2], entries[0]]);
      });
    });
  });
}
