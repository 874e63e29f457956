// The sync the Cloud Functions run: the CLI's use case, taking the pending sheet edits, coalesced per workbook.
import { syncWorkbook, type SyncResult } from '../app/sync.js';
import type { AuditSource } from '../core/audit/audit-entry.js';
import { toIsoDate } from '../core/dates.js';
import type { FunctionDeps, WorkbookTarget } from './function-deps.js';
import type { SyncCoalescer } from '../app/sync-coalescer.js';

/**
 * Asks for a sync of `target` that starts after this call and resolves with its result. Syncs of one workbook run one
 * at a time in this process (the coalescer) and across instances (the store lease inside `syncWorkbook`).
 */
export function requestSync(deps: FunctionDeps, coalescer: SyncCoalescer<SyncResult>, target: WorkbookTarget, source: AuditSource, actor: string): Promise<SyncResult> {
  return coalescer.request(target.location, () => {
    const ports = { reader: target.reader, writer: target.writer, store: deps.store, now: deps.now, newId: deps.newId };
    const today = toIsoDate(deps.now().getTime());
    return syncWorkbook(ports, { workbook: target.location, actor, source, today, config: deps.config, takeEdits: true }).then((result) => {
      logAuditAnchor(target.location, result);
      return result;
    });
  });
}

/**
 * One structured log line per sync with the audit log's head: Cloud Logging keeps it where the store cannot rewrite it,
 * so `cceg audit verify --anchor SEQ:HASH` can check the log against it later.
 */
function logAuditAnchor(workbook: string, result: SyncResult): void {
  const anchor = result.auditHead === null ? null : `${result.auditHead.seq}:${result.auditHead.hash}`;
  console.log(JSON.stringify({ severity: 'NOTICE', message: `cceg sync ${result.run.id} of ${workbook}: audit anchor ${anchor ?? 'none (empty log)'}`, run: result.run.id, workbook, auditAnchor: anchor }));
}
