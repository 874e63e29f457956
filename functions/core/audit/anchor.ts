// What the audit log is checked against outside the store: an anchor (seq and hash) and the records the log implies.
import { canonicalJson } from '../canonical-json.js';
import { CcegError } from '../errors.js';
import type { StoredRecord } from '../records/stored-record.js';
import type { AuditEntry, AuditHead } from './audit-entry.js';

/** `SEQ:HASH`, as the Dashboard's last line and the run's log line give it. */
export function formatAnchor(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

/** Reads `SEQ:HASH` (a positive seq, a 64-digit lowercase hex SHA-256); throws BAD_OPTION with one clear line. */
export function parseAnchor(text: string): AuditHead {
  const match = /^\s*(\d+):([0-9a-f]{64})\s*$/i.exec(text);
  if (!match || Number(match[1]) < 1) throw new CcegError('BAD_OPTION', `--anchor "${text}" is not SEQ:HASH (the seq, a colon, and the 64 hex digits of the hash, as the Dashboard's last line shows them).`);
  return { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
}

/**
 * Why the log does not reach the anchor, or null when its entry `anchor.seq` has the anchored hash: a log that ends
 * before the anchor lost entries; an entry with another hash there means the log was rewritten from there or earlier
 * (an intact chain cannot otherwise hold another hash at that seq).
 */
export function anchorMismatch(entries: readonly AuditEntry[], anchor: AuditHead): string | null {
  const entry = entries.find((candidate) => candidate.seq === anchor.seq);
  const last = entries.at(-1)?.seq ?? 0;
  if (!entry) return `the log ends at seq ${last}, before the anchor's seq ${anchor.seq}: entries were removed`;
  if (entry.hash !== anchor.hash) return `entry ${anchor.seq} is not the one anchored (hash ${entry.hash.slice(0, 12)}…, the anchor says ${anchor.hash.slice(0, 12)}…): the log was rewritten from there or earlier`;
  return null;
}

/** What the log says a record is now: its data (null once tombstoned) and the seq of its last entry. */
interface ReplayedRecord {
  readonly data: unknown;
  readonly tombstoned: boolean;
  readonly seq: number;
}

/** Replays create, update and tombstone entries (refusals change nothing): every record as the log leaves it. */
export function replayRecords(entries: Iterable<AuditEntry>): Map<string, ReplayedRecord> {
  const records = new Map<string, ReplayedRecord>();
  for (const entry of entries) {
    if (entry.op === 'create' || entry.op === 'update') records.set(entry.entity, { data: entry.after, tombstoned: false, seq: entry.seq });
    else if (entry.op === 'tombstone') records.set(entry.entity, { data: records.get(entry.entity)?.data ?? entry.before, tombstoned: true, seq: entry.seq });
  }
  return records;
}

/**
 * The first record that disagrees with what the log says of it, in one line, or null when every record is what the
 * log makes it: a record the log never created, one whose data differs from its last entry's, one tombstoned (or
 * not) against the log, and one the log has that the store lost.
 */
export function recordMismatch(entries: readonly AuditEntry[], records: ReadonlyMap<string, StoredRecord>): string | null {
  const replayed = replayRecords(entries);
  for (const [key, record] of [...records].sort(([a], [b]) => a.localeCompare(b))) {
    const logged = replayed.get(key);
    if (!logged) return `record ${key} is in the store but no audit entry created it`;
    if (logged.tombstoned !== record.tombstoned) {
      return `record ${key} is ${record.tombstoned ? '' : 'not '}tombstoned in the store, but the log's last entry for it (seq ${logged.seq}) says ${logged.tombstoned ? 'it was' : 'it is live'}`;
    }
    if (!record.tombstoned && canonicalJson(logged.data) !== canonicalJson(record.data)) {
      return `record ${key} disagrees with the log: the store holds other data than its last entry (seq ${logged.seq}) wrote`;
    }
  }
  for (const [key, logged] of replayed) {
    if (!records.has(key)) return `record ${key} is missing from the store, though the log made it (last at seq ${logged.seq})`;
  }
  return null;
}
