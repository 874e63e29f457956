// Attributes a sync's changes to the sheet edits behind them and refuses those their editor may not make.
import { authorizeEdit, organizationContactsOf, type AccessPolicy } from '../access/authorize.js';
import type { AuditDraft } from '../audit/audit-entry.js';
import type { CharterConfig } from '../config.js';
import type { Finding } from '../findings.js';
import { parseA1Range, type CellBlock } from '../model/a1-range.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';
import type { ParsedTab, ParsedWorkbook } from '../parse/parsed.js';
import { recordKey, type StoredRecord } from '../records/stored-record.js';
import type { SheetEdit } from '../records/sheet-edit.js';
import type { AssignedIds } from './assign-ids.js';
import type { CommitContext, RecordChange, RecordDiff } from './diff.js';
import type { CellWrite } from './write-back-plan.js';

/** What the review is made from: the sync's diff and the pending edits it took. */
export interface EditReviewInput {
  readonly parsed: ParsedWorkbook;
  readonly assigned: AssignedIds;
  readonly stored: ReadonlyMap<string, StoredRecord>;
  readonly diff: RecordDiff;
  readonly edits: readonly SheetEdit[];
  readonly policy: AccessPolicy;
  /** Commit only created or updated rows an edit touched (a sheet-edit sync): the others wait for their edit or the tick. */
  readonly onlyEditedRows: boolean;
  /** A change no named editor is behind: committed as `unattributed` (with a warning), or held back. */
  readonly unattributed?: 'commit' | 'hold';
}

/** The actor of a change that no named editor is behind. */
export const UNATTRIBUTED = 'unattributed';

/** A change no named editor is behind, held back by `access.unattributed: hold`: the committed version stays. */
export interface HeldChange {
  readonly tab: DataTabName;
  readonly sheetRow: number | null;
  readonly before: Record<string, unknown> | null;
}

/** One editor's refused change to one row. */
export interface RefusedChange {
  readonly tab: DataTabName;
  readonly sheetRow: number;
  readonly id: string | null;
  readonly editor: string;
  readonly reason: string;
  /** The committed version, which stays (null when the row was never committed). */
  readonly before: Record<string, unknown> | null;
  /** The row as the editor left it, or (when it cannot be read) the new value of each edited range, by A1 range. */
  readonly attempted: Record<string, unknown>;
}

/** What to commit, as whom, and what to refuse, put back and report. */
export interface EditReview {
  readonly changes: readonly RecordChange[];
  /** The editors behind each committed change, by record key (`Tab/ID`). */
  readonly actors: ReadonlyMap<string, string>;
  readonly refused: readonly RefusedChange[];
  readonly reverts: readonly CellWrite[];
  readonly findings: readonly Finding[];
  /** Edits this sync has dealt with; the others (rows held back by a data finding, co-editors of a refused row) stay pending. */
  readonly settled: readonly string[];
  /** Changed rows left for a later sync because no edit of theirs has arrived yet. */
  readonly deferred: number;
  /** Changes no named editor is behind that `access.unattributed: hold` kept back. */
  readonly held: readonly HeldChange[];
}

/** The access policy: staff and chairs from the config; chairs and secretariats from the committed Organizations (the sheet's on a first sync). */
export function accessPolicyOf(config: CharterConfig, stored: ReadonlyMap<string, StoredRecord>, parsed: ParsedWorkbook): AccessPolicy {
  const committed = [...stored.values()].filter((record) => record.tab === 'Organizations' && !record.tombstoned).map((record) => organizationContactsOf(record.data));
  const organizations = committed.length > 0 ? committed : parsed.group.rows.Organizations.map((org) => organizationContactsOf(org as unknown as Record<string, unknown>));
  return { staff: config.access.staff, chairs: config.access.chairs, organizations };
}

/** A committed value as a person would type it back into its cell. */
export function cellValueOf(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function tabOfEdit(parsed: ParsedWorkbook, edit: SheetEdit): ParsedTab | null {
  const wanted = edit.tab.trim().toLowerCase();
  const name = DATA_TAB_NAMES.find((tab) => (parsed.tabs[tab].sheetName ?? tab).trim().toLowerCase() === wanted);
  return name !== undefined && parsed.tabs[name].available ? parsed.tabs[name] : null;
}

function blockOf(edit: SheetEdit): CellBlock {
  return parseA1Range(edit.range) ?? { firstRow: edit.row, lastRow: edit.row, firstColumn: edit.column, lastColumn: edit.column };
}

/** Edited cells of `sheetRow` in known columns: 0-based position and field. */
function editedFields(tab: ParsedTab, edits: readonly SheetEdit[]): { column: number; field: string }[] {
  const fieldAt = new Map([...tab.positions].map(([field, position]) => [position, field]));
  // A block may name columns up to ZZZ: walk no further than the tab's last known column.
  const lastColumn = Math.max(-1, ...fieldAt.keys());
  const cells = new Map<number, string>();
  for (const edit of edits) {
    const block = blockOf(edit);
    for (let column = block.firstColumn - 1; column < Math.min(block.lastColumn, lastColumn + 1); column++) {
      const field = fieldAt.get(column);
      if (field !== undefined) cells.set(column, field);
    }
  }
  return [...cells].sort(([a], [b]) => a - b).map(([column, field]) => ({ column, field }));
}

/**
 * Reviews the pending edits a sync took: each row an edit touched is authorized for every one of its editors
 * (before = the committed record, after = the row now). A refused row is not committed, its edited cells go back to
 * the committed value, and the refusal becomes a finding naming the editor; an allowed one is committed as its editors.
 */
export function reviewEdits(input: EditReviewInput): EditReview {
  const touched = new Map<string, { tab: ParsedTab; sheetRow: number; edits: SheetEdit[] }>();
  // Edits the sheet named nobody for (editor ''): they say a row changed, not who changed it.
  const unnamed = new Map<string, SheetEdit[]>();
  // A block may name millions of rows (a whole column selected and cleared): walk no further than the tab's last row read.
  const lastRowOf = (tab: ParsedTab) => tab.rows.reduce((last, row) => Math.max(last, row.sheetRow), 1);
  for (const edit of input.edits) {
    const tab = tabOfEdit(input.parsed, edit);
    if (tab !== null && edit.editor === '') {
      const block = blockOf(edit);
      for (let sheetRow = Math.max(2, block.firstRow), last = Math.min(block.lastRow, lastRowOf(tab)); sheetRow <= last; sheetRow++) {
        const rowEdits = unnamed.get(`${tab.name}/${sheetRow}`);
        if (rowEdits) rowEdits.push(edit);
        else unnamed.set(`${tab.name}/${sheetRow}`, [edit]);
      }
      continue;
    }
    if (tab === null) continue;
    const block = blockOf(edit);
    for (let sheetRow = Math.max(2, block.firstRow), last = Math.min(block.lastRow, lastRowOf(tab)); sheetRow <= last; sheetRow++) {
      const entry = touched.get(`${tab.name}/${sheetRow}`) ?? { tab, sheetRow, edits: [] };
      entry.edits.push(edit);
      touched.set(`${tab.name}/${sheetRow}`, entry);
    }
  }
  const changesByKey = new Map(input.diff.changes.map((change) => [recordKey(change.after.tab, change.after.id), change]));
  const actors = new Map<string, string>();
  const dropped = new Set<string>();
  const unsettled = new Set<string>();
  const refused: RefusedChange[] = [];
  const reverts: CellWrite[] = [];
  const findings: Finding[] = [];

  for (const { tab, sheetRow, edits } of touched.values()) {
    const row = tab.rows.find((candidate) => candidate.sheetRow === sheetRow);
    if (row === undefined) continue;
    const id = row.id ?? input.assigned.get(tab.name)?.get(sheetRow) ?? null;
    const key = id === null ? null : recordKey(tab.name, id);
    const stored = key === null ? undefined : input.stored.get(key);
    const before = stored && !stored.tombstoned ? stored.data : null;
    const change = key === null ? undefined : changesByKey.get(key);
    if (row.values !== null && change === undefined) continue;
    const after = change?.after.data ?? null;
    const editors = [...new Set(edits.map((edit) => edit.editor))];
    const verdicts = editors.map((editor) => ({ editor, verdict: authorizeEdit({ editor, tab: tab.name, before, after }, input.policy) }));
    const refusedHere = verdicts.flatMap(({ editor, verdict }) => (verdict.allowed ? [] : [{ editor, reason: verdict.reason }]));
    if (refusedHere.length === 0) {
      if (row.values === null) for (const edit of edits) unsettled.add(edit.id);
      else if (key !== null) actors.set(key, editors.join(', '));
      continue;
    }
    if (key !== null) dropped.add(key);
    const refusedEditors = new Set(refusedHere.map((entry) => entry.editor));
    for (const edit of edits) if (!refusedEditors.has(edit.editor)) unsettled.add(edit.id);
    for (const { editor, reason } of refusedHere) {
      const cells = editedFields(tab, edits.filter((edit) => edit.editor === editor));
      for (const { column, field } of cells) reverts.push({ tab: tab.sheetName ?? tab.name, row: sheetRow, column, value: cellValueOf(before?.[field]) });
      const headerOf = (field: string) => (TABS[tab.name].columns as Record<string, { header: string }>)[field]?.header ?? field;
      const attempted = after ?? Object.fromEntries(edits.filter((edit) => edit.editor === editor).map((edit) => [edit.range, edit.newValue]));
      refused.push({ tab: tab.name, sheetRow, id, editor, reason, before, attempted });
      findings.push({
        rule: 'access.refused', severity: 'error', tab: tab.name, row: sheetRow, column: cells[0] ? headerOf(cells[0].field) : null, id,
        message: `${editor || 'An editor the sheet did not name'} tried to change ${tab.name} row ${sheetRow}${id === null ? '' : ` (${id})`} but may not: ${reason}. The change was not saved and the edited cell was put back to its saved value.`,
        charter: null,
      });
    }
  }

  // Rows a named edit did not cover: an unnamed edit (or, in the tick, nothing at all) is behind their change.
  const rowOf = new Map<string, number>();
  for (const tab of Object.values(input.parsed.tabs)) {
    for (const row of tab.rows) {
      const id = row.id ?? input.assigned.get(tab.name)?.get(row.sheetRow) ?? null;
      if (id !== null) rowOf.set(recordKey(tab.name, id), row.sheetRow);
    }
  }
  let deferred = 0;
  const held: HeldChange[] = [];
  const changes = input.diff.changes.filter((change) => {
    const key = recordKey(change.after.tab, change.after.id);
    if (dropped.has(key) || actors.has(key)) return !dropped.has(key);
    const sheetRow = rowOf.get(key) ?? null;
    const unnamedEdits = sheetRow === null ? [] : unnamed.get(`${change.after.tab}/${sheetRow}`) ?? [];
    if (input.onlyEditedRows && change.op !== 'tombstone' && unnamedEdits.length === 0) {
      deferred++;
      return false;
    }
    const hold = input.unattributed === 'hold';
    findings.push(unattributedFinding(change, sheetRow, hold));
    if (hold) {
      held.push({ tab: change.after.tab as DataTabName, sheetRow, before: change.before && !change.before.tombstoned ? change.before.data : null });
      for (const edit of unnamedEdits) unsettled.add(edit.id);
      return false;
    }
    actors.set(key, UNATTRIBUTED);
    return true;
  });
  const settled = input.edits.filter((edit) => !unsettled.has(edit.id)).map((edit) => edit.id);
  return { changes, actors, refused, reverts, findings, settled, deferred, held };
}

/** The warning on a change no named editor is behind: committed as `unattributed`, or held back. */
function unattributedFinding(change: RecordChange, sheetRow: number | null, held: boolean): Finding {
  const what = change.op === 'tombstone' ? `The deletion of ${change.after.tab} ${change.after.id}` : `The change to ${change.after.tab}${sheetRow === null ? '' : ` row ${sheetRow}`} (${change.after.id})`;
  const outcome = held
    ? 'was not saved: the group holds such changes back (access.unattributed: hold) until someone the sheet names makes them, or staff sync the workbook.'
    : 'was saved as "unattributed": Google did not say who made it (an editor outside the script owner\'s Google Workspace domain, or an edit that was never reported).';
  return {
    rule: 'access.unattributed', severity: 'warning', tab: change.after.tab as DataTabName, row: change.op === 'tombstone' ? null : sheetRow, column: null,
    id: change.after.id, message: `${what} ${outcome}`, charter: null,
  };
}

/** The actor of a refused change whose editor the sheet did not name. */
export const UNKNOWN_EDITOR = '(unknown editor)';

/** One `refused` audit entry per refused change: the editor as actor, the committed version before, the attempt after. */
export function refusalDrafts(refused: readonly RefusedChange[], context: CommitContext): AuditDraft[] {
  return refused.map((change) => ({
    at: context.at,
    actor: change.editor || UNKNOWN_EDITOR,
    source: context.source,
    entity: change.id === null ? `${change.tab}/row ${change.sheetRow}` : recordKey(change.tab, change.id),
    op: 'refused',
    before: change.before,
    after: change.attempted,
  }));
}
