// Turns the documents' HTML tree into WordprocessingML paragraphs, tables and PNG charts: the body of a DOCX.
import { chartPng, type ChartPng } from './chart-png.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';

/** A chart of the body, to store as `word/media/{name}` under relationship `relationshipId`. */
export interface BodyImage extends ChartPng {
  readonly name: string;
  readonly relationshipId: string;
  readonly alt: string;
}

/** A web link of the body, kept as an external relationship. */
export interface BodyLink {
  readonly relationshipId: string;
  readonly target: string;
}

/** The body of `word/document.xml` and what its parts refer to: the charts, the links and one numbering per list. */
export interface WordBody {
  readonly xml: string;
  readonly images: readonly BodyImage[];
  readonly links: readonly BodyLink[];
  /** For each numbering ID from 1 on, whether that list is ordered. */
  readonly lists: readonly ('bullet' | 'ordered')[];
}

/** Text width of an A4 page with 16 mm side margins, in twentieths of a point. */
export const TEXT_WIDTH_TWIPS = 10_091;
const EMU_PER_CSS_PIXEL = 9525;
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'div', 'header', 'main', 'footer', 'section', 'article', 'blockquote', 'thead', 'tbody', 'tr', 'td', 'th']);
/** Links the Doc keeps: to the web and to mail addresses. */
const WEB_ADDRESS = /^(https?:\/\/|mailto:)/i;
const HEADINGS: Readonly<Record<string, string>> = { h1: 'Heading1', h2: 'Heading2', h3: 'Heading3', h4: 'Heading3', h5: 'Heading3', h6: 'Heading3' };

/** The look a block hands down to the paragraphs and runs inside it. */
interface Look {
  /** Inner XML of `w:pBdr`. */
  readonly borders?: string;
  readonly fill?: string;
  readonly before?: number;
  readonly after?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: string;
  /** Font size in half-points. */
  readonly size?: number;
  readonly underline?: boolean;
}

const PLAIN: Look = {};
/** The §2 notice box: a 1 pt border, a light grey background, bold. */
const NOTICE: Look = {
  borders: ['top', 'left', 'bottom', 'right'].map((side) => `<w:${side} w:val="single" w:sz="8" w:space="4" w:color="333333"/>`).join(''),
  fill: 'F3F3F3', after: 160, bold: true,
};
const FOOTER: Look = { borders: '<w:top w:val="single" w:sz="4" w:space="4" w:color="888888"/>', before: 200, color: '333333', size: 16 };
const ASIDE: Look = { italic: true, color: '444444' };
const CELL: Look = { after: 0, size: 18 };

/** `w:pPr` content, in the schema's order. */
function paragraphProperties(style: string | null, numbering: string, look: Look): string {
  const spacing = look.before === undefined && look.after === undefined ? ''
    : `<w:spacing${look.before === undefined ? '' : ` w:before="${look.before}"`}${look.after === undefined ? '' : ` w:after="${look.after}"`}/>`;
  return (style === null ? '' : `<w:pStyle w:val="${style}"/>`) + numbering + (look.borders === undefined ? '' : `<w:pBdr>${look.borders}</w:pBdr>`)
    + (look.fill === undefined ? '' : `<w:shd w:val="clear" w:color="auto" w:fill="${look.fill}"/>`) + spacing;
}

/** `w:rPr` content, in the schema's order. */
function runProperties(look: Look): string {
  return (look.bold === true ? '<w:b/>' : '') + (look.italic === true ? '<w:i/>' : '') + (look.color === undefined ? '' : `<w:color w:val="${look.color}"/>`)
    + (look.size === undefined ? '' : `<w:sz w:val="${look.size}"/>`) + (look.underline === true ? '<w:u w:val="single"/>' : '');
}

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character] ?? character);
}

function classesOf(element: HtmlElement): string[] {
  return (element.attributes.class ?? '').split(/\s+/).filter(Boolean);
}

function lookOf(element: HtmlElement, inherited: Look): Look {
  const classes = classesOf(element);
  const own = classes.includes('notice') ? NOTICE : element.name === 'footer' ? FOOTER : classes.includes('more') || classes.includes('none') ? ASIDE : null;
  return own === null ? inherited : { ...inherited, ...own };
}

/** Writes the body of one document: call {@link WordBodyWriter.write} once. */
class WordBodyWriter {
  private readonly images: BodyImage[] = [];
  private readonly links: BodyLink[] = [];
  private readonly lists: ('bullet' | 'ordered')[] = [];

  write(nodes: readonly HtmlNode[]): WordBody {
    return { xml: this.blocks(nodes, PLAIN, null).join(''), images: this.images, links: this.links, lists: this.lists };
  }

  /** The paragraphs and tables of `nodes`; inline content between blocks becomes paragraphs with `style`. */
  private blocks(nodes: readonly HtmlNode[], look: Look, style: string | null, numbering = ''): string[] {
    const out: string[] = [];
    let runs: string[] = [];
    const flush = () => {
      if (runs.length > 0) out.push(paragraph(paragraphProperties(style, numbering, look), runs));
      runs = [];
    };
    for (const node of nodes) {
      if (node.kind === 'element' && BLOCK.has(node.name)) {
        flush();
        out.push(...this.block(node, look));
      } else {
        runs.push(...this.inline(node, look, runs.length === 0));
      }
    }
    flush();
    return out;
  }

  private block(element: HtmlElement, inherited: Look): string[] {
    const look = lookOf(element, inherited);
    const heading = HEADINGS[element.name];
    if (heading !== undefined) return this.blocks(element.children, look, heading);
    if (element.name === 'ul' || element.name === 'ol') return this.list(element, look);
    if (element.name === 'table') return [this.table(element, look)];
    return this.blocks(element.children, look, null);
  }

  private list(element: HtmlElement, look: Look): string[] {
    this.lists.push(element.name === 'ol' ? 'ordered' : 'bullet');
    const numbering = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${this.lists.length}"/></w:numPr>`;
    return element.children.flatMap((item) =>
      item.kind === 'element' && item.name === 'li' ? this.blocks(item.children, lookOf(item, look), 'ListParagraph', numbering) : []);
  }

  private table(element: HtmlElement, look: Look): string {
    const rows = descendants(element, 'tr');
    const columns = Math.max(1, ...rows.map((row) => cellsOf(row).length));
    const width = Math.floor(TEXT_WIDTH_TWIPS / columns);
    const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`).join('');
    const xmlRows = rows.map((row) => {
      const cells = cellsOf(row);
      const header = cells.length > 0 && cells.every((cell) => cell.name === 'th');
      const xmlCells = cells.map((cell) => {
        const cellLook: Look = { ...look, ...CELL, ...(cell.name === 'th' ? { bold: true } : {}) };
        const content = this.blocks(cell.children, cellLook, null);
        return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${content.length > 0 ? content.join('') : '<w:p/>'}</w:tc>`;
      });
      return `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${xmlCells.join('')}</w:tr>`;
    });
    return `<w:tbl><w:tblPr><w:tblW w:w="${width * columns}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>`
      + '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>'
      + `<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>${xmlRows.join('')}</w:tbl><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>`;
  }

  /** The runs of an inline node: text (white space collapsed), bold, italic, line breaks and charts. */
  private inline(node: HtmlNode, look: Look, atStart: boolean): string[] {
    if (node.kind === 'text') {
      const text = node.text.replace(/\s+/g, ' ');
      const shown = atStart ? text.trimStart() : text;
      const rPr = runProperties(look);
      return shown === '' ? [] : [`<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${xmlText(shown)}</w:t></w:r>`];
    }
    if (node.kind === 'svg') return this.chart(node.source, node.attributes['aria-label'] ?? 'Chart', atStart);
    if (node.name === 'br') return ['<w:r><w:br/></w:r>'];
    const inner: Look = node.name === 'strong' || node.name === 'b' ? { ...look, bold: true } : node.name === 'em' || node.name === 'i' ? { ...look, italic: true } : look;
    const href = node.name === 'a' ? node.attributes.href ?? '' : '';
    const linked = WEB_ADDRESS.test(href);
    let first = atStart;
    const runs = node.children.flatMap((child) => {
      const childRuns = this.inline(child, linked ? { ...inner, color: '1155CC', underline: true } : inner, first);
      if (childRuns.length > 0) first = false;
      return childRuns;
    });
    if (!linked || runs.length === 0) return runs;
    const link: BodyLink = { relationshipId: `rIdLink${this.links.length + 1}`, target: href };
    this.links.push(link);
    return [`<w:hyperlink r:id="${link.relationshipId}">${runs.join('')}</w:hyperlink>`];
  }

  private chart(source: string, alt: string, atStart: boolean): string[] {
    const image: BodyImage = { ...chartPng(source), name: `chart${this.images.length + 1}.png`, relationshipId: `rIdChart${this.images.length + 1}`, alt };
    this.images.push(image);
    const id = this.images.length;
    const cx = Math.round(image.width * EMU_PER_CSS_PIXEL);
    const cy = Math.round(image.height * EMU_PER_CSS_PIXEL);
    const drawing = `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>`
      + `<wp:docPr id="${id}" name="Chart ${id}" descr="${xmlText(alt)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`
      + '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
      + `<pic:nvPicPr><pic:cNvPr id="${id}" name="${image.name}" descr="${xmlText(alt)}"/><pic:cNvPicPr/></pic:nvPicPr>`
      + `<pic:blipFill><a:blip r:embed="${image.relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`
      + `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`
      + '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
    // Charts side by side, as in the printed page: a space between them.
    return atStart ? [drawing] : ['<w:r><w:t xml:space="preserve"> </w:t></w:r>', drawing];
  }
}

function paragraph(pPr: string, runs: readonly string[]): string {
  return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs.join('')}</w:p>`;
}

function descendants(element: HtmlElement, name: string): HtmlElement[] {
  return element.children.flatMap((child) => child.kind !== 'element' ? [] : child.name === name ? [child] : child.name === 'table' ? [] : descendants(child, name));
}

function cellsOf(row: HtmlElement): HtmlElement[] {
  return row.children.filter((child): child is HtmlElement => child.kind === 'element' && (child.name === 'td' || child.name === 'th'));
}

/** The WordprocessingML body of the documents' HTML tree, with its charts rendered to PNG. */
export function wordBody(nodes: readonly HtmlNode[]): WordBody {
  return new WordBodyWriter().write(nodes);
}
