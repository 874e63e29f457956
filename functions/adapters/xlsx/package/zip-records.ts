// Finds the records of a plain zip file (no ZIP64, one disk) as raw bytes, so a rewrite can copy the unchanged ones as they are.

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_LENGTH = 22;
const LOCAL_LENGTH = 30;
const CENTRAL_LENGTH = 46;
/** Bit 11 of the general purpose flags: the name is UTF-8. */
export const UTF8_NAME = 0x0800;

/** One entry of the zip: its name, its central directory record and the bytes of its local record (header, data, descriptor). */
export interface ZipRecord {
  readonly name: string;
  /** The central directory record, its local header offset still the original one. */
  readonly central: Buffer;
  /** From the local header up to the next record: copied as they are when the entry is unchanged. */
  readonly local: Buffer;
}

/** The entries of a zip in central directory order, and the archive comment. */
export interface ZipRecords {
  readonly records: readonly ZipRecord[];
  readonly comment: Buffer;
}

/**
 * The records of `bytes`, or null when the zip is anything but plain: ZIP64, split over disks, with bytes before
 * it, names that are not UTF-8 (or ASCII), the same name twice, or records that overlap or run past the directory.
 * Null means "not copied record by record", never "damaged": that is for the zip reader to say.
 */
export function zipRecordsOf(bytes: Uint8Array): ZipRecords | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(zip);
  if (end < 0 || (end >= 20 && zip.readUInt32LE(end - 20) === ZIP64_LOCATOR)) return null;
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryStart = zip.readUInt32LE(end + 16);
  const commentLength = zip.readUInt16LE(end + 20);
  if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 6) !== 0 || zip.readUInt16LE(end + 8) !== count) return null;
  if (directoryStart + directorySize !== end || end + END_LENGTH + commentLength !== zip.length) return null;
  const entries: { name: string; central: Buffer; offset: number; minimum: number }[] = [];
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_LENGTH > end || zip.readUInt32LE(at) !== CENTRAL_HEADER) return null;
    const flags = zip.readUInt16LE(at + 8);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const length = CENTRAL_LENGTH + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    if (at + length > end || compressedSize === 0xffffffff || offset === 0xffffffff || zip.readUInt16LE(at + 34) !== 0) return null;
    const nameBytes = zip.subarray(at + CENTRAL_LENGTH, at + CENTRAL_LENGTH + nameLength);
    if ((flags & UTF8_NAME) === 0 && nameBytes.some((byte) => byte >= 0x80)) return null;
    const name = nameBytes.toString('utf8');
    entries.push({ name, central: zip.subarray(at, at + length), offset, minimum: LOCAL_LENGTH + nameLength + compressedSize });
    at += length;
  }
  if (at !== end || new Set(entries.map((entry) => entry.name)).size !== entries.length) return null;
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  if (byOffset.length > 0 && byOffset[0]!.offset !== 0) return null;
  const records: ZipRecord[] = [];
  const locals = new Map<string, Buffer>();
  for (const [index, entry] of byOffset.entries()) {
    const next = byOffset[index + 1]?.offset ?? directoryStart;
    if (next - entry.offset < entry.minimum || zip.readUInt32LE(entry.offset) !== LOCAL_HEADER) return null;
    const nameLength = zip.readUInt16LE(entry.offset + 26);
    if (zip.subarray(entry.offset + LOCAL_LENGTH, entry.offset + LOCAL_LENGTH + nameLength).toString('utf8') !== entry.name) return null;
    locals.set(entry.name, zip.subarray(entry.offset, next));
  }
  for (const entry of entries) records.push({ name: entry.name, central: entry.central, local: locals.get(entry.name)! });
  return { records, comment: zip.subarray(end + END_LENGTH, zip.length) };
}

/** Where the end of central directory record starts, searched back from the end past a comment; -1 when there is none. */
function endOfDirectory(zip: Buffer): number {
  const last = Math.max(0, zip.length - END_LENGTH - 0xffff);
  for (let at = zip.length - END_LENGTH; at >= last; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY && at + END_LENGTH + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  return -1;
}

/** An entry's data as its local record holds it, and how it is compressed (0 stored, 8 DEFLATE); null when the record is too short for it. */
export function entryData(record: ZipRecord): { readonly method: number; readonly data: Buffer } | null {
  const start = LOCAL_LENGTH + record.local.readUInt16LE(26) + record.local.readUInt16LE(28);
  const end = start + record.central.readUInt32LE(20);
  return end > record.local.length ? null : { method: record.central.readUInt16LE(10), data: record.local.subarray(start, end) };
}
