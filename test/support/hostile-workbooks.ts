// Workbooks that test cceg's limits, written at run time: zip bombs of each kind, huge tabs and cells, encrypted, DOCTYPE, damaged zips.
import { readFileSync, writeFileSync } from 'node:fs';
import { writeZip, type Piece, type ZipPart } from './zip-writer.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Repeated blocks of about this size compress best (deflate's ratio tops out near 1,000:1). */
const BLOCK_BYTES = 1 << 20;

/** A tab: its name and its `<sheetData>` content as pieces. */
export interface SheetSpec {
  readonly name: string;
  readonly rows: Iterable<Piece>;
  /** Text put between the XML declaration and `<worksheet>` (a DOCTYPE, say). */
  readonly prolog?: string;
  /** An uncompressed size the zip headers declare instead of the real one. */
  readonly declaredSize?: number;
}

/** A workbook as zip parts: its tabs, and its shared string items (`<si>` elements) as pieces. */
export interface BookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly sharedStrings?: Iterable<Piece>;
  /** An uncompressed size the zip headers declare for the shared strings instead of the real one. */
  readonly sharedStringsDeclaredSize?: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell for {@link rowXml}: text (an inline string), a number, a date serial (styled as a date) or a shared string index. */
export type CellSpec = string | number | { readonly serial: number } | { readonly shared: number };

/** One `<row>` with its cells from column A on; without `r` attributes when `row` is null (as some writers do). */
export function rowXml(row: number | null, cells: readonly CellSpec[]): string {
  const at = (column: number) => (row === null ? '' : ` r="${columnName(column)}${row}"`);
  const xml = cells.map((cell, column) => {
    if (typeof cell === 'string') return `<c${at(column)} t="inlineStr"><is><t>${escape(cell)}</t></is></c>`;
    if (typeof cell === 'number') return `<c${at(column)}><v>${cell}</v></c>`;
    if ('serial' in cell) return `<c${at(column)} s="1"><v>${cell.serial}</v></c>`;
    return `<c${at(column)} t="s"><v>${cell.shared}</v></c>`;
  });
  return `<row${row === null ? '' : ` r="${row}"`}>${xml.join('')}</row>`;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `text` repeated to about `bytes` bytes, as one block repeated: how a zip bomb is built. */
export function repeated(text: string, bytes: number): Piece[] {
  const perBlock = Math.max(1, Math.floor(BLOCK_BYTES / text.length));
  const total = Math.ceil(bytes / text.length);
  const blocks = Math.floor(total / perBlock);
  const rest = total - blocks * perBlock;
  return [...(blocks > 0 ? [{ text: text.repeat(perBlock), times: blocks }] : []), ...(rest > 0 ? [{ text: text.repeat(rest) }] : [])];
}

/** The zip parts of a workbook: content types, relationships, workbook, styles (style 1 shows a date), sheets, shared strings. */
export function workbookParts(book: BookSpec): ZipPart[] {
  const sheets = book.sheets.map((sheet, index) => ({ ...sheet, part: `xl/worksheets/sheet${index + 1}.xml`, id: `rId${index + 3}` }));
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    ...(book.sharedStrings ? ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'] : []),
    ...sheets.map((sheet) => `<Override PartName="/${sheet.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
  ];
  const text = (name: string, xml: string): ZipPart => ({ name, pieces: [{ text: `${XML_DECLARATION}${xml}` }] });
  return [
    text('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`),
    text('_rels/.rels', `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets.map((sheet, index) => `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="${sheet.id}"/>`).join('')}</sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>${
      book.sharedStrings ? `<Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${
      sheets.map((sheet) => `<Relationship Id="${sheet.id}" Type="${RELATIONSHIPS}/worksheet" Target="${sheet.part.slice(3)}"/>`).join('')}</Relationships>`),
    text('xl/styles.xml', `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    ...(book.sharedStrings ? [{
      name: 'xl/sharedStrings.xml',
      pieces: wrapped(`${XML_DECLARATION}<sst xmlns="${MAIN}">`, book.sharedStrings, '</sst>'),
      ...(book.sharedStringsDeclaredSize === undefined ? {} : { declaredSize: book.sharedStringsDeclaredSize }),
    }] : []),
    ...sheets.map((sheet) => ({
      name: sheet.part,
      pieces: wrapped(`${XML_DECLARATION}${sheet.prolog ?? ''}<worksheet xmlns="${MAIN}"><sheetData>`, sheet.rows, '</sheetData></worksheet>'),
      ...(sheet.declaredSize === undefined ? {} : { declaredSize: sheet.declaredSize }),
    })),
  ];
}

/** `pieces` between an opening and a closing text, made as they are iterated. */
function wrapped(open: string, pieces: Iterable<Piece>, close: string): Iterable<Piece> {
  return { *[Symbol.iterator]() {
    yield { text: open };
    yield* pieces;
    yield { text: close };
  } };
}

/** Writes the workbook; returns the file's size in bytes. */
export function writeWorkbook(path: string, book: BookSpec): Promise<number> {
  return writeZip(path, workbookParts(book));
}

/** A Roster tab's first row: the headers the contract gives it, enough for the rows below. */
export const ROSTER_HEADER = rowXml(1, ['ID', 'Name', 'Email', 'Role', 'Organization', 'Region', 'Affiliation', 'Expertise', 'SOI URL', 'SOI Date', 'Start Date']);

/** A Roster tab of tiny rows (no `r` attributes) inflating to about `bytes`: a bomb of rows. */
export function smallRowsBomb(bytes: number, declaredSize?: number): BookSpec {
  return { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, ...repeated(rowXml(null, ['P']), bytes)], ...(declaredSize === undefined ? {} : { declaredSize }) }] };
}

/** A Roster tab whose row 2 holds one inline string of about `bytes` characters in column B. */
export function hugeCellBomb(bytes: number): BookSpec {
  return { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: '<row r="2"><c r="A2" t="inlineStr"><is><t>P-0001</t></is></c><c r="B2" t="inlineStr"><is><t>' }, ...repeated('x', bytes), { text: '</t></is></c></row>' }] }] };
}

/** A Roster tab with about `bytes` of whitespace between its rows. */
export function whitespaceBomb(bytes: number): BookSpec {
  return { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, ...repeated(' ', bytes), { text: rowXml(2, ['P-0001', 'Ana']) }] }] };
}

/** A Roster tab whose B2 uses shared string 0, about `bytes` characters long. */
export function hugeSharedStringBomb(bytes: number): BookSpec {
  return {
    sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: rowXml(2, ['P-0001', { shared: 0 }]) }] }],
    sharedStrings: [{ text: '<si><t>' }, ...repeated('x', bytes), { text: '</t></si>' }],
  };
}

/** The text cells of Roster row `index` (1-based): ID, name, e-mail, role, organization, region, affiliation, expertise, SOI URL. */
function rosterTexts(index: number): string[] {
  return [`P-${String(index).padStart(7, '0')}`, `Person ${index}`, `person${index}@example.org`, 'Participant', 'ALAC', 'Europe', `Affiliation ${index % 97}`, 'DNS', `https://example.org/soi/${index}`];
}

/** Pieces of about 1 MB, each the rows `row(index)` for the next indexes, made only as the zip writer asks for them. */
function* blocksOf(count: number, row: (index: number) => string): Generator<Piece> {
  let block = '';
  for (let index = 1; index <= count; index++) {
    block += row(index);
    if (block.length >= BLOCK_BYTES) {
      yield { text: block };
      block = '';
    }
  }
  if (block !== '') yield { text: block };
}

/**
 * A Roster tab of `rows` distinct, realistic rows, made as they are written: every column, or the first `columns`.
 * With `sharedStrings` its texts are shared strings, as Excel and exceljs write them, each row's ID, name, e-mail and
 * SOI URL its own (1,000,000 such rows make a file of about 70 MB whose parts inflate to over 300 MB).
 */
export function manyRowsRoster(rows: number, options: { readonly sharedStrings?: boolean; readonly columns?: number } = {}): BookSpec {
  const dates = (index: number): CellSpec[] => [{ serial: 43101 + (index % 365) }, { serial: 43101 }];
  if (!options.sharedStrings) {
    const cells = (index: number) => [...rosterTexts(index), ...dates(index)].slice(0, options.columns);
    return { sheets: [{ name: 'Roster', rows: lazily(() => [{ text: ROSTER_HEADER }], () => blocksOf(rows, (index) => rowXml(index + 1, cells(index)))) }] };
  }
  // Each row's ID, name, e-mail and SOI URL are its own shared strings; the other texts are the same few on every row.
  const common = [...new Set(Array.from({ length: 97 }, (_, index) => rosterTexts(index + 1)).flatMap((texts) => [texts[3]!, texts[4]!, texts[5]!, texts[6]!, texts[7]!]))];
  const commonIndex = new Map(common.map((text, index) => [text, index]));
  const own = (index: number) => { const [id, name, email, , , , , , url] = rosterTexts(index); return [id!, name!, email!, url!]; };
  const shared = (index: number): CellSpec[] => {
    const texts = rosterTexts(index);
    const first = common.length + (index - 1) * 4;
    return texts.map((text, column) => ({ shared: commonIndex.get(text) ?? first + [0, 1, 2, -1, -1, -1, -1, -1, 3][column]! }));
  };
  const item = (text: string) => `<si><t>${escape(text)}</t></si>`;
  return {
    sheets: [{ name: 'Roster', rows: lazily(() => [{ text: ROSTER_HEADER }], () => blocksOf(rows, (index) => rowXml(index + 1, [...shared(index), ...dates(index)]))) }],
    sharedStrings: lazily(() => [{ text: common.map(item).join('') }], () => blocksOf(rows, (index) => own(index).map(item).join(''))),
  };
}

/** Pieces made only when iterated, each time. */
function lazily(first: () => Piece[], rest: () => Iterable<Piece>): Iterable<Piece> {
  return { *[Symbol.iterator]() {
    yield* first();
    yield* rest();
  } };
}

/** A Roster tab whose B2 holds `chars` characters. */
export function longCellRoster(chars: number): BookSpec {
  return { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: rowXml(2, ['P-0001', 'x'.repeat(chars)]) }] }] };
}

/** A Roster tab whose row 2 holds something in column `column` (1-based). */
export function wideRowRoster(column: number): BookSpec {
  return { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: `<row r="2"><c r="A2" t="inlineStr"><is><t>P-0001</t></is></c><c r="${columnName(column - 1)}2"><v>1</v></c></row>` }] }] };
}

/** A Roster tab whose sheet declares a DOCTYPE with an entity (a "billion laughs" needs nothing more). */
export function doctypeRoster(): BookSpec {
  return { sheets: [{ name: 'Roster', prolog: '<!DOCTYPE worksheet [<!ENTITY lol "lol">]>', rows: [{ text: ROSTER_HEADER }, { text: rowXml(2, ['P-0001', 'Ana']) }] }] };
}

/** A valid workbook whose Roster sheet has its compressed bytes scrambled, so inflating it fails. */
export async function writeDamagedZip(path: string): Promise<void> {
  const rows = Array.from({ length: 400 }, (_, index) => ({ text: rowXml(index + 2, [`P-${index}`, `Person number ${index * 7919}`]) }));
  await writeWorkbook(path, { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, ...rows] }] });
  const bytes = readFileSync(path);
  const start = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 40;
  for (let i = start; i < start + 80; i++) bytes[i] = (bytes[i]! * 7 + 13) & 0xff;
  writeFileSync(path, bytes);
}

/**
 * An OLE compound file as Excel writes a workbook encrypted with a password (ECMA-376 Part 2): the CFB signature and
 * header, a directory naming the EncryptionInfo and EncryptedPackage streams (their contents left out), and its FAT.
 */
export function writeEncryptedWorkbook(path: string): void {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x003e, 24); // minor version
  file.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28); // little-endian
  file.writeUInt16LE(9, 30); // sector shift
  file.writeUInt16LE(6, 32); // mini sector shift
  file.writeUInt32LE(1, 44); // one FAT sector
  file.writeUInt32LE(0, 48); // the directory starts at sector 0
  file.writeUInt32LE(0x1000, 56); // mini stream cutoff
  file.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  file.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  file.writeUInt32LE(1, 76); // the FAT is sector 1
  for (let at = 80; at < sector; at += 4) file.writeUInt32LE(0xffffffff, at);
  const directory = sector; // sector 0
  const entry = (index: number, name: string, type: number) => {
    const at = directory + index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length, at + 64);
    file[at + 66] = type;
    for (const sibling of [68, 72, 76]) file.writeUInt32LE(0xffffffff, at + sibling);
  };
  entry(0, 'Root Entry', 5);
  entry(1, 'EncryptionInfo', 2);
  entry(2, 'EncryptedPackage', 2);
  const fat = sector * 2; // sector 1
  file.fill(0xff, fat);
  file.writeUInt32LE(0xfffffffe, fat); // sector 0, the directory: end of chain
  file.writeUInt32LE(0xfffffffd, fat + 4); // sector 1: the FAT itself
  writeFileSync(path, file);
}
