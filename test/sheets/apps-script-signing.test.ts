// The standalone project's signing and posting, run in Node: what its trigger signs, the real onSheetEdit accepts, and refuses once altered.
import { beforeEach, describe, expect, it } from 'vitest';
import { a1Cell, parseA1Range } from '../../functions/core/model/a1-range.js';
import { SIGNATURE_HEADERS, signRequest } from '../../functions/core/webhook/signature.js';
import { editEvent, loadAppsScript, signedBytes, utilitiesStandIn, type AppsScriptSandbox, type FetchCall } from '../support/apps-script.js';
import { LOCATION, PEOPLE, SECRET, type FunctionsFixture } from '../support/functions/functions-fixture.js';
import { entriesAfter, headSeq, typeInto } from '../support/functions/sheet-checks.js';
import { SPREADSHEET_ID } from '../support/functions/signed-edits.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';

/** Sends a request the script made as UrlFetchApp would, optionally altered on the way. */
function send(call: FetchCall, alter: { payload?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(call.url, {
    method: call.params.method.toUpperCase(),
    headers: { 'content-type': call.params.contentType, ...call.params.headers, ...alter.headers },
    body: alter.payload ?? call.params.payload,
  });
}

/** The onEdit event of a person typing `value` into a cell of the fixture's sheet, and the cell's address. */
function typedEvent(fx: FunctionsFixture, tab: string, header: string, row: number, value: string, editor: string) {
  const edit = typeInto(fx.workbook, tab, header, row, value, editor);
  const block = parseA1Range(edit.range)!;
  const event = editEvent({
    spreadsheetId: SPREADSHEET_ID, tab, row: block.firstRow, column: block.firstColumn, values: [[value]],
    ...(edit.oldValue ? { oldValue: edit.oldValue } : {}), user: editor,
  });
  return { edit, event };
}

describe('Signing.gs', () => {
  const script = loadAppsScript({ files: ['Signing.gs'] });
  const cases: [string, string, string][] = [
    ['an ASCII body', 'shared-secret', '{"tab":"Roster","range":"H3"}'],
    ['a body with accents, dashes and an emoji', 'shared-secret', '{"newValue":"Gouvernance de l’Internet — réseaux 🌐"}'],
    ['an empty body', 'shared-secret', ''],
    ['a secret with non-ASCII characters', 'sécret-partagé-✓', '{"tab":"Roster"}'],
  ];

  it.each(cases)('signs %s exactly as functions/core/webhook/signature.ts does', (_name, secret, body) => {
    const timestamp = '1717171717';
    const nonce = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';
    expect(script.call<string>('signRequest', secret, timestamp, nonce, body)).toBe(signRequest(secret, timestamp, nonce, body));
  });

  it('turns Apps Script\'s signed bytes (-128..127) into the digest\'s lowercase hex', () => {
    const digest = utilitiesStandIn().computeHmacSha256Signature('1717171717.nonce.{}', 'shared-secret', 'UTF_8');
    expect(digest.some((byte) => byte < 0)).toBe(true);
    expect(digest.every((byte) => byte >= -128 && byte <= 127)).toBe(true);
    expect(script.call<string>('bytesToHex', digest)).toBe(Buffer.from(digest.map((byte) => byte & 0xff)).toString('hex'));
    expect(script.call<string>('bytesToHex', signedBytes(Buffer.from([0xff, 0x00, 0x0f, 0x80, 0x7f])))).toBe('ff000f807f');
  });

  it('makes nonces of the shape onSheetEdit takes, never the same twice', () => {
    const nonces = Array.from({ length: 50 }, () => script.call<string>('newNonce'));
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('sends the headers signature.ts reads, and a body of ASCII JSON that parses back to what was given', () => {
    const body = { tab: 'Roster', newValue: 'Gouvernance de l’Internet — 🌐' };
    const request = script.call<FetchCall>('signedRequest', 'https://example.org/onSheetEdit', 'shared-secret', body, new Date('2025-03-01T10:00:00.900Z'), 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff');
    const headers = Object.fromEntries(Object.entries(request.params.headers).map(([name, value]) => [name.toLowerCase(), value]));

    expect(Object.keys(headers).sort()).toEqual(Object.values(SIGNATURE_HEADERS).sort());
    expect(headers[SIGNATURE_HEADERS.timestamp]).toBe('1740823200');
    expect(headers[SIGNATURE_HEADERS.signature]).toBe(signRequest('shared-secret', '1740823200', 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', request.params.payload));
    expect(request.params.payload).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(request.params.payload)).toEqual(body);
    expect(request.params).toMatchObject({ method: 'post', contentType: 'application/json', muteHttpExceptions: true });
  });
});

describe('Edits.gs builds the body onSheetEdit takes', () => {
  const script = loadAppsScript();
  const base = { spreadsheetId: 'Sheet-1', tab: 'Roster', user: 'sec@gnso.example.org' };

  it.each([
    ['a typed cell', editEvent({ ...base, row: 5, column: 3, values: [['Policy']], oldValue: 'DNS' }), { range: 'C5', oldValue: 'DNS', newValue: 'Policy' }],
    ['a cell typed into when it was empty', editEvent({ ...base, row: 5, column: 3, values: [['Policy']] }), { range: 'C5', oldValue: null, newValue: 'Policy' }],
    ['a cleared cell', editEvent({ ...base, row: 5, column: 3, values: [['']], oldValue: 'DNS' }), { range: 'C5', oldValue: 'DNS', newValue: '' }],
    ['a pasted block', editEvent({ ...base, row: 3, column: 2, values: [['a', 'b', 'c'], ['d', 'e', 'f']] }), { range: 'B3:D4', oldValue: null, newValue: null }],
    ['a block past column Z', editEvent({ ...base, row: 1, column: 26, values: [['x', 'y', 'z']] }), { range: 'Z1:AB1', oldValue: null, newValue: null }],
  ])('describes %s by its tab, A1 range, editor and values', (_name, event, expected) => {
    expect(script.call('editBody', event)).toEqual({ spreadsheetId: 'Sheet-1', tab: 'Roster', editor: 'sec@gnso.example.org', ...expected });
  });

  it('names the editor from the event, else from the active user, and never invents one', () => {
    const anonymous = editEvent({ ...base, user: '', row: 2, column: 2, values: [['x']] });
    expect(script.call<{ editor: string }>('editBody', anonymous).editor).toBe('');
    const activeUser = loadAppsScript({ activeUser: 'chair@alac.example.org' });
    expect(activeUser.call<{ editor: string }>('editBody', anonymous).editor).toBe('chair@alac.example.org');
  });
});

describe('the trigger never blocks the person typing', () => {
  const properties = { CCEG_FUNCTION_URL: 'https://example.org/onSheetEdit', CCEG_WEBHOOK_SECRET: 'shared-secret' };
  const event = editEvent({ spreadsheetId: 'Sheet-1', tab: 'Roster', row: 2, column: 3, values: [['Policy']], user: 'sec@gnso.example.org' });

  it.each<[string, () => AppsScriptSandbox, RegExp]>([
    ['a network failure', () => loadAppsScript({ properties, answer: () => new Error('DNS error: example.org') }), /could not post to onSheetEdit: .*DNS error/],
    ['a refusal', () => loadAppsScript({ properties, answer: () => ({ status: 401, text: '{"error":{"code":"UNAUTHENTICATED"}}' }) }), /onSheetEdit answered 401/],
    ['missing Script Properties', () => loadAppsScript(), /set the Script Properties CCEG_FUNCTION_URL and CCEG_WEBHOOK_SECRET/],
  ])('logs %s instead of throwing', (_name, load, logged) => {
    const script = load();
    expect(() => script.call('onEditInstalled', event)).not.toThrow();
    expect(script.errors).toEqual([expect.stringMatching(logged)]);
  });

  it('still sends an edit whose editor Google does not name, with an empty editor, and logs why', () => {
    const script = loadAppsScript({ properties });
    script.call('onEditInstalled', editEvent({ spreadsheetId: 'Sheet-1', tab: 'Roster', row: 2, column: 3, values: [['x']], user: '' }));
    expect(script.fetches.map((call) => JSON.parse(call.params.payload))).toEqual([expect.objectContaining({ tab: 'Roster', range: 'C2', editor: '' })]);
    expect(script.errors).toEqual([]);
    expect(script.warnings).toEqual([expect.stringMatching(/did not say who edited Roster!C2/)]);
  });
});

describe('what the standalone project\'s trigger signs, the real onSheetEdit accepts, and refuses once altered', () => {
  const shared = useFunctionsFixture();
  let fx: FunctionsFixture;
  let script: AppsScriptSandbox;
  let setupHead: number;

  beforeEach(async () => {
    fx = shared.fx;
    setupHead = await headSeq(fx.store);
    script = loadAppsScript({
      properties: { CCEG_FUNCTION_URL: fx.functions.url.onSheetEdit, CCEG_WEBHOOK_SECRET: SECRET, CCEG_SPREADSHEET_ID: SPREADSHEET_ID },
      globals: { Session: { getActiveUser: () => ({ getEmail: () => '' }), getEffectiveUser: () => ({ getEmail: () => PEOPLE.staff }) } },
    });
  });

  /** The trigger's one request for a person typing into Roster row 3 (P-0002), Expertise. */
  function triggerRequest(value: string): FetchCall {
    const { event } = typedEvent(fx, 'Roster', 'Expertise', 3, value, PEOPLE.staff);
    script.call('onEditInstalled', event);
    expect(script.errors).toEqual([]);
    expect(script.fetches).toHaveLength(1);
    return script.fetches[0]!;
  }

  it('accepts an edit the trigger signed (200) and commits it as its editor, accents and all', async () => {
    const value = 'Gouvernance de l’Internet — réseaux';
    const response = await send(triggerRequest(value));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ synced: true, refused: 0 });
    expect(await entriesAfter(fx.store, setupHead)).toEqual([
      expect.objectContaining({ entity: 'Roster/P-0002', op: 'update', actor: PEOPLE.staff, source: 'sheet-edit', after: expect.objectContaining({ expertise: value }) }),
    ]);
  });

  it('accepts a pasted block, posted as its range without values', async () => {
    const column = fx.workbook.columnOf('Roster', 'Expertise');
    for (const row of [3, 4]) fx.workbook.setCell('Roster', row, column, `Pasted ${row}`);
    script.call('onEditInstalled', editEvent({ spreadsheetId: SPREADSHEET_ID, tab: 'Roster', row: 3, column, values: [['Pasted 3'], ['Pasted 4']], user: PEOPLE.staff }));
    const [request] = script.fetches;

    expect(JSON.parse(request!.params.payload)).toMatchObject({ range: `${a1Cell(3, column)}:${a1Cell(4, column)}`, oldValue: null, newValue: null });
    const response = await send(request!);
    expect(response.status).toBe(200);
    expect((await entriesAfter(fx.store, setupHead)).map((entry) => entry.entity)).toEqual(['Roster/P-0002', 'Roster/P-0003']);
  });

  const alterations: [string, (call: FetchCall) => { payload?: string; headers?: Record<string, string> }][] = [
    ['one byte of the body changed', (call) => ({ payload: call.params.payload.replace('"tab":"Roster"', '"tab":"roster"') })],
    ['one hex digit of the signature changed', (call) => {
      const signature = call.params.headers['X-CCEG-Signature']!;
      return { headers: { 'X-CCEG-Signature': signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0') } };
    }],
    ['the timestamp moved by one second', (call) => ({ headers: { 'X-CCEG-Timestamp': String(Number(call.params.headers['X-CCEG-Timestamp']) - 1) } })],
    ['one character of the nonce changed', (call) => {
      const nonce = call.params.headers['X-CCEG-Nonce']!;
      return { headers: { 'X-CCEG-Nonce': nonce.slice(0, -1) + (nonce.endsWith('a') ? 'b' : 'a') } };
    }],
  ];

  it.each(alterations)('refuses the signed edit with %s (401) and records nothing', async (_name, alter) => {
    const request = triggerRequest('Policy');
    const altered = alter(request);
    expect(altered.payload ?? request.params.payload).toHaveLength(request.params.payload.length);

    const response = await send(request, altered);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    expect(await entriesAfter(fx.store, setupHead)).toEqual([]);
  });

  it('refuses the same signed edit sent a second time (a replayed nonce) with 401', async () => {
    const request = triggerRequest('Policy');
    expect((await send(request)).status).toBe(200);
    const committed = await entriesAfter(fx.store, setupHead);

    const replay = await send(request);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/used before/);
    expect(await entriesAfter(fx.store, setupHead)).toEqual(committed);
  });

  it('sends, from checkNow, a signed check that onSheetEdit takes without recording an edit', async () => {
    script.call('checkNow');
    expect(script.fetches).toHaveLength(1);
    const response = await send(script.fetches[0]!);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ check: true, synced: true });
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
  });
});
