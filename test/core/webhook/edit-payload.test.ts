// The onSheetEdit body: what the Apps Script sends is accepted, anything else refused with the field named.
import { describe, expect, it } from 'vitest';
import { editPayloadSchema } from '../../../functions/core/webhook/edit-payload.js';
import { parseA1Range } from '../../../functions/core/model/a1-range.js';

const body = { spreadsheetId: '1AbC_d-9', tab: 'Roster', range: 'C5', editor: ' Sec@GNSO.example.org ', oldValue: 'a', newValue: 'b' };

describe('editPayloadSchema', () => {
  it('accepts an edit, lower-casing the editor and defaulting missing values to null', () => {
    expect(editPayloadSchema.parse(body)).toEqual({ ...body, editor: 'sec@gnso.example.org' });
    expect(editPayloadSchema.parse({ ...body, oldValue: undefined, newValue: undefined, editor: '' })).toMatchObject({ oldValue: null, newValue: null, editor: '' });
  });

  it.each([
    ['a range that is not A1', { range: 'A:A' }, 'range'],
    ['an editor that is not an e-mail', { editor: 'someone' }, 'editor'],
    ['a spreadsheet ID with a slash', { spreadsheetId: 'a/b' }, 'spreadsheetId'],
    ['an unknown field', { sheet: 'Roster' }, ''],
    ['an empty tab', { tab: ' ' }, 'tab'],
  ])('refuses %s', (_name, change, field) => {
    const result = editPayloadSchema.safeParse({ ...body, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });

  it.each([
    ['the whole of a one-column sheet of Google\'s last row (A1:A10000000)', 'A1:A10000000'],
    ['ten million cells across columns (A1:Z384615)', 'A1:Z384615'],
    ['the last column (ZZZ1)', 'ZZZ1'],
  ])('accepts a range a spreadsheet can have: %s', (_name, range) => {
    expect(editPayloadSchema.safeParse({ ...body, range }).success).toBe(true);
  });

  it.each([
    ['7 billion cells (A2:ZZ9999999)', 'A2:ZZ9999999', /more cells than a spreadsheet can hold \(10,000,000\)/],
    ['one cell more than ten million (A1:B5000001)', 'A1:B5000001', /more cells than a spreadsheet can hold/],
    ['a row past Google\'s last (A10000001)', 'A10000001', /A1 notation/],
    ['a column past ZZZ (AAAA1)', 'AAAA1', /A1 notation/],
  ])('refuses a range no spreadsheet can have: %s', (_name, range, message) => {
    const result = editPayloadSchema.safeParse({ ...body, range });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['range'], message: expect.stringMatching(message) })]);
  });
});

describe('parseA1Range', () => {
  it.each([
    ['C5', { firstRow: 5, lastRow: 5, firstColumn: 3, lastColumn: 3 }],
    ['B3:D7', { firstRow: 3, lastRow: 7, firstColumn: 2, lastColumn: 4 }],
    ['D7:B3', { firstRow: 3, lastRow: 7, firstColumn: 2, lastColumn: 4 }],
    ['$AA$10', { firstRow: 10, lastRow: 10, firstColumn: 27, lastColumn: 27 }],
    ['ZZZ10000000', { firstRow: 10_000_000, lastRow: 10_000_000, firstColumn: 18_278, lastColumn: 18_278 }],
    ['A0', null], ['3:3', null], ['A:A', null], ['A1:B2:C3', null], ['', null], ['A10000001', null], ['AAAA1', null],
  ])('reads %s', (range, block) => {
    expect(parseA1Range(range)).toEqual(block);
  });
});
