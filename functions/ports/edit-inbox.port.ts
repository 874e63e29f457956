// The edit-inbox port: request nonces and the sheet edits the Apps Script posts, pending until a sync settles them.
import type { SheetEdit } from '../core/records/sheet-edit.js';

/** Where posted sheet edits wait for a sync (the record store's database). */
export interface EditInbox {
  /** Remembers a request nonce; false when it was seen before (a replay). */
  rememberNonce(nonce: string, seenAt: Date): Promise<boolean>;
  /** Records a sheet edit as pending; false (and nothing changes) when an edit with its ID is recorded already. */
  recordEdit(edit: SheetEdit): Promise<boolean>;
  /** The edits of `workbook` no sync has settled yet, oldest first (by `receivedAt`, then ID). */
  pendingEdits(workbook: string): Promise<SheetEdit[]>;
  /** Marks edits settled by the run `runId`: they are pending no more (unknown or settled IDs are ignored). */
  markEditsApplied(ids: readonly string[], runId: string): Promise<void>;
}
