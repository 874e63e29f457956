// calendar over real HTTP (the Functions Framework's test server): the sample's deadlines from a SQLite store, parsed by ical.js.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../functions/adapters/memory/memory-workbook.js';
import { googleIdTokenVerifier } from '../../functions/adapters/oidc/google-id-token-verifier.js';
import { openSqliteStore, type SqliteRecordStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { readWorkbook } from '../../functions/cli/workbook-source.js';
import { charterConfigSchema, type CharterConfig } from '../../functions/core/config.js';
import { createCalendar } from '../../functions/entry/calendar.js';
import { registerFunction } from '../../functions/entry/register.js';
import { startTokenIssuer, type TokenIssuer } from '../support/functions/id-tokens.js';
import { SAMPLE_WORKBOOK } from '../support/sample-agm.js';

const TOKENS = { chairs: 'chairs-0123456789abcdef0123456789abcdef', GAC: 'gac-0123456789abcdef0123456789abcdef01', staff: 'staff-0123456789abcdef0123456789abcdef' };
const SCRIPT_AUDIENCE = '1234567890-menu.apps.googleusercontent.com';
const STAFF = 'ines@icann.example.org';
const TODAY = '2018-09-01';

interface Served {
  readonly url: string;
  close(): Promise<void>;
}

let registered = 0;

/** Serves a calendar handler as `functions-framework --target=calendar` would, on 127.0.0.1. */
async function serveCalendar(handler: ReturnType<typeof createCalendar>): Promise<Served> {
  const name = `calendar-test-${++registered}`;
  registerFunction(name, handler);
  const server = getTestServer(name);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function configWith(functions: Record<string, unknown>): CharterConfig {
  return charterConfigSchema().parse({ access: { staff: [STAFF] }, functions });
}

let issuer: TokenIssuer;
let workbook: MemoryWorkbook;
let store: SqliteRecordStore;
let served: Served[];
let clock: Date;
const config = configWith({ calendarTokens: TOKENS, scriptAudience: SCRIPT_AUDIENCE });

/** Syncs the workbook into the store as the CLI would, at `at`. */
async function syncAt(at: string): Promise<void> {
  await syncWorkbook({ reader: workbook, writer: workbook, store, now: () => new Date(at), newId: randomUUID },
    { workbook: 'sample.xlsx', actor: 'setup@cli', source: 'cli', today: TODAY, config });
}

async function calendarOf(deploymentConfig: CharterConfig): Promise<string> {
  const running = await serveCalendar(createCalendar({ config: deploymentConfig, store, now: () => clock, verifier: googleIdTokenVerifier({ certsUrl: issuer.certsUrl }) }));
  served.push(running);
  return running.url;
}

function events(ics: string): Map<string, ICAL.Event> {
  const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
  return new Map(vevents.map((vevent) => new ICAL.Event(vevent)).map((event) => [event.uid, event]));
}

async function feed(url: string, query: string): Promise<Map<string, ICAL.Event>> {
  const response = await fetch(`${url}?${query}`);
  expect(response.status).toBe(200);
  return events(await response.text());
}

/** Sets a cell of the work plan row with this ID, as a person would in the sheet. */
function editWorkPlan(id: string, header: string, value: string): void {
  const idColumn = workbook.columnOf('WorkPlan', 'ID');
  let row = 2;
  while (workbook.cell('WorkPlan', row, idColumn) !== id) {
    if (++row > 1000) throw new Error(`No work plan row ${id}`);
  }
  workbook.setCell('WorkPlan', row, workbook.columnOf('WorkPlan', header), value);
}

beforeAll(async () => {
  issuer = await startTokenIssuer();
});
afterAll(async () => {
  await issuer.close();
});
beforeEach(async () => {
  workbook = new MemoryWorkbook(await readWorkbook(SAMPLE_WORKBOOK));
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cceg-calendar-')), 'store.cceg.db'));
  served = [];
  clock = new Date(`${TODAY}T08:00:00Z`);
  await syncAt('2018-08-31T12:00:00Z');
});
afterEach(async () => {
  await Promise.all(served.map((running) => running.close()));
  await store.close();
});

describe('calendar serves the deadlines from the store', () => {
  it('serves the open deadlines as all-day events, text/calendar in UTF-8', async () => {
    const url = await calendarOf(config);
    const response = await fetch(`${url}?token=${TOKENS.chairs}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    const workPlan = events(ics).get('workplan-due-W-0020@cceg-ig');
    expect(workPlan?.startDate.isDate).toBe(true);
    expect(workPlan?.startDate.toString()).toBe('2018-09-28');
    expect(workPlan?.endDate.toString()).toBe('2018-09-29');
    expect(ics).toContain('DTSTART;VALUE=DATE:20180928\r\nDTEND;VALUE=DATE:20180929\r\n');
    expect(workPlan?.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2018-08-31T12:00:00Z');
    expect([...events(ics).keys()]).toEqual(expect.arrayContaining([
      'endorsement-decision-PP-0006-GAC@cceg-ig', 'endorsement-decision-PP-0006-GNSO@cceg-ig', 'update-report-ICANN64@cceg-ig',
    ]));
  });

  it('keeps the UID and raises the SEQUENCE of a deadline whose date moved between two fetches', async () => {
    const url = await calendarOf(config);
    const before = (await feed(url, `token=${TOKENS.chairs}`)).get('workplan-due-W-0020@cceg-ig')!;
    const untouched = (await feed(url, `token=${TOKENS.chairs}`)).get('update-report-ICANN64@cceg-ig')!;

    editWorkPlan('W-0020', 'Due Date', '2018-10-05');
    await syncAt('2018-09-01T09:30:00Z');
    const after = await feed(url, `token=${TOKENS.chairs}`);

    const moved = after.get('workplan-due-W-0020@cceg-ig')!;
    expect(moved.startDate.toString()).toBe('2018-10-05');
    expect(moved.endDate.toString()).toBe('2018-10-06');
    expect(moved.sequence).toBeGreaterThan(before.sequence);
    expect(moved.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2018-09-01T09:30:00Z');
    expect(after.get('update-report-ICANN64@cceg-ig')!.sequence).toBe(untouched.sequence);
  });

  it('drops a deadline once it is met', async () => {
    const url = await calendarOf(config);
    expect((await feed(url, `token=${TOKENS.chairs}`)).has('workplan-due-W-0020@cceg-ig')).toBe(true);

    editWorkPlan('W-0020', 'Status', 'Done');
    await syncAt('2018-09-01T09:30:00Z');

    expect((await feed(url, `token=${TOKENS.chairs}`)).has('workplan-due-W-0020@cceg-ig')).toBe(false);
  });

  it.each([
    { name: 'the chairs asking for GAC', query: `token=${TOKENS.chairs}&for=GAC` },
    { name: "GAC's own token", query: `token=${TOKENS.GAC}` },
    { name: "GAC's own token asking for GAC", query: `token=${TOKENS.GAC}&for=GAC` },
  ])("shows only GAC's deadlines to $name", async ({ query }) => {
    const url = await calendarOf(config);
    const gac = await feed(url, query);

    expect([...gac.keys()]).toEqual(['endorsement-decision-PP-0006-GAC@cceg-ig']);
  });

  it("refuses GAC's token another organization's deadlines", async () => {
    const url = await calendarOf(config);
    expect((await fetch(`${url}?token=${TOKENS.GAC}&for=GNSO`)).status).toBe(403);
  });

  it('answers a wrong, missing or unconfigured token with the same 404 and body', async () => {
    const url = await calendarOf(config);
    const bare = await calendarOf(configWith({}));
    const answers = await Promise.all([
      fetch(`${url}?token=${TOKENS.chairs.slice(0, -1)}x`),
      fetch(`${url}?token=${'0'.repeat(40)}`),
      fetch(url),
      fetch(`${url}?token=${TOKENS.chairs}&token=${TOKENS.chairs}`),
      fetch(`${bare}?token=${TOKENS.chairs}`),
      fetch(`${bare}some/other/path`),
    ].map(async (pending) => {
      const response = await pending;
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    }));

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 404, body: '{"error":{"code":"NOT_FOUND","message":"Not found."}}' });
  });
});

describe('calendar ?action=subscribe gives the spreadsheet menu the caller\'s feed', () => {
  const subscribe = (url: string, token: string | null) =>
    fetch(`${url}?action=subscribe`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

  it.each([
    { name: "a GAC secretariat gets GAC's feed", email: 'GAC-Secretariat@example.org', audience: 'GAC', token: TOKENS.GAC },
    { name: 'GAC\'s chair gets GAC\'s feed', email: 'gac-chair@example.org', audience: 'GAC', token: TOKENS.GAC },
    { name: 'staff get the staff feed', email: STAFF, audience: 'staff', token: TOKENS.staff },
  ])('$name', async ({ email, audience, token }) => {
    const url = await calendarOf(config);
    const response = await subscribe(url, issuer.sign({ aud: SCRIPT_AUDIENCE, email }));

    expect(response.status).toBe(200);
    const body = (await response.json()) as { url: string; audience: string };
    expect(body).toEqual({ url: `${url}?token=${token}`, audience });
    expect((await fetch(body.url)).headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });

  it.each([
    { name: 'an organization with no token configured', status: 404, token: () => issuer.sign({ aud: SCRIPT_AUDIENCE, email: 'gnso-secretariat@example.org' }) },
    { name: 'someone who is no contact', status: 403, token: () => issuer.sign({ aud: SCRIPT_AUDIENCE, email: 'mallory@example.net' }) },
    { name: 'an unverified e-mail', status: 403, token: () => issuer.sign({ aud: SCRIPT_AUDIENCE, email: STAFF, email_verified: false }) },
    { name: 'a token for another audience', status: 401, token: () => issuer.sign({ aud: 'https://audit.cceg.example.org', email: STAFF }) },
    { name: 'no token', status: 401, token: () => null },
  ])('answers $name with $status and an error', async ({ status, token }) => {
    const url = await calendarOf(config);
    const response = await subscribe(url, token());

    expect(response.status).toBe(status);
    expect(Object.keys((await response.json()) as object)).toEqual(['error']);
  });
});
