// onSheetEdit over real HTTP: refused requests record nothing; bursts are coalesced; who may change what is enforced.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCATION, PEOPLE, SECRET, type FunctionsFixture } from '../support/functions/functions-fixture.js';
import { cellAt, entriesAfter, expectStoreMatchesSheet, findingsTab, headSeq, typeInto } from '../support/functions/sheet-checks.js';
import { UNKNOWN_EDITOR } from '../../functions/core/sync/review-edits.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';
import { signedEdit, type EditFields, type SigningOptions } from '../support/functions/signed-edits.js';

const shared = useFunctionsFixture();
let fx: FunctionsFixture;
let setupHead: number;
beforeEach(async () => {
  fx = shared.fx;
  setupHead = await headSeq(fx.store);
});

const post = (init: RequestInit, url = fx.functions.url.onSheetEdit) => fetch(url, init);
const signed = (fields: EditFields, options: Partial<SigningOptions> = {}) => signedEdit(fields, { secret: SECRET, ...options });
/** Sheet row of P-00nn in the Roster (P-0001 is on row 2). */
const rosterRow = (n: number) => n + 1;

async function expectNothingRecordedOrWritten(): Promise<void> {
  expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
  expect(await entriesAfter(fx.store, setupHead)).toEqual([]);
  expect(fx.workbook.readCalls).toBe(0);
  expect(fx.workbook.writeCalls).toBe(0);
}

describe('onSheetEdit refuses a request that is not signed, fresh and new', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, Partial<SigningOptions>][] = [
    ['a signature made with another secret', { secret: 'not-the-shared-secret' }],
    ['a body other than the one signed', { signedBody: '{"tab":"Roster"}' }],
    ['a timestamp 6 minutes old', { timestamp: now() - 360 }],
    ['a timestamp 6 minutes ahead', { timestamp: now() + 360 }],
    ['no X-CCEG-Signature header', { omit: ['signature'] }],
    ['no X-CCEG-Timestamp header', { omit: ['timestamp'] }],
    ['no X-CCEG-Nonce header', { omit: ['nonce'] }],
    ['a nonce too short to be random', { nonce: 'abc' }],
  ];

  it.each(cases)('answers 401 to %s, and records and writes nothing', async (_name, options) => {
    const edit = typeInto(fx.workbook, 'Roster', 'Expertise', rosterRow(2), 'Policy', PEOPLE.staff);
    const response = await post(signed(edit, options));

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    await expectNothingRecordedOrWritten();
  });

  it('answers 401 to a replayed nonce, and records and writes nothing the second time', async () => {
    const request = signed(typeInto(fx.workbook, 'Roster', 'Expertise', rosterRow(2), 'Policy', PEOPLE.staff), { nonce: 'replayed-nonce-0123456789' });
    expect((await post(request)).status).toBe(200);
    const after = { entries: await entriesAfter(fx.store, setupHead), reads: fx.workbook.readCalls, writes: fx.workbook.writeCalls };

    const replay = await post(request);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/used before/);
    expect(await entriesAfter(fx.store, setupHead)).toEqual(after.entries);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    expect({ reads: fx.workbook.readCalls, writes: fx.workbook.writeCalls }).toEqual({ reads: after.reads, writes: after.writes });
  });

  it('answers 400 to a signed body that is not an edit, 405 to a GET and 403 to another spreadsheet, recording nothing', async () => {
    const edit = typeInto(fx.workbook, 'Roster', 'Expertise', rosterRow(2), 'Policy', PEOPLE.staff);
    const notAnEdit = await post(signed({ ...edit, range: 'not a range' }));
    const get = await fetch(fx.functions.url.onSheetEdit);
    const elsewhere = await post(signed({ ...edit, spreadsheetId: 'SomeOtherSpreadsheet' }));

    expect([notAnEdit.status, get.status, elsewhere.status]).toEqual([400, 405, 403]);
    expect(await notAnEdit.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'The body is not an edit: range: must be A1 notation such as C5 or B3:D7.' } });
    await expectNothingRecordedOrWritten();
  });
});

describe('onSheetEdit records, coalesces and syncs edits', () => {
  /** 20 edits of the Expertise of P-0012 … P-0031: GNSO rows by the GNSO secretariat, ALAC rows by the ALAC chair. */
  function twentyEdits(): EditFields[] {
    return Array.from({ length: 20 }, (_, index) => {
      const n = 12 + index;
      return typeInto(fx.workbook, 'Roster', 'Expertise', rosterRow(n), `Expertise ${n}`, n % 2 === 0 ? PEOPLE.gnsoSecretariat : PEOPLE.alacChair);
    });
  }

  async function expectEveryEditInTheLog(edits: readonly EditFields[]): Promise<void> {
    const entries = await entriesAfter(fx.store, setupHead);
    for (const [index, edit] of edits.entries()) {
      const id = `P-${String(12 + index).padStart(4, '0')}`;
      expect(entries.filter((entry) => entry.entity === `Roster/${id}`), id).toEqual([
        expect.objectContaining({ op: 'update', actor: edit.editor, source: 'sheet-edit', after: expect.objectContaining({ expertise: edit.newValue }) }),
      ]);
    }
    expect(entries).toHaveLength(20);
  }

  it('takes 20 signed edits posted at once: every edit is in the audit log, the store matches the sheet, and a handful of writes', async () => {
    const edits = twentyEdits();
    const responses = await Promise.all(edits.map((edit) => post(signed(edit))));

    expect(responses.map((response) => response.status)).toEqual(edits.map(() => 200));
    expect(await Promise.all(responses.map((response) => response.json()))).toEqual(edits.map(() => expect.objectContaining({ synced: true })));
    await expectEveryEditInTheLog(edits);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    await expectStoreMatchesSheet(fx.workbook, fx.store, fx.config);
    expect(fx.workbook.writeCalls).toBeLessThanOrEqual(3);
    expect(fx.workbook.readCalls).toBeLessThanOrEqual(3);
  });

  it('drops no edit when two instances share the burst: their syncs take turns on the store lease', async () => {
    const second = await fx.startInstance();
    const edits = twentyEdits();
    const responses = await Promise.all(edits.map((edit, index) => post(signed(edit), index % 2 === 0 ? fx.functions.url.onSheetEdit : second.url.onSheetEdit)));

    expect(responses.map((response) => response.status)).toEqual(edits.map(() => 200));
    await expectEveryEditInTheLog(edits);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    await expectStoreMatchesSheet(fx.workbook, fx.store, fx.config);
    expect(fx.workbook.writeCalls).toBeLessThanOrEqual(6);
  });

  it('commits a secretariat\'s edit of its own organization\'s row as that secretariat', async () => {
    const response = await post(signed(typeInto(fx.workbook, 'Roster', 'Name', rosterRow(2), 'Bo Lindqvist-Berg', PEOPLE.gnsoSecretariat)));

    expect(await response.json()).toMatchObject({ synced: true, refused: 0 });
    expect(await entriesAfter(fx.store, setupHead)).toEqual([
      expect.objectContaining({ entity: 'Roster/P-0002', op: 'update', actor: PEOPLE.gnsoSecretariat, before: expect.objectContaining({ name: 'Bo Lindqvist' }), after: expect.objectContaining({ name: 'Bo Lindqvist-Berg' }) }),
    ]);
  });
});

describe('onSheetEdit enforces who may change what', () => {
  async function expectRefused(edit: EditFields, header: string, sheetRow: number, entity: string, committed: string): Promise<void> {
    const response = await post(signed(edit));

    expect(await response.json()).toMatchObject({ synced: true, refused: 1 });
    expect(cellAt(fx.workbook, edit.tab, header, sheetRow)).toBe(committed);
    const entries = await entriesAfter(fx.store, setupHead);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ op: 'refused', actor: edit.editor || UNKNOWN_EDITOR, entity, source: 'sheet-edit' });
    expect(JSON.stringify(entries[0]?.after)).toContain(JSON.stringify(edit.newValue));
    expect(JSON.stringify(entries[0]?.before)).toContain(JSON.stringify(committed));
    const findings = (await findingsTab(fx.workbook)).filter((row) => row.Rule === 'access.refused');
    expect(findings).toEqual([expect.objectContaining({ Tab: edit.tab, Row: String(sheetRow), Severity: 'error', Column: header })]);
    expect(findings[0]?.Message).toContain(edit.editor);
    expect(cellAt(fx.workbook, edit.tab, 'Status', sheetRow)).toMatch(/^Error: .* but may not: /);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    await expectStoreMatchesSheet(fx.workbook, fx.store, fx.config);
  }

  it('refuses a secretariat\'s edit of another organization\'s Roster row: the cell goes back, the log keeps the attempt, a finding names who tried', async () => {
    const edit = typeInto(fx.workbook, 'Roster', 'Name', rosterRow(4), 'Hijacked', PEOPLE.gnsoSecretariat);
    await expectRefused(edit, 'Name', rosterRow(4), 'Roster/P-0004', 'Dara Okafor');
    expect((await fx.store.loadRecords()).get('Roster/P-0004')?.data.name).toBe('Dara Okafor');
  });

  it('refuses a secretariat moving its own organization\'s row to another organization', async () => {
    const edit = typeInto(fx.workbook, 'Roster', 'Organization', rosterRow(2), 'ALAC', PEOPLE.gnsoSecretariat);
    await expectRefused(edit, 'Organization', rosterRow(2), 'Roster/P-0002', 'GNSO');
  });

  it('refuses an endorsement decision of GNSO entered by the ALAC chair', async () => {
    const edit = typeInto(fx.workbook, 'Endorsements', 'Decision', 2, 'Support', PEOPLE.alacChair);
    await expectRefused(edit, 'Decision', 2, 'Endorsements/E-0001', 'Endorse');
  });

  it('logs one structured line per sync with the audit log\'s anchor, for Cloud Logging to keep outside the store', async () => {
    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const response = await post(signed(typeInto(fx.workbook, 'Roster', 'Expertise', rosterRow(3), 'Registries', PEOPLE.staff)));
      const { run } = await response.json() as { run: string };
      const head = await fx.store.auditHead();
      const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>).filter((line) => line.run === run);
      expect(lines).toEqual([expect.objectContaining({ severity: 'NOTICE', workbook: LOCATION, auditAnchor: `${head?.seq}:${head?.hash}` })]);
    } finally {
      logged.mockRestore();
    }
  });

  it('commits an edit whose editor the sheet did not name as "unattributed", with a warning that says so', async () => {
    const edit = typeInto(fx.workbook, 'Roster', 'Name', rosterRow(2), 'Bo Lindqvist-Berg', '');
    const response = await post(signed(edit));

    expect(await response.json()).toMatchObject({ synced: true, refused: 0 });
    expect(cellAt(fx.workbook, 'Roster', 'Name', rosterRow(2))).toBe('Bo Lindqvist-Berg');
    const entries = await entriesAfter(fx.store, setupHead);
    expect(entries.map((entry) => [entry.op, entry.entity, entry.actor])).toEqual([['update', 'Roster/P-0002', 'unattributed']]);
    const findings = (await findingsTab(fx.workbook)).filter((row) => row.Rule === 'access.unattributed');
    expect(findings).toEqual([expect.objectContaining({ Tab: 'Roster', Row: String(rosterRow(2)), Severity: 'warning' })]);
    expect(findings[0]?.Message).toMatch(/was saved as "unattributed": Google did not say who made it/);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
  });

  it('refuses an edit by someone who is neither staff, a chair nor a secretariat', async () => {
    const edit = typeInto(fx.workbook, 'Meetings', 'Location', 2, 'Nowhere', PEOPLE.outsider);
    await expectRefused(edit, 'Location', 2, 'Meetings/ICANN62', 'Panama City');
  });
});
