// The edit-inbox contract: request nonces and pending sheet edits; every adapter (SQLite, Firestore) registers it with its own `open`.
import { describe, expect, it } from 'vitest';
import type { EditInbox } from '../../../functions/ports/edit-inbox.port.js';
import { at, sheetEdit } from './record-store.fixtures.js';
import { openForEachCase, type Opened } from './opened.js';

/** Registers the edit-inbox contract for an adapter; `open` must return a new, empty store each time. */
export function editInboxContract(name: string, open: () => Promise<Opened<EditInbox>>): void {
  describe(`${name} keeps the edit-inbox contract`, () => {
    let store!: Opened<EditInbox>;
    openForEachCase(open, (opened) => (store = opened));

    describe('sheet edits', () => {
      it('keeps a recorded edit pending, exactly as it was recorded', async () => {
        const edit = sheetEdit(1, { oldValue: null, newValue: 'Zoë 李雷 "quoted"\nnext line' });
        expect(await store.recordEdit(edit)).toBe(true);

        expect(await store.pendingEdits('sheets:book-1')).toStrictEqual([edit]);
      });

      it('records an edit once: a second edit with the same ID is refused and changes nothing', async () => {
        expect(await store.recordEdit(sheetEdit(1))).toBe(true);
        expect(await store.recordEdit(sheetEdit(1, { newValue: 'other' }))).toBe(false);

        expect(await store.pendingEdits('sheets:book-1')).toStrictEqual([sheetEdit(1)]);
      });

      it('lists pending edits oldest first, then by ID, and only those of the workbook asked for', async () => {
        const sameTime = sheetEdit(1).receivedAt;
        await store.recordEdit(sheetEdit(3));
        await store.recordEdit(sheetEdit(2, { id: 'edit-b', receivedAt: sameTime }));
        await store.recordEdit(sheetEdit(1, { id: 'edit-a' }));
        await store.recordEdit(sheetEdit(4, { workbook: 'sheets:book-2', spreadsheetId: 'book-2' }));

        expect((await store.pendingEdits('sheets:book-1')).map((edit) => edit.id)).toEqual(['edit-a', 'edit-b', 'edit-003']);
        expect((await store.pendingEdits('sheets:book-2')).map((edit) => edit.id)).toEqual(['edit-004']);
        expect(await store.pendingEdits('sheets:book-3')).toEqual([]);
      });

      it('settled edits are pending no more; unknown and already settled IDs are ignored', async () => {
        for (let n = 1; n <= 4; n += 1) await store.recordEdit(sheetEdit(n));
        await store.markEditsApplied(['edit-001', 'edit-003', 'edit-999'], 'run-1');
        await store.markEditsApplied(['edit-001'], 'run-2');
        await store.markEditsApplied([], 'run-3');

        expect((await store.pendingEdits('sheets:book-1')).map((edit) => edit.id)).toEqual(['edit-002', 'edit-004']);
        expect(await store.recordEdit(sheetEdit(1))).toBe(false);
      });

      it('settles more edits at once than one Firestore batch holds', async () => {
        const ids: string[] = [];
        for (let n = 1; n <= 520; n += 1) {
          await store.recordEdit(sheetEdit(n, { id: `bulk-${n}` }));
          ids.push(`bulk-${n}`);
        }
        await store.markEditsApplied(ids, 'run-1');

        expect(await store.pendingEdits('sheets:book-1')).toEqual([]);
      });
    });

    describe('nonces', () => {
      it('remembers a nonce once and calls a repeat a replay', async () => {
        expect(await store.rememberNonce('n-1', at(0))).toBe(true);
        expect(await store.rememberNonce('n-1', at(10))).toBe(false);
        expect(await store.rememberNonce('n-2', at(10))).toBe(true);
      });
    });
  });
}
