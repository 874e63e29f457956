// functions/index.ts, the module the Functions Framework loads: every target it registers is behind the request guard.
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import '../functions/index.js';

const TARGETS = ['onSheetEdit', 'tick', 'audit', 'calendar'] as const;
const servers = TARGETS.map((target) => ({ target, server: getTestServer(target) }));
const url: Partial<Record<(typeof TARGETS)[number], string>> = {};

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  for (const { target, server } of servers) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url[target] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

describe.each(TARGETS)('the %s target functions/index.ts registers', (target) => {
  it('answers a 5 MB body with 413 and one JSON line, before its dependencies are built', async () => {
    const response = await fetch(url[target]!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{'.repeat(5 * 1024 * 1024) });

    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/^\{"error":\{"code":"PAYLOAD_TOO_LARGE","message":"[^\n]+"\}\}$/);
  });

  it('answers a path that does not decode with 400 and one JSON line, not an HTML page with a stack', async () => {
    const response = await fetch(`${url[target]!}%E0%A4%A`);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });
});
