// onSheetEdit: a signed edit from the Apps Script is checked, recorded, then synced with every edit recorded before it.
import type { Request } from '@google-cloud/functions-framework';
import type { SyncCoalescer } from '../app/sync-coalescer.js';
import type { SyncResult } from '../app/sync.js';
import { CcegError } from '../core/errors.js';
import { parseA1Range } from '../core/model/a1-range.js';
import type { SheetEdit } from '../core/records/sheet-edit.js';
import { checkPayloadSchema, editPayloadSchema, type CheckPayload, type EditPayload } from '../core/webhook/edit-payload.js';
import { checkSignedHeaders, SIGNATURE_HEADERS, verifySignature } from '../core/webhook/signature.js';
import type { FunctionDeps } from './function-deps.js';
import { guarded, jsonBody, requireMethod, type Handler } from './http.js';
import { requestSync } from './run-sync.js';

/** The actor of changes a sheet-edit sync commits that no edit names (tombstones of deleted rows). */
export const SHEET_EDIT_ACTOR = 'cceg:onSheetEdit';

function parsePayload(req: Request): EditPayload | CheckPayload {
  const json = jsonBody(req);
  if (typeof json === 'object' && json !== null && 'check' in json) {
    const check = checkPayloadSchema.safeParse(json);
    if (check.success) return check.data;
    throw new CcegError('BAD_REQUEST', `The body is not a check request: ${check.error.issues[0]?.path.join('.') || 'body'}: ${check.error.issues[0]?.message ?? 'invalid'}.`);
  }
  const parsed = editPayloadSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new CcegError('BAD_REQUEST', `The body is not an edit: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`);
}

/**
 * Signature, window and nonce, in that order, over the body's bytes before anything parses them: any failure is a 401
 * that records nothing. Without a secret nothing can be verified: a request that is not even signed still gets its 401,
 * and a signed one BAD_CONFIG (whose message, naming the setting, goes to the log only).
 */
async function authenticate(req: Request, deps: FunctionDeps): Promise<void> {
  const request = {
    timestamp: req.get(SIGNATURE_HEADERS.timestamp), nonce: req.get(SIGNATURE_HEADERS.nonce), signature: req.get(SIGNATURE_HEADERS.signature), body: req.rawBody ?? Buffer.alloc(0),
  };
  const verdict = deps.webhookSecret === null ? checkSignedHeaders(request, deps.now()) : verifySignature(request, deps.webhookSecret, deps.now());
  if (!verdict.ok) throw new CcegError('UNAUTHENTICATED', `Refused: ${verdict.reason}.`);
  if (deps.webhookSecret === null) throw new CcegError('BAD_CONFIG', 'onSheetEdit is not configured: set CCEG_WEBHOOK_SECRET.');
  if (!(await deps.store.rememberNonce(verdict.nonce, deps.now()))) throw new CcegError('UNAUTHENTICATED', 'Refused: this nonce was used before (a replay).');
}

/**
 * The onSheetEdit handler: 401 (nothing recorded) unless signed, fresh and new; then 400 for a body that is not an edit;
 * else the edit is recorded and synced: 200 `{ edit, synced: true, run, refused, summary }` once a sync that started after it
 * has finished, or 202 `{ edit, synced: false }` when another instance's sync holds the workbook too long (the edit
 * stays pending for the next sync: none is ever dropped).
 */
export function createOnSheetEdit(deps: FunctionDeps, coalescer: SyncCoalescer<SyncResult>): Handler {
  return guarded('onSheetEdit', async (req, res) => {
    requireMethod(req, 'POST');
    await authenticate(req, deps);
    const payload = parsePayload(req);
    const target = deps.workbookFor(payload.spreadsheetId);
    if ('check' in payload) {
      const result = await requestSync(deps, coalescer, target, 'sheet-edit', SHEET_EDIT_ACTOR);
      res.status(200).json({ check: true, synced: true, run: result.run.id, refused: result.run.counts.refused, summary: result.summary });
      return;
    }
    const block = parseA1Range(payload.range)!;
    const edit: SheetEdit = {
      id: deps.newId(), workbook: target.location, spreadsheetId: payload.spreadsheetId, tab: payload.tab, range: payload.range,
      row: block.firstRow, column: block.firstColumn, editor: payload.editor, oldValue: payload.oldValue, newValue: payload.newValue,
      receivedAt: deps.now().toISOString(),
    };
    await deps.store.recordEdit(edit);
    try {
      const result = await requestSync(deps, coalescer, target, 'sheet-edit', SHEET_EDIT_ACTOR);
      res.status(200).json({ edit: edit.id, synced: true, run: result.run.id, refused: result.run.counts.refused, summary: result.summary });
    } catch (error) {
      if (!(error instanceof CcegError && error.code === 'SYNC_RUNNING')) throw error;
      res.status(202).json({ edit: edit.id, synced: false, message: 'Recorded; the next sync of the workbook takes it.' });
    }
  });
}
