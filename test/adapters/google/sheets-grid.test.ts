// The Google Sheets grid reader refuses tabs past the config's limits, as the .xlsx reader does, with the same one line.
import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../../functions/adapters/google/sheets-grid.js';
import { DEFAULT_LIMITS } from '../../../functions/core/config.js';
import type { CcegError } from '../../../functions/core/errors.js';

const LIMITS = { ...DEFAULT_LIMITS, rowsPerTab: 3, cellsPerRow: 4, cellChars: 10 };
const reading = { file: 'sheets:abc', limits: LIMITS };

/** A spreadsheet with one tab (Roster unless named), whose grid starts at A1 with these rows of text (null: an empty cell). */
function spreadsheetOf(rows: (string | null)[][], title = 'Roster'): sheets_v4.Schema$Spreadsheet {
  const rowData = rows.map((cells) => ({ values: cells.map((text) => (text === null ? {} : { effectiveValue: { stringValue: text } })) }));
  return { spreadsheetId: 'abc', sheets: [{ properties: { sheetId: 1, title, index: 0 }, data: [{ startRow: 0, startColumn: 0, rowData }] }] };
}

function refusalOf(rows: (string | null)[][]): Pick<CcegError, 'code' | 'message'> | null {
  try {
    snapshotOf(spreadsheetOf(rows), reading);
    return null;
  } catch (error) {
    return { code: (error as CcegError).code, message: (error as CcegError).message };
  }
}

describe('snapshotOf within limits', () => {
  it('reads a tab at every limit: rowsPerTab rows, a value in the last column allowed, a text of cellChars characters', () => {
    expect(refusalOf([['ID'], ['P-1', null, null, '0123456789'], ['P-2'], [null, null], ['P-3', null, null, null, null, null]])).toBeNull();
  });

  it('reads more rows than rowsPerTab on the tabs cceg writes itself (a finding per problem can outnumber the rows)', () => {
    const findings = spreadsheetOf([['Severity'], ['error'], ['error'], ['error'], ['warning']], 'Findings');
    expect(snapshotOf(findings, reading).workbook.tabs[0]?.rows).toHaveLength(4);
  });

  it.each([
    ['more rows with something in them than rowsPerTab', [['ID'], ['P-1'], ['P-2'], ['P-3'], ['P-4']], 'sheets:abc: Roster has more than 3 rows (limits.rowsPerTab).'],
    ['a value right of cellsPerRow', [['ID'], ['P-1', null, null, null, 'x']], 'sheets:abc: Roster row 2 has more than 4 cells (limits.cellsPerRow).'],
    ['a text longer than cellChars', [['ID'], ['P-1', '01234567890']], 'sheets:abc: Roster row 2, column B holds more than 10 characters (limits.cellChars).'],
  ])('refuses a tab with %s', (_name, rows, message) => {
    expect(refusalOf(rows)).toEqual({ code: 'WORKBOOK_TOO_LARGE', message });
  });
});
