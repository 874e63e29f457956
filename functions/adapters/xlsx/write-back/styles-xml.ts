// Adds the styles of the system tabs to xl/styles.xml: appended, so every style a cell already uses keeps its index.
import { attributesOf, elementPrefix, startTagSource, withAttribute } from '../package/xml-text.js';

/** The style indexes a new system tab uses: cell formats (`s`) and conditional formats (`dxfId`). */
export interface TableStyles {
  /** Bold: the header row. */
  readonly header: number;
  /** Wrapped text, aligned to the top: long messages. */
  readonly wrapped: number;
  /** Red fill, dark red text: a cell saying `error`. */
  readonly error: number;
  /** Amber fill, dark amber text: a cell saying `warning`. */
  readonly warning: number;
}

const ERROR_DXF = '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
const WARNING_DXF = '<dxf><font><color rgb="FF9C5700"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>';
/** What follows `<dxfs>` in a style sheet (ECMA-376 CT_Stylesheet): a new `<dxfs>` goes before the first of them. */
const AFTER_DXFS = ['tableStyles', 'colors', 'extLst'];

/** The style sheet with the system tabs' styles added, and their indexes; null when it has no fonts or cell formats to add to. */
export function withTableStyles(stylesXml: string): { xml: string; styles: TableStyles } | null {
  const prefix = elementPrefix(stylesXml, 'styleSheet');
  if (prefix === null) return null;
  const firstFont = new RegExp(`<${prefix}font(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}font>)`).exec(listOf(stylesXml, prefix, 'fonts')?.content ?? '');
  const boldFont = `<${prefix}font><${prefix}b/>${(firstFont?.[1] ?? '').replace(new RegExp(`<${prefix}b(?:\\s[^>]*)?/>`, 'g'), '')}</${prefix}font>`;
  const fonts = append(stylesXml, prefix, 'fonts', 'font', [boldFont]);
  if (!fonts) return null;
  const cellFormats = append(fonts.xml, prefix, 'cellXfs', 'xf', [
    `<${prefix}xf numFmtId="0" fontId="${fonts.first}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
    `<${prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><${prefix}alignment vertical="top" wrapText="1"/></${prefix}xf>`,
  ]);
  if (!cellFormats) return null;
  const dxfs = [ERROR_DXF, WARNING_DXF].map((dxf) => dxf.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`));
  const differential = append(cellFormats.xml, prefix, 'dxfs', 'dxf', dxfs) ?? appendNewList(cellFormats.xml, prefix, 'dxfs', dxfs);
  return { xml: differential.xml, styles: { header: cellFormats.first, wrapped: cellFormats.first + 1, error: differential.first, warning: differential.first + 1 } };
}

/** A list element (`<fonts>`), its start tag and content span; an empty `<dxfs/>` has empty content at its end. */
function listOf(xml: string, prefix: string, name: string): { start: number; tag: string; content: string; contentStart: number; end: number } | null {
  const open = new RegExp(startTagSource(`${prefix}${name}`)).exec(xml);
  if (!open) return null;
  const contentStart = open.index + open[0].length;
  if (open[0].endsWith('/>')) return { start: open.index, tag: open[0], content: '', contentStart, end: contentStart };
  const close = xml.indexOf(`</${prefix}${name}>`, contentStart);
  if (close < 0) return null;
  return { start: open.index, tag: open[0], content: xml.slice(contentStart, close), contentStart, end: close + `</${prefix}${name}>`.length };
}

/** The list with `items` appended and its `count` updated, and the index of the first item added; null when there is no such list. */
function append(xml: string, prefix: string, list: string, item: string, items: readonly string[]): { xml: string; first: number } | null {
  const found = listOf(xml, prefix, list);
  if (!found) return null;
  const first = Array.from(found.content.matchAll(new RegExp(startTagSource(`${prefix}${item}`), 'g'))).length;
  const openTag = found.tag.endsWith('/>') ? `${found.tag.slice(0, -2)}>` : found.tag;
  const countedTag = attributesOf(openTag).has('count') || first > 0 ? withAttribute(openTag, 'count', String(first + items.length)) : openTag;
  const element = `${countedTag}${found.content}${items.join('')}</${prefix}${list}>`;
  return { xml: `${xml.slice(0, found.start)}${element}${xml.slice(found.end)}`, first };
}

/** The style sheet with a new list holding `items`, placed where the schema wants it. */
function appendNewList(xml: string, prefix: string, list: string, items: readonly string[]): { xml: string; first: number } {
  const element = `<${prefix}${list} count="${items.length}">${items.join('')}</${prefix}${list}>`;
  const next = AFTER_DXFS.map((name) => new RegExp(`<${prefix}${name}(?=[\\s/>])`).exec(xml)?.index).filter((at) => at !== undefined);
  const at = next.length > 0 ? Math.min(...next) : xml.lastIndexOf(`</${prefix}styleSheet>`);
  return { xml: `${xml.slice(0, at)}${element}${xml.slice(at)}`, first: 0 };
}
