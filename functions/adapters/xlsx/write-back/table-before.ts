// What a system-owned tab held before it is rewritten: each cell's style, and how many cells the new rows change.
import type { SharedStringTable } from '../package/shared-strings.js';
import { attributeOf, textAt } from '../package/xml-text.js';
import { plainCellAt, type PlainCell } from './plain-cell.js';
import { stylesAsWritten } from './row-as-written.js';
import type { TableCellXml } from './sheet-data-xml.js';
import { cellAfter, formulaFreeContent, hasFormula, holds, rowsOf, type ElementXml, type SheetData, type WriteValue } from './sheet-xml.js';

/** The tab as it was, measured against the rows about to replace it. */
export interface TableBefore {
  /** The style of each cell there was, by row number then column number (a cell written twice: the last one). */
  readonly styles: ReadonlyMap<number, readonly (string | undefined)[]>;
  /** Written cells that do not hold their value yet, and cells holding something the new rows leave out. */
  readonly changed: number;
  /** Whether a cell held a formula (each one is replaced or cleared). */
  readonly overwroteFormula: boolean;
  /** The XML of each row written once and exactly as `sheetDataContent` writes it again, by row number: it can be kept as it is. */
  readonly asWritten: ReadonlyMap<number, string>;
}

/**
 * Reads the cells of the sheet against `values` in one pass: a cell is compared with the value its position gets
 * (none outside the new rows) without decoding what need not be, and no cell of the sheet is kept but its style.
 * A row first seen that is written just as the rewrite would write it (`columnStyle` giving new cells their style)
 * is taken whole: it changes nothing. So is one of `heldRows`, rows the sync read as holding their values already
 * (it is not read at all), unless its row number comes twice: then the sheet is read again without them.
 */
export function tableBefore(
  xml: string, sheetData: SheetData, values: readonly (readonly WriteValue[])[], sharedStrings: SharedStringTable, cells: TableCellXml,
  columnStyle: (column: number) => string | undefined, heldRows?: ReadonlySet<number>,
): TableBefore {
  const { prefix } = sheetData;
  const styles = new Map<number, (string | undefined)[]>();
  const differs = new Map<number, boolean[]>();
  const asWritten = new Map<number, string>();
  const kept = new Set<number>();
  let overwroteFormula = false;
  let changed = writtenCount(values);
  const plain: PlainCell = { end: 0, column: 0, style: undefined, type: 'n', valueStart: -1, valueEnd: -1 };
  for (const row of rowsOf(xml, sheetData)) {
    const wanted = values[row.position - 1];
    if (kept.has(row.position)) return tableBefore(xml, sheetData, values, sharedStrings, cells, columnStyle);
    if (heldRows?.has(row.position) && wanted !== undefined && !styles.has(row.position)) {
      // Its cells hold their values: no change, and the row stays as it is.
      kept.add(row.position);
      styles.set(row.position, []);
      changed -= writtenCount([wanted]);
      asWritten.set(row.position, xml.slice(row.start, row.end));
      continue;
    }
    const written = styles.has(row.position) ? null : stylesAsWritten(xml, row, wanted, cells, columnStyle);
    if (written !== null) {
      // Each of its cells holds its value: no change, and nothing to undo should the row be written again.
      styles.set(row.position, written);
      differs.set(row.position, written.map(() => false));
      changed -= written.reduce((count) => count + 1, 0); // its cells: holes are skipped
      asWritten.set(row.position, xml.slice(row.start, row.end));
      continue;
    }
    if (asWritten.size > 0) asWritten.delete(row.position);
    let rowStyles = styles.get(row.position);
    let rowDiffers = differs.get(row.position);
    for (let at = row.contentStart, previous = 0; ;) {
      let column: number;
      let style: string | undefined;
      let differ: boolean;
      // Where the next cell would start: `cellsOf` finds the first `<c` from `at`, which is the first `<` when it is plain.
      const next = xml.indexOf('<', at);
      if (next >= 0 && next < row.contentEnd && plainCellAt(xml, next, row.contentEnd, prefix, plain) && (plain.valueStart < 0 || plain.type === 's' || plain.type === 'n')) {
        ({ column, style } = plain);
        differ = !plainCellHolds(xml, plain, sharedStrings, cells, wanted?.[column - 1] ?? null);
        at = plain.end;
      } else {
        const cell = cellAfter(xml, row, prefix, { end: at, position: previous });
        if (!cell) break;
        const formula = holdsFormula(xml, cell, prefix);
        overwroteFormula ||= formula;
        column = cell.position;
        style = attributeOf(cell.tag, 's');
        differ = formula || !cellHolds(xml, cell, sharedStrings, cells, wanted?.[column - 1] ?? null);
        at = cell.end;
      }
      if (!rowStyles || !rowDiffers) {
        styles.set(row.position, (rowStyles = []));
        differs.set(row.position, (rowDiffers = []));
      }
      rowStyles[column] = style;
      // A cell written twice counts as the last one.
      const value = wanted?.[column - 1] ?? null;
      const earlier = rowDiffers[column];
      if (earlier !== undefined) changed -= changeOf(earlier, value);
      rowDiffers[column] = differ;
      changed += changeOf(differ, value);
      previous = column;
    }
  }
  return { styles, changed, overwroteFormula, asWritten };
}

/**
 * How a cell there was corrects the count, which starts with every value written: a value it already holds is no
 * change (-1), and a cell holding something where nothing is written (null) is one (+1).
 */
function changeOf(differs: boolean, value: WriteValue): number {
  return (differs ? 1 : 0) - (value !== null ? 1 : 0);
}

/** How many values `values` writes (not null). */
function writtenCount(values: readonly (readonly WriteValue[])[]): number {
  let count = 0;
  for (const row of values) for (const value of row) if (value !== null) count++;
  return count;
}

/** `hasFormula` over the cell's content, which is sliced only when a `<f` is in it (looked for tag by tag, not through the sheet). */
function holdsFormula(xml: string, cell: ElementXml, prefix: string): boolean {
  const formula = `<${prefix}f`;
  for (let at = xml.indexOf('<', cell.contentStart); at >= 0 && at < cell.contentEnd; at = xml.indexOf('<', at + 1)) {
    if (xml.startsWith(formula, at)) return hasFormula(xml.slice(cell.contentStart, cell.contentEnd), prefix);
  }
  return false;
}

/**
 * Whether a formula-free cell holds `value`, as `holds(formulaFreeContent(…), value)` says. A shared string is
 * decoded (once, by the table) only when the cell is a bare `<v>` index; an inline string is first compared with the
 * XML the value would be written as, which reads back as the value; anything else is read in full.
 */
function cellHolds(xml: string, cell: ElementXml, sharedStrings: SharedStringTable, cells: TableCellXml, value: WriteValue): boolean {
  const { prefix } = cells;
  const type = attributeOf(cell.tag, 't') ?? 'n';
  if (type === 's' || type === 'n') {
    const bare = bareValue(xml, cell, prefix);
    if (bare !== undefined && type === 's') {
      if (typeof value === 'string') return sharedStrings.isText(Number(bare), value, cells.textRun(value));
      const text = sharedStrings.get(Number(bare));
      return text !== undefined && (text === '' ? null : text) === value;
    }
    if (bare !== undefined) return bare.trim() === '' ? value === null : Number(bare) === value && Number.isFinite(value);
  } else if (type === 'inlineStr' && typeof value === 'string') {
    const written = cells.inlineString(value);
    if (cell.contentEnd - cell.contentStart === written.length && textAt(xml, written, cell.contentStart)) return true;
  }
  return holds(formulaFreeContent(xml.slice(cell.contentStart, cell.contentEnd), cell.tag, prefix, sharedStrings), value);
}

/** Whether a plain cell, empty or of type `s` or `n`, holds `value`, as `cellHolds` would say. */
function plainCellHolds(xml: string, cell: PlainCell, sharedStrings: SharedStringTable, cells: TableCellXml, value: WriteValue): boolean {
  if (cell.valueStart < 0) return value === null;
  if (cell.type === 'n') {
    const bare = xml.slice(cell.valueStart, cell.valueEnd);
    return bare.trim() === '' ? value === null : Number(bare) === value && Number.isFinite(value);
  }
  const index = indexAt(xml, cell.valueStart, cell.valueEnd);
  if (typeof value === 'string') return sharedStrings.isText(index, value, cells.textRun(value));
  const text = sharedStrings.get(index);
  return text !== undefined && (text === '' ? null : text) === value;
}

/** `Number` of the text from `start` to `end`, read digit by digit when it is up to 9 digits (as an index is). */
function indexAt(xml: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return Number(xml.slice(start, end));
  let index = 0;
  for (let at = start; at < end; at++) {
    const digit = xml.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return Number(xml.slice(start, end));
    index = index * 10 + digit;
  }
  return index;
}

/** The text of the cell's `<v>` when its content is that element alone, bare and holding no markup; else undefined. */
function bareValue(xml: string, cell: ElementXml, prefix: string): string | undefined {
  const open = `<${prefix}v>`;
  const close = `</${prefix}v>`;
  const end = cell.contentEnd - close.length;
  if (end < cell.contentStart + open.length || !xml.startsWith(open, cell.contentStart) || !xml.startsWith(close, end)) return undefined;
  const markup = xml.indexOf('<', cell.contentStart + open.length);
  return markup === end ? xml.slice(cell.contentStart + open.length, end) : undefined;
}
