// Field-level changes of audit entries: labelled by the sheet's headers, values as the sheet shows them.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../functions/core/audit/audit-entry.js';
import { describeEntry, fieldChanges, fieldLine, shownTime, shownValue } from '../../../functions/core/audit/field-changes.js';

const HASH = '0'.repeat(64);
const entry = (op: AuditEntry['op'], before: unknown, after: unknown, entity = 'Roster/P-0001'): AuditEntry => ({
  seq: 7, at: '2018-10-30T09:12:44.123Z', actor: 'gac-sec@example.org', source: 'sheet-edit', entity, op, before, after, prevHash: HASH, hash: HASH,
});

describe('shownValue shows a stored value as the sheet does', () => {
  it.each<[string, unknown, string]>([
    ['a date', '2018-10-30', '2018-10-30'],
    ['a date cell', { date: '2017-05-10' }, '2017-05-10'],
    ['an error cell', { error: '#REF!' }, '#REF!'],
    ['an uncomputed formula', { formula: 'A1+1' }, '=A1+1'],
    ['null', null, ''],
    ['a missing value', undefined, ''],
    ['true', true, 'Yes'],
    ['false', false, 'No'],
    ['a list', ['GNSO', 'ALAC'], 'GNSO, ALAC'],
    ['a number', 12, '12'],
  ])('%s', (_name, value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });
});

describe('fieldChanges', () => {
  it('lists the changed fields of an update by header, in column order', () => {
    const before = { id: 'P-0001', role: 'Participant', soiDate: '2017-05-10', email: 'a@example.org' };
    const after = { id: 'P-0001', role: 'Member', soiDate: '2018-10-30', email: 'a@example.org' };

    expect(fieldChanges(entry('update', before, after))).toEqual([
      { field: 'Role', before: 'Participant', after: 'Member' },
      { field: 'SOI Date', before: '2017-05-10', after: '2018-10-30' },
    ]);
  });

  it('lists every non-empty field of a created row, and none that is empty', () => {
    expect(fieldChanges(entry('create', null, { id: 'P-0001', name: 'Ana', region: null, expertise: '' }))).toEqual([
      { field: 'ID', before: '', after: 'P-0001' },
      { field: 'Name', before: '', after: 'Ana' },
    ]);
  });

  it('lists nothing for a tombstone, which describeEntry notes as a removed row', () => {
    const tombstone = entry('tombstone', { id: 'P-0001', name: 'Ana' }, null);
    expect(fieldChanges(tombstone)).toEqual([]);
    expect(describeEntry(tombstone)).toMatchObject({ op: 'tombstone', fields: [], note: 'row removed' });
  });

  it('tells what a refused change tried: the row as left, or each edited range when the row could not be read', () => {
    const row = describeEntry(entry('refused', { id: 'P-0001', role: 'Participant' }, { id: 'P-0001', role: 'Chair' }));
    const ranges = describeEntry(entry('refused', null, { 'Roster!D5': 'Chair' }, 'Roster/row 5'));

    expect(row).toMatchObject({ fields: [{ field: 'Role', before: 'Participant', after: 'Chair' }], note: expect.stringContaining('refused') });
    expect(ranges.fields).toEqual([{ field: 'Roster!D5', before: '', after: 'Chair' }]);
  });

  it('names an unknown field by its key, and takes a date cell and a date string as the same value', () => {
    expect(fieldChanges(entry('update', { soiDate: { date: '2018-01-01' }, extra: 1 }, { soiDate: '2018-01-01', extra: 2 }))).toEqual([
      { field: 'extra', before: '1', after: '2' },
    ]);
  });
});

describe('lines for people', () => {
  it('shows a change with an arrow, an empty side as (empty), a created field as its value', () => {
    expect(fieldLine({ field: 'SOI Date', before: '2017-05-10', after: '2018-10-30' })).toBe('SOI Date: 2017-05-10 → 2018-10-30');
    expect(fieldLine({ field: 'End Date', before: '', after: '2018-12-31' })).toBe('End Date: (empty) → 2018-12-31');
    expect(fieldLine({ field: 'Role', before: '', after: 'Member' }, 'create')).toBe('Role: Member');
  });

  it('shows a time to the minute in UTC', () => {
    expect(shownTime('2018-10-30T09:12:44.123Z')).toBe('2018-10-30 09:12 UTC');
    expect(shownTime('not a time')).toBe('not a time');
  });
});
