// Recognising a row already written exactly as the rewrite writes it, and leaving every other row to be read cell by cell.
import { describe, expect, it } from 'vitest';
import { stylesAsWritten } from '../../../../functions/adapters/xlsx/write-back/row-as-written.js';
import { TableCellXml } from '../../../../functions/adapters/xlsx/write-back/sheet-data-xml.js';
import { rowsOf, type WriteValue } from '../../../../functions/adapters/xlsx/write-back/sheet-xml.js';

const WANTED: WriteValue[] = ['error', 7, null, 'Say "hi" '];
const AS_WRITTEN = '<row r="2"><c r="A2" s="3" t="inlineStr"><is><t>error</t></is></c><c r="B2"><v>7</v></c><c r="D2" t="inlineStr"><is><t xml:space="preserve">Say &quot;hi&quot; </t></is></c></row>';
const noColumnStyle = () => undefined;

/** The styles `stylesAsWritten` gives the one row of `rows`. */
const stylesOf = (rows: string, wanted: WriteValue[] | undefined, prefix = '', columnStyle: (column: number) => string | undefined = noColumnStyle) => {
  const sheetData = { prefix, contentStart: 0, contentEnd: rows.length };
  const [row] = [...rowsOf(rows, sheetData)];
  return stylesAsWritten(rows, row!, wanted, new TableCellXml(prefix), columnStyle);
};

describe('stylesAsWritten', () => {
  it('gives the styles of a row written as the rewrite writes it: inline strings escaped, numbers, empty values left out', () => {
    expect(stylesOf(AS_WRITTEN, WANTED)).toEqual([undefined, '3', undefined, undefined, undefined]);
  });

  it('reads a row of a prefixed sheet', () => {
    expect(stylesOf('<x:row r="1"><x:c r="A1" s="12"><x:v>1.5</x:v></x:c></x:row>', [1.5], 'x:')).toEqual([undefined, '12']);
  });

  it('takes a cell without a style when its column has none to give it', () => {
    expect(stylesOf(AS_WRITTEN, WANTED, '', (column) => (column === 1 ? '9' : undefined))).toEqual([undefined, '3', undefined, undefined, undefined]);
  });

  it.each<[string, string, WriteValue[] | undefined]>([
    ['a row holding another value', AS_WRITTEN.replace('<v>7</v>', '<v>8</v>'), WANTED],
    ['a row with attributes (spans, a height)', AS_WRITTEN.replace('<row r="2">', '<row r="2" spans="1:4" ht="15" customHeight="1">'), WANTED],
    ['a shared string holding the value', AS_WRITTEN.replace('t="inlineStr"><is><t>error</t></is>', 't="s"><v>0</v>'), WANTED],
    ['a formula holding the value', AS_WRITTEN.replace('<c r="B2"><v>7</v></c>', '<c r="B2"><f>3+4</f><v>7</v></c>'), WANTED],
    ['a cell where nothing is written', AS_WRITTEN.replace('</row>', '<c r="E2"><v>1</v></c></row>'), WANTED],
    ['a missing cell', AS_WRITTEN.replace('<c r="B2"><v>7</v></c>', ''), WANTED],
    ['cells out of order', AS_WRITTEN.replace(/(<c r="A2".*?<\/c>)(<c r="B2".*?<\/c>)/, '$2$1'), WANTED],
    ['a style that is not a number', AS_WRITTEN.replace('s="3"', 's="&#51;"'), WANTED],
    ['a space between cells', AS_WRITTEN.replace('</c><c r="B2"', '</c> <c r="B2"'), WANTED],
    ['a self-closing row', '<row r="2"/>', [null]],
    ['a row with no cell', '<row r="2"></row>', [null]],
    ['a row outside the new rows', AS_WRITTEN, undefined],
  ])('leaves %s to be read cell by cell', (_name, rows, wanted) => {
    expect(stylesOf(rows, wanted)).toBeNull();
  });

  it('leaves a cell without a style to be read cell by cell when its column would give it one', () => {
    expect(stylesOf(AS_WRITTEN, WANTED, '', (column) => (column === 2 ? '9' : undefined))).toBeNull();
  });
});
