// Writes a zip from another one: unchanged entries copied byte for byte, changed and new ones deflated by zlib.
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';
import { UTF8_NAME, type ZipRecords } from './zip-records.js';

const deflate = promisify(deflateRaw);

/** A part's new content, deflated: what its local and central records say of it. */
export interface DeflatedPart {
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** Room for what DEFLATE adds to data it cannot compress (zlib's deflateBound: a few bytes per 16 KB, and a header). */
const DEFLATE_SLACK = 1024;

/**
 * The DEFLATE level of the parts a write-back writes: zlib's fastest. Sheet XML repeats itself so much that level 1
 * leaves a 50,000-row workbook about 7% larger than level 6 does, in a third of the time a sync waits for it; the
 * spreadsheet program that saves the file next compresses it its own way anyway.
 */
const PART_LEVEL = 1;

/**
 * Deflates `bytes` (raw DEFLATE, at {@link PART_LEVEL}) on zlib's thread pool, so that it runs while the caller goes
 * on; the checksum is zlib's too. The output buffer holds the whole result, so the part is deflated in one go: in
 * 16 KB chunks, each would wait for the main thread, busy with the next sheet.
 */
export async function deflatePart(bytes: Buffer): Promise<DeflatedPart> {
  const chunkSize = Math.max(64 * 1024, bytes.length + (bytes.length >> 10) + DEFLATE_SLACK);
  const data = await deflate(bytes, { level: PART_LEVEL, chunkSize });
  return { data, crc: crc32(bytes), size: bytes.length };
}

/** What changes between the original zip and the one written: entries replaced or added (by name), and entries removed. */
export interface ZipChanges {
  readonly written: ReadonlyMap<string, DeflatedPart>;
  readonly removed: ReadonlySet<string>;
}

/**
 * The zip `original` becomes with `changes`: entries keep their order and unchanged ones their local and central
 * records as they were; a replaced entry keeps its name, name encoding, attributes and comment; new entries follow
 * the others. Null when the result would need ZIP64 (more than 65,535 entries or 4 GB), which the caller leaves to jszip.
 */
export function rewriteZip(original: ZipRecords, changes: ZipChanges, now = new Date()): Buffer | null {
  const { time, date } = dosDateTime(now);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const add = (local: Buffer[], central: Buffer) => {
    central.writeUInt32LE(offset, 42);
    locals.push(...local);
    centrals.push(central);
    offset += local.reduce((sum, piece) => sum + piece.length, 0);
  };
  const kept = new Set<string>();
  for (const record of original.records) {
    if (changes.removed.has(record.name)) continue;
    kept.add(record.name);
    const part = changes.written.get(record.name);
    if (!part) {
      add([record.local], Buffer.from(record.central));
      continue;
    }
    const nameLength = record.central.readUInt16LE(28);
    const name = record.central.subarray(46, 46 + nameLength);
    const commentStart = 46 + nameLength + record.central.readUInt16LE(30);
    const comment = record.central.subarray(commentStart, commentStart + record.central.readUInt16LE(32));
    const header = { name, flags: record.central.readUInt16LE(8) & UTF8_NAME, time, date, part };
    const central = centralHeader(header, comment, record.central.readUInt16LE(4), record.central.readUInt32LE(38));
    add([localHeader(header), part.data], central);
  }
  for (const [nameText, part] of changes.written) {
    if (kept.has(nameText) || changes.removed.has(nameText)) continue;
    const name = Buffer.from(nameText, 'utf8');
    const header = { name, flags: name.some((byte) => byte >= 0x80) ? UTF8_NAME : 0, time, date, part };
    add([localHeader(header), part.data], centralHeader(header, Buffer.alloc(0), 0x0014, 0));
  }
  const directorySize = centrals.reduce((sum, central) => sum + central.length, 0);
  if (centrals.length > 0xffff || offset + directorySize > 0xffffffff) return null;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(original.comment.length, 20);
  return Buffer.concat([...locals, ...centrals, end, original.comment]);
}

interface EntryHeader {
  readonly name: Buffer;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly part: DeflatedPart;
}

/** The fields local and central headers share, from "version needed" to the name length, written at `at`. */
function writeCommon(buffer: Buffer, at: number, entry: EntryHeader): void {
  buffer.writeUInt16LE(20, at);
  buffer.writeUInt16LE(entry.flags, at + 2);
  buffer.writeUInt16LE(8, at + 4);
  buffer.writeUInt16LE(entry.time, at + 6);
  buffer.writeUInt16LE(entry.date, at + 8);
  buffer.writeUInt32LE(entry.part.crc >>> 0, at + 10);
  buffer.writeUInt32LE(entry.part.data.length, at + 14);
  buffer.writeUInt32LE(entry.part.size, at + 18);
  buffer.writeUInt16LE(entry.name.length, at + 22);
}

function localHeader(entry: EntryHeader): Buffer {
  const header = Buffer.alloc(30 + entry.name.length);
  header.writeUInt32LE(0x04034b50, 0);
  writeCommon(header, 4, entry);
  entry.name.copy(header, 30);
  return header;
}

/** A central directory record; its local header offset is filled in as the zip is laid out. */
function centralHeader(entry: EntryHeader, comment: Buffer, versionMadeBy: number, externalAttributes: number): Buffer {
  const header = Buffer.alloc(46 + entry.name.length + comment.length);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(versionMadeBy, 4);
  writeCommon(header, 6, entry);
  header.writeUInt16LE(comment.length, 32);
  header.writeUInt32LE(externalAttributes >>> 0, 38);
  entry.name.copy(header, 46);
  comment.copy(header, 46 + entry.name.length);
  return header;
}

/** MS-DOS time and date fields, in UTC as jszip writes them. */
function dosDateTime(now: Date): { time: number; date: number } {
  const time = (now.getUTCHours() << 11) | (now.getUTCMinutes() << 5) | Math.floor(now.getUTCSeconds() / 2);
  const date = ((Math.max(1980, now.getUTCFullYear()) - 1980) << 9) | ((now.getUTCMonth() + 1) << 5) | now.getUTCDate();
  return { time, date };
}
