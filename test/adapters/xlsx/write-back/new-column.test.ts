// A new Status column goes past every column in which a cell holds a value or a formula, even one that shows nothing.
import { describe, expect, it } from 'vitest';
import { placeNewColumns, withNewColumnWidths } from '../../../../functions/adapters/xlsx/write-back/new-column.js';

const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const newStatus = (column: number) => [{ row: 1, column, value: 'Status' }, { row: 2, column, value: 'OK' }, { row: 2, column: 1, value: 'P-0001' }];

describe('placeNewColumns', () => {
  it('leaves a new column where the plan put it when no cell there holds anything', () => {
    const xml = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="C1" s="3"/></row>');
    expect(placeNewColumns(xml, newStatus(3))).toEqual({ edits: newStatus(3), newColumns: [3] });
  });

  it('moves it past a formula that shows nothing and a value the plan could not see', () => {
    const xml = sheet('<row r="5"><c r="C5" t="str"><f>IF(B5="","",B5)</f><v></v></c><c r="D5"><v></v></c></row>');
    expect(placeNewColumns(xml, newStatus(3))).toEqual({ edits: newStatus(5), newColumns: [5] });
  });

  it('moves nothing when the plan adds no column', () => {
    const edits = [{ row: 2, column: 3, value: 'OK' }];
    expect(placeNewColumns(sheet('<row r="2"><c r="C2"><f>1</f></c></row>'), edits)).toEqual({ edits, newColumns: [] });
  });
});

describe('withNewColumnWidths', () => {
  it('gives each new column the width of a Status column', () => {
    expect(withNewColumnWidths(sheet(''), [5])).toBe('<worksheet><cols><col min="5" max="5" width="60" customWidth="1"/></cols><sheetData></sheetData></worksheet>');
  });
});
