// Loads functions/index.ts as the Functions Framework does, then sends TARGET its first request (a GET, which builds its
// dependencies from the environment); prints, as one JSON line, the packages and adapters loaded after each step.
import type { AddressInfo } from 'node:net';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { LOADED_MODULES } from './record-loaded-modules.js';

/** The packages (`node_modules/<name>`) and this project's adapter files (`adapters/…`) among the URLs loaded so far. */
function loadedNow(): string[] {
  const urls = (globalThis as unknown as Record<symbol, Set<string> | undefined>)[LOADED_MODULES];
  if (urls === undefined) throw new Error('Run with --import of test/support/functions/record-loaded-modules.ts');
  const names = [...urls].map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? /functions\/(adapters\/.+)\.[jt]s$/.exec(url)?.[1]);
  return [...new Set(names.filter((name) => name !== undefined))].sort();
}

const target = process.env.TARGET;
if (!target) throw new Error('Set TARGET (onSheetEdit, tick, audit or calendar)');
await import('../../../functions/index.js');
const afterLoad = loadedNow();
const server = getTestServer(target);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const status = (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).status;
await new Promise((resolve) => server.close(resolve));
console.log(JSON.stringify({ afterLoad, status, afterFirstRequest: loadedNow() }));
process.exit(0);
