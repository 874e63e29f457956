// Writes cells into a worksheet's UTF-8 bytes without decoding the sheet: rows are found by their `r`, and only they are read and rewritten.
import type { SharedStringTable } from '../package/shared-strings.js';
import { applySplices, editsByRow, patchRow, withDimension, type CellEdit, type Patch } from './patch-cells.js';
import { elementPrefix, startTagSource } from '../package/xml-text.js';
import { columnStyles, rowsOf } from './sheet-xml.js';

/** A patched sheet as bytes: the same buffer when nothing changed. */
export interface BytesPatchResult {
  readonly bytes: Buffer;
  readonly changed: number;
  readonly overwroteFormula: boolean;
}

/** A row of the sheet as found in its bytes: the span of its element and its XML. */
interface RowBytes {
  readonly start: number;
  readonly end: number;
  readonly xml: string;
}

const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * `patchCells` on the sheet's bytes, for edits of rows the sheet has, each written `<row r="N"` as Excel, LibreOffice,
 * Google Sheets and exceljs write rows: each edited row is found by that, and only it is decoded, patched and encoded
 * again; the rest of a 50,000-row sheet is copied as bytes. Null whenever that does not hold, or the patch needs the
 * whole sheet (an empty `<sheetData/>`, a row to add, the first cell of a shared formula overwritten): `patchCells`
 * then does it on the decoded text, with the same result.
 */
export function patchSheetBytes(bytes: Buffer, edits: readonly CellEdit[], sharedStrings: SharedStringTable): BytesPatchResult | null {
  const head = sheetHead(bytes);
  if (head === null) return null;
  const shared: Patch = {
    xml: '', prefix: head.prefix, sharedStrings, columnStyle: columnStyles(head.xml, head.prefix),
    written: [], removedSharedFormulas: new Set(), overwroteFormula: false,
  };
  const pieces: Buffer[] = [];
  let copied = head.contentStart;
  // Rows come in ascending order: each is looked for past the one before it, changed or not.
  let searched = head.contentStart;
  let overwroteFormula = false;
  for (const [rowNumber, rowEdits] of editsByRow(edits)) {
    const row = rowAt(bytes, head, rowNumber, searched);
    if (row === null) return null;
    searched = row.end;
    const patch: Patch = { ...shared, xml: row.xml };
    const element = rowsOf(row.xml, { prefix: head.prefix, contentStart: 0, contentEnd: row.xml.length }).next().value;
    if (element === undefined || element.position !== rowNumber || element.end !== row.xml.length) return null;
    const splices = patchRow(patch, element, rowEdits);
    overwroteFormula ||= patch.overwroteFormula;
    if (splices.length === 0) continue;
    pieces.push(bytes.subarray(copied, row.start), Buffer.from(applySplices(row.xml, splices), 'utf8'));
    copied = row.end;
  }
  // A shared formula that lost its first cell may still be used anywhere in the sheet: only the whole text tells.
  if (shared.removedSharedFormulas.size > 0) return null;
  if (pieces.length === 0) return { bytes, changed: 0, overwroteFormula: false };
  const grown = withDimension(head.xml, head.prefix, shared.written);
  const start = grown === head.xml ? bytes.subarray(0, head.contentStart) : Buffer.from(grown, 'utf8');
  return { bytes: Buffer.concat([start, ...pieces, bytes.subarray(copied)]), changed: shared.written.length, overwroteFormula };
}

/** The sheet up to the content of `<sheetData>`: its text (decoded), its element prefix, and where, in bytes, the rows begin and end. */
interface SheetHead {
  readonly xml: string;
  readonly prefix: string;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly rowOpen: string;
  readonly rowClose: Buffer;
}

/** The sheet's head, or null for a sheet whose `<sheetData>` is empty (`<sheetData/>`), missing or unclosed. */
function sheetHead(bytes: Buffer): SheetHead | null {
  const at = bytes.indexOf(SHEET_DATA);
  if (at < 0) return null;
  const tagEnd = startTagEnd(bytes, at);
  if (tagEnd < 0) return null;
  const xml = bytes.toString('utf8', 0, tagEnd);
  // The first `<sheetData` start tag, as findSheetData finds it, must be the one that ends the head, and be open: rows
  // would be added to an empty `<sheetData/>`, which only the whole text does.
  const prefix = elementPrefix(xml, SHEET_DATA);
  if (prefix === null) return null;
  const open = new RegExp(startTagSource(`${prefix}${SHEET_DATA}`)).exec(xml);
  if (open === null || open.index + open[0].length !== xml.length || open[0].endsWith('/>')) return null;
  const contentEnd = bytes.indexOf(`</${prefix}sheetData>`, tagEnd);
  if (contentEnd < 0) return null;
  return { xml, prefix, contentStart: tagEnd, contentEnd, rowOpen: `<${prefix}row r="`, rowClose: Buffer.from(`</${prefix}row>`) };
}

/** What every `<sheetData>` start tag holds, prefixed or not. */
const SHEET_DATA = 'sheetData';

/** Row `rowNumber`, found as `<row r="N"` at or after `from` within the rows, with its XML; null when it is not written so. */
function rowAt(bytes: Buffer, head: SheetHead, rowNumber: number, from: number): RowBytes | null {
  const open = `${head.rowOpen}${rowNumber}"`;
  const start = bytes.indexOf(open, from);
  if (start < 0 || start >= head.contentEnd) return null;
  const next = bytes[start + open.length];
  if (next !== SLASH && next !== GREATER_THAN && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) return null;
  const tagEnd = startTagEnd(bytes, start + open.length);
  if (tagEnd < 0 || tagEnd > head.contentEnd) return null;
  const selfClosing = bytes[tagEnd - 2] === SLASH;
  const close = selfClosing ? tagEnd : bytes.indexOf(head.rowClose, tagEnd);
  if (close < 0 || close >= head.contentEnd) return null;
  const end = selfClosing ? tagEnd : close + head.rowClose.length;
  return { start, end, xml: bytes.toString('utf8', start, end) };
}

/** Just past the `>` that ends the start tag whose name or attributes include `from`, quotes respected; -1 when there is none. */
function startTagEnd(bytes: Buffer, from: number): number {
  for (let at = from; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === GREATER_THAN) return at + 1;
    if (byte === QUOTE || byte === APOSTROPHE) {
      at = bytes.indexOf(byte, at + 1);
      if (at < 0) return -1;
    }
  }
  return -1;
}
