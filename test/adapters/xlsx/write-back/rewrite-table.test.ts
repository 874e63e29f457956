// Rewriting a system-owned tab whole (styles of existing positions kept, exact dimension and filter, nothing written when equal), and building a new one laid out to be read.
import { describe, expect, it } from 'vitest';
import { newTableSheet, rewriteTable } from '../../../../functions/adapters/xlsx/write-back/rewrite-table.js';
import { SharedStrings } from '../../../../functions/adapters/xlsx/package/shared-strings.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const strings = new SharedStrings(`<sst xmlns="${MAIN}"><si><t>Section</t></si><si><t>Value</t></si></sst>`);
const sheet = (dimension: string, rows: string) =>
  `<worksheet xmlns="${MAIN}"><sheetPr><tabColor rgb="FF9E9E9E"/></sheetPr><dimension ref="${dimension}"/><cols><col min="2" max="2" style="6"/></cols><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells></worksheet>`;
const header = '<row r="1" spans="1:2"><c r="A1" s="4" t="s"><v>0</v></c><c r="B1" s="4" t="s"><v>1</v></c></row>';

describe('rewriteTable', () => {
  it('replaces the rows, keeping the header style, giving new cells their column style, and fitting the dimension', () => {
    const before = sheet('A1:B4', `${header}<row r="2"><c r="A2"><v>1</v></c></row><row r="4"><c r="B4"><f>1+1</f><v>2</v></c></row>`);
    const result = rewriteTable(before, [['Section', 'Value'], ['Members', 3]], strings);
    expect(result).toEqual({
      xml: sheet('A1:B2', '<row r="1"><c r="A1" s="4" t="inlineStr"><is><t>Section</t></is></c><c r="B1" s="4" t="inlineStr"><is><t>Value</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Members</t></is></c><c r="B2" s="6"><v>3</v></c></row>'),
      changed: 3,
      overwroteFormula: true,
    });
  });

  it('leaves the sheet as it is when it already holds the rows (empty text counting as an empty cell)', () => {
    const before = sheet('A1:B2', `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>Members</t></is></c><c r="B2"><v>3</v></c></row>`);
    expect(rewriteTable(before, [['Section', 'Value', ''], ['Members', 3]], strings)).toEqual({ xml: before, changed: 0, overwroteFormula: false });
  });

  it('counts a cell emptied as a change', () => {
    const before = sheet('A1:B2', `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>Members</t></is></c><c r="B2"><v>3</v></c></row>`);
    expect(rewriteTable(before, [['Section', 'Value']], strings)).toMatchObject({ changed: 2, xml: expect.stringContaining('<dimension ref="A1:B1"/>') });
  });

  it('rewrites a sheet it wrote itself as it rewrites the same sheet read cell by cell (rows kept whole, the rest written anew)', () => {
    const rows = [['Section', 'Value'], ['Members', 3], ['Say "hi" ', 2.5], ['Tally', 'x']];
    const written = rewriteTable(sheet('A1:B2', header), rows, strings).xml;
    const spanned = written.replace(/<row r="(\d+)">/g, '<row r="$1" spans="1:2">');
    const next = [['Section', 'Value'], ['Members', 4], ['Say "hi" ', 2.5], ['Tally', 'x'], ['New', 1]];
    const result = rewriteTable(written, next, strings);
    expect(result).toEqual(rewriteTable(spanned, next, strings));
    expect(result.changed).toBe(3);
  });

  it('keeps the rows the sync read as holding their values, unread and as they are, and counts only the others', () => {
    const kept = '<row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" s="5" t="s"><v>0</v></c><c r="B2" s="5"><v>3</v></c></row>';
    const before = sheet('A1:B3', `${header}${kept}<row r="3"><c r="A3" t="inlineStr"><is><t>Old</t></is></c></row>`);
    const rows = [['Section', 'Value'], ['Section', 3], ['New', 1]];
    const result = rewriteTable(before, rows, strings, new Set([1, 2]));
    expect(result.xml).toContain(`${header}${kept}<row r="3">`);
    expect(result.changed).toBe(rewriteTable(before, rows, strings).changed);
    expect(result.changed).toBe(2);
  });

  it('reads a sheet whose held row number comes twice cell by cell, as without held rows', () => {
    const twice = '<row r="2"><c r="A2" t="inlineStr"><is><t>Members</t></is></c></row><row r="2"><c r="B2"><v>9</v></c></row>';
    const before = sheet('A1:B2', `${header}${twice}`);
    const rows = [['Section', 'Value'], ['Members', 3]];
    expect(rewriteTable(before, rows, strings, new Set([1, 2]))).toEqual(rewriteTable(before, rows, strings));
  });

  it('makes a filter cover the rewritten table, however many rows it now has', () => {
    const filtered = (ref: string) => sheet('A1:B1', header).replace('<mergeCells', `<autoFilter ref="${ref}"/><mergeCells`);
    const result = rewriteTable(filtered('A1:B1'), [['Section', 'Value'], ['Members', 3], ['Tally', 2]], strings);
    expect(result).toMatchObject({ xml: expect.stringContaining('<autoFilter ref="A1:B3"/>'), filter: 'A1:B3' });
  });
});

const STYLES = { header: 7, wrapped: 8, error: 2, warning: 3 };
const LAYOUT = { widths: [10, 40], wrapped: [2], filter: true, severityColumn: 1 };

describe('newTableSheet', () => {
  it('builds a worksheet with a frozen header, the rows as text and numbers, and counts its cells', () => {
    const { xml, cells } = newTableSheet([['Severity', 'Row'], ['error', 3], ['warning', '']], { widths: [] }, null);
    expect(cells).toBe(5);
    expect(xml).toContain('<dimension ref="A1:B3"/>');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t>error</t></is></c><c r="B2"><v>3</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>warning</t></is></c></row>');
  });

  it('lays the table out to be read: widths, a bold header, wrapped messages, a filter over the table, severities in colour', () => {
    const { xml } = newTableSheet([['Severity', 'Message'], ['error', 'A long message'], ['warning', 'Another']], LAYOUT, STYLES);
    expect(xml).toContain('<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="40" style="8" customWidth="1"/></cols>');
    expect(xml).toContain('<row r="1"><c r="A1" s="7" t="inlineStr"><is><t>Severity</t></is></c><c r="B1" s="7" t="inlineStr">');
    expect(xml).toContain('<c r="B2" s="8" t="inlineStr"><is><t>A long message</t></is></c>');
    expect(xml).toContain('</sheetData><autoFilter ref="A1:B3"/><conditionalFormatting sqref="A2:A1048576">' +
      '<cfRule type="cellIs" dxfId="2" priority="1" operator="equal"><formula>"error"</formula></cfRule>' +
      '<cfRule type="cellIs" dxfId="3" priority="2" operator="equal"><formula>"warning"</formula></cfRule></conditionalFormatting><pageMargins');
  });

  it('keeps the widths and the filter, but no bold, wrapping or colour, in a workbook without a style sheet', () => {
    const { xml } = newTableSheet([['Severity', 'Message'], ['error', 'x']], LAYOUT, null);
    expect(xml).toContain('<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/></cols>');
    expect(xml).toContain('<autoFilter ref="A1:B2"/>');
    expect(xml).not.toMatch(/ s="|conditionalFormatting/);
  });
});
