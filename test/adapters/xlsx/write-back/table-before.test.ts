// Reading a system-owned tab against the rows that replace it: styles kept by position, changes counted as the general reader would count them.
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../../functions/adapters/xlsx/package/shared-strings.js';
import { TableCellXml } from '../../../../functions/adapters/xlsx/write-back/sheet-data-xml.js';
import { findSheetData, type WriteValue } from '../../../../functions/adapters/xlsx/write-back/sheet-xml.js';
import { tableBefore } from '../../../../functions/adapters/xlsx/write-back/table-before.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const strings = new SharedStrings(`<sst xmlns="${MAIN}"><si><t>Say &quot;hi&quot;</t></si><si><t>Say "hi"</t></si><si><t></t></si></sst>`);
const before = (rows: string, values: WriteValue[][], prefix = '', columnStyle: (column: number) => string | undefined = () => undefined) => {
  const { xml, sheetData } = findSheetData(`<${prefix}worksheet xmlns${prefix ? ':x' : ''}="${MAIN}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`);
  return tableBefore(xml, sheetData, values, strings, new TableCellXml(prefix), columnStyle);
};
/** The same rows with a `spans` attribute each, which makes every row be read cell by cell. */
const cellByCell = (rows: string) => rows.replace(/<(x:)?row r="(\d+)">/g, '<$1row r="$2" spans="1:9">');
/** What `tableBefore` found, its rows kept whole left out. */
const found = ({ styles, changed, overwroteFormula }: ReturnType<typeof before>) => ({ styles: [...styles], changed, overwroteFormula });

/** Rows as the rewrite writes them: a bold header, inline strings and numbers. */
const WRITTEN = '<row r="1"><c r="A1" s="4" t="inlineStr"><is><t>Rule</t></is></c><c r="B1" s="4" t="inlineStr"><is><t>Row</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Say &quot;hi&quot;</t></is></c><c r="B2"><v>3</v></c></row>' +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>other</t></is></c><c r="B3"><v>4</v></c></row>';
const WRITTEN_VALUES: WriteValue[][] = [['Rule', 'Row'], ['Say "hi"', 3], ['other', 4]];

describe('tableBefore', () => {
  it.each<[string, string, WriteValue[][], number]>([
    ['shared strings escaped either way holding their values', '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>', [['Say "hi"', 'Say "hi"']], 0],
    ['a shared string holding other text', '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [['Bye']], 1],
    ['an empty shared string where nothing is written', '<row r="1"><c r="A1" t="s"><v>2</v></c></row>', [[null]], 0],
    ['inline strings as written and otherwise', '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><r><t>b</t></r></is></c></row>', [['a', 'b']], 0],
    ['numbers, equal and not', '<row r="1"><c r="A1"><v>3</v></c><c r="B1"><v>4</v></c></row>', [[3, 5]], 1],
    ['a number where text is written', '<row r="1"><c r="A1"><v>3</v></c></row>', [['3']], 1],
    ['a cell outside the new rows holding something', '<row r="1"><c r="A1"><v>3</v></c><c r="C1"><v>1</v></c></row><row r="5"><c r="A5" s="2"/></row>', [[3]], 1],
    ['a value with no cell there yet', '', [['new', 2, null]], 2],
    ['a formula holding the value', '<row r="1"><c r="A1"><f>1+2</f><v>3</v></c></row>', [[3]], 1],
    ['a boolean', '<row r="1"><c r="A1" t="b"><v>1</v></c></row>', [[1]], 1],
    ['cells written with spaces between them', '<row r="1">\n <c r="A1"><v>3</v></c>\n <c><v>4</v></c>\n</row>', [[3, 4]], 0],
    ['a cell written twice, the last one counting', '<row r="1"><c r="A1"><v>9</v></c><c r="A1"><v>3</v></c></row>', [[3]], 0],
  ])('counts %s', (_name, rows, values, changed) => {
    expect(before(rows, values).changed).toBe(changed);
  });

  it('keeps the style of each position there was, the last cell written at it winning', () => {
    const { styles } = before('<row r="1"><c r="A1" s="4"/><c r="B1" s="5"><v>1</v></c><c r="B1" s="6"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>', [[null, 1]]);
    expect([...styles]).toEqual([[1, [undefined, '4', '6']], [2, [undefined, undefined, undefined]]]);
  });

  it('says whether a formula was there', () => {
    expect(before('<row r="1"><c r="A1"><f>1</f></c></row>', [['a']]).overwroteFormula).toBe(true);
    expect(before('<row r="1"><c r="A1"><v>1</v></c></row>', [['a']]).overwroteFormula).toBe(false);
  });

  it('takes rows written as the rewrite writes them whole, finding what reading them cell by cell finds', () => {
    const result = before(WRITTEN, WRITTEN_VALUES);
    expect([...result.asWritten.keys()]).toEqual([1, 2, 3]);
    expect(result.asWritten.get(2)).toBe('<row r="2"><c r="A2" t="inlineStr"><is><t>Say &quot;hi&quot;</t></is></c><c r="B2"><v>3</v></c></row>');
    expect(found(result)).toEqual(found(before(cellByCell(WRITTEN), WRITTEN_VALUES)));
    expect(result.changed).toBe(0);
  });

  it.each<[string, string, WriteValue[][]]>([
    ['a row that differs', WRITTEN, [['Rule', 'Row'], ['Say "hi"', 5], ['other', 4, 'new']]],
    ['a row written twice', WRITTEN.replace('<row r="3">', '<row r="2"><c r="A2"><v>9</v></c></row><row r="3">'), WRITTEN_VALUES],
    ['a row written twice, as written the second time', WRITTEN.replace(/(<row r="2">.*?<\/row>)/, '<row r="2"><c r="C2" s="1"><f>1</f></c></row>$1'), WRITTEN_VALUES],
    ['a shared string and a formula', WRITTEN.replace('<c r="B2"><v>3</v></c>', '<c r="B2"><f>1+2</f><v>3</v></c>').replace('<c r="A3" t="inlineStr"><is><t>other</t></is></c>', '<c r="A3" t="s"><v>0</v></c>'), WRITTEN_VALUES],
    ['rows fewer than the cells there were', WRITTEN, [['Rule', 'Row']]],
    ['a prefixed sheet', WRITTEN.replace(/<(\/?)(row|c|is|t|v)([ >])/g, '<$1x:$2$3'), WRITTEN_VALUES],
  ])('finds with %s what reading every row cell by cell finds', (_name, rows, values) => {
    const prefix = rows.startsWith('<x:') ? 'x:' : '';
    expect(found(before(rows, values, prefix))).toEqual(found(before(cellByCell(rows), values, prefix)));
  });

  it('keeps whole only rows written once and exactly as they would be written again', () => {
    const twice = WRITTEN.replace('<row r="3">', '<row r="2"><c r="A2"><v>9</v></c></row><row r="3">');
    expect([...before(twice, WRITTEN_VALUES).asWritten.keys()]).toEqual([1, 3]);
    expect([...before(WRITTEN, [['Rule', 'Row'], ['Say "hi"', 5], ['other', 4]]).asWritten.keys()]).toEqual([1, 3]);
    expect([...before(WRITTEN, WRITTEN_VALUES, '', (column) => (column === 2 ? '6' : undefined)).asWritten.keys()]).toEqual([1]);
  });

  it('reads a sheet written with a prefix', () => {
    expect(before('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>', [['Say "hi"', 3]], 'x:').changed).toBe(1);
  });
});
