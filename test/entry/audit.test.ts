// audit over real HTTP: list and verify for staff on the allow-list, identified by a verified Google ID token.
import { describe, expect, it } from 'vitest';
import { AUDIENCE, PEOPLE } from '../support/functions/functions-fixture.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';
import type { TokenClaims } from '../support/functions/id-tokens.js';

const shared = useFunctionsFixture();

const staffToken = (claims: TokenClaims = {}) => shared.issuer.sign({ aud: AUDIENCE.audit, email: PEOPLE.staff, ...claims });
const audit = (query: string, token: string | null) =>
  fetch(`${shared.fx.functions.url.audit}?${query}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });

describe('audit serves staff on the allow-list', () => {
  it('lists the audit log, with filters, to staff', async () => {
    const all = await audit('action=list', staffToken());
    const roster = await audit('action=list&entity=Roster/P-0001', staffToken({ email: PEOPLE.staff.toUpperCase() }));

    expect(all.status).toBe(200);
    const { entries } = (await all.json()) as { entries: { seq: number; op: string }[] };
    expect(entries.length).toBeGreaterThan(30);
    expect(entries.every((entry) => entry.op === 'create')).toBe(true);
    expect(((await roster.json()) as { entries: { entity: string }[] }).entries.map((entry) => entry.entity)).toEqual(['Roster/P-0001']);
  });

  it('verifies the hash chain for staff', async () => {
    const response = await audit('action=verify', staffToken());

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, count: (await shared.fx.store.auditHead())?.seq });
  });

  const refusals: [string, number, () => string | null][] = [
    ['no token', 401, () => null],
    ['a token for another audience', 401, () => staffToken({ aud: AUDIENCE.tick })],
    ['an expired token', 401, () => staffToken({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['a valid token of someone not on the allow-list', 403, () => staffToken({ email: PEOPLE.gnsoSecretariat })],
    ['a staff token whose e-mail is not verified', 403, () => staffToken({ email_verified: false })],
  ];

  it.each(refusals)('answers %s with %i and no entries', async (_name, status, token) => {
    const response = await audit('action=list', token());

    expect(response.status).toBe(status);
    expect(Object.keys((await response.json()) as object)).toEqual(['error']);
  });

  it('answers 400 to an unknown action and 405 to a POST', async () => {
    expect((await audit('action=export', staffToken())).status).toBe(400);
    expect((await fetch(`${shared.fx.functions.url.audit}?action=list`, { method: 'POST', headers: { authorization: `Bearer ${staffToken()}` } })).status).toBe(405);
  });
});
