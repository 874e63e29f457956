// Sheet edits in Firestore: created once (`create()`), found by an equality on `pendingFor`, settled in batches.
import { compareEdits, sheetEditSchema, type SheetEdit } from '../../core/records/sheet-edit.js';
import { isAlreadyExists, validDocument } from './firestore-errors.js';
import type { FirestoreLayout } from './firestore-layout.js';
import type { Firestore } from '@google-cloud/firestore';

/** Updates per WriteBatch (Firestore allows 500). */
const UPDATES_PER_BATCH = 450;

/** Creates `edits/{id}` pending for its workbook; false when the document exists already. */
export async function recordEdit(layout: FirestoreLayout, edit: SheetEdit): Promise<boolean> {
  try {
    await layout.edit(edit.id).create({ ...(JSON.parse(JSON.stringify(edit)) as SheetEdit), pendingFor: edit.workbook, appliedRunId: null });
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** The workbook's pending edits, oldest first (one equality filter: the automatic single-field index serves it; sorted here). */
export async function pendingEdits(layout: FirestoreLayout, workbook: string): Promise<SheetEdit[]> {
  const snapshot = await layout.edits().where('pendingFor', '==', workbook).get();
  return snapshot.docs.map((doc) => validDocument(sheetEditSchema, doc, 'sheet edit')).sort(compareEdits);
}

/** Clears `pendingFor` and names the run on each edit, a WriteBatch at a time; IDs that are not pending are skipped. */
export async function markEditsApplied(db: Firestore, layout: FirestoreLayout, ids: readonly string[], runId: string): Promise<void> {
  if (ids.length === 0) return;
  const existing = await db.getAll(...ids.map((id) => layout.edit(id)));
  const pending = existing.filter((doc) => doc.exists && doc.get('pendingFor') !== null);
  for (let from = 0; from < pending.length; from += UPDATES_PER_BATCH) {
    const batch = db.batch();
    for (const doc of pending.slice(from, from + UPDATES_PER_BATCH)) batch.update(doc.ref, { pendingFor: null, appliedRunId: runId });
    await batch.commit();
  }
}
