// The content hashes of a workbook file's rows, remembered by the file's fingerprint so that a sync of the same bytes again need not hash them.
import type { DataTabName } from '../model/tabs.js';

/**
 * By tab, the content hash of each parsed row, in row order: the hash of the row's values when they are its record's
 * data as they stand (its ID typed on it), else null (a row held back, or one given its ID by the sync).
 */
export type RowHashes = ReadonlyMap<DataTabName, readonly (string | null)[]>;

/**
 * The version of what a remembered hash stands for: how a file is parsed into rows and how a row is hashed. Raise it
 * whenever either changes, so that hashes remembered by an older cceg are not taken for this one's (the diff also
 * checks a sample of them, which catches most such changes on its own).
 */
export const ROW_HASHES_SCHEME = 'cceg-row-hashes/1';

const HASH_LENGTH = 64;
/** Stands for a row with no hash: never equal to a hash. */
const NO_HASH = '-'.repeat(HASH_LENGTH);

/**
 * The text a store keeps: the scheme and the fingerprint on the first line, then a line per tab, `name<TAB>count<TAB>`
 * followed by the rows' hashes run together (64 characters each, dashes for none).
 */
export function encodeRowHashes(fingerprint: string, hashes: RowHashes): string {
  const lines = [`${ROW_HASHES_SCHEME} ${fingerprint}`];
  for (const [tab, rows] of hashes) {
    let run = '';
    for (const hash of rows) run += hash !== null && hash.length === HASH_LENGTH ? hash : NO_HASH;
    lines.push(`${tab}\t${rows.length}\t${run}`);
  }
  return lines.join('\n');
}

/**
 * The hashes `encodeRowHashes` kept for the file with `fingerprint`; null when the text is of another file, another
 * scheme, or not well formed (a tab whose line does not add up is left out).
 */
export function decodeRowHashes(text: string, fingerprint: string): RowHashes | null {
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  if (firstLine !== `${ROW_HASHES_SCHEME} ${fingerprint}`) return null;
  const hashes = new Map<DataTabName, (string | null)[]>();
  if (firstLineEnd < 0) return hashes;
  for (const line of text.slice(firstLineEnd + 1).split('\n')) {
    const nameEnd = line.indexOf('\t');
    const countEnd = nameEnd < 0 ? -1 : line.indexOf('\t', nameEnd + 1);
    if (countEnd < 0) continue;
    const count = Number(line.slice(nameEnd + 1, countEnd));
    const runStart = countEnd + 1;
    if (!Number.isInteger(count) || count < 0 || line.length - runStart !== count * HASH_LENGTH) continue;
    const rows: (string | null)[] = new Array<string | null>(count);
    for (let index = 0; index < count; index++) {
      const at = runStart + index * HASH_LENGTH;
      rows[index] = line.charCodeAt(at) === 45 /* - */ ? null : line.slice(at, at + HASH_LENGTH);
    }
    hashes.set(line.slice(0, nameEnd) as DataTabName, rows);
  }
  return hashes;
}
