// A formula filled over system-owned cells stops the read with one line naming the tab and range; elsewhere it is fine.
import { describe, expect, it } from 'vitest';
import { assertNoFormulaRangeInSystemCells } from '../../../functions/adapters/xlsx/system-formulas.js';
import type { CcegError } from '../../../functions/core/errors.js';
import type { FormulaRange } from '../../../functions/adapters/xlsx/read-worksheet.js';

const rosterHeader = ['ID', 'Name', 'Email', 'Role', 'Status'];
const shared = (ref: string): FormulaRange => ({ kind: 'shared', ref });
const array = (ref: string): FormulaRange => ({ kind: 'array', ref });

function refusal(tab: string, header: string[], ranges: FormulaRange[]): Pick<CcegError, 'code' | 'message'> | null {
  try {
    assertNoFormulaRangeInSystemCells(tab, header, ranges);
    return null;
  } catch (error) {
    return { code: (error as CcegError).code, message: (error as CcegError).message };
  }
}

describe('assertNoFormulaRangeInSystemCells', () => {
  it.each([
    ['a fill down the Status column', 'Roster', rosterHeader, [shared('E2:E40')], 'Roster!E2:E40 holds a formula filled down the Status column, which cceg writes; delete those formulas and sync again.'],
    ['a fill across into the Status column', 'roster ', rosterHeader, [shared('D2:E2')], 'roster !D2:E2 holds a formula filled into the Status column, which cceg writes; delete those formulas and sync again.'],
    ['an array formula in WorkPlan\'s Sync Status column', 'WorkPlan', ['ID', 'Status', 'Sync Status'], [array('C2:C9')],
      'WorkPlan!C2:C9 holds an array formula in the Sync Status column, which cceg writes; delete those formulas and sync again.'],
    ['a fill anywhere in the Findings tab', 'Findings', ['Severity'], [shared('H2:H9')], 'Findings!H2:H9 holds a formula filled down the Findings tab, which cceg writes; delete those formulas and sync again.'],
  ])('refuses %s', (_name, tab, header, ranges, message) => {
    expect(refusal(tab, header, ranges)).toEqual({ code: 'UNREADABLE_WORKBOOK', message });
  });

  it.each([
    ['a fill in a column people type in', 'Roster', rosterHeader, [shared('B2:B40')]],
    ['a fill down WorkPlan\'s own Status column', 'WorkPlan', ['ID', 'Status', 'Sync Status'], [shared('B2:B9')]],
    ['a fill in a tab cceg does not know', 'Notes', ['Status'], [shared('A2:A9')]],
  ])('lets %s be', (_name, tab, header, ranges) => {
    expect(refusal(tab, header, ranges)).toBeNull();
  });
});
