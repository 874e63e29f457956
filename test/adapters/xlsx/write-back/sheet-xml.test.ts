// Scanning a worksheet's XML: rows and cells with their positions, however their start tags are written.
import { describe, expect, it } from 'vitest';
import { cellsOf, findSheetData, rowsOf } from '../../../../functions/adapters/xlsx/write-back/sheet-xml.js';

/** The cells of every row as `row:column=tag`, read from `sheetData`'s content. */
function scanned(content: string, prefix = ''): string[] {
  const xml = `<${prefix}worksheet><${prefix}sheetData>${content}</${prefix}sheetData></${prefix}worksheet>`;
  const { xml: opened, sheetData } = findSheetData(xml);
  return [...rowsOf(opened, sheetData)].flatMap((row) => [...cellsOf(opened, row, sheetData.prefix)].map((cell) => `${row.position}:${cell.position}=${cell.tag}`));
}

describe('rowsOf and cellsOf', () => {
  it.each([
    ['cells with references', '<row r="2"><c r="B2"><v>1</v></c><c r="AA2"/></row>', ['2:2=<c r="B2">', '2:27=<c r="AA2"/>']],
    ['cells and rows without references, counted on', '<row><c><v>1</v></c><c/></row><row><c r="C2"/><c/></row>', ['1:1=<c>', '1:2=<c/>', '2:3=<c r="C2"/>', '2:4=<c/>']],
    ['a reference written after other attributes', '<row r="3"><c s="1" r="D3"/></row>', ['3:4=<c s="1" r="D3"/>']],
    ['a reference in single quotes, lower case or with $ signs', "<row r='4'><c r='e4'/><c r=\"$F$4\"/></row>", ["4:5=<c r='e4'/>", '4:6=<c r="$F$4"/>']],
    ['a > inside a quoted attribute', '<row r="1"><c r="A1" x=">"><v>1</v></c></row>', ['1:1=<c r="A1" x=">">']],
    ['attributes after a line break', '<row r="1"><c\nr="B1"/></row>', ['1:2=<c\nr="B1"/>']],
    ['an element whose name only starts with c', '<row r="1"><cx r="A1"/><c r="B1"/></row>', ['1:2=<c r="B1"/>']],
  ])('read %s', (_name, content, cells) => {
    expect(scanned(content)).toEqual(cells);
  });

  it('reads rows and cells written with a namespace prefix', () => {
    expect(scanned('<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row>', 'x:')).toEqual(['1:2=<x:c r="B1">']);
  });

  it('refuses a cell that is never closed', () => {
    expect(() => scanned('<row r="1"><c r="A1"><v>1</v></row>')).toThrow(/unclosed c element/);
  });
});
