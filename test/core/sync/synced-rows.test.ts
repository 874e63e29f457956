// Tests of syncedRows: documents are drawn from the rows as stored, new rows with their new IDs, held-back rows left out.
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

  it('leaves out a row held back for a data finding, whatever the sheet says now', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001', 'Ana'), person('P-0002', 'Bo')])));
    const rows = syncedRows(parsed.group.rows, new Map(), [{ tab: 'Roster', sheetRow: 3, id: 'P-0002', hasCommittedVersion: true }]);
    expect(rows.Roster.map((row) => row.id)).toEqual(['P-0001']);
    expect(rows.Meetings).toEqual([]);
  });
});
