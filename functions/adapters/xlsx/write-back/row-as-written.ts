// Recognises a row of a system-owned tab that is already written exactly as the rewrite would write it, without reading its cells one by one.
import type { TableCellXml } from './sheet-data-xml.js';
import type { ElementXml, WriteValue } from './sheet-xml.js';
import { textAt } from '../package/xml-text.js';

const QUOTE = 0x22;

/**
 * The styles of the row's cells (by column number) when its XML is, byte for byte, what `sheetDataContent` writes for
 * `wanted` at its position, each cell with the style it has (a cell with none: its column's, which must be none):
 * `<row r="7">` alone, then one cell per value that is not empty, in column order, each `<c r="B7"`, an optional
 * ` s="digits"` and `cells.tail(value)`, and nothing else. Such a row holds every value already, no formula, and
 * nothing where nothing is written. Null for any other row (attributes, shared strings, spaces, another value), which
 * is read cell by cell.
 */
export function stylesAsWritten(
  xml: string, row: ElementXml, wanted: readonly WriteValue[] | undefined, cells: TableCellXml, columnStyle: (column: number) => string | undefined,
): (string | undefined)[] | null {
  const { prefix } = cells;
  if (wanted === undefined || row.selfClosing) return null;
  const rowNumber = String(row.position);
  // `<row r="` and `">` around the number; a tag of any other length (spans, heights) is known at once not to be it.
  if (row.tag.length !== prefix.length + rowNumber.length + 10 || row.tag !== `<${prefix}row r="${rowNumber}">`) return null;
  const cellOpen = `<${prefix}c r="`;
  const styles: (string | undefined)[] = [];
  let at = row.contentStart;
  for (let column = 1; column <= wanted.length; column++) {
    const value = wanted[column - 1];
    if (value === null || value === undefined || value === '') continue;
    if (!xml.startsWith(cellOpen, at)) return null;
    at += cellOpen.length;
    const letters = cells.column(column);
    if (!xml.startsWith(letters, at) || !xml.startsWith(rowNumber, at + letters.length)) return null;
    at += letters.length + rowNumber.length;
    if (xml.charCodeAt(at++) !== QUOTE) return null;
    let style: string | undefined;
    if (xml.startsWith(' s="', at)) {
      const start = at + 4;
      let end = start;
      while (isDigit(xml.charCodeAt(end))) end++;
      if (end === start || xml.charCodeAt(end) !== QUOTE) return null;
      style = xml.slice(start, end);
      at = end + 1;
    } else if (columnStyle(column)) {
      // The rewrite would give this cell its column's style: the row would not be written as it is.
      return null;
    }
    const tail = cells.tail(value);
    if (!textAt(xml, tail, at)) return null;
    at += tail.length;
    styles[column] = style;
  }
  return at === row.contentEnd && styles.length > 0 ? styles : null;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
