// Patching single cells into worksheet XML: sorted insertion, styles kept, only what differs written.
import { describe, expect, it } from 'vitest';
import { patchCells, type CellEdit } from '../../../../functions/adapters/xlsx/write-back/patch-cells.js';
import { SharedStrings } from '../../../../functions/adapters/xlsx/package/shared-strings.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const strings = new SharedStrings(`<sst xmlns="${MAIN}"><si><t>OK</t></si><si><r><t>O</t></r><r><t>K</t></r></si></sst>`);

/** A worksheet with the given sheet data content, a dimension and optional `<cols>`. */
function sheet(rows: string, { dimension = 'A1:C3', cols = '' } = {}): string {
  return `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><dimension ref="${dimension}"/>${cols}<sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;
}
const text = (ref: string, value: string, style = '') => `<c r="${ref}"${style} t="inlineStr"><is><t>${value}</t></is></c>`;
const edit = (row: number, column: number, value: CellEdit['value']): CellEdit => ({ row, column, value });

describe('patchCells', () => {
  it.each([
    ['inserts a missing cell between the cells around it',
      sheet('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>'), [edit(2, 2, 'x')],
      sheet(`<row r="2"><c r="A2"><v>1</v></c>${text('B2', 'x')}<c r="C2"><v>3</v></c></row>`)],
    ['inserts missing rows between rows and after the last one',
      sheet('<row r="2"><c r="A2"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>'), [edit(9, 1, 'after'), edit(3, 1, 'between')],
      sheet(`<row r="2"><c r="A2"><v>1</v></c></row><row r="3">${text('A3', 'between')}</row><row r="5"><c r="A5"><v>5</v></c></row><row r="9">${text('A9', 'after')}</row>`, { dimension: 'A1:C9' })],
    ['opens an empty sheet data element',
      sheet('').replace('<sheetData></sheetData>', '<sheetData/>'), [edit(1, 1, 'Status')],
      sheet(`<row r="1">${text('A1', 'Status')}</row>`)],
    ['keeps the style of the cell it overwrites and drops its shared string, formula and metadata',
      sheet('<row r="2"><c r="B2" s="7" t="s" cm="1"><v>9</v></c><c r="C2" s="3"><f>A2*2</f><v>2</v></c></row>'), [edit(2, 2, 'new'), edit(2, 3, 'text')],
      sheet(`<row r="2">${text('B2', 'new', ' s="7"')}${text('C2', 'text', ' s="3"')}</row>`)],
    ['gives a new cell the style of its row when the row is formatted, else that of its column',
      sheet('<row r="2" s="4" customFormat="1"><c r="A2"/></row><row r="3"><c r="A3"/></row>', { cols: '<cols><col min="2" max="3" style="5"/></cols>' }),
      [edit(2, 2, 'row'), edit(3, 2, 'column')],
      sheet(`<row r="2" s="4" customFormat="1"><c r="A2"/>${text('B2', 'row', ' s="4"')}</row><row r="3"><c r="A3"/>${text('B3', 'column', ' s="5"')}</row>`, { cols: '<cols><col min="2" max="3" style="5"/></cols>' })],
    ['counts rows and cells written without references on from the previous ones',
      sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'), [edit(2, 2, 'x')],
      sheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c>${text('B2', 'x')}</row>`)],
    ['writes numbers as numbers and number-looking text as text',
      sheet('<row r="2"><c r="A2"><v>12</v></c></row>'), [edit(2, 1, '12'), edit(2, 2, 7)],
      sheet(`<row r="2">${text('A2', '12')}<c r="B2"><v>7</v></c></row>`)],
    ['widens the row spans hint and grows the dimension, never shrinking it',
      sheet('<row r="2" spans="1:2"><c r="A2"/></row>', { dimension: 'A1:B40' }), [edit(2, 4, 'x')],
      sheet(`<row r="2" spans="1:4"><c r="A2"/>${text('D2', 'x')}</row>`, { dimension: 'A1:D40' })],
    ['opens a self-closing row to add a cell',
      sheet('<row r="2" ht="30" customHeight="1"/>'), [edit(2, 1, 'x')],
      sheet(`<row r="2" ht="30" customHeight="1">${text('A2', 'x')}</row>`)],
    ['removes an unstyled cell set to empty text and keeps a styled one empty',
      sheet(`<row r="2">${text('A2', 'old')}${text('B2', 'old', ' s="2"')}</row>`), [edit(2, 1, ''), edit(2, 2, '')],
      sheet('<row r="2"><c r="B2" s="2"/></row>')],
    ['writes the last of several edits of one cell',
      sheet('<row r="2"><c r="A2"/></row>'), [edit(2, 1, 'first'), edit(2, 1, 'last')],
      sheet(`<row r="2">${text('A2', 'last')}</row>`)],
  ])('%s', (_name, before, edits, after) => {
    expect(patchCells(before, edits, strings).xml).toBe(after);
  });

  it('works on sheets written with a namespace prefix', () => {
    const before = `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(patchCells(before, [edit(1, 2, 'Status')], strings).xml).toBe(
      `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:B1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Status</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  it.each([
    ['a shared string', '<c r="A2" t="s"><v>0</v></c>', 'OK'],
    ['a rich shared string', '<c r="A2" t="s"><v>1</v></c>', 'OK'],
    ['an inline string', text('A2', 'OK'), 'OK'],
    ['a formula string result without a formula', '<c r="A2" t="str"><v>OK</v></c>', 'OK'],
    ['a number', '<c r="A2" s="1"><v>3</v></c>', 3],
    ['an empty styled cell, set to empty text', '<c r="A2" s="1"/>', ''],
    ['a missing cell, set to empty text', '', ''],
  ])('leaves the sheet as it is when the cell already holds the value: %s', (_name, cell, value) => {
    const before = sheet(`<row r="2">${cell}</row>`);
    expect(patchCells(before, [edit(2, 1, value)], strings)).toEqual({ xml: before, changed: 0, overwroteFormula: false });
  });

  it('reports the cells changed and whether a formula was overwritten', () => {
    const before = sheet('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><v>1</v></c></row>');
    expect(patchCells(before, [edit(2, 1, 'OK'), edit(2, 2, 1), edit(2, 3, 'new')], strings)).toMatchObject({ changed: 2, overwroteFormula: true });
  });

  it.each([
    ['t before si', '<f t="shared" ref="A2:A3" si="0">B2</f>', '<f t="shared" si="0"/>'],
    ['si before t', '<f si="0" t="shared" ref="A2:A3">B2</f>', '<f si="0" t="shared"/>'],
  ])('refuses to overwrite the master cell of a shared formula another cell still uses (%s)', (_name, master, follower) => {
    const before = sheet(`<row r="2"><c r="A2">${master}<v>1</v></c></row><row r="3"><c r="A3">${follower}<v>2</v></c></row>`);
    expect(() => patchCells(before, [edit(2, 1, 'OK')], strings)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(patchCells(before, [edit(2, 1, 'OK'), edit(3, 1, 'OK')], strings)).toMatchObject({ changed: 2, overwroteFormula: true });
  });

  it('leaves a formula where an edit says to (a new ID never goes over a person\'s formula), and writes an empty cell', () => {
    const before = sheet('<row r="2"><c r="A2" t="str"><f>IF(B2="","",B2)</f><v></v></c></row><row r="3"><c r="A3"/></row>');
    const newIds = [{ ...edit(2, 1, 'P-0001'), unlessFormula: true }, { ...edit(3, 1, 'P-0002'), unlessFormula: true }];
    expect(patchCells(before, newIds, strings)).toEqual({
      xml: sheet(`<row r="2"><c r="A2" t="str"><f>IF(B2="","",B2)</f><v></v></c></row><row r="3">${text('A3', 'P-0002')}</row>`), changed: 1, overwroteFormula: false,
    });
  });

  it.each([
    ['row 0', edit(0, 1, 'x')],
    ['column 0', edit(2, 0, 'x')],
    ['a fractional row', edit(2.5, 1, 'x')],
  ])('refuses to write to %s', (_name, bad) => {
    expect(() => patchCells(sheet(''), [bad], strings)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});
