// Rewrites a system-owned tab (Findings, Dashboard) whole, its filter over the new table, or builds its sheet when the workbook has none.
import { columnLetters } from '../package/cell-reference.js';
import type { SharedStringTable } from '../package/shared-strings.js';
import type { TableStyles } from './styles-xml.js';
import type { TableLayout } from '../table-layouts.js';
import { columnStyles, findSheetData, type WriteValue } from './sheet-xml.js';
import { sheetDataContent, TableCellXml } from './sheet-data-xml.js';
import { tableBefore } from './table-before.js';
import { startTagSource, storableText, withAttribute } from '../package/xml-text.js';

/** A system-owned table as written: rows of values, row 1 first. */
export type TableRows = readonly (readonly (string | number)[])[];

/** The rewritten sheet: its XML (the same string when nothing changed), how many cells changed, and whether a formula went. */
export interface TableResult {
  readonly xml: string;
  readonly changed: number;
  readonly overwroteFormula: boolean;
  /** The range the sheet's filter now covers, when it has one. */
  readonly filter?: string;
}

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The last row of a worksheet: conditional formatting down to it covers the table however long it grows. */
const LAST_ROW = 1_048_576;
const SYSTEM_TAB_COLOR = 'FF9E9E9E';

/** The rows as they will be stored: text made storable, a number that is not finite written as its text, '' as empty. */
function storableRows(rows: TableRows): WriteValue[][] {
  return rows.map((row) => row.map((value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
    return value === '' ? null : storableText(value);
  }));
}

/**
 * Replaces the sheet's cells with `rows`, keeping the style of every cell position that existed (the header's bold
 * fill) and the rest of the sheet (columns, views, protection); the sheet is left as it is when it already holds them.
 * A row of `heldRows` (1-based: rows known to hold their values already) is kept as it is, unread.
 */
export function rewriteTable(original: string, rows: TableRows, sharedStrings: SharedStringTable, heldRows?: ReadonlySet<number>): TableResult {
  const { xml, sheetData } = findSheetData(original);
  const { prefix } = sheetData;
  const values = storableRows(rows);
  const cells = new TableCellXml(prefix);
  const columnStyle = columnStyles(xml, prefix);
  const { styles, changed, overwroteFormula, asWritten } = tableBefore(xml, sheetData, values, sharedStrings, cells, columnStyle, heldRows);
  if (changed === 0) return { xml: original, changed: 0, overwroteFormula: false };
  // Asked cell by cell, row after row: each row's styles are looked up once.
  let styledRow = 0;
  let rowStyles: readonly (string | undefined)[] | undefined;
  const style = (row: number, column: number) => {
    if (row !== styledRow) {
      styledRow = row;
      rowStyles = styles.get(row);
    }
    return rowStyles?.[column] ?? columnStyle(column);
  };
  const content = sheetDataContent(cells, values, style, asWritten);
  // The tags changed around the table are looked for outside its cells, which hold no markup but their own.
  const around = { head: xml.slice(0, sheetData.contentStart), tail: xml.slice(sheetData.contentEnd) };
  const dimensioned = withFirstTag(around, `${prefix}dimension`, (tag) => withAttribute(tag, 'ref', usedRange(values)));
  // The filter is made to cover the whole table again.
  const range = tableRange(values);
  const filtered = withFirstTag(dimensioned ?? around, `${prefix}autoFilter`, (tag) => withAttribute(tag, 'ref', range));
  const { head, tail } = filtered ?? dimensioned ?? around;
  return { xml: `${head}${content}${tail}`, changed, overwroteFormula, ...(filtered ? { filter: range } : {}) };
}

/** The sheet's XML before and after the cells of its table. */
interface AroundTable {
  readonly head: string;
  readonly tail: string;
}

/** The XML around the table with the first `name` start tag changed (searched in the head, then the tail); null when there is none. */
function withFirstTag(around: AroundTable, name: string, change: (tag: string) => string): AroundTable | null {
  const pattern = new RegExp(startTagSource(name));
  const replace = (xml: string, match: RegExpExecArray) => `${xml.slice(0, match.index)}${change(match[0])}${xml.slice(match.index + match[0].length)}`;
  const inHead = pattern.exec(around.head);
  if (inHead) return { head: replace(around.head, inHead), tail: around.tail };
  const inTail = pattern.exec(around.tail);
  return inTail ? { head: around.head, tail: replace(around.tail, inTail) } : null;
}

/** `A1:G12`: every row written, as wide as the widest (the header); `A1` for none. */
function tableRange(values: readonly (readonly WriteValue[])[]): string {
  const width = values.reduce((widest, row) => Math.max(widest, row.length), 0);
  return width === 0 ? 'A1' : `A1:${columnLetters(width)}${values.length}`;
}

/**
 * A new worksheet holding `rows`, laid out to be read: a frozen bold header row, the grey tab colour of system-owned
 * tabs, column widths, wrapped long text, and (as the layout asks) a filter over the table and a severity column
 * coloured red for `error` and amber for `warning`. Without `styles` (a workbook with no style sheet) there is no
 * bold, wrapping or colour.
 */
export function newTableSheet(rows: TableRows, layout: TableLayout, styles: TableStyles | null): { xml: string; cells: number; filter?: string } {
  const values = storableRows(rows);
  const cells = values.reduce((sum, row) => sum + row.filter((value) => value !== null).length, 0);
  const wrapped = new Set(styles ? layout.wrapped ?? [] : []);
  const cols = layout.widths.map((width, index) =>
    `<col min="${index + 1}" max="${index + 1}" width="${width}"${wrapped.has(index + 1) ? ` style="${styles!.wrapped}"` : ''} customWidth="1"/>`).join('');
  const style = (row: number, column: number) => (!styles ? undefined : row === 1 ? String(styles.header) : wrapped.has(column) ? String(styles.wrapped) : undefined);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NAMESPACE}">` +
    `<sheetPr><tabColor rgb="${SYSTEM_TAB_COLOR}"/></sheetPr>` +
    `<dimension ref="${usedRange(values)}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    `<sheetData>${sheetDataContent(new TableCellXml(''), values, style)}</sheetData>` +
    (layout.filter ? `<autoFilter ref="${tableRange(values)}"/>` : '') +
    (layout.severityColumn !== undefined && styles ? severityFormatting(layout.severityColumn, styles) : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>';
  return { xml, cells, ...(layout.filter ? { filter: tableRange(values) } : {}) };
}

/** Colours the cells of a column below the header that say `error` (red) or `warning` (amber), however long the table grows. */
function severityFormatting(column: number, styles: TableStyles): string {
  const letters = columnLetters(column);
  const rule = (value: string, dxfId: number, priority: number) =>
    `<cfRule type="cellIs" dxfId="${dxfId}" priority="${priority}" operator="equal"><formula>"${value}"</formula></cfRule>`;
  return `<conditionalFormatting sqref="${letters}2:${letters}${LAST_ROW}">${rule('error', styles.error, 1)}${rule('warning', styles.warning, 2)}</conditionalFormatting>`;
}

/** `A1:G12` for the written rows; `A1` when there are none. */
function usedRange(values: readonly (readonly WriteValue[])[]): string {
  let bottom = 0;
  let right = 0;
  values.forEach((row, index) => row.forEach((value, column) => {
    if (value === null) return;
    bottom = index + 1;
    right = Math.max(right, column + 1);
  }));
  return bottom === 0 ? 'A1' : `A1:${columnLetters(right)}${bottom}`;
}
