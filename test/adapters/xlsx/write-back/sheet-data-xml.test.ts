// Writing a system-owned table's sheet data: the same cells as cellXml writes one by one, each distinct text escaped once.
import { describe, expect, it } from 'vitest';
import { sheetDataContent, TableCellXml } from '../../../../functions/adapters/xlsx/write-back/sheet-data-xml.js';
import { cellXml, type WriteValue } from '../../../../functions/adapters/xlsx/write-back/sheet-xml.js';

const VALUES: WriteValue[][] = [['Severity', 'Message'], ['error', ' a <b> & "c" _x0041_\r\n'], [null, null], ['error', 12.5, null, 'x']];
const style = (row: number, column: number) => (row === 1 ? '7' : column === 2 ? '8' : undefined);

describe('sheetDataContent', () => {
  it.each(['', 'x:'])('writes each cell as cellXml does, leaving out empty cells and rows (prefix %j)', (prefix) => {
    const expected = VALUES.map((row, index) => {
      const cells = row.map((value, column) => (value === null ? '' : cellXml(prefix, index + 1, column + 1, style(index + 1, column + 1), value))).join('');
      return cells === '' ? '' : `<${prefix}row r="${index + 1}">${cells}</${prefix}row>`;
    }).join('');
    expect(sheetDataContent(new TableCellXml(prefix), VALUES, style)).toBe(expected);
  });

  it('copies a row already written as it would write it, and writes the others', () => {
    const asWritten = new Map([[2, '<row r="2"><c r="A2" t="inlineStr"><is><t>kept</t></is></c></row>']]);
    const written = sheetDataContent(new TableCellXml(''), VALUES, style, asWritten);
    expect(written).toBe(sheetDataContent(new TableCellXml(''), VALUES, style).replace(/<row r="2">[\s\S]*?<\/row>/, asWritten.get(2)!));
  });

  it('writes nothing for no rows', () => {
    expect(sheetDataContent(new TableCellXml(''), [], style)).toBe('');
  });
});

describe('TableCellXml', () => {
  it('gives the <t> run of an inline string, escaped and its spaces kept', () => {
    const cells = new TableCellXml('');
    expect(cells.textRun(' a&b')).toBe('<t xml:space="preserve"> a&amp;b</t>');
    expect(cells.inlineString(' a&b')).toBe('<is><t xml:space="preserve"> a&amp;b</t></is>');
    expect(cells.column(28)).toBe('AB');
  });
});
