// The audit use cases: list with filters, verify the hash chain, export as CSV or JSON lines; page by page.
import type { AuditEntry } from '../core/audit/audit-entry.js';
import { verifyChain, verifyHead, type ChainVerdict } from '../core/audit/chain.js';
import type { RecordStore } from '../ports/record-store.port.js';

const PAGE = 1000;

/** Every audit entry in seq order, fetched a page at a time. */
export async function* auditEntries(store: RecordStore): AsyncGenerator<AuditEntry> {
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
export async function listAudit(store: RecordStore, filter: AuditFilter): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of auditEntries(store)) if (matchesFilter(entry, filter)) entries.push(entry);
  return entries;
}

/** Recomputes the whole chain and checks it against the store's recorded head. */
export async function verifyAudit(store: RecordStore): Promise<ChainVerdict> {
  // The head first: a sync committing meanwhile only makes the chain longer than the head, which verifyHead allows.
  const head = await store.auditHead();
  const entries: AuditEntry[] = [];
  for await (const entry of auditEntries(store)) entries.push(entry);
  return verifyHead(verifyChain(entries), head);
}

const CSV_COLUMNS = ['seq', 'at', 'actor', 'source', 'entity', 'op', 'before', 'after', 'prevHash', 'hash'] as const;

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula: prefix a quote so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes every entry as CSV (header first) or JSON lines, through `write`. */
export async function exportAudit(store: RecordStore, format: 'csv' | 'jsonl', write: (text: string) => void): Promise<number> {
  let count = 0;
  if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
  for await (const entry of auditEntries(store)) {
    write(format === 'csv' ? `${CSV_COLUMNS.map((column) => csvField(entry[column])).join(',')}\r\n` : `${JSON.stringify(entry)}\n`);
    count++;
  }
  return count;
}
