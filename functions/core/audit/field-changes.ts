// What an audit entry changed, field by field, labelled with the sheet's column headers and shown as the sheet shows values.
import { TABS } from '../model/tabs.js';
import type { AuditEntry } from './audit-entry.js';

/** One field's change: its column header, and the value before and after as the sheet shows it ('' when empty). */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** One audit entry told for people: who, when, how, and what changed field by field. */
export interface DescribedChange {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly source: AuditEntry['source'];
  readonly entity: string;
  readonly op: AuditEntry['op'];
  /** The changed fields: every non-empty one of a created row, the edited ones of an update or a refused change. */
  readonly fields: readonly FieldChange[];
  /** What a field list cannot say: `row removed` for a tombstone, the refusal for a refused change; null otherwise. */
  readonly note: string | null;
}

type Data = Readonly<Record<string, unknown>>;

/** A stored value as the sheet shows it: dates `YYYY-MM-DD`, Yes/No, lists joined by `, `, cell objects by their text. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(shownValue).filter((text) => text !== '').join(', ');
  if (typeof value === 'object') {
    const cell = value as { date?: unknown; error?: unknown; formula?: unknown };
    if (typeof cell.date === 'string') return cell.date;
    if (typeof cell.error === 'string') return cell.error;
    if (typeof cell.formula === 'string') return `=${cell.formula}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The field names of `tab` with their headers, in column order (an unknown tab has none). */
function headersOf(tab: string): Map<string, string> {
  const spec = (TABS as Readonly<Record<string, { columns: Record<string, { header: string }> }>>)[tab];
  return new Map(spec ? Object.entries(spec.columns).map(([field, column]) => [field, column.header]) : []);
}

function asData(value: unknown): Data | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
}

/** The fields whose shown value differs between `before` and `after`: the tab's columns in order, then any other key. */
function changedFields(tab: string, before: Data | null, after: Data | null): FieldChange[] {
  const headers = headersOf(tab);
  const keys = [...headers.keys()];
  const extra = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !headers.has(key)).sort();
  const changes: FieldChange[] = [];
  for (const key of [...keys, ...extra]) {
    const was = shownValue(before?.[key]);
    const now = shownValue(after?.[key]);
    if (was !== now) changes.push({ field: headers.get(key) ?? key, before: was, after: now });
  }
  return changes;
}

/** The tab of a `Tab/ID` entity. */
function tabOf(entity: string): string {
  const slash = entity.indexOf('/');
  return slash < 0 ? entity : entity.slice(0, slash);
}

/**
 * The field-level changes of an entry: a create lists every non-empty field (before ''), an update the fields it
 * changed, a refused change what the editor tried (the row as left, or each edited range's new value), a tombstone none.
 */
export function fieldChanges(entry: Pick<AuditEntry, 'entity' | 'op' | 'before' | 'after'>): FieldChange[] {
  if (entry.op === 'tombstone') return [];
  const before = entry.op === 'create' ? null : asData(entry.before);
  return changedFields(tabOf(entry.entity), before, asData(entry.after));
}

/** The entry told for people: its fields (see `fieldChanges`) and, for a tombstone or a refusal, a note. */
export function describeEntry(entry: AuditEntry): DescribedChange {
  const fields = fieldChanges(entry);
  const note = entry.op === 'tombstone' ? 'row removed'
    : entry.op === 'refused' ? 'refused: not saved, the edited cells were put back' : null;
  return { seq: entry.seq, at: entry.at, actor: entry.actor, source: entry.source, entity: entry.entity, op: entry.op, fields, note };
}

/** An ISO time as `YYYY-MM-DD HH:MM UTC` (text that is no ISO time is returned as is). */
export function shownTime(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

/**
 * A field change as one line: `SOI Date: 2017-05-10 → 2018-10-30` (an empty side shows as `(empty)`); a field of a
 * created row as `Role: Member`.
 */
export function fieldLine(change: FieldChange, op: AuditEntry['op'] = 'update'): string {
  if (op === 'create') return `${change.field}: ${change.after}`;
  return `${change.field}: ${change.before === '' ? '(empty)' : change.before} → ${change.after === '' ? '(empty)' : change.after}`;
}
