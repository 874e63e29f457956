// Small builders for the store contracts: records, audit drafts, runs, document entries and whole batches.
import type { AuditDraft, AuditEntry, AuditOp } from '../../../functions/core/audit/audit-entry.js';
import { contentHash } from '../../../functions/core/canonical-json.js';
import { recordKey, type DocumentEntry, type RunRecord, type StoredRecord } from '../../../functions/core/records/stored-record.js';
import type { SheetEdit } from '../../../functions/core/records/sheet-edit.js';
import type { CommitBatch, RecordLog } from '../../../functions/ports/record-log.port.js';

/** The clock every fixture uses. */
export const T0 = new Date('2025-03-01T12:00:00.000Z');

/** `ms` milliseconds after T0. */
export const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** A stored record of `tab`/`id` holding `data`, with its content hash. */
export function storedRecord(tab: string, id: string, data: Record<string, unknown>, overrides: Partial<StoredRecord> = {}): StoredRecord {
  return { tab, id, hash: contentHash(data), data, tombstoned: false, committedAt: T0.toISOString(), runId: 'run-1', ...overrides };
}

/** An audit draft for an entity, from the CLI, by the secretariat. */
export function auditDraft(entity: string, op: AuditOp, before: unknown, after: unknown, overrides: Partial<AuditDraft> = {}): AuditDraft {
  return { at: T0.toISOString(), actor: 'secretariat@example.org', source: 'cli', entity, op, before, after, ...overrides };
}

/** A sync run with the given counts. */
export function runRecord(id: string, counts: Partial<RunRecord['counts']> = {}): RunRecord {
  return {
    id,
    workbook: '/groups/cceg-ig.xlsx',
    actor: 'secretariat@example.org',
    source: 'cli',
    startedAt: T0.toISOString(),
    finishedAt: new Date(T0.getTime() + 1_250).toISOString(),
    durationMs: 1_250,
    counts: { created: 0, updated: 0, tombstoned: 0, refused: 0, unchanged: 0, notCommitted: 0, ...counts },
    findings: { errors: 0, warnings: 2 },
  };
}

/** A drafted document's index entry. */
export function documentEntry(kind: string, key: string, overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return { kind, key, location: `drive:${kind}/${key}`, title: `${kind} ${key}`, draftedAt: T0.toISOString(), runId: 'run-1', fingerprint: null, version: null, updatedAt: null, ...overrides };
}

/** A sheet edit of the Roster's Name cell on row `n + 1`, received `n` seconds after T0. */
export function sheetEdit(n: number, overrides: Partial<SheetEdit> = {}): SheetEdit {
  return {
    id: `edit-${String(n).padStart(3, '0')}`, workbook: 'sheets:book-1', spreadsheetId: 'book-1', tab: 'Roster', range: `B${n + 1}`,
    row: n + 1, column: 2, editor: 'sec@gnso.example.org', oldValue: `Person ${n}`, newValue: `Person ${n} (renamed)`,
    receivedAt: new Date(T0.getTime() + n * 1000).toISOString(), ...overrides,
  };
}

/** A Roster row's data. */
export function rosterData(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: rosterId(n), name: `Person ${n}`, organization: 'GNSO', role: 'Member', email: `p${n}@example.org`, ...extra };
}

/** `P-0001`-style Roster IDs. */
export function rosterId(n: number): string {
  return `P-${String(n).padStart(4, '0')}`;
}

/** A run creating Roster records `from`…`from + count - 1`, one `create` draft each. */
export function createBatch(runId: string, count: number, from = 1): CommitBatch {
  const records: StoredRecord[] = [];
  const drafts: AuditDraft[] = [];
  for (let n = from; n < from + count; n += 1) {
    const record = storedRecord('Roster', rosterId(n), rosterData(n), { runId });
    records.push(record);
    drafts.push(auditDraft(recordKey('Roster', record.id), 'create', null, record.data));
  }
  return { records, drafts, run: runRecord(runId, { created: count }) };
}

/** The whole audit log, read page by page. */
export async function readWholeLog(store: Pick<RecordLog, 'auditPage'>, pageSize = 500): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (;;) {
    const page = await store.auditPage(entries.at(-1)?.seq ?? 0, pageSize);
    entries.push(...page);
    if (page.length < pageSize) return entries;
  }
}
