// Gives jszip Node's own DEFLATE (zlib, in C) for the parts a write-back regenerates, in place of pako's, about four times slower.
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';

/** A chunk as jszip's stream workers pass it on. */
interface Chunk {
  readonly data: Uint8Array | string | number[];
  readonly meta: unknown;
}

/** What this module needs of jszip's GenericWorker (lib/stream/GenericWorker.js), an ES5 constructor. */
interface GenericWorker {
  push(chunk: Chunk): void;
}
interface GenericWorkerConstructor {
  new (name: string): GenericWorker;
  prototype: GenericWorker & { flush(): void; processChunk(chunk: Chunk): void; cleanUp(): void };
  call(self: unknown, name: string): void;
}

interface Compression {
  readonly magic: string;
  compressWorker(options: { readonly level?: number } | null): GenericWorker;
}

const require = createRequire(import.meta.url);
// jszip 3 exposes no way to choose its deflater; these two modules are its own (no package "exports" restricts them).
const compressions = require('jszip/lib/compressions.js') as { DEFLATE: Compression };
const GenericWorkerBase = require('jszip/lib/stream/GenericWorker.js') as GenericWorkerConstructor;
const utils = require('jszip/lib/utils.js') as { transformTo(type: 'uint8array', data: Chunk['data']): Uint8Array; inherits(child: unknown, parent: unknown): void };

/**
 * Collects a part's bytes and deflates them at once with zlib (raw DEFLATE, as a zip entry holds it). Parts a
 * write-back regenerates are XML the sync itself produced or patched, already read within the workbook's limits.
 */
function NativeDeflateWorker(this: GenericWorker & { chunks: Uint8Array[]; meta: unknown; level: number }, level: number): void {
  GenericWorkerBase.call(this, 'NativeDeflateWorker');
  this.chunks = [];
  this.meta = {};
  this.level = level;
}
utils.inherits(NativeDeflateWorker, GenericWorkerBase);
Object.assign(NativeDeflateWorker.prototype, {
  processChunk(this: { chunks: Uint8Array[]; meta: unknown }, chunk: Chunk): void {
    this.meta = chunk.meta;
    this.chunks.push(utils.transformTo('uint8array', chunk.data));
  },
  flush(this: GenericWorker & { chunks: Uint8Array[]; meta: unknown; level: number }): void {
    GenericWorkerBase.prototype.flush.call(this);
    this.push({ data: deflateRawSync(Buffer.concat(this.chunks), { level: this.level }), meta: this.meta });
    this.chunks = [];
  },
  cleanUp(this: { chunks: Uint8Array[] }): void {
    GenericWorkerBase.prototype.cleanUp.call(this);
    this.chunks = [];
  },
});

let installed = false;

/** Makes jszip compress DEFLATE entries with zlib from now on (once per process; inflating stays jszip's, streamed within the limits). */
export function useNativeDeflate(): void {
  if (installed) return;
  installed = true;
  const deflate = compressions.DEFLATE;
  compressions.DEFLATE = {
    ...deflate,
    compressWorker: (options) => new (NativeDeflateWorker as unknown as new (level: number) => GenericWorker)(options?.level ?? 6),
  } as Compression;
}
