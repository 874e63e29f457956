// Writes zip files for tests piece by piece: a part of repeated blocks inflates to a gigabyte from a few MB, written in seconds.
import { open } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Text or bytes, repeated `times` times (once when not given). */
export interface Piece {
  readonly text: string | Buffer;
  readonly times?: number;
}

/** One zip entry: its name, its content as pieces in order (made as they are written), and optionally an uncompressed size its headers declare instead of the real one. */
export interface ZipPart {
  readonly name: string;
  readonly pieces: Iterable<Piece>;
  readonly declaredSize?: number;
}

/** What a part's headers say about it. */
interface Written {
  readonly crc: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
}

/** An empty final block of fixed Huffman codes: ends a deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
const DOS_DATE_1980_01_01 = 0x21;
const WRITE_BATCH = 1 << 20;

/** The local file header (`central` false) or central directory header of an entry. */
function header(name: Buffer, part: Written, offset: number, central: boolean): Buffer {
  const fixed = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  const u32 = (value: number) => void (at = fixed.writeUInt32LE(value >>> 0, at));
  const u16 = (value: number) => void (at = fixed.writeUInt16LE(value, at));
  u32(central ? 0x02014b50 : 0x04034b50);
  if (central) u16(20); // made by
  u16(20); // needed to extract
  u16(0); // flags
  u16(8); // deflate
  u16(0); // time
  u16(DOS_DATE_1980_01_01);
  u32(part.crc);
  u32(part.compressedSize);
  u32(part.declaredSize);
  u16(name.length);
  u16(0); // extra field
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  return Buffer.concat([fixed, name]);
}

/**
 * Writes a zip of `parts` (deflated, in order) to `path`; returns the file's size in bytes. Each piece is compressed
 * on its own, ending on a byte boundary: it has no back-reference outside itself, so a repeated piece is compressed
 * once (at the best level, as a bomb is; a piece written once at the fastest) and its bytes written as often as it repeats. A local header is written
 * first and filled in once its part is written.
 */
export async function writeZip(path: string, parts: readonly ZipPart[]): Promise<number> {
  const file = await open(path, 'w');
  let offset = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    await file.write(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  const write = async (bytes: Buffer) => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    offset += bytes.length;
    if (pendingBytes >= WRITE_BATCH) await flush();
  };
  try {
    const central: Buffer[] = [];
    for (const part of parts) {
      const name = Buffer.from(part.name, 'utf8');
      const start = offset;
      await write(header(name, { crc: 0, compressedSize: 0, declaredSize: 0 }, start, false));
      let size = 0;
      let crc = 0;
      for (const piece of part.pieces) {
        const data = typeof piece.text === 'string' ? Buffer.from(piece.text, 'utf8') : piece.text;
        const times = piece.times ?? 1;
        const deflated = deflateRawSync(data, { level: times > 1 ? 9 : 1, finishFlush: constants.Z_SYNC_FLUSH });
        for (let i = 0; i < times; i++) {
          await write(deflated);
          crc = crc32(data, crc);
        }
        size += data.length * times;
      }
      await write(FINAL_BLOCK);
      if (size > 0xffff_ffff) throw new Error('zip-writer writes no Zip64: keep each part under 4 GiB');
      const written = { crc, compressedSize: offset - start - 30 - name.length, declaredSize: part.declaredSize ?? size };
      await flush();
      await file.write(header(name, written, start, false), 0, undefined, start);
      central.push(header(name, written, start, true));
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await write(directory);
    await write(end);
    await flush();
    return offset;
  } finally {
    await file.close();
  }
}
