// The Functions Framework targets onSheetEdit, tick and audit (`npx functions-framework --target=onSheetEdit` after a build).
import { createHandlers, type Handlers } from './entry/handlers.js';
import { guarded } from './entry/http.js';
import { registerFunction } from './entry/register.js';
import { runtimeDeps } from './entry/runtime.js';

let handlers: Promise<Handlers> | null = null;

/** The handlers, built on the first request (so loading this module opens nothing); a failed build is retried next time. */
function loadHandlers(): Promise<Handlers> {
  handlers ??= runtimeDeps().then(createHandlers, (error: unknown) => {
    handlers = null;
    throw error;
  });
  return handlers;
}

for (const target of ['onSheetEdit', 'tick', 'audit'] as const) {
  registerFunction(target, guarded(target, async (req, res) => (await loadHandlers())[target](req, res)));
}
