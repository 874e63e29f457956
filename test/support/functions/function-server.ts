// Serves handlers through the real Functions Framework (its express app, body parsers and rawBody), registered as production registers them, on 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import type { Handlers } from '../../../functions/entry/handlers.js';
import { registerFunction } from '../../../functions/entry/register.js';

/** The base URL of each target, and a way to stop them. */
export interface RunningFunctions {
  readonly url: Record<keyof Handlers, string>;
  close(): Promise<void>;
}

let served = 0;

/** Registers the handlers under fresh names (with the request guard, as `functions/index.ts` does) and serves each as `functions-framework --target` would. */
export async function serveFunctions(handlers: Handlers): Promise<RunningFunctions> {
  const servers = await Promise.all((Object.keys(handlers) as (keyof Handlers)[]).map(async (target) => {
    const name = `${target}-test-${++served}`;
    registerFunction(name, handlers[target]);
    const server = getTestServer(name);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { target, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
  }));
  return {
    url: Object.fromEntries(servers.map(({ target, url }) => [target, url])) as Record<keyof Handlers, string>,
    close: async () => {
      await Promise.all(servers.map(({ server }) => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })));
    },
  };
}
