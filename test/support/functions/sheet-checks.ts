// Checks over a served group: edits made in the sheet, the audit log since a point, and whether the store matches the sheet.
import { expect } from 'vitest';
import type { MemoryWorkbook } from '../../../functions/adapters/memory/memory-workbook.js';
import { listAudit } from '../../../functions/app/audit.js';
import type { AuditEntry } from '../../../functions/core/audit/audit-entry.js';
import type { CharterConfig } from '../../../functions/core/config.js';
import { a1Cell } from '../../../functions/core/model/a1-range.js';
import { cellText } from '../../../functions/core/model/cell.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { diffRecords } from '../../../functions/core/sync/diff.js';
import { validateWorkbook } from '../../../functions/core/validate.js';
import type { RecordStore } from '../../../functions/ports/record-store.port.js';
import { COMPLIANT_TODAY } from '../compliant-workbook.js';
import type { EditFields } from './signed-edits.js';

/** A person types `value` into a cell (found by tab, header and sheet row); returns the edit the Apps Script would post. */
export function typeInto(workbook: MemoryWorkbook, tab: string, header: string, sheetRow: number, value: string, editor: string): EditFields {
  const column = workbook.columnOf(tab, header);
  const old = workbook.setCell(tab, sheetRow, column, value);
  return { tab, range: a1Cell(sheetRow, column), editor, oldValue: cellText(old), newValue: value };
}

/** The cell's text, by tab, header and sheet row. */
export function cellAt(workbook: MemoryWorkbook, tab: string, header: string, sheetRow: number): string {
  return cellText(workbook.cell(tab, sheetRow, workbook.columnOf(tab, header)));
}

/** Audit entries after `seq`. */
export async function entriesAfter(store: RecordStore, seq: number): Promise<AuditEntry[]> {
  return (await listAudit(store, {})).filter((entry) => entry.seq > seq);
}

/** The seq of the last audit entry (0 when the log is empty). */
export async function headSeq(store: RecordStore): Promise<number> {
  return (await store.auditHead())?.seq ?? 0;
}

/** The rows of the Findings tab as header → value objects. */
export async function findingsTab(workbook: MemoryWorkbook): Promise<Record<string, string>[]> {
  const tab = (await workbook.read()).tabs.find((candidate) => candidate.name === 'Findings');
  const header = (tab?.header ?? []).map((cell) => cellText(cell));
  return (tab?.rows ?? []).map((row) => Object.fromEntries(header.map((name, index) => [name, cellText(row.cells[index] ?? null)])));
}

/** Every row of the sheet is committed as it stands: a diff against the store finds nothing to create, update or tombstone. */
export async function expectStoreMatchesSheet(workbook: MemoryWorkbook, store: RecordStore, config: CharterConfig): Promise<void> {
  const counts = { reads: workbook.readCalls, writes: workbook.writeCalls };
  const validation = validateWorkbook(await workbook.read(), COMPLIANT_TODAY, config);
  workbook.readCalls = counts.reads;
  const diff = diffRecords(validation.parsed, assignIds(validation.parsed, new Map()), await store.loadRecords(), { runId: 'check', at: '', actor: '', source: 'cli' });
  expect(diff.heldBack).toEqual([]);
  expect(diff.changes.map((change) => `${change.op} ${change.after.tab}/${change.after.id}`)).toEqual([]);
}
