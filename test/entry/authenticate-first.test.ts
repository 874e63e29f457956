// Over real HTTP, every target authenticates before it says anything about its configuration, and needs no network to refuse a non-JWT.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { charterConfigSchema } from '../../functions/core/config.js';
import { AUDIENCE, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { signedEdit } from '../support/functions/signed-edits.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';

/** A certificates URL nothing listens on: Google's certificates cannot be fetched. */
const UNREACHABLE_CERTS = 'http://127.0.0.1:9/oauth2/v1/certs';
/** Names of settings an anonymous caller must never read in an answer. */
const SETTING_NAMES = /tickAudience|schedulerServiceAccount|auditAudience|CCEG_WEBHOOK_SECRET|functions\.[a-z]|charter\.yaml/;

let logged: MockInstance<typeof console.error>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  logged.mockRestore();
});

const post = (url: string, token: string | null) => fetch(url, {
  method: 'POST',
  headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'x-cloudscheduler-scheduletime': '2026-03-02T06:00:00Z' },
});
const get = (url: string, token: string | null) => fetch(url, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
const logText = () => logged.mock.calls.map((call) => call.map(String).join(' ')).join('\n');

describe('a deployment whose tick, audit and onSheetEdit are not configured (the shipped config, no secret)', () => {
  const shared = useFunctionsFixture({ config: charterConfigSchema().parse({ access: { staff: [PEOPLE.staff] } }), webhookSecret: null, certsUrl: UNREACHABLE_CERTS });

  const anonymous: [string, () => Promise<Response>][] = [
    ['tick without a token', () => post(shared.fx.functions.url.tick, null)],
    ['tick with a token that is not a JWT', () => post(shared.fx.functions.url.tick, 'not-a-token')],
    ['audit without a token', () => get(`${shared.fx.functions.url.audit}?action=list`, null)],
    ['audit with a token that is not a JWT', () => get(`${shared.fx.functions.url.audit}?action=list`, 'not-a-token')],
    ['onSheetEdit without a signature', () => fetch(shared.fx.functions.url.onSheetEdit, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })],
  ];

  it.each(anonymous)('answers %s with 401 and says nothing of its configuration', async (_name, send) => {
    const response = await send();
    const text = await response.text();

    expect(response.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(text).not.toMatch(SETTING_NAMES);
  });

  const wellFormed: [string, () => Promise<Response>, RegExp][] = [
    ['tick, to a well-formed token', () => post(shared.fx.functions.url.tick, shared.issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler })), /functions\.tickAudience/],
    ['audit, to a well-formed token', () => get(`${shared.fx.functions.url.audit}?action=list`, shared.issuer.sign({ aud: AUDIENCE.audit, email: PEOPLE.staff })), /functions\.auditAudience/],
    ['onSheetEdit, to a well-formed signed edit', () => fetch(shared.fx.functions.url.onSheetEdit, signedEdit({ tab: 'Roster', range: 'C3', editor: PEOPLE.staff }, { secret: SECRET })), /CCEG_WEBHOOK_SECRET/],
  ];

  it.each(wellFormed)('answers %s with 500 BAD_CONFIG naming no setting, and names it in the log', async (_name, send, setting) => {
    const response = await send();
    const text = await response.text();

    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'BAD_CONFIG' } });
    expect(text).not.toMatch(SETTING_NAMES);
    expect(logText()).toMatch(setting);
    expect(shared.fx.workbook.readCalls).toBe(0);
  });
});

describe('a configured deployment that cannot reach Google\'s certificates', () => {
  const shared = useFunctionsFixture({ certsUrl: UNREACHABLE_CERTS });

  it.each([
    ['tick', () => post(shared.fx.functions.url.tick, 'not-a-token')],
    ['tick (three parts, not base64url)', () => post(shared.fx.functions.url.tick, 'a+b.c/d.e=f')],
    ['audit', () => get(`${shared.fx.functions.url.audit}?action=list`, 'not-a-token')],
    ['audit (three base64url parts whose header is not JSON)', () => get(`${shared.fx.functions.url.audit}?action=list`, 'bm90LWpzb24.e30.c2ln')],
  ])('answers %s a token that is not a JWT with 401, without fetching anything', async (_name, send) => {
    const response = await send();

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not a JWT/) } });
  });

  it('answers a well-formed token it cannot verify with 500, since only Google\'s certificates could say', async () => {
    const response = await post(shared.fx.functions.url.tick, shared.issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler }));

    expect(response.status).toBe(500);
    expect(shared.fx.workbook.readCalls).toBe(0);
  });
});
