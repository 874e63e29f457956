// relocateWriteBack: a plan's cells follow their rows when rows were inserted, deleted or sorted since the read.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { RawWorkbook } from '../../../functions/core/model/raw-workbook.js';
import { relocateWriteBack } from '../../../functions/core/sync/relocate-write-back.js';
import type { WriteBackPlan } from '../../../functions/core/sync/write-back-plan.js';

/** A Roster tab (ID, Name, Status) whose rows start at sheet row 2. */
function roster(...rows: CellValue[][]): RawWorkbook {
  return { tabs: [{ name: 'Roster', header: ['ID', 'Name', 'Status'], rows: rows.map((cells, index) => ({ row: index + 2, cells })) }] };
}

const read = roster(['P-0001', 'Ana'], [null, 'Bo'], ['P-0003', 'Chen']);
const plan: WriteBackPlan = {
  cells: [
    { tab: 'Roster', row: 2, column: 2, value: 'OK' },
    { tab: 'Roster', row: 3, column: 0, value: 'P-0004' },
    { tab: 'Roster', row: 3, column: 2, value: 'OK' },
    { tab: 'Roster', row: 4, column: 2, value: 'OK' },
  ],
  tables: [{ tab: 'Findings', rows: [['Severity']] }],
};

describe('relocateWriteBack', () => {
  it('keeps the plan as it is when no row moved', () => {
    expect(relocateWriteBack(plan, read, read, 'sheets:x')).toEqual(plan);
  });

  it('follows rows by ID, and a row without one by what was typed in it, after a row was inserted above them', () => {
    const now = roster([null, 'Zoe'], ['P-0001', 'Ana'], [null, 'Bo'], ['p-0003', 'Chen']);
    expect(relocateWriteBack(plan, read, now, 'sheets:x').cells.map(({ row, column, value }) => [row, column, value])).toEqual([
      [3, 2, 'OK'], [4, 0, 'P-0004'], [4, 2, 'OK'], [5, 2, 'OK'],
    ]);
  });

  it('follows rows that were sorted, and leaves out the Status of a row that was deleted', () => {
    const now = roster(['P-0003', 'Chen'], [null, 'Bo']);
    expect(relocateWriteBack(plan, read, now, 'sheets:x').cells.map(({ row, column }) => [row, column])).toEqual([[3, 0], [3, 2], [2, 2]]);
  });

  it('refuses (WORKBOOK_CHANGED) when the row that gets a new ID was changed or cannot be told from another', () => {
    expect(() => relocateWriteBack(plan, read, roster(['P-0001', 'Ana'], [null, 'Bob'], ['P-0003', 'Chen']), 'sheets:x')).toThrow(/row 3 of Roster moved or changed/);
    expect(() => relocateWriteBack(plan, read, roster(['P-0001', 'Ana'], [null, 'Bo'], [null, 'Bo'], ['P-0003', 'Chen']), 'sheets:x'))
      .toThrow(expect.objectContaining({ code: 'WORKBOOK_CHANGED' }));
  });

  it('refuses when the header row changed, since columns may have moved', () => {
    const now: RawWorkbook = { tabs: [{ ...read.tabs[0]!, header: ['Name', 'ID', 'Status'] }] };
    expect(() => relocateWriteBack(plan, read, now, 'sheets:x')).toThrow(/the header row of Roster changed/);
  });
});
