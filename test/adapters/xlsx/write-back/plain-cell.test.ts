// Reading a cell written the plain way by character codes, and leaving every other cell to the general reader.
import { describe, expect, it } from 'vitest';
import { plainCellAt, type PlainCell } from '../../../../functions/adapters/xlsx/write-back/plain-cell.js';

const read = (xml: string, prefix = '') => {
  const cell: PlainCell = { end: 0, column: 0, style: undefined, type: 'n', valueStart: -1, valueEnd: -1 };
  if (!plainCellAt(xml, 0, xml.length, prefix, cell)) return null;
  const { end, column, style, type } = cell;
  return { end, column, style, type, value: cell.valueStart < 0 ? null : xml.slice(cell.valueStart, cell.valueEnd) };
};

describe('plainCellAt', () => {
  it.each([
    ['a shared string', '<c r="B7" s="3" t="s"><v>12</v></c>', { column: 2, style: '3', type: 's', value: '12' }],
    ['a number without a type', '<c r="AB2"><v>4.5</v></c>', { column: 28, style: undefined, type: 'n', value: '4.5' }],
    ['an empty styled cell', '<c r="C1" s="2"/>', { column: 3, style: '2', type: 'n', value: null }],
    ['an empty cell written open', '<c r="C1" t="s"></c>', { column: 3, style: undefined, type: 's', value: null }],
    ['other attributes, the first s and t read', '<c r="A1" cm="1" s="4" t="str" s="9"><v>x</v></c>', { column: 1, style: '4', type: 'str', value: 'x' }],
  ])('reads %s', (_name, xml, expected) => {
    expect(read(xml)).toEqual({ ...expected, end: xml.length });
  });

  it('reads a cell of a prefixed sheet', () => {
    expect(read('<x:c r="A1" t="s"><x:v>0</x:v></x:c>', 'x:')).toMatchObject({ column: 1, type: 's', value: '0' });
  });

  it.each([
    ['a formula', '<c r="A1"><f>1+1</f><v>2</v></c>'],
    ['an inline string', '<c r="A1" t="inlineStr"><is><t>a</t></is></c>'],
    ['a value with attributes', '<c r="A1"><v xml:space="preserve">1</v></c>'],
    ['an escaped attribute', '<c r="A1" s="&#49;"><v>1</v></c>'],
    ['single quotes', "<c r='A1'><v>1</v></c>"],
    ['a line break between attributes', '<c r="A1"\n s="1"><v>1</v></c>'],
    ['a lower-case reference', '<c r="a1"><v>1</v></c>'],
    ['four letters', '<c r="ABCD1"><v>1</v></c>'],
    ['no reference', '<c s="1"><v>1</v></c>'],
    ['an attribute value holding =', '<c r="A1" x="a t="><v>1</v></c>'],
  ])('leaves %s to the general reader', (_name, xml) => {
    expect(read(xml)).toBeNull();
  });

  it('leaves a cell closing past the end of its row to the general reader', () => {
    const cell: PlainCell = { end: 0, column: 0, style: undefined, type: 'n', valueStart: -1, valueEnd: -1 };
    expect(plainCellAt('<c r="A1"><v>1</v></c>', 0, 10, '', cell)).toBe(false);
  });
});
