// Packs a WordprocessingML body, its PNG charts, styles and list numbering into a .docx file (a zip of XML parts).
import JSZip from 'jszip';
import { TEXT_WIDTH_TWIPS, xmlText, type WordBody } from './wordml-body.js';

/** The MIME type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SANS = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>';

/** A4 with the print CSS's margins (18 mm top and bottom, 16 mm at the sides), in twentieths of a point. */
const SECTION = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1020" w:right="907" w:bottom="1020" w:left="${11906 - 907 - TEXT_WIDTH_TWIPS}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Default Extension="png" ContentType="image/png"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
  + '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
  + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';

const PACKAGE_RELS = `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">`
  + `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="word/document.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

/** The print CSS as Word styles: Georgia 10 pt text, Helvetica-like bold headings, the h2 rule, list indents. */
const STYLES = `${XML}<w:styles xmlns:w="${W}">`
  + '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:cs="Georgia"/><w:color w:val="111111"/><w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
  + '<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="324" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
  + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
  + heading(1, 30, '<w:spacing w:before="0" w:after="80"/>')
  + heading(2, 22, '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="888888"/></w:pBdr><w:spacing w:before="200" w:after="60"/>')
  + heading(3, 20, '<w:spacing w:before="120" w:after="40"/>')
  + '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="20"/></w:pPr></w:style>'
  + '</w:styles>';

function heading(level: number, halfPoints: number, paragraph: string): string {
  return `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`
    + `<w:pPr><w:keepNext/>${paragraph}<w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr>${SANS}<w:b/><w:sz w:val="${halfPoints}"/></w:rPr></w:style>`;
}

/** One abstract list (bullets or decimals, indented 14 pt as in the CSS) and one numbering per list, so each restarts at 1. */
function numbering(lists: WordBody['lists']): string {
  const level = (format: string, text: string) => `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>`
    + '<w:pPr><w:ind w:left="280" w:hanging="280"/></w:pPr></w:lvl>';
  const abstract = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>${level('bullet', '•')}</w:abstractNum>`
    + `<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>${level('decimal', '%1.')}</w:abstractNum>`;
  const nums = lists.map((kind, index) => `<w:num w:numId="${index + 1}"><w:abstractNumId w:val="${kind === 'ordered' ? 1 : 0}"/>`
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>').join('');
  return `${XML}<w:numbering xmlns:w="${W}">${abstract}${nums}</w:numbering>`;
}

function documentXml(body: WordBody): string {
  return `${XML}<w:document xmlns:w="${W}" xmlns:r="${RELATIONSHIPS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`
    + ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    + `<w:body>${body.xml}${SECTION}</w:body></w:document>`;
}

function documentRels(body: WordBody): string {
  const images = body.images.map((image) => `<Relationship Id="${image.relationshipId}" Type="${RELATIONSHIPS}/image" Target="media/${image.name}"/>`).join('');
  const links = body.links.map((link) => `<Relationship Id="${link.relationshipId}" Type="${RELATIONSHIPS}/hyperlink" Target="${xmlText(link.target)}" TargetMode="External"/>`).join('');
  return `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rIdStyles" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rIdNumbering" Type="${RELATIONSHIPS}/numbering" Target="numbering.xml"/>${images}${links}</Relationships>`;
}

function coreProperties(title: string): string {
  return `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`
    + `<dc:title>${xmlText(title)}</dc:title><dc:creator>CCEG IG Ops</dc:creator></cp:coreProperties>`;
}

/** The .docx file of a document titled `title` whose body is `body`: the same bytes for the same input. */
export async function docxPackage(title: string, body: WordBody): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps the bytes of the same document the same; no folder entries (JSZip would add `_rels/`, `word/`…
  // stamped with the clock, so the same document drafted a second later was another file to upload).
  const date = new Date(Date.UTC(2018, 0, 1));
  const add = (path: string, data: string | Buffer) => zip.file(path, data, { date, createFolders: false });
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', PACKAGE_RELS);
  add('docProps/core.xml', coreProperties(title));
  add('word/document.xml', documentXml(body));
  add('word/_rels/document.xml.rels', documentRels(body));
  add('word/styles.xml', STYLES);
  add('word/numbering.xml', numbering(body.lists));
  for (const image of body.images) add(`word/media/${image.name}`, image.png);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
