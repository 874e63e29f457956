// Scans a worksheet's XML as a string (no DOM, so 50,000-row sheets stay cheap): rows, cells and what cells hold.
import { CcegError } from '../../../core/errors.js';
import { cellReference, parseCellReference } from '../package/cell-reference.js';
import type { SharedStringTable } from '../package/shared-strings.js';
import { attributeOf, attributesOf, decodeText, elementPrefix, richText, startTagSource, textContent } from '../package/xml-text.js';

/** A value a cell holds that the write-back never writes (a formula, boolean, error or date cell): equal to nothing. */
export const OTHER_VALUE = Symbol('other value');
/** What a cell holds, as far as the write-back compares: text, a number, nothing, or something else. */
export type CellContent = string | number | null | typeof OTHER_VALUE;

/** A value to write: text (already storable) or a number; '' and null clear the cell. */
export type WriteValue = string | number | null;

/** Where `<sheetData>` sits in a worksheet: its element prefix and the span of its content. */
export interface SheetData {
  /** `x:` when the main namespace is written with a prefix, else ''. */
  readonly prefix: string;
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** One element (`<row>` or `<c>`) as found: its span, start tag, content span and 1-based position. */
export interface ElementXml {
  readonly start: number;
  readonly end: number;
  readonly tag: string;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly selfClosing: boolean;
  /** Row number of a `<row>`, column number of a `<c>`. */
  readonly position: number;
}

/** Finds `<sheetData>`; an empty `<sheetData/>` is first opened up, so the returned XML may differ from `xml`. */
export function findSheetData(xml: string): { xml: string; sheetData: SheetData } {
  const prefix = elementPrefix(xml, 'sheetData');
  if (prefix === null) throw new CcegError('NOT_A_WORKBOOK', 'A worksheet of the workbook has no sheetData element.');
  const open = new RegExp(startTagSource(`${prefix}sheetData`)).exec(xml)!;
  const tagEnd = open.index + open[0].length;
  if (open[0].endsWith('/>')) {
    const opened = `${xml.slice(0, open.index)}${open[0].slice(0, -2)}></${prefix}sheetData>${xml.slice(tagEnd)}`;
    return { xml: opened, sheetData: { prefix, contentStart: tagEnd - 1, contentEnd: tagEnd - 1 } };
  }
  const contentEnd = xml.indexOf(`</${prefix}sheetData>`, tagEnd);
  if (contentEnd < 0) throw new CcegError('NOT_A_WORKBOOK', 'A worksheet of the workbook has an unclosed sheetData element.');
  return { xml, sheetData: { prefix, contentStart: tagEnd, contentEnd } };
}

/** The `<row>` elements of the sheet data, in document order, with their row numbers (implicit ones counted on). */
export function* rowsOf(xml: string, sheetData: SheetData): Generator<ElementXml> {
  yield* elementsOf(xml, `${sheetData.prefix}row`, sheetData.contentStart, sheetData.contentEnd, 'r', (r) => r?.replace(/\D/g, ''));
}

/** The `<c>` elements of a row, in document order, with their column numbers (implicit ones counted on). */
export function* cellsOf(xml: string, row: ElementXml, prefix: string): Generator<ElementXml> {
  yield* elementsOf(xml, `${prefix}c`, row.contentStart, row.contentEnd, 'r', (r) => (r ? String(parseCellReference(r)?.column ?? '') : undefined));
}

function* elementsOf(
  xml: string, name: string, from: number, to: number, positionAttribute: string, position: (value: string | undefined) => string | undefined,
): Generator<ElementXml> {
  const pattern = new RegExp(startTagSource(name), 'g');
  const close = `</${name}>`;
  let previous = 0;
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match && match.index < to; match = pattern.exec(xml)) {
    const tag = match[0];
    const tagEnd = match.index + tag.length;
    const selfClosing = tag.endsWith('/>');
    const contentEnd = selfClosing ? tagEnd : xml.indexOf(close, tagEnd);
    if (contentEnd < 0 || contentEnd > to) throw new CcegError('NOT_A_WORKBOOK', `A worksheet of the workbook has an unclosed ${name} element.`);
    const end = selfClosing ? tagEnd : contentEnd + close.length;
    previous = Number(position(attributeOf(tag, positionAttribute)) || previous + 1);
    yield { start: match.index, end, tag, contentStart: tagEnd, contentEnd, selfClosing, position: previous };
    pattern.lastIndex = end;
  }
}

/** What a cell holds, with shared strings resolved; formulas, booleans, errors and dates are OTHER_VALUE. */
export function cellContent(xml: string, cell: ElementXml, prefix: string, sharedStrings: SharedStringTable): CellContent {
  const inner = xml.slice(cell.contentStart, cell.contentEnd);
  if (hasFormula(inner, prefix)) return OTHER_VALUE;
  const type = attributeOf(cell.tag, 't') ?? 'n';
  if (type === 'inlineStr') return inner.includes('<') && new RegExp(`<${prefix}is[\\s>]`).test(inner) ? orEmpty(richText(inner, prefix)) : null;
  const value = new RegExp(`<${prefix}v(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}v>`).exec(inner)?.[1];
  if (value === undefined) return null;
  if (type === 's') {
    const text = sharedStrings.get(Number(value));
    return text === undefined ? OTHER_VALUE : orEmpty(text);
  }
  if (type === 'str') return orEmpty(decodeText(value));
  if (type !== 'n') return OTHER_VALUE;
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : OTHER_VALUE;
}

/** Whether the content of a `<c>` element holds a formula. */
export function hasFormula(inner: string, prefix: string): boolean {
  return inner.includes(`<${prefix}f`) && new RegExp(`<${prefix}f[\\s/>]`).test(inner);
}

/** Whether a cell holds `value` exactly: same text, or the same number; empty text is an empty cell. */
export function holds(content: CellContent | undefined, value: WriteValue): boolean {
  return (content ?? null) === (value === '' ? null : value);
}

function orEmpty(text: string): string | null {
  return text === '' ? null : text;
}

/** A `<c>` element holding `value` as an inline string or a number (never a formula), with style `style`; '' when empty and unstyled. */
export function cellXml(prefix: string, row: number, column: number, style: string | undefined, value: WriteValue): string {
  const c = `${prefix}c`;
  const start = `<${c} r="${cellReference(row, column)}"${style ? ` s="${style}"` : ''}`;
  if (value === null || value === '') return style ? `${start}/>` : '';
  if (typeof value === 'number') return `${start}><${prefix}v>${String(value)}</${prefix}v></${c}>`;
  const space = /^\s|\s$|[\t\n\r]/.test(value) ? ' xml:space="preserve"' : '';
  return `${start} t="inlineStr"><${prefix}is><${prefix}t${space}>${textContent(value)}</${prefix}t></${prefix}is></${c}>`;
}

/** The style a new cell of a column gets, as Excel gives it: the row's style when the row has one, else the column's. */
export function newCellStyle(rowTag: string | undefined, columnStyle: string | undefined): string | undefined {
  const rowStyle = rowTag === undefined ? undefined : attributeOf(rowTag, 's');
  if (rowStyle && rowTag && ['1', 'true'].includes(attributeOf(rowTag, 'customFormat') ?? '')) return rowStyle;
  return columnStyle && columnStyle !== '0' ? columnStyle : undefined;
}

/** The column styles of the sheet (`<cols><col min max style>`): 1-based column to style index. */
export function columnStyles(xml: string, prefix: string): (column: number) => string | undefined {
  const ranges: { min: number; max: number; style: string }[] = [];
  const end = xml.indexOf(`<${prefix}sheetData`);
  for (const match of xml.slice(0, end < 0 ? xml.length : end).matchAll(new RegExp(startTagSource(`${prefix}col`), 'g'))) {
    const attributes = attributesOf(match[0]);
    const style = attributes.get('style');
    if (style) ranges.push({ min: Number(attributes.get('min')), max: Number(attributes.get('max')), style });
  }
  return (column) => ranges.find((range) => range.min <= column && column <= range.max)?.style;
}
