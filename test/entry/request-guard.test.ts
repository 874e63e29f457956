// Every target over real HTTP answers every failure with one JSON line, bodies over 1 MB before they are read, never a stack.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/entry/request-guard.js';
import { AUDIENCE, LOCATION, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { entriesAfter, headSeq } from '../support/functions/sheet-checks.js';
import { signedEdit, SPREADSHEET_ID } from '../support/functions/signed-edits.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';

const shared = useFunctionsFixture();
const ONE_JSON_LINE = /^\{"error":\{"code":"[A-Z_]+","message":"[^\n]+"\}\}$/;
let logged: MockInstance<typeof console.error>;
let setupHead: number;

beforeEach(async () => {
  setupHead = await headSeq(shared.fx.store);
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  logged.mockRestore();
});

/** The response's status and text, and that it is one JSON error line of `code`. */
async function expectJsonError(response: Response, status: number, code: string): Promise<string> {
  const text = await response.text();
  expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status, type: 'application/json; charset=utf-8' });
  expect(text).toMatch(ONE_JSON_LINE);
  expect(JSON.parse(text)).toMatchObject({ error: { code } });
  return text;
}

/** Nothing logged has more than one line, so no stack trace went to the log. */
function expectNoStackLogged(): void {
  const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
  for (const line of lines) expect(line).not.toMatch(/\n|\bat JSON\.parse\b/);
}

async function expectNothingRecorded(): Promise<void> {
  expect(await shared.fx.store.pendingEdits(LOCATION)).toEqual([]);
  expect(await entriesAfter(shared.fx.store, setupHead)).toEqual([]);
  expect(shared.fx.workbook.readCalls).toBe(0);
}

/**
 * A POST whose headers announce `length` bytes of which only `first` is sent (with `Expect: 100-continue`, none until
 * the server asks): resolves with the answer, and whether the server asked for the body.
 */
function postAnnouncing(url: string, length: number, first: Buffer, expectContinue = false): Promise<{ status: number; text: string; askedForBody: boolean }> {
  return new Promise((resolve, reject) => {
    let askedForBody = false;
    const headers = { 'content-type': 'application/json', 'content-length': String(length), ...(expectContinue ? { expect: '100-continue' } : {}) };
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), askedForBody });
      });
    });
    outgoing.on('continue', () => {
      askedForBody = true;
      outgoing.write(first);
    });
    outgoing.on('error', reject);
    if (expectContinue) outgoing.flushHeaders();
    else outgoing.write(first);
  });
}

describe('a body that does not parse', () => {
  it('answers a signed edit whose body is not JSON with 400 and one JSON line, recording nothing and logging no stack', async () => {
    const edit = { tab: 'Roster', range: 'C3', editor: PEOPLE.staff };
    const malformed = JSON.stringify(edit).slice(0, -1);
    const response = await fetch(shared.fx.functions.url.onSheetEdit, signedEdit(edit, { secret: SECRET, text: malformed }));

    expect(await expectJsonError(response, 400, 'BAD_REQUEST')).toBe('{"error":{"code":"BAD_REQUEST","message":"The body is not JSON."}}');
    await expectNothingRecorded();
    expectNoStackLogged();
  });

  it('answers an unsigned body that is not JSON with 401: nothing is parsed before the signature is checked', async () => {
    const response = await fetch(shared.fx.functions.url.onSheetEdit, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"tab":' });

    await expectJsonError(response, 401, 'UNAUTHENTICATED');
    await expectNothingRecorded();
    expectNoStackLogged();
  });

  it('answers the scheduler\'s tick with a body that is not JSON with 400 and one JSON line', async () => {
    const token = shared.issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler });
    const response = await fetch(shared.fx.functions.url.tick, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"scheduleTime":',
    });

    await expectJsonError(response, 400, 'BAD_REQUEST');
    expect(shared.fx.workbook.readCalls).toBe(0);
    expectNoStackLogged();
  });

  it('answers a POST with a malformed JSON body to audit with 405 and one JSON line', async () => {
    const response = await fetch(`${shared.fx.functions.url.audit}?action=list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });

    await expectJsonError(response, 405, 'METHOD_NOT_ALLOWED');
    expectNoStackLogged();
  });

  it.each(['onSheetEdit', 'tick', 'audit'] as const)('answers a path that does not decode (%s) with 400 and one JSON line', async (target) => {
    const response = await fetch(`${shared.fx.functions.url[target]}%E0%A4%A`);

    await expectJsonError(response, 400, 'BAD_REQUEST');
    expectNoStackLogged();
  });

  it('answers a compressed body with 400 and one JSON line: bodies are never inflated', async () => {
    const response = await fetch(shared.fx.functions.url.onSheetEdit, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'not really gzip' });

    await expectJsonError(response, 400, 'BAD_REQUEST');
    await expectNothingRecorded();
  });
});

describe('a body over the limit (1 MB)', () => {
  it('answers 413 as soon as Content-Length says 5 MB, before the body is sent, and records nothing', async () => {
    const answer = await postAnnouncing(shared.fx.functions.url.onSheetEdit, 5 * 1024 * 1024, Buffer.from('{"tab":"'));

    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(ONE_JSON_LINE);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    await expectNothingRecorded();
    expectNoStackLogged();
  });

  it('answers 413 to a client that sends Expect: 100-continue for 5 MB, without asking for the body', async () => {
    const answer = await postAnnouncing(shared.fx.functions.url.onSheetEdit, 5 * 1024 * 1024, Buffer.from('{}'), true);

    expect(answer).toMatchObject({ status: 413, askedForBody: false });
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    await expectNothingRecorded();
  });

  it('answers 413 to 5 MB of malformed JSON sent in full: the size is checked, not the syntax', async () => {
    const response = await fetch(shared.fx.functions.url.onSheetEdit, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{'.repeat(5 * 1024 * 1024) });

    await expectJsonError(response, 413, 'PAYLOAD_TOO_LARGE');
    await expectNothingRecorded();
  });

  it('answers 413 to a chunked body (no Content-Length) once it passes the limit', async () => {
    const chunks = Array.from({ length: 24 }, () => new Uint8Array(64 * 1024).fill(0x20));
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => (chunks.length > 0 ? controller.enqueue(chunks.pop()!) : controller.close()) });
    const response = await fetch(shared.fx.functions.url.onSheetEdit, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);

    await expectJsonError(response, 413, 'PAYLOAD_TOO_LARGE');
    await expectNothingRecorded();
  });

  it('takes a signed edit padded to exactly the limit, and answers 413 to one byte more', async () => {
    const edit = { spreadsheetId: SPREADSHEET_ID, tab: 'Roster', range: 'C3', editor: PEOPLE.staff, oldValue: null, newValue: null };
    const json = JSON.stringify(edit);
    const atLimit = json + ' '.repeat(MAX_BODY_BYTES - json.length);
    const url = shared.fx.functions.url.onSheetEdit;

    expect((await fetch(url, signedEdit(edit, { secret: SECRET, text: `${atLimit} ` }))).status).toBe(413);
    const response = await fetch(url, signedEdit(edit, { secret: SECRET, text: atLimit }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ synced: true });
  });
});
