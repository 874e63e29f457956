// Patching cells into a worksheet's bytes: the bytes patchCells would give, only the edited rows decoded; anything else left to patchCells.
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../../functions/adapters/xlsx/package/shared-strings.js';
import { patchCells, type CellEdit } from '../../../../functions/adapters/xlsx/write-back/patch-cells.js';
import { patchSheetBytes } from '../../../../functions/adapters/xlsx/write-back/patch-sheet-bytes.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const strings = new SharedStrings(`<sst xmlns="${MAIN}"><si><t>OK</t></si><si><t>Zoë 東京 🙂</t></si></sst>`);

/** A worksheet with the given sheet data content, a dimension and optional `<cols>`. */
function sheet(rows: string, { dimension = 'A1:C3', cols = '', before = '' } = {}): string {
  return `<?xml version="1.0"?><worksheet xmlns="${MAIN}">${before}<dimension ref="${dimension}"/>${cols}<sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;
}
const text = (ref: string, value: string, style = '') => `<c r="${ref}"${style} t="inlineStr"><is><t>${value}</t></is></c>`;
const edit = (row: number, column: number, value: CellEdit['value']): CellEdit => ({ row, column, value });

/** What patchCells makes of the same sheet, as bytes. */
function expected(xml: string, edits: readonly CellEdit[]) {
  const result = patchCells(xml, edits, strings);
  return { bytes: Buffer.from(result.xml, 'utf8'), changed: result.changed, overwroteFormula: result.overwroteFormula };
}

describe('patchSheetBytes', () => {
  it.each([
    ['inserts a missing cell between the cells around it',
      sheet('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row>'), [edit(2, 2, 'x')]],
    ['keeps the style of the cell it overwrites and drops its shared string and formula',
      sheet('<row r="2"><c r="B2" s="7" t="s"><v>0</v></c><c r="C2" s="3"><f>A2*2</f><v>2</v></c></row>'), [edit(2, 2, 'new'), edit(2, 3, 'text')]],
    ['gives a new cell the style of its column',
      sheet('<row r="3"><c r="A3"/></row>', { cols: '<cols><col min="2" max="3" style="5"/></cols>' }), [edit(3, 2, 'column')]],
    ['widens the row spans hint and grows the dimension',
      sheet('<row r="2" spans="1:2"><c r="A2"/></row>', { dimension: 'A1:B40' }), [edit(2, 4, 'x')]],
    ['opens a self-closing row to add a cell',
      sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2" ht="30" customHeight="1"/><row r="3"/>'), [edit(2, 1, 'x')]],
    ['writes and compares text beyond ASCII, in rows around and in the row it writes',
      sheet(`<row r="1">${text('A1', 'Zoë')}</row><row r="2">${text('A2', '東京 🙂')}<c r="B2" t="s"><v>1</v></c></row><row r="3">${text('A3', 'Ærø')}</row>`),
      [edit(2, 3, 'Ünïcode 🙂 ok'), edit(3, 2, 'naïve'), edit(2, 2, 'Zoë 東京 🙂')]],
    ['grows the dimension of a sheet whose head holds text beyond ASCII, after a byte order mark',
      `\uFEFF${sheet('<row r="2"><c r="A2"/></row>', { dimension: 'A1', before: '<sheetPr codeName="Blätter"/>' })}`, [edit(2, 2, 'x')]],
    ['patches several rows far apart, each found by its number',
      sheet(Array.from({ length: 300 }, (_, index) => `<row r="${index + 1}">${text(`A${index + 1}`, `Zeile ${index + 1} ü`)}</row>`).join(''), { dimension: 'A1:A300' }),
      [edit(299, 2, 'Saved'), edit(7, 2, 'Saved'), edit(150, 1, 'Zeile 150 ü'), edit(151, 1, 'changed')]],
  ])('%s, as patchCells would', (_name, xml, edits) => {
    const result = patchSheetBytes(Buffer.from(xml, 'utf8'), edits, strings);
    expect(result).not.toBeNull();
    expect(result!.bytes.toString('utf8')).toBe(expected(xml, edits).bytes.toString('utf8'));
    expect(result).toEqual(expected(xml, edits));
  });

  it('works on sheets written with a namespace prefix', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(patchSheetBytes(Buffer.from(xml), [edit(1, 2, 'Status')], strings)).toEqual(expected(xml, [edit(1, 2, 'Status')]));
  });

  it('gives back the very bytes, and no change, when every edited cell holds its value already', () => {
    const bytes = Buffer.from(sheet(`<row r="2">${text('A2', 'OK')}<c r="B2" t="s"><v>1</v></c></row>`));
    const result = patchSheetBytes(bytes, [edit(2, 1, 'OK'), edit(2, 2, 'Zoë 東京 🙂'), edit(2, 3, '')], strings);
    expect(result).toEqual({ bytes, changed: 0, overwroteFormula: false });
    expect(result!.bytes).toBe(bytes);
  });

  it('reports a formula it overwrote', () => {
    const xml = sheet('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>');
    expect(patchSheetBytes(Buffer.from(xml), [edit(2, 1, 'OK')], strings)).toMatchObject({ changed: 1, overwroteFormula: true });
  });

  it.each([
    ['a row the sheet does not have', sheet('<row r="2"><c r="A2"/></row><row r="5"><c r="A5"/></row>'), [edit(3, 1, 'x')]],
    ['an empty sheet data element', sheet('').replace('<sheetData></sheetData>', '<sheetData/>'), [edit(1, 1, 'x')]],
    ['rows written without their numbers', sheet('<row><c><v>1</v></c></row><row><c><v>3</v></c></row>'), [edit(2, 2, 'x')]],
    ['a row whose number is not its first attribute', sheet('<row spans="1:2" r="2"><c r="A2"/></row>'), [edit(2, 1, 'x')]],
    ['the first cell of a shared formula', sheet('<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f><v>1</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c></row>'), [edit(2, 1, 'OK')]],
    ['a sheet with no sheet data', `<worksheet xmlns="${MAIN}"><dimension ref="A1"/></worksheet>`, [edit(1, 1, 'x')]],
  ])('leaves %s to patchCells (null)', (_name, xml, edits) => {
    expect(patchSheetBytes(Buffer.from(xml), edits, strings)).toBeNull();
  });
});
