// Counts what a workbook's zip parts inflate to while they inflate, and stops a part at once when it passes the limits.
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { inflateRaw, inflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';
import type { WorkbookLimits } from '../../../core/config.js';
import { CcegError } from '../../../core/errors.js';

/** Parts smaller than this may be compressed any amount (an empty sheet's XML compresses 200:1). */
const RATIO_CHECKED_FROM = 1_000_000;
const inflateRawAsync = promisify(inflateRaw);
/**
 * Parts compressed to at most this many bytes inflate on the main thread: microseconds of work that, sent to zlib's
 * thread pool, could wait there behind the big sheets being inflated or deflated (a write-back reads the workbook part
 * while its sheets deflate).
 */
const INFLATED_IN_PLACE = 16 * 1024;
/** The smallest output buffer a one-go inflate starts with (zlib's default chunk). */
const MIN_CHUNK = 64 * 1024;
/** Room past the size a part declares, so that a part that inflates to exactly that fills one buffer. */
const CHUNK_SLACK = 1024;
/** Compressed bytes jszip hands its inflater at a time: the output of a chunk may belong to the next block. */
const JSZIP_BLOCK = 16 * 1024;

/** The sizes a zip entry's central directory declares, which jszip keeps on a private field; they can lie. */
interface DeclaredSizes {
  readonly compressed: number;
  readonly uncompressed: number;
}

/** How a part is named in a refusal: its zip name, and the tab it holds when it is a sheet. */
export type PartLabel = (part: string) => string;

/**
 * The inflated bytes of the parts read so far, against `limits.inflatedBytes` (each part, and all of them) and
 * `limits.compressionRatio` (a part past 1 MB inflated, against the compressed bytes its inflater has been given).
 * A part read twice counts once. Refusals are WORKBOOK_TOO_LARGE, one line naming the file, the part and the key.
 */
export class InflationBudget {
  private readonly inflatedByPart = new Map<string, number>();
  private total = 0;

  /** How a refusal names a part (the package names the tab a sheet holds once it knows the tabs). */
  label: PartLabel = (part) => part;

  constructor(
    private readonly path: string,
    private readonly limits: Pick<WorkbookLimits, 'inflatedBytes' | 'compressionRatio'>,
  ) {}

  /**
   * The bytes of zip entry `entry` (part `part`) as they inflate. Sizes the central directory declares past the
   * limits are refused before inflating; what the part really inflates to is counted chunk by chunk, and inflating
   * stops at the chunk that passes a limit. An entry that does not inflate is NOT_A_WORKBOOK (a damaged zip file).
   */
  async *inflate(entry: JSZip.JSZipObject, part: string): AsyncGenerator<Buffer> {
    const declared = declaredSizesOf(entry);
    if (declared) this.refuseDeclared(part, declared);
    let inflated = 0;
    let percent = 0;
    const source = entry.nodeStream('nodebuffer', (meta) => {
      percent = meta.percent;
    });
    const chunks = new PassThrough();
    let stopped = false;
    const stop = (fault?: CcegError) => {
      stopped = true;
      source.unpipe(chunks);
      source.pause();
      if (fault) chunks.destroy(fault);
    };
    source.on('data', (chunk: Buffer) => {
      if (stopped) return;
      inflated += chunk.length;
      // The progress jszip reports lags one block behind the chunk: count that block as given, so the ratio is never overstated.
      const given = declared ? Math.min(declared.compressed, (percent / 100) * declared.compressed + JSZIP_BLOCK) : null;
      const fault = this.count(part, inflated, given);
      if (fault !== null) stop(fault);
    });
    source.on('error', (error: unknown) => chunks.destroy(damagedPart(this.path, part, error)));
    source.pipe(chunks);
    try {
      for await (const chunk of chunks) yield chunk as Buffer;
    } finally {
      // A reader that stops early (a refusal further on) leaves jszip's worker paused, holding nothing more.
      if (!stopped) stop();
    }
  }

  /**
   * The bytes of zip entry `entry` (part `part`), inflated by zlib from `data`, its compressed bytes (`method` 8) or
   * stored ones (0), on zlib's thread pool. Counted as `inflate` counts them, but as a whole: inflating stops where the
   * part passes a limit (the ratio taken to all its compressed bytes). An entry that does not inflate, or inflates to a
   * size other than the one declared, is NOT_A_WORKBOOK (a damaged zip file).
   */
  async inflateWhole(entry: JSZip.JSZipObject, data: Buffer, method: number, part: string): Promise<Buffer> {
    const declared = declaredSizesOf(entry);
    if (declared) this.refuseDeclared(part, declared);
    const inflated = method === 0 ? this.countStored(data, part) : await this.inflateCounted(data, declared, part);
    if (declared && inflated.length !== declared.uncompressed) throw damagedPart(this.path, part, new Error('uncompressed data size mismatch'));
    return inflated;
  }

  private countStored(data: Buffer, part: string): Buffer {
    const fault = this.count(part, data.length, data.length);
    if (fault !== null) throw fault;
    return data;
  }

  /**
   * Inflates `data` in one go on zlib's thread pool, into one buffer as large as the part declares, so that it needs
   * the main thread only once (in chunks, each would wait for it); zlib stops it past the most it may inflate to
   * within the limits (a part's own, what is left of the total, and the ratio to its compressed bytes).
   */
  private async inflateCounted(data: Buffer, declared: DeclaredSizes | null, part: string): Promise<Buffer> {
    const checkRatio = declared !== null;
    const counted = this.inflatedByPart.get(part) ?? 0;
    let most = Math.min(this.limits.inflatedBytes, this.limits.inflatedBytes - (this.total - counted));
    if (checkRatio) most = Math.min(most, Math.max(RATIO_CHECKED_FROM, this.limits.compressionRatio * data.length));
    most = Math.max(0, Math.floor(most));
    let inflated: Buffer;
    try {
      const chunkSize = Math.max(MIN_CHUNK, Math.min(most + 1, (declared?.uncompressed ?? 0) + CHUNK_SLACK));
      const options = { chunkSize, maxOutputLength: most + 1 };
      inflated = data.length <= INFLATED_IN_PLACE ? inflateRawSync(data, options) : await inflateRawAsync(data, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_BUFFER_TOO_LARGE') throw this.count(part, most + 1, checkRatio ? data.length : null) ?? this.partTooLarge(part);
      throw damagedPart(this.path, part, error);
    }
    const fault = this.count(part, inflated.length, checkRatio ? data.length : null);
    if (fault !== null) throw fault;
    return inflated;
  }

  /**
   * Refuses at once, before inflating anything, parts whose declared sizes already pass the limits, one by one or
   * together (a file that says what it holds is refused in milliseconds; one that lies is stopped as it inflates).
   */
  refuseDeclaredSizes(entries: readonly { readonly entry: JSZip.JSZipObject; readonly part: string }[]): void {
    let total = 0;
    for (const { entry, part } of entries) {
      const declared = declaredSizesOf(entry);
      if (!declared) continue;
      this.refuseDeclared(part, declared);
      total += declared.uncompressed;
    }
    if (total > this.limits.inflatedBytes) throw this.totalTooLarge();
  }

  private refuseDeclared(part: string, declared: DeclaredSizes): void {
    if (declared.uncompressed > this.limits.inflatedBytes) throw this.partTooLarge(part);
    if (declared.uncompressed > RATIO_CHECKED_FROM && declared.uncompressed > this.limits.compressionRatio * declared.compressed) throw this.tooCompressed(part);
  }

  /** Records that `part` has inflated to `inflated` bytes from `given` compressed ones; the refusal when that is too much. */
  private count(part: string, inflated: number, given: number | null): CcegError | null {
    const counted = this.inflatedByPart.get(part) ?? 0;
    if (inflated > counted) {
      this.total += inflated - counted;
      this.inflatedByPart.set(part, inflated);
    }
    if (inflated > this.limits.inflatedBytes) return this.partTooLarge(part);
    if (this.total > this.limits.inflatedBytes) return this.totalTooLarge();
    if (given !== null && inflated > RATIO_CHECKED_FROM && inflated > this.limits.compressionRatio * given) return this.tooCompressed(part);
    return null;
  }

  private totalTooLarge(): CcegError {
    return new CcegError('WORKBOOK_TOO_LARGE', `${this.path} inflates to more than ${byteSize(this.limits.inflatedBytes)} in all (limits.inflatedBytes).`);
  }

  private partTooLarge(part: string): CcegError {
    return new CcegError('WORKBOOK_TOO_LARGE', `${this.path}: ${this.label(part)} inflates to more than ${byteSize(this.limits.inflatedBytes)} (limits.inflatedBytes).`);
  }

  private tooCompressed(part: string): CcegError {
    const ratio = this.limits.compressionRatio.toLocaleString('en-US');
    return new CcegError('WORKBOOK_TOO_LARGE', `${this.path}: ${this.label(part)} is compressed more than ${ratio}:1 (limits.compressionRatio).`);
  }
}

/** A size as a person reads it: `200 MB`, `1.5 MB`, `4,096 bytes`. */
export function byteSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** The refusal of a part that does not inflate: the zip file is damaged. */
export function damagedPart(path: string, part: string, error: unknown): CcegError {
  return Object.assign(new CcegError('NOT_A_WORKBOOK', `${path} is a damaged zip file: ${part} does not inflate (${zipFaultReason(error)}).`), { cause: error });
}

/** What jszip or its inflater said was wrong, in one line without their "Bug :" and "Corrupted zip:" prefixes. */
export function zipFaultReason(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  if (/uncompressed data size mismatch/i.test(line)) return 'it inflates to a size other than the one the zip declares';
  return line.replace(/^(?:bug|corrupted zip)\s*:\s*/i, '').replace(/[\s.]*(?:corrupted zip\s*\?)?$/i, '') || 'unknown fault';
}

function declaredSizesOf(entry: JSZip.JSZipObject): DeclaredSizes | null {
  // jszip's typings call `_data` private (index.d.ts, "CompressedObject"); it is there for every entry loadAsync read.
  const data = (entry as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  const compressed = data?.compressedSize;
  const uncompressed = data?.uncompressedSize;
  return typeof compressed === 'number' && typeof uncompressed === 'number' ? { compressed, uncompressed } : null;
}
