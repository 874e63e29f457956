// Tests of StoredTabs: the stored records by tab and ID in columns, each made an object only when asked for.
import { describe, expect, it } from 'vitest';
import type { RecordDigest, StoredRecord } from '../../../functions/core/records/stored-record.js';
import { StoredTab, StoredTabs } from '../../../functions/core/records/stored-tabs.js';

const hash = (n: number) => String(n).padStart(64, '0');
const digest = (tab: string, id: string, n: number, tombstoned = false): RecordDigest => ({ tab, id, hash: hash(n), tombstoned, committedAt: `2018-06-0${n}T09:00:00.000Z` });
const keyed = (records: (RecordDigest | StoredRecord)[]) => new Map(records.map((record) => [`${record.tab}/${record.id}`, record]));

describe('StoredTabs', () => {
  const digests = keyed([digest('Roster', 'P-0001', 1), digest('Issues', 'I-0001', 2), digest('Roster', 'P-0002', 3, true), digest('Roster', 'P-0003', 4)]);

  it('groups records by tab in the order the store lists them, each tab keeping its own order', () => {
    const stored = StoredTabs.of(digests);

    expect([...stored].map((tab) => tab.name)).toEqual(['Roster', 'Issues']);
    const roster = stored.tab('Roster')!;
    expect([0, 1, 2].map((position) => roster.idAt(position))).toEqual(['P-0001', 'P-0002', 'P-0003']);
    expect(stored.tab('Meetings')).toBeUndefined();
  });

  it('finds a record by its ID exactly as stored, with its hash and tombstone, and counts the live ones', () => {
    const roster = StoredTabs.of(digests).tab('Roster')!;

    expect(roster.positionOf('P-0002')).toBe(1);
    expect(roster.positionOf('p-0002')).toBeUndefined();
    expect(roster.hashAt(1)).toBe(hash(3));
    expect(roster.isTombstoned(1)).toBe(true);
    expect(roster.isTombstoned(2)).toBe(false);
    expect(roster.live).toBe(2);
    expect(roster.size).toBe(3);
  });


  it('walks rows in the store\'s order, out of it and with IDs it does not have, finding each as positionOf does', () => {
    const roster = StoredTabs.of(digests).tab('Roster')!;
    const positionOf = roster.walk();

    expect(['P-0001', 'P-0002', 'P-0003', 'P-0001', 'P-0009', 'p-0002', 'P-0002', 'P-0003'].map(positionOf)).toEqual([0, 1, 2, 0, undefined, undefined, 1, 2]);
  });

  it('makes a record known by its digest alone with empty data, once, and keeps a record given in full as it is', () => {
    const full: StoredRecord = { ...digest('Roster', 'P-0001', 1), data: { name: 'Ana Costa' }, runId: 'run-1' };
    const stored = StoredTabs.of(keyed([full, digest('Roster', 'P-0003', 4)]));
    const roster = stored.tab('Roster')!;

    expect(roster.recordAt(0)).toBe(full);
    expect(roster.recordAt(1)).toEqual({ ...digest('Roster', 'P-0003', 4), data: {}, runId: '' });
    expect(roster.recordAt(1)).toBe(roster.recordAt(1));
  });

  it('puts a record read in full in place of its digest, and leaves out one the store does not list', () => {
    const stored = StoredTabs.of(digests);
    const read: StoredRecord = { ...digest('Roster', 'P-0003', 4), data: { name: 'Carol Ng' }, runId: 'run-1' };

    stored.putRead([read, { ...read, id: 'P-0009' }, { ...read, tab: 'Meetings' }]);

    expect(stored.get('Roster/P-0003')).toBe(read);
    expect(stored.get('Roster/P-0009')).toBeUndefined();
    expect(stored.get('Meetings/P-0003')).toBeUndefined();
  });

  it('reads as a map keyed Tab/ID, tab by tab, that makes only the record asked for', () => {
    const map = StoredTabs.of(digests).asMap();

    expect(map.size).toBe(4);
    expect(map.has('Issues/I-0001')).toBe(true);
    expect(map.has('Issues/I-0002')).toBe(false);
    expect(map.get('Roster/P-0003')?.hash).toBe(hash(4));
    expect([...map.keys()]).toEqual(['Roster/P-0001', 'Roster/P-0002', 'Roster/P-0003', 'Issues/I-0001']);
    expect([...map.values()].map((record) => record.id)).toEqual(['P-0001', 'P-0002', 'P-0003', 'I-0001']);
    const seen: string[] = [];
    map.forEach((record, key) => seen.push(`${key}=${record.id}`));
    expect(seen).toHaveLength(4);
  });

  it('knows when a record was last committed, tombstones included, per tab and in all, without making one', () => {
    const stored = StoredTabs.of(digests);

    expect(stored.lastCommittedAt()).toBe('2018-06-04T09:00:00.000Z');
    expect(stored.tab('Issues')!.lastCommittedAt()).toBe('2018-06-02T09:00:00.000Z');
    expect(StoredTabs.of(keyed([digest('Roster', 'P-0001', 1), digest('Roster', 'P-0002', 3, true)])).lastCommittedAt()).toBe('2018-06-03T09:00:00.000Z');
    expect(StoredTabs.of(new Map()).lastCommittedAt()).toBeNull();
  });

  it('is built once: StoredTabs given to it are returned as they are', () => {
    const stored = new StoredTabs([new StoredTab({ tab: 'Roster', ids: ['P-0001'], hashes: [hash(1)], tombstoned: Uint8Array.of(0), committedAt: () => 'then' })]);

    expect(StoredTabs.of(stored)).toBe(stored);
    expect(stored.get('Roster/P-0001')).toMatchObject({ id: 'P-0001', committedAt: 'then', tombstoned: false });
  });
});
