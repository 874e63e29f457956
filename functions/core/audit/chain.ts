// The hash chain of the audit log: each entry's hash covers its content and the previous entry's hash.
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { sameAuditHead, type AuditDraft, type AuditEntry, type AuditHead } from './audit-entry.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the canonical JSON of the entry (every field but `hash`, `prevHash` included). */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, source, entity, op, before, after, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, actor, source, entity, op, before, after, prevHash }));
}

/** Chains drafts after `head` (null: the log is empty): consecutive seqs, each linked to the one before. */
export function chainDrafts(drafts: readonly AuditDraft[], head: AuditHead | null): AuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return drafts.map((draft) => {
    seq += 1;
    const unhashed = { ...draft, before: draft.before ?? null, after: draft.after ?? null, seq, prevHash };
    const entry: AuditEntry = { ...unhashed, hash: hashEntry(unhashed) };
    prevHash = entry.hash;
    return entry;
  });
}

/** Drafts the caller chained already (`chainDrafts(drafts, after)`), after the head it read. */
export interface ChainedDrafts {
  readonly after: AuditHead | null;
  readonly entries: readonly AuditEntry[];
}

/**
 * The entries a commit writes: `chained` when the head is still the one they were chained after (the caller, holding
 * the lease, chained the same drafts to anchor the head it will leave), else the drafts chained after `head` now.
 */
export function entriesAfter(head: AuditHead | null, drafts: readonly AuditDraft[], chained?: ChainedDrafts): AuditEntry[] {
  if (chained !== undefined && chained.entries.length === drafts.length && sameAuditHead(chained.after, head)) return [...chained.entries];
  return chainDrafts(drafts, head);
}

/** The verdict of a chain check: the count when whole, else the first broken seq and why. */
export type ChainVerdict =
  | { readonly ok: true; readonly count: number; readonly head: AuditHead | null }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

/**
 * Recomputes the chain over entries in seq order. Names the first seq that was altered (its hash does not match
 * its content), is missing (a gap), or no longer links to the entry before it.
 */
export function verifyChain(entries: Iterable<AuditEntry>): ChainVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let head: AuditHead | null = null;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return entry.seq > expectedSeq
        ? { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing (the next entry is ${entry.seq})` }
        : { ok: false, seq: entry.seq, reason: `entry ${entry.seq} appears again after entry ${expectedSeq - 1}` };
    }
    if (entry.prevHash !== prevHash) return { ok: false, seq: entry.seq, reason: `entry ${entry.seq} does not link to entry ${entry.seq - 1}` };
    if (hashEntry(entry) !== entry.hash) return { ok: false, seq: entry.seq, reason: `entry ${entry.seq} was altered: its content no longer matches its hash` };
    prevHash = entry.hash;
    head = { seq: entry.seq, hash: entry.hash };
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, head };
}

/** Checks that the stored head matches the last entry (a deleted last entry leaves the chain whole but short). */
export function verifyHead(verdict: ChainVerdict, storedHead: AuditHead | null): ChainVerdict {
  if (!verdict.ok || storedHead === null) return verdict;
  const last = verdict.head;
  if (last === null || last.seq < storedHead.seq) return { ok: false, seq: (last?.seq ?? 0) + 1, reason: `entry ${(last?.seq ?? 0) + 1} is missing (the log should end at ${storedHead.seq})` };
  if (last.seq === storedHead.seq && last.hash !== storedHead.hash) return { ok: false, seq: last.seq, reason: `entry ${last.seq} does not match the recorded head of the log` };
  return verdict;
}
