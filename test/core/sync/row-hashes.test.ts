// Tests of the row hashes a store remembers for a workbook file: kept as text, given back only for the same file.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { decodeRowHashes, encodeRowHashes, remembersSettled, ROW_HASHES_SCHEME, settledHeadLength, writeBackKey, type RememberedRows, type RowHashes } from '../../../functions/core/sync/row-hashes.js';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const hashes: RowHashes = new Map([
  ['Roster', [a, null, b]],
  ['Meetings', []],
]);
const settled = { head: { seq: 7, hash: b }, heldBack: [{ tab: 'Roster' as const, sheetRow: 3, id: null, hasCommittedVersion: false }], lastCommittedAt: '2018-06-01T09:00:00.000Z' };
const remembered: RememberedRows = { hashes, settled };
const only = (rows: RowHashes): RememberedRows => ({ hashes: rows, settled: null });

describe('row hashes', () => {
  it('come back as they were kept, nulls and what the settled sync found included, for the file they were kept for', () => {
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', remembered), 'xlsx-sha256:one')).toEqual(remembered);
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', only(hashes)), 'xlsx-sha256:one')).toEqual(only(hashes));
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', { hashes, settled: { ...settled, head: null, lastCommittedAt: null } }), 'xlsx-sha256:one')?.settled).toEqual({ ...settled, head: null, lastCommittedAt: null });
  });

  it('keep no settled sync that does not read as one, and the hashes all the same', () => {
    const text = encodeRowHashes('xlsx-sha256:one', remembered).replace('"sheetRow":3', '"sheetRow":"3"');
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(only(hashes));
  });

  it('are not given for another file', () => {
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', only(hashes)), 'xlsx-sha256:two')).toBeNull();
  });

  it('are not given when kept under another scheme (another cceg)', () => {
    const text = encodeRowHashes('xlsx-sha256:one', only(hashes)).replace(ROW_HASHES_SCHEME, 'cceg-row-hashes/1');
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toBeNull();
  });

  it('leave out a tab whose line does not add up, and keep the others', () => {
    const text = encodeRowHashes('xlsx-sha256:one', only(hashes)).replace(`Roster\t3\t`, 'Roster\t4\t');
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(only(new Map([['Meetings', []]])));
  });

  it('keep a hash that is not one as no hash', () => {
    const text = encodeRowHashes('xlsx-sha256:one', only(new Map([['Roster', ['short', a]]])));
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(only(new Map([['Roster', [null, a]]])));
  });

  it("keep what the settled sync's write-back was planned from, and a settled sync kept without it (an older cceg) reads as one", () => {
    const planned = { ...remembered, settled: { ...settled, writeBackKey: b } };
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', planned), 'xlsx-sha256:one')).toEqual(planned);
    const olderText = encodeRowHashes('xlsx-sha256:one', remembered);
    expect(decodeRowHashes(olderText, 'xlsx-sha256:one')?.settled).toEqual(settled);
    expect(decodeRowHashes(olderText, 'xlsx-sha256:one')?.settled).not.toHaveProperty('writeBackKey');
  });
});

describe('what the head of a kept text tells before the file is read', () => {
  const head = (text: string, fingerprint: string) => text.slice(0, settledHeadLength(fingerprint));

  it('is that the file is remembered as settled, for its fingerprint only', () => {
    const text = encodeRowHashes('xlsx-sha256:one', remembered);
    expect(remembersSettled(head(text, 'xlsx-sha256:one'), 'xlsx-sha256:one')).toBe(true);
    expect(remembersSettled(head(text, 'xlsx-sha256:two'), 'xlsx-sha256:two')).toBe(false);
  });

  it('is not that it is settled when only its hashes are kept, or under another scheme', () => {
    expect(remembersSettled(head(encodeRowHashes('xlsx-sha256:one', only(hashes)), 'xlsx-sha256:one'), 'xlsx-sha256:one')).toBe(false);
    const other = encodeRowHashes('xlsx-sha256:one', remembered).replace(ROW_HASHES_SCHEME, 'cceg-row-hashes/1');
    expect(remembersSettled(head(other, 'xlsx-sha256:one'), 'xlsx-sha256:one')).toBe(false);
  });
});

describe('the write-back key', () => {
  const inputs = { today: '2018-06-01', config: DEFAULT_CONFIG, documents: [{ kind: 'notice', key: 'PP-0001', title: 'Notice', location: 'out/notice.html', draftedAt: '2018-05-30T09:00:00.000Z' }], codeVersion: '1.2.0' };

  it('is the same for the same day, configuration, documents and cceg', () => {
    expect(writeBackKey(inputs)).toBe(writeBackKey(structuredClone(inputs)));
    expect(writeBackKey(inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the day, the configuration, the documents or the cceg', () => {
    const key = writeBackKey(inputs);
    for (const other of [
      { ...inputs, today: '2018-06-02' },
      { ...inputs, config: { ...DEFAULT_CONFIG, members: { ...DEFAULT_CONFIG.members, max: DEFAULT_CONFIG.members.max + 1 } } },
      { ...inputs, documents: [] },
      { ...inputs, codeVersion: '1.2.1' },
    ]) expect(writeBackKey(other)).not.toBe(key);
  });

  it('leaves out the functions section of the configuration (endpoints and tokens), which nothing written depends on', () => {
    const tokens = { ...DEFAULT_CONFIG, functions: { ...DEFAULT_CONFIG.functions, calendarTokens: { staff: 'f'.repeat(48) } } };
    expect(writeBackKey({ ...inputs, config: tokens })).toBe(writeBackKey(inputs));
  });
});
