// Builds onSheetEdit requests as the Apps Script sends them: a JSON body and the X-CCEG-* signature headers.
import { randomUUID } from 'node:crypto';
import { signRequest } from '../../../functions/core/webhook/signature.js';

/** The edit fields of a request body. */
export interface EditFields {
  readonly spreadsheetId?: string;
  readonly tab: string;
  readonly range: string;
  readonly editor: string;
  readonly oldValue?: string | null;
  readonly newValue?: string | null;
}

/** How to sign (or mis-sign) a request. */
export interface SigningOptions {
  readonly secret: string;
  /** Seconds since the epoch (default: now). */
  readonly timestamp?: number;
  readonly nonce?: string;
  /** Headers to leave out. */
  readonly omit?: readonly ('timestamp' | 'nonce' | 'signature')[];
  /** Sign this body but send the real one (a tampered body). */
  readonly signedBody?: string;
  /** Sign and send this exact text instead of the fields' JSON (a malformed or padded body). */
  readonly text?: string;
}

/** The test spreadsheet's ID. */
export const SPREADSHEET_ID = '1TestSpreadsheetId_abc-123';

/** A fetch init for POSTing the edit, signed as the Apps Script signs it. */
export function signedEdit(fields: EditFields, options: SigningOptions): RequestInit {
  const body = options.text ?? JSON.stringify({ spreadsheetId: SPREADSHEET_ID, oldValue: null, newValue: null, ...fields });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-cceg-timestamp': timestamp,
    'x-cceg-nonce': nonce,
    'x-cceg-signature': signRequest(options.secret, timestamp, nonce, options.signedBody ?? body),
  };
  for (const name of options.omit ?? []) delete headers[`x-cceg-${name}`];
  return { method: 'POST', headers, body };
}
