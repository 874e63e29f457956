// Tests of the audit hash chain: chaining drafts, and naming the first entry that was altered, removed or moved.
import { describe, expect, it } from 'vitest';
import type { AuditDraft, AuditEntry } from '../../../functions/core/audit/audit-entry.js';
import { auditEntrySchema } from '../../../functions/core/audit/audit-entry.js';
import { GENESIS_HASH, chainDrafts, hashEntry, verifyChain, verifyHead } from '../../../functions/core/audit/chain.js';

function draft(n: number, fields: Partial<AuditDraft> = {}): AuditDraft {
  return {
    at: `2018-06-01T12:00:0${n}.000Z`, actor: 'staff@icann.example.org', source: 'cli', entity: `Roster/P-000${n}`,
    op: 'create', before: null, after: { id: `P-000${n}`, name: `Person ${n}` }, ...fields,
  };
}

/** A whole chain of five entries. */
function chainOfFive(): AuditEntry[] {
  return chainDrafts([1, 2, 3, 4, 5].map((n) => draft(n)), null);
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('chainDrafts', () => {
  it('starts an empty log at seq 1, linked to the genesis hash', () => {
    const [first] = chainDrafts([draft(1)], null);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, entity: 'Roster/P-0001' });
    expect(first?.hash).toBe(hashEntry({ ...draft(1), seq: 1, prevHash: GENESIS_HASH }));
  });

  it('gives consecutive seqs, each entry linked to the hash of the one before', () => {
    const entries = chainOfFive();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    entries.slice(1).forEach((entry, index) => expect(entry.prevHash).toBe(at(entries, index).hash));
  });

  it('continues after a head: the next seq, linked to the head hash', () => {
    const head = { seq: 41, hash: 'a'.repeat(64) };
    const entries = chainDrafts([draft(1), draft(2)], head);
    expect(entries.map((entry) => [entry.seq, entry.prevHash])).toEqual([[42, head.hash], [43, at(entries, 0).hash]]);
  });

  it('gives the same entries when a log is chained in two batches as in one', () => {
    const whole = chainOfFive();
    const first = chainDrafts([1, 2, 3].map((n) => draft(n)), null);
    const last = at(first, 2);
    const rest = chainDrafts([4, 5].map((n) => draft(n)), { seq: last.seq, hash: last.hash });
    expect([...first, ...rest]).toEqual(whole);
  });

  it('chains nothing from no drafts', () => {
    expect(chainDrafts([], { seq: 3, hash: 'b'.repeat(64) })).toEqual([]);
  });

  it('writes an absent before or after as null, and its entries match the stored schema', () => {
    const [entry] = chainDrafts([{ ...draft(1), before: undefined, after: undefined }], null);
    expect(entry).toMatchObject({ before: null, after: null });
    expect(auditEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('gives different hashes to the same draft at different places in the chain', () => {
    const [a, b] = chainDrafts([draft(1), draft(1)], null);
    expect(a?.hash).not.toBe(b?.hash);
  });
});

describe('verifyChain', () => {
  it('accepts a whole chain, with its count and head', () => {
    const entries = chainOfFive();
    expect(verifyChain(entries)).toEqual({ ok: true, count: 5, head: { seq: 5, hash: at(entries, 4).hash } });
  });

  it('accepts an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it('accepts a chain read from any iterable, such as a generator', () => {
    const entries = chainOfFive();
    function* read() {
      yield* entries;
    }
    expect(verifyChain(read())).toMatchObject({ ok: true, count: 5 });
  });

  it('accepts an entry whose data was stored with its keys in another order', () => {
    const entries = chainOfFive();
    entries[2] = { ...at(entries, 2), after: { name: 'Person 3', id: 'P-0003' } };
    expect(verifyChain(entries)).toMatchObject({ ok: true });
  });

  it.each([
    { name: 'after', change: { after: { id: 'P-0003', name: 'Someone else' } } },
    { name: 'before', change: { before: { id: 'P-0003', name: 'Person 3' } } },
    { name: 'actor', change: { actor: 'intruder@example.org' } },
    { name: 'at', change: { at: '2017-01-01T00:00:00.000Z' } },
    { name: 'op', change: { op: 'tombstone' as const } },
    { name: 'entity', change: { entity: 'Roster/P-0009' } },
    { name: 'source', change: { source: 'tick' as const } },
  ])('names an entry whose $name was altered by its seq', ({ change }) => {
    const entries = chainOfFive();
    entries[2] = { ...at(entries, 2), ...change };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'entry 3 was altered: its content no longer matches its hash' });
  });

  it('names the first altered entry when several were altered', () => {
    const entries = chainOfFive();
    entries[3] = { ...at(entries, 3), actor: 'x@example.org' };
    entries[1] = { ...at(entries, 1), actor: 'y@example.org' };
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 2 });
  });

  it('names the entry after one that was altered and given a new hash, as it no longer links', () => {
    const entries = chainOfFive();
    const altered = { ...at(entries, 2), after: { id: 'P-0003', name: 'Forged' } };
    entries[2] = { ...altered, hash: hashEntry(altered) };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 4, reason: 'entry 4 does not link to entry 3' });
  });

  it('names an entry whose prevHash was changed', () => {
    const entries = chainOfFive();
    const relinked = { ...at(entries, 1), prevHash: 'c'.repeat(64) };
    entries[1] = { ...relinked, hash: hashEntry(relinked) };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 2, reason: 'entry 2 does not link to entry 1' });
  });

  it('names a first entry that does not start from the genesis hash', () => {
    const entries = chainDrafts([draft(1)], null);
    const relinked = { ...at(entries, 0), prevHash: 'd'.repeat(64) };
    expect(verifyChain([{ ...relinked, hash: hashEntry(relinked) }])).toMatchObject({ ok: false, seq: 1 });
  });

  it.each([
    { name: 'a deleted middle entry', seqs: [1, 2, 4, 5], verdict: { ok: false, seq: 3, reason: 'entry 3 is missing (the next entry is 4)' } },
    { name: 'a deleted first entry', seqs: [2, 3, 4, 5], verdict: { ok: false, seq: 1, reason: 'entry 1 is missing (the next entry is 2)' } },
    { name: 'two entries swapped', seqs: [1, 2, 4, 3, 5], verdict: { ok: false, seq: 3, reason: 'entry 3 is missing (the next entry is 4)' } },
    { name: 'an entry moved back', seqs: [1, 2, 3, 5, 4], verdict: { ok: false, seq: 4, reason: 'entry 4 is missing (the next entry is 5)' } },
    { name: 'a duplicated entry', seqs: [1, 2, 3, 3, 4, 5], verdict: { ok: false, seq: 3, reason: 'entry 3 appears again after entry 3' } },
    { name: 'an earlier entry repeated later', seqs: [1, 2, 3, 4, 2, 5], verdict: { ok: false, seq: 2, reason: 'entry 2 appears again after entry 4' } },
  ])('names the seq of $name', ({ seqs, verdict }) => {
    const entries = chainOfFive();
    expect(verifyChain(seqs.map((seq) => at(entries, seq - 1)))).toEqual(verdict);
  });

  it('names a missing entry even when the entry after it was renumbered to close the gap', () => {
    const entries = chainOfFive();
    const renumbered = { ...at(entries, 3), seq: 3 };
    expect(verifyChain([at(entries, 0), at(entries, 1), { ...renumbered, hash: hashEntry(renumbered) }, at(entries, 4)])).toMatchObject({ ok: false, seq: 3 });
  });
});

describe('verifyHead', () => {
  const entries = chainOfFive();
  const head = { seq: 5, hash: at(entries, 4).hash };

  it('keeps a whole chain that ends at the stored head', () => {
    expect(verifyHead(verifyChain(entries), head)).toEqual({ ok: true, count: 5, head });
  });

  it('keeps the verdict when no head is stored yet', () => {
    expect(verifyHead(verifyChain([]), null)).toEqual({ ok: true, count: 0, head: null });
  });

  it('keeps a broken chain\'s own verdict', () => {
    const broken = verifyChain([at(entries, 0), at(entries, 2)]);
    expect(verifyHead(broken, head)).toBe(broken);
  });

  it.each([
    { name: 'the last entry', kept: 4, verdict: { ok: false, seq: 5, reason: 'entry 5 is missing (the log should end at 5)' } },
    { name: 'the last two entries', kept: 3, verdict: { ok: false, seq: 4, reason: 'entry 4 is missing (the log should end at 5)' } },
    { name: 'every entry', kept: 0, verdict: { ok: false, seq: 1, reason: 'entry 1 is missing (the log should end at 5)' } },
  ])('names the first missing seq when $name was deleted, which the chain alone cannot see', ({ kept, verdict }) => {
    const shortened = verifyChain(entries.slice(0, kept));
    expect(shortened.ok).toBe(true);
    expect(verifyHead(shortened, head)).toEqual(verdict);
  });

  it('names the last entry when it was replaced by another entry with a valid hash', () => {
    const replaced = chainDrafts([draft(5, { actor: 'intruder@example.org' })], { seq: 4, hash: at(entries, 3).hash });
    const forged = [...entries.slice(0, 4), ...replaced];
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyHead(verifyChain(forged), head)).toEqual({ ok: false, seq: 5, reason: 'entry 5 does not match the recorded head of the log' });
  });
});
