// The content hashes of a workbook file's rows, remembered by the file's fingerprint so that a sync of the same bytes again need not hash them.
import type { AuditHead } from '../audit/audit-entry.js';
import { contentHash } from '../canonical-json.js';
import type { DataTabName } from '../model/tabs.js';
import { DATA_TAB_NAMES } from '../model/tabs.js';
import type { HeldBackRow } from './held-back-row.js';

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
export const ROW_HASHES_SCHEME = 'cceg-row-hashes/2';

/**
 * What a sync of the file found when it had nothing to do: no record to change, no ID to give or respell, no cell to
 * write. While the store's audit head is still `head` (no record has been committed since), a sync of the same bytes
 * finds the same, and need not read the digests or diff.
 */
export interface SettledSync {
  /** The audit head the sync left (and found: it committed no record). */
  readonly head: AuditHead | null;
  /** The rows it held back for their data findings, in order. */
  readonly heldBack: readonly HeldBackRow[];
  /** The latest time a stored record was committed, or null. */
  readonly lastCommittedAt: string | null;
  /**
   * What its write-back was planned from besides the file and the records (`writeBackKey`): a sync of the same bytes
   * with the same key finds nothing to write either, and need not plan. Absent when it was not told (an older cceg).
   */
  readonly writeBackKey?: string;
}

/** What a sync's write-back is planned from besides the workbook file and the stored records. */
export interface WriteBackInputs {
  readonly today: string;
  /** The charter configuration (its `functions` section, endpoints and tokens, plays no part and is left out). */
  readonly config: { readonly functions?: unknown };
  /** The drafted documents the Dashboard lists. */
  readonly documents: readonly unknown[];
  /** The cceg that plans (another one may write the tabs otherwise). */
  readonly codeVersion: string;
}

/** The hash of what a write-back is planned from besides the file and the records: the day, the configuration, the documents, the cceg. */
export function writeBackKey(inputs: WriteBackInputs): string {
  return contentHash({ ...inputs, config: { ...inputs.config, functions: null } });
}

/** What a store remembers of one file: its rows' hashes, and what its last sync found when it had nothing to do. */
export interface RememberedRows {
  readonly hashes: RowHashes;
  readonly settled: SettledSync | null;
}

const HASH_LENGTH = 64;

/** The first line of what is kept for the file with `fingerprint`: the scheme and the fingerprint. */
function firstLine(fingerprint: string): string {
  return `${ROW_HASHES_SCHEME} ${fingerprint}`;
}
/** Stands for a row with no hash: never equal to a hash. */
const NO_HASH = '-'.repeat(HASH_LENGTH);

/**
 * The text a store keeps: the scheme and the fingerprint on the first line, the settled sync as JSON (or `-`) on the
 * second, then a line per tab, `name<TAB>count<TAB>` followed by the rows' hashes run together (64 characters each,
 * dashes for none).
 */
export function encodeRowHashes(fingerprint: string, remembered: RememberedRows): string {
  const lines = [firstLine(fingerprint), remembered.settled === null ? '-' : JSON.stringify(remembered.settled)];
  for (const [tab, rows] of remembered.hashes) {
    let run = '';
    for (const hash of rows) run += hash !== null && hash.length === HASH_LENGTH ? hash : NO_HASH;
    lines.push(`${tab}\t${rows.length}\t${run}`);
  }
  return lines.join('\n');
}

/** How much of a kept text `remembersSettled` reads: its first line and the character after it. */
export function settledHeadLength(fingerprint: string): number {
  return firstLine(fingerprint).length + 2;
}

/**
 * The beginning of a kept text (`settledHeadLength` long): what a store may keep beside it, so that telling whose
 * file it is, and whether it holds a settled sync, does not read the whole text (3 MB at 50,000 rows).
 */
export function headOfKept(text: string, fingerprint: string): string {
  return text.slice(0, settledHeadLength(fingerprint));
}

/** Whether a kept text, or its head (`headOfKept`), is of the file with `fingerprint` (a text of another file is not worth reading). */
export function keptForFile(head: string, fingerprint: string): boolean {
  return head.startsWith(`${firstLine(fingerprint)}\n`);
}

/**
 * Whether a text `encodeRowHashes` kept (or its head, `headOfKept`) is of the file with `fingerprint`
 * and holds a settled sync: read before the file is, to guess whether its sync will need the digests.
 */
export function remembersSettled(head: string, fingerprint: string): boolean {
  const first = `${firstLine(fingerprint)}\n`;
  return head.length > first.length && keptForFile(head, fingerprint) && head[first.length] !== '-';
}

/**
 * What `encodeRowHashes` kept for the file with `fingerprint`; null when the text is of another file, another scheme,
 * or not well formed (a tab whose line does not add up is left out; a settled sync that does not read as one, too).
 */
export function decodeRowHashes(text: string, fingerprint: string): RememberedRows | null {
  const lines = text.split('\n');
  if (lines[0] !== firstLine(fingerprint) || lines.length < 2) return null;
  const hashes = new Map<DataTabName, (string | null)[]>();
  for (const line of lines.slice(2)) {
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
  return { hashes, settled: settledFrom(lines[1]!) };
}

const TAB_NAMES: ReadonlySet<string> = new Set(DATA_TAB_NAMES);

/** The settled sync a line holds, or null for `-` or anything that does not read as one. */
function settledFrom(line: string): SettledSync | null {
  if (line === '-') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const settled = value as Partial<SettledSync> | null;
  const head = settled?.head;
  const headOk = head === null || (typeof head === 'object' && head !== undefined && Number.isInteger(head.seq) && typeof head.hash === 'string');
  const lastOk = settled?.lastCommittedAt === null || typeof settled?.lastCommittedAt === 'string';
  const heldOk = Array.isArray(settled?.heldBack) && settled.heldBack.every((row) => TAB_NAMES.has(row?.tab) && Number.isInteger(row.sheetRow)
    && (row.id === null || typeof row.id === 'string') && typeof row.hasCommittedVersion === 'boolean');
  if (!headOk || !lastOk || !heldOk) return null;
  const found = { head: head ?? null, heldBack: settled!.heldBack!, lastCommittedAt: settled!.lastCommittedAt ?? null };
  return typeof settled?.writeBackKey === 'string' ? { ...found, writeBackKey: settled.writeBackKey } : found;
}
