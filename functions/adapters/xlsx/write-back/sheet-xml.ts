// Scans a worksheet's XML as a string (no DOM, so 50,000-row sheets stay cheap): rows, cells and what cells hold.
import { CcegError } from '../../../core/errors.js';
import { cellReference, parseCellReference } from '../package/cell-reference.js';
import type { SharedStringTable } from '../package/shared-strings.js';
import { attributeOf, attributesOf, decodeText, elementPrefix, keptByKey, richText, startTagSource, textContent } from '../package/xml-text.js';

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
  const names = namesOf(`${sheetData.prefix}row`);
  for (let row = elementAt(xml, names, sheetData.contentStart, sheetData.contentEnd, rowNumberOf, 0); row; row = elementAt(xml, names, row.end, sheetData.contentEnd, rowNumberOf, row.position)) {
    yield row;
  }
}

/** The `<c>` elements of a row, in document order, with their column numbers (implicit ones counted on). */
export function* cellsOf(xml: string, row: ElementXml, prefix: string): Generator<ElementXml> {
  for (let cell = cellAfter(xml, row, prefix); cell; cell = cellAfter(xml, row, prefix, cell)) yield cell;
}

/** The `<c>` element of the row after `previous` (the first when there is none), or null: `cellsOf` one step at a time, for hot loops. */
export function cellAfter(xml: string, row: ElementXml, prefix: string, previous?: Pick<ElementXml, 'end' | 'position'>): ElementXml | null {
  return elementAt(xml, namesOf(`${prefix}c`), previous?.end ?? row.contentStart, row.contentEnd, columnOf, previous?.position ?? 0);
}

/** The number a row's `r` gives, its non-digits left out; read digit by digit when it is digits only (as rows write it). */
function rowNumberOf(r: string | undefined): number {
  if (r === undefined) return NaN;
  if (r.length > 15) return Number(r.replace(/\D/g, ''));
  let number = 0;
  for (let at = 0; at < r.length; at++) {
    const digit = r.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return Number(r.replace(/\D/g, ''));
    number = number * 10 + digit;
  }
  return r.length === 0 ? 0 : number;
}

/** The column number of a cell's `r`, 0 when it is no reference; `AB12` is read without a regular expression. */
function columnOf(reference: string | undefined): number {
  if (!reference) return 0;
  let column = 0;
  let letters = 0;
  for (; letters < reference.length && letters < 4; letters++) {
    const code = reference.charCodeAt(letters);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  let digits = letters;
  while (digits < reference.length && reference.charCodeAt(digits) >= 48 && reference.charCodeAt(digits) <= 57) digits++;
  if (letters >= 1 && letters <= 3 && digits > letters && digits === reference.length) return column;
  return parseCellReference(reference)?.column ?? 0;
}

/** The strings an element is looked for by: `<c`, `</c>` and `<c r="`. */
interface ElementNames {
  readonly name: string;
  readonly open: string;
  readonly close: string;
  readonly leading: string;
}

const namesOf = keptByKey((name): ElementNames => ({ name, open: `<${name}`, close: `</${name}>`, leading: `<${name} r="` }));

/** The first element from `from` that starts before `to`, its position read from `r` or counted on from `previous`; null when none. */
function elementAt(xml: string, names: ElementNames, from: number, to: number, position: (r: string | undefined) => number, previous: number): ElementXml | null {
  const { open, close } = names;
  for (let start = startTagAt(xml, open, from); start >= 0 && start < to; start = startTagAt(xml, open, start)) {
    const tagEnd = startTagEnd(xml, start + open.length);
    if (tagEnd < 0) {
      start += open.length;
      continue;
    }
    const tag = xml.slice(start, tagEnd);
    const selfClosing = xml.charCodeAt(tagEnd - 2) === SLASH;
    const contentEnd = selfClosing ? tagEnd : xml.indexOf(close, tagEnd);
    if (contentEnd < 0 || contentEnd > to) throw new CcegError('NOT_A_WORKBOOK', `A worksheet of the workbook has an unclosed ${names.name} element.`);
    const end = selfClosing ? tagEnd : contentEnd + close.length;
    return { start, end, tag, contentStart: tagEnd, contentEnd, selfClosing, position: position(leadingAttribute(tag, names.leading) ?? attributeOf(tag, 'r')) || previous + 1 };
  }
  return null;
}

/**
 * The value of the attribute a tag starts with when it starts with `leading` (`<c r="`) and the value needs no
 * unescaping, as `attributeOf` would find it (no attribute comes before); else undefined, for `attributeOf` to read.
 */
function leadingAttribute(tag: string, leading: string): string | undefined {
  if (!tag.startsWith(leading)) return undefined;
  const end = tag.indexOf('"', leading.length);
  if (end < 0) return undefined;
  const value = tag.slice(leading.length, end);
  return value.includes('&') ? undefined : value;
}

const SLASH = 0x2f;
const GREATER_THAN = 0x3e;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** Where the next `open` (`<c`) from `from` starts a tag (followed by a space, `/` or `>`), or -1: what `startTagSource` finds first. */
function startTagAt(xml: string, open: string, from: number): number {
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    if (next === SLASH || next === GREATER_THAN || next === 0x20 || (next >= 0x09 && next <= 0x0d)) return at;
    if (next > 0x7f && /\s/.test(xml.charAt(at + open.length))) return at;
  }
  return -1;
}

/** The end of a start tag whose attributes begin at `from` (just past `>`), quotes respected; -1 when a quote is left open. */
function startTagEnd(xml: string, from: number): number {
  for (let at = from; at < xml.length; at++) {
    const code = xml.charCodeAt(at);
    if (code === GREATER_THAN) return at + 1;
    if (code === QUOTE || code === APOSTROPHE) {
      at = xml.indexOf(code === QUOTE ? '"' : "'", at + 1);
      if (at < 0) return -1;
    }
  }
  return -1;
}

/** The patterns `cellContent` looks for in a cell, by element prefix: built once, not once a cell. */
interface ContentPatterns {
  readonly inlineString: RegExp;
  readonly value: RegExp;
  readonly formula: RegExp;
}

const patternsFor = keptByKey((prefix): ContentPatterns => ({
  inlineString: new RegExp(`<${prefix}is[\\s>]`),
  value: new RegExp(`<${prefix}v(?:\\s[^>]*)?>([\\s\\S]*?)</${prefix}v>`),
  formula: new RegExp(`<${prefix}f[\\s/>]`),
}));

/** What a cell holds, with shared strings resolved; formulas, booleans, errors and dates are OTHER_VALUE. */
export function cellContent(xml: string, cell: ElementXml, prefix: string, sharedStrings: SharedStringTable): CellContent {
  const inner = xml.slice(cell.contentStart, cell.contentEnd);
  return hasFormula(inner, prefix) ? OTHER_VALUE : formulaFreeContent(inner, cell.tag, prefix, sharedStrings);
}

/** What a cell holds, given its content `inner` (which holds no formula) and its start tag. */
export function formulaFreeContent(inner: string, tag: string, prefix: string, sharedStrings: SharedStringTable): CellContent {
  const type = attributeOf(tag, 't') ?? 'n';
  const patterns = patternsFor(prefix);
  if (type === 'inlineStr') return inner.includes('<') && patterns.inlineString.test(inner) ? orEmpty(richText(inner, prefix)) : null;
  const value = patterns.value.exec(inner)?.[1];
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
  return inner.includes(`<${prefix}f`) && patternsFor(prefix).formula.test(inner);
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
  return `${start} t="inlineStr">${inlineStringContent(prefix, value)}</${c}>`;
}

/** The content of a cell holding `text` (storable, not empty) as an inline string: `<is><t>…</t></is>`, escaped. */
export function inlineStringContent(prefix: string, text: string): string {
  return `<${prefix}is>${textRun(prefix, text)}</${prefix}is>`;
}

/** The `<t>` element holding `text` (storable, not empty), escaped, its spaces kept. */
export function textRun(prefix: string, text: string): string {
  const space = /^\s|\s$|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${textContent(text)}</${prefix}t>`;
}

/** The style a new cell of a column gets, as Excel gives it: the row's style when the row has one, else the column's. */
export function newCellStyle(rowTag: string | undefined, columnStyle: string | undefined): string | undefined {
  const rowStyle = rowTag === undefined ? undefined : attributeOf(rowTag, 's');
  if (rowStyle && rowTag && ['1', 'true'].includes(attributeOf(rowTag, 'customFormat') ?? '')) return rowStyle;
  return columnStyle && columnStyle !== '0' ? columnStyle : undefined;
}

/** The column styles of the sheet (`<cols><col min max style>`): 1-based column to style index, each column looked up once. */
export function columnStyles(xml: string, prefix: string): (column: number) => string | undefined {
  const ranges: { min: number; max: number; style: string }[] = [];
  const end = xml.indexOf(`<${prefix}sheetData`);
  for (const match of xml.slice(0, end < 0 ? xml.length : end).matchAll(new RegExp(startTagSource(`${prefix}col`), 'g'))) {
    const attributes = attributesOf(match[0]);
    const style = attributes.get('style');
    if (style) ranges.push({ min: Number(attributes.get('min')), max: Number(attributes.get('max')), style });
  }
  const known = new Map<number, string | undefined>();
  return (column) => {
    if (known.has(column)) return known.get(column);
    const style = ranges.find((range) => range.min <= column && column <= range.max)?.style;
    known.set(column, style);
    return style;
  };
}
