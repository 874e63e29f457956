// Moves a write-back plan's cells to where their rows are now, when rows were inserted, deleted or sorted since the read.
import { CcegError } from '../errors.js';
import { cellText, type CellValue } from '../model/cell.js';
import type { Column } from '../model/columns.js';
import type { RawTab, RawWorkbook } from '../model/raw-workbook.js';
import { DATA_TAB_NAMES, TABS } from '../model/tabs.js';
import { foldName } from '../parse/headers.js';
import type { CellWrite, WriteBackPlan } from './write-back-plan.js';

const foldTab = (name: string) => name.trim().toLowerCase();

function tabNamed(workbook: RawWorkbook, name: string): RawTab | undefined {
  return workbook.tabs.find((tab) => foldTab(tab.name) === foldTab(name));
}

/** The 0-based position of the tab's ID (or Code) column in its header, or -1. */
function idColumnOf(tab: RawTab): number {
  const spec = DATA_TAB_NAMES.map((name) => TABS[name]).find((candidate) => foldTab(candidate.name) === foldTab(tab.name));
  if (!spec) return -1;
  const header = foldName((spec.columns as Record<string, Column>)[spec.idKey]?.header ?? '');
  return tab.header.findIndex((cell) => foldName(cellText(cell)) === header);
}

function sameHeader(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i++) if (cellText(a[i] ?? null).trim() !== cellText(b[i] ?? null).trim()) return false;
  return true;
}

/**
 * What makes a row the same row: its ID when it has one (IDs match case-insensitively), else every cell a person
 * typed (the columns the plan writes into are left out: a sync writes them, a person does not).
 */
function identityOf(cells: readonly CellValue[], idColumn: number, written: ReadonlySet<number>): string {
  const id = idColumn < 0 ? '' : cellText(cells[idColumn] ?? null).trim();
  if (id !== '') return `id:${id.toLowerCase()}`;
  const typed = cells.map((cell, column) => (written.has(column) ? '' : cellText(cell)));
  while (typed.length > 0 && typed[typed.length - 1] === '') typed.pop();
  return `row:${JSON.stringify(typed)}`;
}

/** Row numbers by identity in a tab; an identity found on two rows maps to null (it cannot say which). */
function rowsByIdentity(tab: RawTab, idColumn: number, written: ReadonlySet<number>): Map<string, number | null> {
  const rows = new Map<string, number | null>();
  for (const row of tab.rows) {
    const key = identityOf(row.cells, idColumn, written);
    rows.set(key, rows.has(key) ? null : row.row);
  }
  return rows;
}

/**
 * The plan with every cell moved to the row that now holds the row it was planned for (`read` is the workbook the
 * plan was made from, `now` the same workbook read again just before writing). A Status cell whose row is gone or
 * changed is left out (the next sync writes it); a new ID or a refused change put back whose row cannot be found
 * again exactly once stops the whole write-back (WORKBOOK_CHANGED), since writing it elsewhere would give another
 * row the ID, or overwrite what someone typed. Findings and Dashboard tables are rewritten whole and stay as planned.
 */
export function relocateWriteBack(plan: WriteBackPlan, read: RawWorkbook, now: RawWorkbook, label: string): WriteBackPlan {
  const changed = (why: string) => new CcegError('WORKBOOK_CHANGED', `${label} changed while it was being synced (${why}); nothing was written or committed, sync again.`);
  const byTab = new Map<string, CellWrite[]>();
  for (const cell of plan.cells) {
    const writes = byTab.get(foldTab(cell.tab));
    if (writes) writes.push(cell);
    else byTab.set(foldTab(cell.tab), [cell]);
  }
  const cells: CellWrite[] = [];
  for (const writes of byTab.values()) {
    const name = writes[0]!.tab;
    const before = tabNamed(read, name);
    const after = tabNamed(now, name);
    if (!before) {
      // Not a tab the plan was made from: left for the writer to refuse.
      cells.push(...writes);
      continue;
    }
    if (!after) throw changed(`the ${name} tab is gone`);
    if (!sameHeader(before.header, after.header)) throw changed(`the header row of ${name} changed`);
    const idColumn = idColumnOf(before);
    const written = new Set(writes.map((write) => write.column));
    const identities = new Map(before.rows.map((row) => [row.row, identityOf(row.cells, idColumn, written)]));
    const current = rowsByIdentity(after, idColumn, written);
    for (const write of writes) {
      if (write.row === 1) {
        cells.push(write);
        continue;
      }
      const identity = identities.get(write.row);
      const row = identity === undefined ? undefined : current.get(identity);
      if (typeof row === 'number') cells.push(row === write.row ? write : { ...write, row });
      else if (write.revert === true || write.column === idColumn) throw changed(`row ${write.row} of ${name} moved or changed`);
    }
  }
  return { cells, tables: plan.tables };
}
