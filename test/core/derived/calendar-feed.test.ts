// Tests of the calendar feed's scope and the rows rebuilt from stored records (whose feed a person gets: audienceOf, test/core/access).
import { describe, expect, it } from 'vitest';
import { deadlinesInScope, feedScope } from '../../../functions/core/derived/calendar-feed.js';
import { storedGroupOf } from '../../../functions/core/derived/calendar-rows.js';
import type { Deadline } from '../../../functions/core/derived/deadlines.js';
import type { StoredRecord } from '../../../functions/core/records/stored-record.js';

function record(tab: string, id: string, data: Record<string, unknown>, fields: Partial<StoredRecord> = {}): StoredRecord {
  return { tab, id, hash: '0'.repeat(64), data, tombstoned: false, committedAt: '2018-06-01T00:00:00Z', runId: 'r', ...fields };
}

describe('feedScope', () => {
  it.each([
    { audience: 'chairs', asked: null, scope: null },
    { audience: 'staff', asked: 'GAC', scope: 'GAC' },
    { audience: 'GAC', asked: null, scope: 'GAC' },
    { audience: 'GAC', asked: 'gac', scope: 'GAC' },
  ])('gives $audience asking for $asked the deadlines of $scope', ({ audience, asked, scope }) => {
    expect(feedScope(audience, asked)).toBe(scope);
  });

  it("refuses an organization another organization's deadlines", () => {
    expect(() => feedScope('GAC', 'GNSO')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('deadlinesInScope', () => {
  const deadline = (forWhom: string) => ({ forWhom }) as Deadline;

  it("keeps an organization's own deadlines, whatever the case of its Code", () => {
    expect(deadlinesInScope([deadline('GAC'), deadline('Co-Chairs'), deadline('gac')], 'GAC')).toHaveLength(2);
    expect(deadlinesInScope([deadline('GAC'), deadline('Co-Chairs')], null)).toHaveLength(2);
  });
});

describe('storedGroupOf', () => {
  it('rebuilds the live records as rows numbered in ID order, with their commit times', () => {
    const { rows, committedAt } = storedGroupOf([
      record('WorkPlan', 'W-0002', { id: 'W-0002', activity: 'B' }, { committedAt: '2018-06-02T00:00:00Z' }),
      record('WorkPlan', 'W-0001', { id: 'W-0001', activity: 'A' }),
      record('WorkPlan', 'W-0003', { id: 'W-0003', activity: 'C' }, { tombstoned: true }),
    ]);

    expect(rows.WorkPlan.map((row) => [row.id, row.sheetRow])).toEqual([['W-0001', 2], ['W-0002', 3]]);
    expect(rows.Papers).toEqual([]);
    expect(committedAt.get('WorkPlan/W-0002')).toBe('2018-06-02T00:00:00Z');
    expect(committedAt.has('WorkPlan/W-0003')).toBe(false);
  });
});
