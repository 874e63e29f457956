// The Functions Framework targets onSheetEdit, tick, audit and calendar (`npx functions-framework --target=onSheetEdit` after a build).
import { guarded, type Handler } from './entry/http.js';
import type { ProcessDeps } from './entry/process-deps.js';
import { registerFunction } from './entry/register.js';

/** A target's handler, built from what the process shares; its module is imported only then. */
type HandlerFactory = () => Promise<Handler>;

/** A handler module once imported, with the process's dependencies (the two are loaded side by side). */
function withDeps<T>(module: Promise<T>): Promise<[T, ProcessDeps]> {
  return Promise.all([module, import('./entry/process-deps.js').then(({ processDeps }) => processDeps())]);
}

/**
 * Each target's handler module with the dependencies it is built from: a target loads only its own module on its first
 * request (`--target=audit` never loads the sync or the drafting), and the composition root builds the shared
 * dependencies then (each adapter on its own first use). Loading this module opens nothing and loads no adapter.
 */
const FACTORIES = {
  onSheetEdit: async () => {
    const [{ createOnSheetEdit }, { deps, coalescer }] = await withDeps(import('./entry/on-sheet-edit.js'));
    return createOnSheetEdit(deps, coalescer);
  },
  tick: async () => {
    const [{ createTick }, { deps, coalescer }] = await withDeps(import('./entry/tick.js'));
    return createTick(deps, coalescer);
  },
  audit: async () => {
    const [{ createAudit }, { deps }] = await withDeps(import('./entry/audit.js'));
    return createAudit(deps);
  },
  calendar: async () => {
    const [{ createCalendar }, { deps }] = await withDeps(import('./entry/calendar.js'));
    return createCalendar(deps);
  },
} satisfies Record<string, HandlerFactory>;

/** The handler of `target`, built on its first request; a failed build is retried next time. */
function lazyHandler(factory: HandlerFactory): Handler {
  let handler: Promise<Handler> | null = null;
  return async (req, res) => {
    handler ??= factory().catch((error: unknown) => {
      handler = null;
      throw error;
    });
    return (await handler)(req, res);
  };
}

for (const [target, factory] of Object.entries(FACTORIES)) registerFunction(target, guarded(target, lazyHandler(factory)));
