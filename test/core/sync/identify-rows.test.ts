// Tests of identifying rows against the store: the stored spelling of an ID typed in another case, recovered IDs, new IDs.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../functions/core/canonical-json.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { RawTab } from '../../../functions/core/model/raw-workbook.js';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import type { ParsedWorkbook } from '../../../functions/core/parse/parsed.js';
import type { StoredRecord } from '../../../functions/core/records/stored-record.js';
import { rowIdentifier } from '../../../functions/core/sync/identify-rows.js';
import { rawWorkbook, tabOf } from '../../support/raw-workbook.js';

type Cells = Record<string, CellValue>;

const ana: Cells = { ID: 'P-0001', Name: 'Ana Costa', Email: 'ana@example.org', Role: 'Member' };
const bo: Cells = { ID: 'P-0002', Name: 'Bo Lindqvist', Email: 'bo@example.org', Role: 'Observer' };

/** A stored Roster record holding what `cells` parse to, under `id`. */
function stored(cells: Cells, id: string, tombstoned = false): StoredRecord {
  const data = { ...parseWorkbook(rawWorkbook(tabOf('Roster', [cells]))).tabs.Roster.rows[0]!.values!, id };
  return { tab: 'Roster', id, hash: contentHash(data), data, tombstoned, committedAt: '2018-06-01T09:00:00.000Z', runId: 'run-1' };
}

/** Parses `tabs` identified against `records`; returns the parse and the IDs assigned. */
function identified(tabs: RawTab[], records: StoredRecord[]): { parsed: ParsedWorkbook; assigned: ReturnType<ReturnType<typeof rowIdentifier>['assigned']> } {
  const identifier = rowIdentifier(new Map(records.map((record) => [`${record.tab}/${record.id}`, record])));
  const parsed = parseWorkbook(rawWorkbook(...tabs), identifier.identify);
  return { parsed, assigned: identifier.assigned() };
}

const rosterIds = (parsed: ParsedWorkbook) => parsed.tabs.Roster.rows.map((row) => row.id);

describe('rowIdentifier', () => {
  it('leaves rows holding stored IDs as they are, and assigns nothing', () => {
    const { parsed, assigned } = identified([tabOf('Roster', [ana, bo])], [stored(ana, 'P-0001'), stored(bo, 'P-0002')]);

    expect(rosterIds(parsed)).toEqual(['P-0001', 'P-0002']);
    expect(assigned.size).toBe(0);
  });

  it('reads an ID typed in another case as the stored one, in the row, its values and its findings', () => {
    const { parsed } = identified([tabOf('Roster', [{ ...ana, ID: 'p-0001' }, bo])], [stored(ana, 'P-0001'), stored(bo, 'P-0002')]);

    expect(rosterIds(parsed)).toEqual(['P-0001', 'P-0002']);
    expect(parsed.tabs.Roster.rows[0]!.values).toMatchObject({ id: 'P-0001' });
  });

  it("gives a live record's spelling over a tombstoned one's, even to a row typing the tombstoned spelling exactly", () => {
    const { parsed } = identified([tabOf('Roster', [{ ...ana, ID: 'p-0001' }])], [stored(ana, 'p-0001', true), stored(ana, 'P-0001')]);

    expect(rosterIds(parsed)).toEqual(['P-0001']);
  });

  it("keeps a tombstoned record's ID typed exactly when no live record shares it", () => {
    const { parsed } = identified([tabOf('Roster', [ana])], [stored(ana, 'P-0001', true)]);

    expect(rosterIds(parsed)).toEqual(['P-0001']);
  });

  it('gives a row whose ID was cleared the ID of the record it still is, and a new row the next ID after every stored one', () => {
    const carla: Cells = { ID: null, Name: 'Carla Diaz', Email: 'carla@example.org', Role: 'Member' };
    const { parsed, assigned } = identified([tabOf('Roster', [{ ...ana, ID: null }, carla])], [stored(ana, 'P-0001'), stored(bo, 'P-0007', true)]);

    expect(rosterIds(parsed)).toEqual(['P-0001', 'P-0008']);
    expect([...assigned.get('Roster')!.values()]).toEqual(['P-0001', 'P-0008']);
  });
});
