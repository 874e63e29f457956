// Tests of the IG events ahead: a Meetings row and an Issues row about the same event are listed once.
import { describe, expect, it } from 'vitest';
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import { isSameEvent, similarNames, upcomingEvents } from '../../../functions/core/documents/ig-events.js';
import { emptyGroupRows } from '../../../functions/core/model/group.js';
import { issue, meeting } from '../../support/group-builder.js';
import { groupRowsOf } from '../../support/raw-workbook.js';

const igf = meeting({ id: 'IGF2018', name: 'Internet Governance Forum 2018', type: 'IG Event', startDate: '2018-11-12', endDate: '2018-11-14', location: 'Paris' });

describe('similarNames', () => {
  it.each([
    ['EuroDIG 2018', 'EuroDIG 2018', true],
    ['Internet Governance Forum 2018', 'Internet Governance Forum 2018, Paris', true],
    ['IGF 2018', 'Internet Governance Forum 2018', true],
    ['WSIS Forum 2018', 'WSIS Forum 2018', true],
    ['EuroDIG 2018', 'WSIS Forum 2018', false],
    ['Forum 2018', 'Forum 2019', true],
    ['2018', '2018', false],
  ])('says %s and %s are the same event: %s', (first, second, same) => {
    expect(similarNames(first, second)).toBe(same);
  });
});

describe('isSameEvent', () => {
  it('matches an Event or Forum dated on one of the meeting\'s days with a similar title', () => {
    expect(isSameEvent(igf, issue({ kind: 'Forum', title: 'Internet Governance Forum 2018, Paris', date: '2018-11-12' }))).toBe(true);
    expect(isSameEvent(igf, issue({ kind: 'Event', title: 'IGF 2018', date: '2018-11-14' }))).toBe(true);
  });

  it('does not match another day, another name, an Issue or a Consultation, or a meeting that is not an IG Event', () => {
    expect(isSameEvent(igf, issue({ kind: 'Forum', title: 'Internet Governance Forum 2018', date: '2018-11-15' }))).toBe(false);
    expect(isSameEvent(igf, issue({ kind: 'Event', title: 'EuroDIG 2018', date: '2018-11-12' }))).toBe(false);
    expect(isSameEvent(igf, issue({ kind: 'Issue', title: 'Internet Governance Forum 2018', date: '2018-11-12' }))).toBe(false);
    expect(isSameEvent({ ...igf, type: 'CCEG Call' }, issue({ kind: 'Forum', title: 'Internet Governance Forum 2018', date: '2018-11-12' }))).toBe(false);
  });
});

describe('upcomingEvents', () => {
  it('lists each event of the sample once on 2018-10-06, in date order, the meeting taking the issue\'s assessment', () => {
    const events = upcomingEvents(groupRowsOf(sampleWorkbookRows()), '2018-10-06');
    expect(events.map((event) => [event.date, event.meetingId, event.issueId, event.assessment])).toEqual([
      ['2018-10-29', 'PP18', null, null],
      ['2018-11-12', 'IGF2018', 'I-0009', 'Opportunity'],
    ]);
  });

  it('merges every issue about a meeting\'s event, and lists issues about the same event with no meeting once', () => {
    const rows = { ...emptyGroupRows(), Meetings: [igf], Issues: [
      issue({ id: 'I-1', kind: 'Forum', title: 'IGF 2018', date: '2018-11-12', assessment: 'Opportunity' }),
      issue({ id: 'I-2', kind: 'Forum', title: 'Internet Governance Forum 2018', date: '2018-11-13' }),
      issue({ id: 'I-3', kind: 'Event', title: 'Regional IG school', date: '2018-12-01' }),
      issue({ id: 'I-4', kind: 'Event', title: 'Regional IG school', date: '2018-12-01' }),
      issue({ id: 'I-5', kind: 'Event', title: 'Regional IG school', date: '2018-12-02' }),
    ] };
    expect(upcomingEvents(rows, '2018-11-01').map((event) => event.issueId)).toEqual(['I-1', 'I-3', 'I-5']);
  });

  it('keeps an event on until its last day and drops it after', () => {
    const rows = { ...emptyGroupRows(), Meetings: [igf] };
    expect(upcomingEvents(rows, '2018-11-14')).toHaveLength(1);
    expect(upcomingEvents(rows, '2018-11-15')).toHaveLength(0);
  });
});
