// The `<sheetData>` of a system-owned table as written: rows of inline strings and numbers, each distinct text escaped once.
import { columnLetters } from '../package/cell-reference.js';
import { textRun, type WriteValue } from './sheet-xml.js';

/** The XML of a table's cells, kept by value: a text that fills a thousand cells is escaped once. */
export class TableCellXml {
  private readonly runs = new Map<string, string>();
  private readonly contents = new Map<string, string>();
  private readonly tails = new Map<string, string>();
  private readonly letters: string[] = [];

  constructor(readonly prefix: string) {}

  /** `<is><t>…</t></is>` holding `text`, as `cellXml` writes it. */
  inlineString(text: string): string {
    let content = this.contents.get(text);
    if (content === undefined) this.contents.set(text, (content = `<${this.prefix}is>${this.textRun(text)}</${this.prefix}is>`));
    return content;
  }

  /** The `<t>…</t>` element of `inlineString(text)`. */
  textRun(text: string): string {
    let run = this.runs.get(text);
    if (run === undefined) this.runs.set(text, (run = textRun(this.prefix, text)));
    return run;
  }

  /** A cell holding `value` from just after its style to its end, as `cellXml` writes it. */
  tail(value: string | number): string {
    const { prefix } = this;
    if (typeof value === 'number') return `><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
    let tail = this.tails.get(value);
    if (tail === undefined) this.tails.set(value, (tail = ` t="inlineStr">${this.inlineString(value)}</${prefix}c>`));
    return tail;
  }

  /** The letters of a 1-based column. */
  column(column: number): string {
    return (this.letters[column] ??= columnLetters(column));
  }
}

/**
 * The content of `<sheetData>` holding `values` (row 1 first), each cell with `style(row, column)`: the same XML as
 * `cellXml` cell by cell, an empty cell (styled or not) left out, and a row with no cell left out. A row in
 * `asWritten` is that XML already (`tableBefore` found it so) and is copied. The pieces are joined once, at the end.
 */
export function sheetDataContent(
  cells: TableCellXml, values: readonly (readonly WriteValue[])[], style: (row: number, column: number) => string | undefined, asWritten?: ReadonlyMap<number, string>,
): string {
  const { prefix } = cells;
  const rowClose = `</${prefix}row>`;
  const cellOpen = `<${prefix}c r="`;
  const parts: string[] = [];
  for (let index = 0; index < values.length; index++) {
    const written = asWritten?.get(index + 1);
    if (written !== undefined) {
      parts.push(written);
      continue;
    }
    const row = values[index]!;
    const rowNumber = String(index + 1);
    // A row's cells are concatenated first: fewer pieces to join than one per attribute.
    let rowCells = '';
    for (let column = 1; column <= row.length; column++) {
      const value = row[column - 1];
      if (value === null || value === undefined || value === '') continue;
      const cellStyle = style(index + 1, column);
      rowCells += cellOpen + cells.column(column) + rowNumber + (cellStyle ? `" s="${cellStyle}"` : '"') + cells.tail(value);
    }
    // A row with no cell is not written.
    if (rowCells !== '') parts.push(`<${prefix}row r="${rowNumber}">`, rowCells, rowClose);
  }
  return parts.join('');
}
