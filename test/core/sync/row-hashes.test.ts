// Tests of the row hashes a store remembers for a workbook file: kept as text, given back only for the same file.
import { describe, expect, it } from 'vitest';
import { decodeRowHashes, encodeRowHashes, ROW_HASHES_SCHEME, type RememberedRows, type RowHashes } from '../../../functions/core/sync/row-hashes.js';

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
});
