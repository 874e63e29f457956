// tick over real HTTP: only Cloud Scheduler's OIDC token for the configured audience; once per schedule time; then drafting.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE, LOCATION, PEOPLE } from '../support/functions/functions-fixture.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';
import type { TokenClaims } from '../support/functions/id-tokens.js';
import { cellAt, entriesAfter, headSeq, typeInto } from '../support/functions/sheet-checks.js';
import { SPREADSHEET_ID } from '../support/functions/signed-edits.js';

const shared = useFunctionsFixture();

const SCHEDULE_TIME = '2026-03-02T06:00:00Z';
const schedulerToken = (claims: TokenClaims = {}) => shared.issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler, ...claims });
const tick = (token: string | null, scheduleTime: string | null = SCHEDULE_TIME) => fetch(shared.fx.functions.url.tick, {
  method: 'POST',
  headers: {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(scheduleTime === null ? {} : { 'x-cloudscheduler-scheduletime': scheduleTime }),
  },
});

describe('tick accepts only Cloud Scheduler\'s OIDC token', () => {
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  const cases: [string, () => string | null][] = [
    ['no token', () => null],
    ['a token for another audience', () => schedulerToken({ aud: AUDIENCE.audit })],
    ['a token of another service account', () => schedulerToken({ email: 'intruder@cceg-test.iam.gserviceaccount.com' })],
    ['a token whose e-mail is not verified', () => schedulerToken({ email_verified: false })],
    ['an expired token', () => schedulerToken({ iat: hourAgo - 3600, exp: hourAgo })],
    ['a token from another issuer', () => schedulerToken({ iss: 'https://shared.issuer.example.net' })],
    ['a token signed with another key', () => shared.issuer.forge({ aud: AUDIENCE.tick, email: PEOPLE.scheduler })],
    ['a token that is not a JWT', () => 'not-a-token'],
  ];

  it.each(cases)('answers 401 to %s and syncs nothing', async (_name, token) => {
    const response = await tick(token());

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(shared.fx.workbook.readCalls).toBe(0);
    expect(await shared.fx.store.getDocument('tick', `${LOCATION}@2026-03-02T06:00:00.000Z`)).toBeNull();
  });
});

describe('tick syncs once per schedule time', () => {
  it('syncs the workbook with the pending edits as their editors, and a change no edit names as "unattributed"', async () => {
    const head = await headSeq(shared.fx.store);
    // An edit whose own sync never ran (its instance was stopped): the tick attributes it to its editor.
    const edit = typeInto(shared.fx.workbook, 'Roster', 'Expertise', 3, 'Registries', PEOPLE.gnsoSecretariat);
    await shared.fx.store.recordEdit({
      ...edit, id: 'edit-missed', workbook: LOCATION, spreadsheetId: SPREADSHEET_ID, row: 3, column: shared.fx.workbook.columnOf('Roster', 'Expertise'),
      oldValue: edit.oldValue ?? null, newValue: edit.newValue ?? null, receivedAt: new Date().toISOString(),
    });
    typeInto(shared.fx.workbook, 'Issues', 'Owner', 2, 'Ines', PEOPLE.staff);

    const response = await tick(schedulerToken());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: false, counts: { updated: 2 } });
    expect((await entriesAfter(shared.fx.store, head)).map((entry) => [entry.entity, entry.actor, entry.source])).toEqual([
      ['Roster/P-0002', PEOPLE.gnsoSecretariat, 'tick'],
      ['Issues/I-0001', 'unattributed', 'tick'],
    ]);
    expect(await shared.fx.store.pendingEdits(LOCATION)).toEqual([]);
  });

  it('does nothing on a repeated delivery for the same schedule time, and syncs again for the next one', async () => {
    expect((await tick(schedulerToken())).status).toBe(200);
    const reads = shared.fx.workbook.readCalls;

    const again = await tick(schedulerToken(), '2026-03-02T07:00:00+01:00');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, state: 'done' });
    expect(shared.fx.workbook.readCalls).toBe(reads);

    expect(await (await tick(schedulerToken(), '2026-03-03T06:00:00Z')).json()).toMatchObject({ duplicate: false });
    expect(shared.fx.workbook.readCalls).toBe(reads + 1);
  });

  it('answers 400 to a delivery without a schedule time, and 405 to a GET', async () => {
    expect((await tick(schedulerToken(), null)).status).toBe(400);
    expect((await fetch(shared.fx.functions.url.tick)).status).toBe(405);
    expect(shared.fx.workbook.readCalls).toBe(0);
  });
});

describe('tick drafts the documents that fell due', () => {
  // The compliant workbook's paper was adopted in 2018, long past: its notice would be skipped. Adopted today, it is due.
  beforeEach(() => {
    typeInto(shared.fx.workbook, 'Papers', 'Adopted On', 2, new Date().toISOString().slice(0, 10), PEOPLE.staff);
  });

  it('drafts into the workbook\'s documents place, and a second delivery for the same time drafts nothing', async () => {
    const response = await tick(schedulerToken());
    const body = await response.json() as { documents: { drafted: number; list: { kind: string; key: string; outcome: string; location: string }[] } };
    expect(response.status).toBe(200);
    expect(body.documents.drafted).toBeGreaterThan(0);
    for (const document of body.documents.list) {
      expect(document.outcome).toBe('drafted');
      expect(document.location).toBe(join(shared.fx.documentsDir, document.kind, `${document.key}.html`));
      expect(existsSync(document.location)).toBe(true);
    }
    expect(await (await tick(schedulerToken())).json()).toMatchObject({ duplicate: true });
  });

  it('answers 500 when a document cannot be published, so that the scheduler\'s redelivery drafts it', async () => {
    writeFileSync(shared.fx.documentsDir, 'a file where the documents folder should be');
    const failed = await tick(schedulerToken());
    expect(failed.status).toBe(500);
    const failure = await failed.json() as { error: { code: string; message: string }; documents: { failed: number } };
    expect(failure.error.code).toBe('DRAFTING_FAILED');
    expect(failure.documents.failed).toBeGreaterThan(0);
    expect(failure.error.message).toContain('Cannot write');

    rmSync(shared.fx.documentsDir);
    const retried = await tick(schedulerToken());
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ duplicate: false, documents: { drafted: failure.documents.failed, failed: 0 } });
  });
});

describe('tick drafts from the committed rows, not from what the sheet says', () => {
  it('a refused change to another organization\'s decision never reaches a document', async () => {
    const edit = typeInto(shared.fx.workbook, 'Endorsements', 'Decision', 3, 'Not Support', PEOPLE.gnsoSecretariat);
    await shared.fx.store.recordEdit({
      ...edit, id: 'edit-foreign-decision', workbook: LOCATION, spreadsheetId: SPREADSHEET_ID, row: 3, column: shared.fx.workbook.columnOf('Endorsements', 'Decision'),
      oldValue: edit.oldValue ?? null, newValue: edit.newValue ?? null, receivedAt: new Date().toISOString(),
    });

    const response = await tick(schedulerToken());
    const body = await response.json() as { counts: { refused: number }; documents: { list: { kind: string; key: string }[] } };
    expect(response.status).toBe(200);
    expect(body.counts.refused).toBe(1);
    expect(body.documents.list.map((document) => `${document.kind} ${document.key}`)).not.toContain('dissent PP-0001');
    expect(body.documents.list.map((document) => `${document.kind} ${document.key}`)).toContain('notice PP-0001');
    expect(cellAt(shared.fx.workbook, 'Endorsements', 'Decision', 3)).toBe('Support');
  });
});
