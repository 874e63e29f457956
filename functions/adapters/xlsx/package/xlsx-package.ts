// An .xlsx package opened with jszip, whatever the order of its zip entries: its tabs and parts; parts written here are the only ones regenerated on save.
import { posix } from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../../core/config.js';
import { CcegError } from '../../../core/errors.js';
import { fileKindOf } from './file-signature.js';
import { InflationBudget, zipFaultReason } from './inflation-budget.js';
import { useNativeDeflate } from './native-deflate.js';
import { RELATIONSHIPS_NAMESPACE, withContentType, withRelationship, withSheet } from './package-xml.js';
import { SharedStrings } from './shared-strings.js';
import { PrologWatch } from './xml-prolog.js';
import { attributesOf, escapeRegExp, startTagSource } from './xml-text.js';
import { entryData, zipRecordsOf, type ZipRecord, type ZipRecords } from './zip-records.js';
import { deflatePart, rewriteZip, type DeflatedPart } from './zip-writer.js';

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

const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CONTENT_TYPES = '[Content_Types].xml';

/** The bytes of a part decoded at a time while its prolog is checked for a DOCTYPE: the prolog ends within the first piece as programs write it. */
const PROLOG_PIECE = 4096;

/** Folds a tab name as WORKBOOK.md matches it: case-insensitive, surrounding spaces ignored. */
const foldTabName = (name: string): string => name.trim().toLowerCase();

/** The package of an .xlsx file, with the tabs listed in xl/workbook.xml. */
export class XlsxPackage {
  private strings: Promise<SharedStrings> | undefined;
  /** Parts written, by zip entry name, deflating since they were written. */
  private readonly deflated = new Map<string, Promise<DeflatedPart>>();
  /** Parts inflating for their next `read` or `readBytes` (`prefetch`). */
  private readonly prefetched = new Map<string, Promise<Buffer>>();
  private readonly removed = new Set<string>();
  private recordsByName: Map<string, ZipRecord> | undefined;

  private constructor(
    private readonly zip: JSZip,
    /** The file, as faults name it. */
    private readonly path: string,
    private readonly limits: WorkbookLimits,
    /** The workbook part (`xl/workbook.xml`, or wherever the package's relationships put it). */
    readonly workbookPart: string,
    private readonly sheets: SheetPart[],
    /** What the parts read so far inflated to; shared with the package opened to find the workbook part. */
    private readonly budget: InflationBudget = new InflationBudget(path, limits),
    /** The records of the file as read, when it is a plain zip whose entries jszip names alike: copied as they are on save. */
    private readonly records: ZipRecords | null = null,
  ) {
    this.budget.label = (part) => {
      const tab = this.sheets.find((sheet) => sheet.part === part);
      return tab ? `${part} (tab ${tab.name})` : part;
    };
  }

  /**
   * Opens the package, inflating no more than `limits` allow (WORKBOOK_TOO_LARGE). Throws NOT_A_WORKBOOK, in one line
   * saying which, for a file that is encrypted, an Excel 97–2003 workbook, a damaged zip, a zip with no workbook part,
   * anything else, or a part that declares a DOCTYPE.
   */
  static async load(bytes: Uint8Array, path: string, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<XlsxPackage> {
    const kind = fileKindOf(bytes);
    if (kind === 'encrypted') throw new CcegError('NOT_A_WORKBOOK', `${path} is encrypted (password-protected); save it without a password and try again.`);
    if (kind === 'legacy-excel') throw new CcegError('NOT_A_WORKBOOK', `${path} is an Excel 97-2003 workbook (.xls); save it as an Excel workbook (.xlsx) and try again.`);
    if (kind !== 'zip') throw notAWorkbook(path);
    const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
      throw Object.assign(new CcegError('NOT_A_WORKBOOK', `${path} is a damaged zip file: ${zipFaultReason(error)}.`), { cause: error });
    });
    const records = recordsNamedAlike(bytes, zip);
    const partial = new XlsxPackage(zip, path, limits, '', [], undefined, records);
    const rootRelationships = await partial.relationshipsOf('');
    const workbookPart = rootRelationships.find((rel) => rel.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
    if (!partial.entry(workbookPart)) throw notAWorkbook(path);
    const relationships = await partial.relationshipsOf(workbookPart);
    const workbook = await partial.read(workbookPart);
    const sheets: SheetPart[] = [];
    for (const match of workbook.matchAll(new RegExp(startTagSource('(?:[\\w.-]+:)?sheet'), 'g'))) {
      const attributes = attributesOf(match[0]);
      const id = [...attributes].find(([name]) => name.endsWith(':id'))?.[1];
      const part = relationships.find((rel) => rel.id === id)?.part;
      if (part !== undefined) sheets.push({ name: attributes.get('name') ?? '', part });
    }
    return new XlsxPackage(zip, path, limits, workbookPart, sheets, partial.budget, records);
  }

  /** Every tab, in workbook order. */
  get tabs(): readonly SheetPart[] {
    return this.sheets;
  }

  /** The tab called `name`: its exact name first, else its name folded as WORKBOOK.md says. */
  sheet(name: string): SheetPart | undefined {
    return this.sheets.find((sheet) => sheet.name === name) ?? this.sheets.find((sheet) => foldTabName(sheet.name) === foldTabName(name));
  }

  /**
   * Starts inflating a part for the next `read` of it, which takes it (the text is not kept after that); a part
   * written or removed before then is read anew. Its faults are thrown by that `read`.
   */
  prefetch(part: string): void {
    if (this.prefetched.has(part)) return;
    const bytes = this.readBytesNow(part);
    bytes.catch(() => undefined);
    this.prefetched.set(part, bytes);
  }

  /** The text of a part, inflated within the limits; throws like `textOf`. */
  async read(part: string): Promise<string> {
    // Inflated to bytes and decoded by Node: jszip's own UTF-8 decoding takes twice as long on a 20 MB sheet.
    return (await this.readBytes(part)).toString('utf8');
  }

  /** The UTF-8 bytes of a part, inflated within the limits and not decoded (a sheet patched in place); throws like `read`. */
  async readBytes(part: string): Promise<Buffer> {
    const prefetched = this.prefetched.get(part);
    if (prefetched !== undefined) {
      this.prefetched.delete(part);
      return prefetched;
    }
    return this.readBytesNow(part);
  }

  /** `readBytes` of a part not prefetched: its prolog is decoded and checked for a DOCTYPE, the rest is left as bytes. */
  private async readBytesNow(part: string): Promise<Buffer> {
    const bytes = await this.inflatedWhole(part);
    const decoder = new TextDecoder('utf-8');
    const watch = new PrologWatch();
    for (let at = 0; at < bytes.length && !watch.ended; at += PROLOG_PIECE) {
      if (watch.seesDoctype(decoder.decode(bytes.subarray(at, at + PROLOG_PIECE), { stream: true }))) throw this.doctype(part);
    }
    return bytes;
  }

  /**
   * The text of a part in pieces as it is inflated, so that a big sheet is never held whole. Throws NOT_A_WORKBOOK
   * when the part is missing, does not inflate or declares a DOCTYPE, and WORKBOOK_TOO_LARGE past the limits.
   */
  async *textOf(part: string): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    const prolog = new PrologWatch();
    for await (const chunk of this.inflated(part)) {
      const text = decoder.decode(chunk, { stream: true });
      if (prolog.seesDoctype(text)) throw this.doctype(part);
      yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  }

  /** Refuses (WORKBOOK_TOO_LARGE) at once when the sizes the zip declares for these parts already pass the limits; missing parts are skipped. */
  refuseDeclaredSizes(parts: readonly string[]): void {
    this.budget.refuseDeclaredSizes(parts.flatMap((part) => {
      const entry = this.entry(part);
      return entry ? [{ entry, part }] : [];
    }));
  }

  /** A part's bytes: inflated by zlib from the record as read when it is unwritten DEFLATE or stored data, else by jszip. */
  private async inflatedWhole(part: string): Promise<Buffer> {
    const entry = this.entry(part);
    if (!entry) throw notAWorkbook(this.path);
    const original = this.deflated.has(entry.name) || this.removed.has(entry.name) ? undefined : this.recordNamed(entry.name);
    const data = original ? entryData(original) : null;
    if (data && (data.method === 0 || data.method === 8)) return this.budget.inflateWhole(entry, data.data, data.method, part);
    const chunks: Buffer[] = [];
    for await (const chunk of this.inflated(part)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  private recordNamed(name: string): ZipRecord | undefined {
    this.recordsByName ??= new Map(this.records?.records.map((record) => [record.name, record]));
    return this.recordsByName.get(name);
  }

  private inflated(part: string): AsyncGenerator<Buffer> {
    const entry = this.entry(part);
    if (!entry) throw notAWorkbook(this.path);
    return this.budget.inflate(entry, part);
  }

  private doctype(part: string): CcegError {
    return new CcegError('NOT_A_WORKBOOK', `${this.path} holds a DOCTYPE declaration in ${part}, which cceg refuses to read.`);
  }

  /** The part the workbook relates to with a relationship of this type (`/styles`, `/sharedStrings`), when it has one. */
  async relatedPart(typeSuffix: string): Promise<string | undefined> {
    const part = (await this.relationshipsOf(this.workbookPart)).find((rel) => rel.type.endsWith(typeSuffix))?.part;
    return part !== undefined && this.entry(part) ? part : undefined;
  }

  /** Replaces (or adds) a part; only written parts are recompressed on save, each deflating from the moment it is written. */
  write(part: string, xml: string): void {
    this.writeBytes(part, Buffer.from(xml, 'utf8'));
  }

  /** `write` of a part's UTF-8 bytes. */
  writeBytes(part: string, bytes: Buffer): void {
    this.prefetched.delete(part);
    const name = this.entry(part)?.name ?? part;
    this.zip.file(name, bytes, { createFolders: false });
    this.removed.delete(name);
    if (this.records === null) return;
    const deflating = deflatePart(bytes);
    // Awaited by `generate`; a part written again, or a write-back that stops on a fault, leaves this one unread.
    deflating.catch(() => undefined);
    this.deflated.set(name, deflating);
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
    this.write(this.workbookPart, withSheet(workbook, name, id));
    this.write(relationshipsPart, withRelationship(relationshipsXml, id, type, posix.relative(folder, part)));
    this.write(CONTENT_TYPES, withContentType(contentTypes, part, WORKSHEET_CONTENT_TYPE));
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
    const relationship = new RegExp(`<(?:[\\w.-]+:)?Relationship(?=\\s)(?:[^>"']|"[^"]*"|'[^']*')*\\sId\\s*=\\s*["']${escapeRegExp(calcChain.id)}["'](?:[^>"']|"[^"]*"|'[^']*')*>`);
    this.write(relationshipsPart, (await this.read(relationshipsPart)).replace(relationship, ''));
    const override = new RegExp(`<(?:[\\w.-]+:)?Override(?=\\s)(?:[^>"']|"[^"]*"|'[^']*')*PartName\\s*=\\s*["']/${escapeRegExp(calcChain.part)}["'](?:[^>"']|"[^"]*"|'[^']*')*>`, 'i');
    this.write(CONTENT_TYPES, (await this.read(CONTENT_TYPES)).replace(override, ''));
    const entry = this.entry(calcChain.part);
    if (!entry) return;
    this.zip.remove(entry.name);
    this.prefetched.delete(calcChain.part);
    this.deflated.delete(entry.name);
    this.removed.add(entry.name);
  }

  /**
   * The whole package as bytes: entries not written keep their bytes as they were (records and all, in a plain zip;
   * their compressed data otherwise); written ones are deflated by zlib.
   */
  async generate(): Promise<Buffer> {
    if (this.records !== null) {
      const written = new Map<string, DeflatedPart>();
      for (const [name, deflating] of this.deflated) written.set(name, await deflating);
      const bytes = rewriteZip(this.records, { written, removed: this.removed });
      if (bytes !== null) return bytes;
    }
    useNativeDeflate();
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
    for (const match of (await this.read(entry.name)).matchAll(new RegExp(startTagSource('(?:[\\w.-]+:)?Relationship'), 'g'))) {
      const attributes = attributesOf(match[0]);
      const target = attributes.get('Target') ?? '';
      if (attributes.get('TargetMode') === 'External') continue;
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(folder, target));
      relationships.push({ id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', part: resolved });
    }
    return relationships;
  }

  private async readSharedStrings(): Promise<SharedStrings> {
    const part = await this.relatedPart('/sharedStrings');
    return new SharedStrings(part !== undefined ? await this.read(part) : '', this.limits.cellChars);
  }
}

/** The zip's records when jszip read the same entries under the same names (else null: jszip writes the package). */
function recordsNamedAlike(bytes: Uint8Array, zip: JSZip): ZipRecords | null {
  const records = zipRecordsOf(bytes);
  const names = Object.keys(zip.files);
  if (records === null || names.length !== records.records.length) return null;
  const recorded = new Set(records.records.map((record) => record.name));
  return names.every((name) => recorded.has(name)) ? records : null;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`; `_rels/.rels` for the package itself (''). */
function relationshipsPartOf(part: string): string {
  return part === '' ? '_rels/.rels' : posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function notAWorkbook(path: string): CcegError {
  return new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
}
