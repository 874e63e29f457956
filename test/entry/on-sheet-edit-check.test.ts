import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/core/webhook/signature.js';
import { startFunctionsFixture, LOCATION, PEOPLE, SECRET, type FunctionsFixture } from '../support/functions/functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from '../support/functions/id-tokens.js';
import { entriesAfter, headSeq, typeInto } from '../support/functions/sheet-checks.js';
import { SPREADSHEET_ID } from '../support/functions/signed-edits.js';

let issuer: TokenIssuer;
let fx: FunctionsFixture;
beforeAll(async () => {
  issuer = await startTokenIssuer();
});
afterAll(async () => {
  await issuer.close();
});
beforeEach(async () => {
  fx = await startFunctionsFixture(issuer);
});
afterEach(async () => {
  await fx.close();
});

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
    const head = await headSeq(fx.store);
    typeInto(fx.workbook, 'Roster', 'Expertise', 3, 'Typed, but its webhook never came', PEOPLE.staff);
    const response = await fetch(fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ check: true, synced: true, summary: expect.any(Object) });
    expect(fx.workbook.readCalls).toBe(1);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    expect(await entriesAfter(fx.store, head)).toEqual([]);
  });

  it('refuses an unsigned check with 401, and a check with extra fields with 400', async () => {
    const bad = await fetch(fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff }, 'wrong secret'));
    expect(bad.status).toBe(401);
    const extra = await fetch(fx.functions.url.onSheetEdit, signedCheck({ check: true, spreadsheetId: SPREADSHEET_ID, editor: PEOPLE.staff, tab: 'Roster' }));
    expect(extra.status).toBe(400);
    expect(fx.workbook.readCalls).toBe(0);
  });
});
