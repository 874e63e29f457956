// Table rows to and from the stored shapes, validated with the zod schemas when read back.
import type * as z from '../../core/zod-mini.js';
import { auditEntrySchema, type AuditEntry } from '../../core/audit/audit-entry.js';
import {
  documentEntrySchema, recordDigestSchema, runRecordSchema, storedRecordSchema, type DocumentEntry, type RecordDigest, type RunRecord, type StoredRecord,
} from '../../core/records/stored-record.js';
import { sheetEditSchema, type SheetEdit } from '../../core/records/sheet-edit.js';
import { DATA_TAB_NAMES } from '../../core/model/tabs.js';
import { unavailable } from './sqlite-errors.js';

/** A row of `records`. */
export interface RecordRow {
  readonly tab: string;
  readonly id: string;
  readonly hash: string;
  readonly data: string;
  readonly tombstoned: number;
  readonly committed_at: string;
  readonly run_id: string;
}

/** The digest columns of a `records` row. */
export type DigestRow = Pick<RecordRow, 'tab' | 'id' | 'hash' | 'tombstoned' | 'committed_at'>;

/** A row of `audit`. */
export interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly source: string;
  readonly entity: string;
  readonly op: string;
  readonly before: string;
  readonly after: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** A row of `leases`: `pid` and `host` are null for a lease taken before schema 3. */
export interface LeaseRow {
  readonly holder: string;
  readonly expires_at: number;
  readonly pid: number | null;
  readonly host: string | null;
}

/** A record as the named parameters of the `records` upsert. */
export function recordToRow(record: StoredRecord): RecordRow {
  return {
    tab: record.tab,
    id: record.id,
    hash: record.hash,
    data: JSON.stringify(record.data),
    tombstoned: record.tombstoned ? 1 : 0,
    committed_at: record.committedAt,
    run_id: record.runId,
  };
}

/** A chained entry as the named parameters of the `audit` insert; `before` and `after` are JSON (`null` included). */
export function entryToRow(entry: AuditEntry): AuditRow {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    source: entry.source,
    entity: entry.entity,
    op: entry.op,
    before: JSON.stringify(entry.before ?? null),
    after: JSON.stringify(entry.after ?? null),
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

/** Reads a `records` row back; a row that does not parse is a damaged store. */
export function recordFromRow(row: RecordRow, path: string): StoredRecord {
  const what = `record ${row.tab}/${row.id}`;
  const record = {
    tab: row.tab,
    id: row.id,
    hash: row.hash,
    data: parsedJson(row.data, what, path),
    tombstoned: row.tombstoned === 0 || row.tombstoned === 1 ? row.tombstoned === 1 : row.tombstoned,
    committedAt: row.committed_at,
    runId: row.run_id,
  };
  // Checked by hand when well formed (what the schema checks; a sync reads a record per changed row); else by the schema, for its message.
  return isWellFormedRecord(record) ? record : validated(storedRecordSchema, record, what, path);
}

/** What `storedRecordSchema` accepts, checked without it: its data a plain object of JSON's own making. */
function isWellFormedRecord(record: { readonly tab: unknown; readonly id: unknown; readonly hash: unknown; readonly data: unknown; readonly tombstoned: unknown; readonly committedAt: unknown; readonly runId: unknown }): record is StoredRecord {
  const { data } = record;
  return typeof record.tab === 'string' && DATA_TABS.has(record.tab) && typeof record.id === 'string' && record.id !== '' &&
    typeof record.hash === 'string' && SHA256_HEX.test(record.hash) && typeof record.tombstoned === 'boolean' &&
    typeof record.committedAt === 'string' && typeof record.runId === 'string' &&
    typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype && !Object.hasOwn(data, '__proto__');
}

const DATA_TABS: ReadonlySet<string> = new Set(DATA_TAB_NAMES);

/** Whether `tab` names one of the data tabs. */
export function isDataTab(tab: string): boolean {
  return DATA_TABS.has(tab);
}

/** A SHA-256 as the store keeps it: 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Reads a record's digest columns back. A sync reads every record's digest, so a well-formed one is checked by hand
 * (what the schema checks, without building it twice); anything else goes through the schema for its message.
 */
export function digestFromRow(row: DigestRow, path: string): RecordDigest {
  const digest = { tab: row.tab, id: row.id, hash: row.hash, tombstoned: row.tombstoned === 1, committedAt: row.committed_at };
  const wellFormed = DATA_TABS.has(digest.tab) && typeof digest.id === 'string' && digest.id !== '' && typeof digest.hash === 'string' &&
    SHA256_HEX.test(digest.hash) && typeof digest.committedAt === 'string' && (row.tombstoned === 0 || row.tombstoned === 1);
  // A tombstone other than 0 or 1 goes to the schema as it is, which refuses it, rather than read as "not tombstoned".
  const checked = row.tombstoned === 0 || row.tombstoned === 1 ? digest : { ...digest, tombstoned: row.tombstoned };
  return wellFormed ? digest : validated(recordDigestSchema, checked, `record ${row.tab}/${row.id}`, path);
}

/** Reads an `audit` row back. */
export function entryFromRow(row: AuditRow, path: string): AuditEntry {
  const what = `audit entry ${row.seq}`;
  return validated(auditEntrySchema, {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    source: row.source,
    entity: row.entity,
    op: row.op,
    before: parsedJson(row.before, what, path),
    after: parsedJson(row.after, what, path),
    prevHash: row.prev_hash,
    hash: row.hash,
  }, what, path);
}

/** Reads a `runs` row's JSON back. */
export function runFromJson(json: string, path: string): RunRecord {
  return validated(runRecordSchema, parsedJson(json, 'a run', path), 'a run', path);
}

/** Reads a `documents` row's JSON back. */
export function documentFromJson(json: string, path: string): DocumentEntry {
  return validated(documentEntrySchema, parsedJson(json, 'a document entry', path), 'a document entry', path);
}

/** Reads an `edits` row's JSON back. */
export function editFromJson(json: string, path: string): SheetEdit {
  return validated(sheetEditSchema, parsedJson(json, 'a sheet edit', path), 'a sheet edit', path);
}

function parsedJson(text: string, what: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unavailable(path, `${what} is not valid JSON`);
  }
}

function validated<S extends z.ZodMiniType>(schema: S, value: unknown, what: string, path: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw unavailable(path, `${what} is not valid${where}: ${(issue?.message ?? 'unknown problem').replace(/\s+/g, ' ')}`);
}
