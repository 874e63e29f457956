// Tests of the row hashes a store remembers for a workbook file: kept as text, given back only for the same file.
import { describe, expect, it } from 'vitest';
import { decodeRowHashes, encodeRowHashes, ROW_HASHES_SCHEME, type RowHashes } from '../../../functions/core/sync/row-hashes.js';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);
const hashes: RowHashes = new Map([
  ['Roster', [a, null, b]],
  ['Meetings', []],
]);

describe('row hashes', () => {
  it('come back as they were kept, nulls included, for the file they were kept for', () => {
    const text = encodeRowHashes('xlsx-sha256:one', hashes);
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(hashes);
  });

  it('are not given for another file', () => {
    expect(decodeRowHashes(encodeRowHashes('xlsx-sha256:one', hashes), 'xlsx-sha256:two')).toBeNull();
  });

  it('are not given when kept under another scheme (another cceg)', () => {
    const text = encodeRowHashes('xlsx-sha256:one', hashes).replace(ROW_HASHES_SCHEME, 'cceg-row-hashes/0');
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toBeNull();
  });

  it('leave out a tab whose line does not add up, and keep the others', () => {
    const text = encodeRowHashes('xlsx-sha256:one', hashes).replace(`Roster\t3\t`, 'Roster\t4\t');
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(new Map([['Meetings', []]]));
  });

  it('keep a hash that is not one as no hash', () => {
    const text = encodeRowHashes('xlsx-sha256:one', new Map([['Roster', ['short', a]]]));
    expect(decodeRowHashes(text, 'xlsx-sha256:one')).toEqual(new Map([['Roster', [null, a]]]));
  });
});
