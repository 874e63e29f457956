// The audit use cases: list with filters, verify the hash chain, export as CSV or JSON lines; page by page.
import { anchorMismatch, recordMismatch } from '../core/audit/anchor.js';
import type { AuditEntry, AuditHead } from '../core/audit/audit-entry.js';
import { verifyChain, verifyHead, type ChainVerdict } from '../core/audit/chain.js';
import { describeEntry, type DescribedChange } from '../core/audit/field-changes.js';
import type { RecordLog } from '../ports/record-log.port.js';

const PAGE = 1000;

/** Every audit entry in seq order, fetched a page at a time. */
export async function* auditEntries(store: RecordLog): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    const page = await store.auditPage(after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

/** Which entries to list: since a date or time, by an actor, about an entity (`Tab/ID` or a whole `Tab`). */
export interface AuditFilter {
  readonly since?: string;
  readonly actor?: string;
  readonly entity?: string;
}

/** True when the entry passes the filter (actor and entity case-insensitive). */
export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.since !== undefined && entry.at < filter.since) return false;
  if (filter.actor !== undefined && entry.actor.toLowerCase() !== filter.actor.toLowerCase()) return false;
  if (filter.entity !== undefined) {
    const wanted = filter.entity.toLowerCase();
    const entity = entry.entity.toLowerCase();
    if (entity !== wanted && !entity.startsWith(`${wanted}/`)) return false;
  }
  return true;
}

/** The entries that pass the filter, in seq order. */
export async function listAudit(store: RecordLog, filter: AuditFilter): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of auditEntries(store)) if (matchesFilter(entry, filter)) entries.push(entry);
  return entries;
}

/** The history of one record (`Tab/ID`), oldest first, each change told field by field. */
export async function auditHistory(store: RecordLog, entity: string): Promise<DescribedChange[]> {
  const exact = entity.toLowerCase();
  return (await listAudit(store, { entity })).filter((entry) => entry.entity.toLowerCase() === exact).map(describeEntry);
}

/** What verification found beyond the chain: whether it reached the anchor, and whether the records agree with it. */
export type AuditVerdict = ChainVerdict & {
  /** Why the log does not reach the anchor given (null: it does, or none was given). */
  readonly anchorProblem?: string | null;
  /** The first record that disagrees with the log (null: none). */
  readonly recordProblem?: string | null;
};

/**
 * Recomputes the whole chain and checks it against the store's recorded head; with `anchor` (a seq and hash kept
 * outside the store: the Dashboard's last line, a run's log line), that the log still holds that entry; and that
 * every record is what the log made it (a record changed without an entry, or an entry without its record).
 */
export async function verifyAudit(store: RecordLog, options: { readonly anchor?: AuditHead } = {}): Promise<AuditVerdict> {
  return (await verifiedLog(store, options)).verdict;
}

/** The verdict on the whole log, as `verifyAudit` gives it, and the entries that pass `filter`, from one read of the log. */
export async function verifiedListAudit(store: RecordLog, filter: AuditFilter): Promise<{ readonly verdict: AuditVerdict; readonly entries: AuditEntry[] }> {
  const { verdict, entries } = await verifiedLog(store, {});
  return { verdict, entries: entries.filter((entry) => matchesFilter(entry, filter)) };
}

/** Reads the whole log once and verifies it (see `verifyAudit`); gives the entries read as well. */
async function verifiedLog(store: RecordLog, options: { readonly anchor?: AuditHead }): Promise<{ readonly verdict: AuditVerdict; readonly entries: AuditEntry[] }> {
  // The head first: a sync committing meanwhile only makes the chain longer than the head, which verifyHead allows.
  const head = await store.auditHead();
  const entries: AuditEntry[] = [];
  for await (const entry of auditEntries(store)) entries.push(entry);
  const chain = verifyHead(verifyChain(entries), head);
  if (!chain.ok) return { verdict: chain, entries };
  const anchorProblem = options.anchor ? anchorMismatch(entries, options.anchor) : null;
  // Records committed after the log was read would look unlogged: compare with the log as far as the store's head.
  const logged = head === null ? entries : entries.filter((entry) => entry.seq <= head.seq);
  const recordProblem = recordMismatch(logged, await store.loadRecords());
  return { verdict: { ...chain, anchorProblem, recordProblem }, entries };
}

/** The verdict as one sentence for people, and whether it is good news. */
export function verdictSummary(verdict: AuditVerdict): { readonly ok: boolean; readonly text: string } {
  if (!verdict.ok) return { ok: false, text: `The audit log is broken at seq ${verdict.seq}: ${verdict.reason}.` };
  if (verdict.anchorProblem) return { ok: false, text: `The audit log does not reach its anchor: ${verdict.anchorProblem}.` };
  if (verdict.recordProblem) return { ok: false, text: `The records do not match the audit log: ${verdict.recordProblem}.` };
  const count = `${verdict.count} entr${verdict.count === 1 ? 'y' : 'ies'}`;
  return { ok: true, text: `The audit log is intact: ${count}, chain verified${verdict.head ? ` up to seq ${verdict.head.seq}` : ''}, every record matches it.` };
}

const CSV_COLUMNS = ['seq', 'at', 'actor', 'source', 'entity', 'op', 'before', 'after', 'prevHash', 'hash'] as const;

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula: prefix a quote so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes every entry as CSV (header first) or JSON lines, through `write`. */
export async function exportAudit(store: RecordLog, format: 'csv' | 'jsonl', write: (text: string) => void): Promise<number> {
  let count = 0;
  if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
  for await (const entry of auditEntries(store)) {
    write(format === 'csv' ? `${CSV_COLUMNS.map((column) => csvField(entry[column])).join(',')}\r\n` : `${JSON.stringify(entry)}\n`);
    count++;
  }
  return count;
}
