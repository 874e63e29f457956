// The three Cloud Functions over one set of dependencies and one sync coalescer.
import { createAudit } from './audit.js';
import { syncCoalescerFor, type FunctionDeps } from './function-deps.js';
import type { Handler } from './http.js';
import { createOnSheetEdit } from './on-sheet-edit.js';
import { createTick } from './tick.js';

/** The handlers of the Functions Framework targets. */
export interface Handlers {
  readonly onSheetEdit: Handler;
  readonly tick: Handler;
  readonly audit: Handler;
}

/** Builds the handlers; edits and ticks of one workbook share the coalescer, so at most one sync of it runs at a time. */
export function createHandlers(deps: FunctionDeps): Handlers {
  const coalescer = syncCoalescerFor(deps);
  return { onSheetEdit: createOnSheetEdit(deps, coalescer), tick: createTick(deps, coalescer), audit: createAudit(deps) };
}
