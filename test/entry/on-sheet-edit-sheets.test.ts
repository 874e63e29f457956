// onSheetEdit against the fake Sheets API: a burst of 20 signed edits costs a handful of Google calls, and none is lost.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SheetsWorkbook } from '../../functions/adapters/google/sheets-workbook.js';
import { openSqliteStore, type SqliteRecordStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { a1Cell } from '../../functions/core/model/a1-range.js';
import { assignIds } from '../../functions/core/sync/assign-ids.js';
import { diffRecords } from '../../functions/core/sync/diff.js';
import { validateWorkbook } from '../../functions/core/validate.js';
import { createHandlers } from '../../functions/entry/handlers.js';
import { googleIdTokenVerifier } from '../../functions/adapters/oidc/google-id-token-verifier.js';
import { COMPLIANT_TODAY } from '../support/compliant-workbook.js';
import { setCell } from '../support/fake-google/model.js';
import { fakeCell, fakeTab, seedRawWorkbook } from '../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google/server.js';
import { serveFunctions, type RunningFunctions } from '../support/functions/function-server.js';
import { functionsConfig, groupWorkbook, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from '../support/functions/id-tokens.js';
import { entriesAfter, headSeq } from '../support/functions/sheet-checks.js';
import { signedEdit, type EditFields } from '../support/functions/signed-edits.js';

let fake: FakeGoogle;
let issuer: TokenIssuer;
let store: SqliteRecordStore;
let functions: RunningFunctions;
let spreadsheetId: string;
const config = functionsConfig();
const sheet = () => new SheetsWorkbook(spreadsheetId, { rootUrl: fake.rootUrl });
const location = () => `sheets:${spreadsheetId}`;

beforeAll(async () => {
  [fake, issuer] = await Promise.all([startFakeGoogle(), startTokenIssuer()]);
  spreadsheetId = seedRawWorkbook(fake, groupWorkbook());
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cceg-functions-sheets-')), 'store.cceg.db'));
  const first = sheet();
  await syncWorkbook({ reader: first, writer: first, store, now: () => new Date(), newId: randomUUID }, { workbook: location(), actor: 'setup@cli', source: 'cli', today: COMPLIANT_TODAY, config });
  functions = await serveFunctions(createHandlers({
    config, store, webhookSecret: SECRET, verifier: googleIdTokenVerifier({ certsUrl: issuer.certsUrl }), now: () => new Date(), newId: randomUUID,
    workbookFor: () => {
      const workbook = sheet();
      return { location: location(), reader: workbook, writer: workbook, documents: () => Promise.reject(new Error('onSheetEdit drafts no document')) };
    },
  }));
});
afterAll(async () => {
  await functions?.close();
  await store?.close();
  await Promise.all([fake?.stop(), issuer?.close()]);
});

/** A person types into the fake sheet's Roster (by header and sheet row); returns the edit the Apps Script posts. */
function typeInto(header: string, sheetRow: number, value: string, editor: string): EditFields {
  const spreadsheet = fake.spreadsheets.get(spreadsheetId)!;
  const roster = fakeTab(spreadsheet, 'Roster');
  const column = (roster.cells[0] ?? []).findIndex((cell) => cell?.kind === 'value' && cell.value === header);
  const range = a1Cell(sheetRow, column + 1);
  const old = fakeCell(spreadsheet, 'Roster', range);
  setCell(roster, sheetRow - 1, column, { kind: 'value', value });
  return { spreadsheetId, tab: 'Roster', range, editor, oldValue: old?.kind === 'value' ? String(old.value) : null, newValue: value };
}

describe('onSheetEdit with a Google Sheet (the fake Sheets API)', () => {
  it('takes 20 signed edits posted at once: every edit is in the audit log, the store matches the sheet, and a handful of write calls', async () => {
    const head = await headSeq(store);
    fake.resetCalls();
    const edits = Array.from({ length: 20 }, (_, index) => {
      const n = 12 + index;
      return typeInto('Expertise', n + 1, `Expertise ${n}`, n % 2 === 0 ? PEOPLE.gnsoSecretariat : PEOPLE.alacChair);
    });
    const responses = await Promise.all(edits.map((edit) => fetch(functions.url.onSheetEdit, signedEdit(edit, { secret: SECRET }))));

    expect(responses.map((response) => response.status)).toEqual(edits.map(() => 200));
    const writes = fake.count('sheets.spreadsheets.values.batchUpdate') + fake.count('sheets.spreadsheets.batchUpdate') + fake.count('sheets.spreadsheets.values.batchClear');
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(3);
    expect(fake.count('sheets.spreadsheets.get')).toBeLessThanOrEqual(3);

    const entries = await entriesAfter(store, head);
    for (const [index, edit] of edits.entries()) {
      const id = `P-${String(12 + index).padStart(4, '0')}`;
      expect(entries.filter((entry) => entry.entity === `Roster/${id}`), id).toEqual([
        expect.objectContaining({ op: 'update', actor: edit.editor, after: expect.objectContaining({ expertise: edit.newValue }) }),
      ]);
    }
    expect(await store.pendingEdits(location())).toEqual([]);
    const validation = validateWorkbook(await sheet().read(), COMPLIANT_TODAY, config);
    const diff = diffRecords(validation.parsed, assignIds(validation.parsed, new Map()), await store.loadRecords(), { runId: 'check', at: '', actor: '', source: 'cli' });
    expect(diff.changes).toEqual([]);
  });
});
