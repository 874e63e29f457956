// Tests of syncedRows: documents are drawn from the rows as stored: new rows with their new IDs, kept versions of the others.
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { syncedRows } from '../../../functions/core/sync/synced-rows.js';
import { rawWorkbook, tabOf } from '../../support/raw-workbook.js';

const person = (id: string | null, name: string) => ({ ID: id, Name: name, Email: `${name.toLowerCase()}@example.org`, Role: 'Observer' });

describe('syncedRows', () => {
  it('gives each new row the ID it was assigned and keeps the others as they are, in sheet order', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001', 'Ana'), person(null, 'Bo'), person('P-0002', 'Cy')])));
    const rows = syncedRows(parsed.group.rows, assignIds(parsed, new Map()), []);
    expect(rows.Roster.map((row) => [row.sheetRow, row.id, row.name])).toEqual([[2, 'P-0001', 'Ana'], [3, 'P-0003', 'Bo'], [4, 'P-0002', 'Cy']]);
    expect(parsed.group.rows.Roster[1]?.id).toBeNull();
  });

  it('shows the version the store kept for a row whose sheet version was not committed, and no row that was never committed', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001', 'Ana'), person('P-0002', 'Bo'), person('P-0003', 'Cy')])));
    const committedBo = { ...parsed.tabs.Roster.rows[1]?.values, name: 'Bo (as committed)' };
    const rows = syncedRows(parsed.group.rows, new Map(), [
      { tab: 'Roster', sheetRow: 3, committed: committedBo },
      { tab: 'Roster', sheetRow: 4, committed: null },
    ]);
    expect(rows.Roster.map((row) => [row.sheetRow, row.id, row.name])).toEqual([[2, 'P-0001', 'Ana'], [3, 'P-0002', 'Bo (as committed)']]);
    expect(rows.Meetings).toEqual([]);
  });

  it('puts a kept version back in its sheet place when the sheet row itself did not parse', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001', 'Ana'), { ...person('P-0002', 'Bo'), Email: 'not an address' }, person('P-0003', 'Cy')])));
    expect(parsed.group.rows.Roster.map((row) => row.id)).toEqual(['P-0001', 'P-0003']);
    const committed = { ...parsed.group.rows.Roster[0], id: 'P-0002', name: 'Bo', email: 'bo@example.org' };
    const rows = syncedRows(parsed.group.rows, new Map(), [{ tab: 'Roster', sheetRow: 3, committed }]);
    expect(rows.Roster.map((row) => [row.sheetRow, row.id, row.email])).toEqual([[2, 'P-0001', 'ana@example.org'], [3, 'P-0002', 'bo@example.org'], [4, 'P-0003', 'cy@example.org']]);
  });
});
