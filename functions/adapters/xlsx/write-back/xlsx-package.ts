// An .xlsx package opened with jszip: its tabs and parts; parts written here are the only ones regenerated on save.
import { posix } from 'node:path';
import JSZip from 'jszip';
import { CcegError } from '../../../core/errors.js';
import { SharedStrings } from './shared-strings.js';
import { attributesOf, elementPrefix, escapeRegExp, escapeXml, startTagSource } from './xml-text.js';

/** A tab of the workbook: its name as written and the zip part holding its sheet. */
export interface SheetPart {
  readonly name: string;
  readonly part: string;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points to, as a zip entry name. */
  readonly part: string;
}

const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

/** Folds a tab name as WORKBOOK.md matches it: case-insensitive, surrounding spaces ignored. */
const foldTabName = (name: string): string => name.trim().toLowerCase();

/** The package of an .xlsx file, with the tabs listed in xl/workbook.xml. */
export class XlsxPackage {
  private strings: Promise<SharedStrings> | undefined;

  private constructor(
    private readonly zip: JSZip,
    private readonly workbookPart: string,
    private readonly sheets: SheetPart[],
  ) {}

  /** Opens the package; throws NOT_A_WORKBOOK when the bytes are not a zip with a workbook part. */
  static async load(bytes: Uint8Array, path: string): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
      throw Object.assign(new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`), { cause: error });
    });
    const partial = new XlsxPackage(zip, '', []);
    const rootRelationships = await partial.relationshipsOf('');
    const workbookPart = rootRelationships.find((rel) => rel.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
    if (!partial.entry(workbookPart)) throw new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
    const relationships = await partial.relationshipsOf(workbookPart);
    const workbook = await partial.read(workbookPart);
    const sheets: SheetPart[] = [];
    for (const match of workbook.matchAll(new RegExp(startTagSource('(?:[\\w.-]+:)?sheet'), 'g'))) {
      const attributes = attributesOf(match[0]);
      const id = [...attributes].find(([name]) => name.endsWith(':id'))?.[1];
      const part = relationships.find((rel) => rel.id === id)?.part;
      if (part !== undefined) sheets.push({ name: attributes.get('name') ?? '', part });
    }
    return new XlsxPackage(zip, workbookPart, sheets);
  }

  /** The tab called `name`: its exact name first, else its name folded as WORKBOOK.md says. */
  sheet(name: string): SheetPart | undefined {
    return this.sheets.find((sheet) => sheet.name === name) ?? this.sheets.find((sheet) => foldTabName(sheet.name) === foldTabName(name));
  }

  /** The text of a part; throws NOT_A_WORKBOOK when it is missing. */
  async read(part: string): Promise<string> {
    const entry = this.entry(part);
    if (!entry) throw new CcegError('NOT_A_WORKBOOK', `The workbook has no part ${part}.`);
    // Inflated to bytes and decoded by Node: jszip's own UTF-8 decoding takes twice as long on a 20 MB sheet.
    const bytes = await entry.async('nodebuffer').catch((error: unknown) => {
      throw Object.assign(new CcegError('NOT_A_WORKBOOK', `The workbook's part ${part} is damaged.`), { cause: error });
    });
    return bytes.toString('utf8');
  }

  /** Replaces (or adds) a part; only written parts are recompressed on save. */
  write(part: string, xml: string): void {
    const name = this.entry(part)?.name ?? part;
    this.zip.file(name, Buffer.from(xml, 'utf8'), { createFolders: false });
  }

  /** The shared string table, read once and parsed when first used. */
  sharedStrings(): Promise<SharedStrings> {
    this.strings ??= this.readSharedStrings();
    return this.strings;
  }

  /** Adds a worksheet after the last tab: its part, the workbook's `<sheet>`, the relationship and the content type. */
  async addWorksheet(name: string, xml: string): Promise<SheetPart> {
    const relationshipsPart = relationshipsPartOf(this.workbookPart);
    const [workbook, relationshipsXml, contentTypes, relationships] = await Promise.all([
      this.read(this.workbookPart), this.read(relationshipsPart), this.read(CONTENT_TYPES), this.relationshipsOf(this.workbookPart),
    ]);
    const folder = posix.dirname(this.workbookPart);
    let number = this.sheets.length + 1;
    while (this.entry(posix.join(folder, `worksheets/sheet${number}.xml`))) number++;
    const part = posix.join(folder, `worksheets/sheet${number}.xml`);
    const ids = new Set(relationships.map((rel) => rel.id));
    let idNumber = relationships.length + 1;
    while (ids.has(`rId${idNumber}`)) idNumber++;
    const id = `rId${idNumber}`;
    const type = relationships.find((rel) => rel.type.endsWith('/worksheet'))?.type ?? `${RELATIONSHIPS_NAMESPACE}/worksheet`;
    const prefix = elementPrefix(workbook, 'sheets') ?? '';
    this.write(this.workbookPart, insertBefore(workbook, `</${prefix}sheets>`, `<${prefix}sheet name="${escapeXml(name)}" sheetId="${nextSheetId(workbook)}" ${idAttribute(workbook)}="${id}"/>`));
    this.write(relationshipsPart, insertBefore(relationshipsXml, '</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${posix.relative(folder, part)}"/>`));
    this.write(CONTENT_TYPES, insertBefore(contentTypes, '</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`));
    this.write(part, xml);
    const sheet = { name, part };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Drops the calculation chain (Excel rebuilds it; it would call a cell whose formula was overwritten damaged). */
  async dropCalcChain(): Promise<void> {
    const relationships = await this.relationshipsOf(this.workbookPart);
    const calcChain = relationships.find((rel) => rel.type.endsWith('/calcChain'));
    if (!calcChain) return;
    const relationshipsPart = relationshipsPartOf(this.workbookPart);
    const relationship = new RegExp(`<Relationship(?=\\s)(?:[^>"']|"[^"]*"|'[^']*')*\\sId\\s*=\\s*["']${escapeRegExp(calcChain.id)}["'](?:[^>"']|"[^"]*"|'[^']*')*>`);
    this.write(relationshipsPart, (await this.read(relationshipsPart)).replace(relationship, ''));
    const override = new RegExp(`<Override(?=\\s)(?:[^>"']|"[^"]*"|'[^']*')*PartName\\s*=\\s*["']/${escapeRegExp(calcChain.part)}["'](?:[^>"']|"[^"]*"|'[^']*')*>`, 'i');
    this.write(CONTENT_TYPES, (await this.read(CONTENT_TYPES)).replace(override, ''));
    const entry = this.entry(calcChain.part);
    if (entry) this.zip.remove(entry.name);
  }

  /** The whole package as bytes: parts not written keep their compressed bytes as they were. */
  generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  /** A zip entry by part name; OPC part names are case-insensitive. */
  private entry(part: string): JSZip.JSZipObject | null {
    const exact = this.zip.file(part);
    if (exact) return exact;
    const folded = part.toLowerCase();
    return Object.values(this.zip.files).find((file) => !file.dir && file.name.toLowerCase() === folded) ?? null;
  }

  private async relationshipsOf(part: string): Promise<Relationship[]> {
    const entry = this.entry(relationshipsPartOf(part));
    if (!entry) return [];
    const folder = part === '' ? '' : posix.dirname(part);
    const relationships: Relationship[] = [];
    for (const match of (await entry.async('string')).matchAll(new RegExp(startTagSource('Relationship'), 'g'))) {
      const attributes = attributesOf(match[0]);
      const target = attributes.get('Target') ?? '';
      if (attributes.get('TargetMode') === 'External') continue;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(folder, target));
      relationships.push({ id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', part: resolved });
    }
    return relationships;
  }

  private async readSharedStrings(): Promise<SharedStrings> {
    const part = (await this.relationshipsOf(this.workbookPart)).find((rel) => rel.type.endsWith('/sharedStrings'))?.part;
    return new SharedStrings(part !== undefined && this.entry(part) ? await this.read(part) : '');
  }

}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`; `_rels/.rels` for the package itself (''). */
function relationshipsPartOf(part: string): string {
  return part === '' ? '_rels/.rels' : posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function insertBefore(xml: string, closing: string, element: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new CcegError('NOT_A_WORKBOOK', `The workbook has no ${closing} to add a tab before.`);
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

function nextSheetId(workbook: string): number {
  const ids = Array.from(workbook.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g), (match) => Number(match[1]));
  return ids.reduce((max, id) => Math.max(max, id), 0) + 1;
}

/** The relationship-id attribute as the workbook's `<sheet>` elements write it (`r:id`), declared when it must be. */
function idAttribute(workbook: string): string {
  const existing = /<(?:[\w.-]+:)?sheet\s(?:[^>"']|"[^"]*"|'[^']*')*?\s([\w.-]+:id)\s*=/.exec(workbook)?.[1];
  return existing ?? `xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id`;
}
