// The Functions Framework targets onSheetEdit, tick and audit (`npx functions-framework --target=onSheetEdit` after a build).
import type { Handlers } from './entry/handlers.js';
import { guarded } from './entry/http.js';
import { registerFunction } from './entry/register.js';

let handlers: Promise<Handlers> | null = null;

/**
 * The handlers, built on the first request: loading this module opens nothing and loads no adapter, the handlers and
 * the composition root are imported then (each adapter on its own first use). A failed build is retried next time.
 */
function loadHandlers(): Promise<Handlers> {
  handlers ??= Promise.all([import('./entry/handlers.js'), import('./entry/runtime.js')])
    .then(async ([{ createHandlers }, { runtimeDeps }]) => createHandlers(await runtimeDeps()))
    .catch((error: unknown) => {
      handlers = null;
      throw error;
    });
  return handlers;
}

for (const target of ['onSheetEdit', 'tick', 'audit'] as const) {
  registerFunction(target, guarded(target, async (req, res) => (await loadHandlers())[target](req, res)));
}
