// What a file is, told by its first bytes: a zip package, or an OLE compound file (an encrypted workbook, an old .xls).

/** The kinds of file a workbook path may hold, as far as cceg tells them apart. */
export type FileKind = 'zip' | 'encrypted' | 'legacy-excel' | 'other';

const ZIP_SIGNATURES = ['PK\x03\x04', 'PK\x05\x06', 'PK\x07\x08'].map((text) => Buffer.from(text, 'latin1'));
/** An OLE compound file (CFB); Excel writes a workbook encrypted with a password as one. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The streams of a compound file, named in UTF-16 in its directory: an encrypted OOXML package, or a BIFF workbook. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const BIFF_WORKBOOK = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book\0', 'utf16le')];

/**
 * The kind of file `bytes` hold: a zip (an .xlsx is one), a compound file holding an encrypted package (ECMA-376
 * Part 2 encryption, as Excel's "Encrypt with Password" writes it) or an Excel 97–2003 workbook, or anything else.
 */
export function fileKindOf(bytes: Uint8Array): FileKind {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ZIP_SIGNATURES.some((signature) => file.subarray(0, 4).equals(signature))) return 'zip';
  if (!file.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) return 'other';
  if (file.includes(ENCRYPTED_PACKAGE)) return 'encrypted';
  return BIFF_WORKBOOK.some((name) => file.includes(name)) ? 'legacy-excel' : 'other';
}
