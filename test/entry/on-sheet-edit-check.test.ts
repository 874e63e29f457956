// onSheetEdit's Check now over real HTTP: a signed check syncs without recording an edit; unsigned or malformed checks are refused.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/core/webhook/signature.js';
import { LOCATION, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';
import { entriesAfter, headSeq, typeInto } from '../support/functions/sheet-checks.js';
import { SPREADSHEET_ID } from '../support/functions/signed-edits.js';

const shared = useFunctionsFixture();

/** The menu's *Check now* request, signed as the Apps Script signs it. */
function signedCheck(body: object, secret = SECRET): RequestInit {
  const text = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomUUID();
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cceg-timestamp': timestamp, 'x-cceg-nonce': nonce, 'x-cceg-signature': signRequest(secret, timestamp, nonce, text) },
    body: text,
  };
}

describe('onSheetEdit answers the menu\'s Check now', () => {
  it('syncs the sheet without recording an edit, and commits no change that no edit reported', async () => {
    const head = await headSeq(shared.fx.store);
    typeInto(shared.fx.workbook, 'Roster', 'Expertise', 3, 'Typed, but its webhook never came', PEOPLE.staff);
    const response = await fetch(shared.fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ check: true, synced: true, summary: expect.any(Object) });
    expect(shared.fx.workbook.readCalls).toBe(1);
    expect(await shared.fx.store.pendingEdits(LOCATION)).toEqual([]);
    expect(await entriesAfter(shared.fx.store, head)).toEqual([]);
  });

  it('refuses an unsigned check with 401, and a check with extra fields with 400', async () => {
    const bad = await fetch(shared.fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff }, 'wrong secret'));
    expect(bad.status).toBe(401);
    const extra = await fetch(shared.fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff, tab: 'Roster' }));
    expect(extra.status).toBe(400);
    expect(shared.fx.workbook.readCalls).toBe(0);
  });
});
