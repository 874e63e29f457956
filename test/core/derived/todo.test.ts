// Tests of the to-do list: what is overdue however old, the next 14 days, who acts, drafts not yet sent, and filtering by who.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { actorNamed, todoFor, todoOf, type DraftedDocument, type TodoGroup } from '../../../functions/core/derived/todo.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { activity, deliverable, meeting, org, paper, person } from '../../support/group-builder.js';

const TODAY = '2018-11-01';

function rowsOf(rows: Partial<GroupRows>): GroupRows {
  return { ...emptyGroupRows(), ...rows };
}

function itemsOf(groups: readonly TodoGroup[], section: string): { who: string; date: string | null; source: string }[] {
  return groups.find((group) => group.section === section)!.items.map(({ who, date, source }) => ({ who, date, source }));
}

const due = (id: string, dueDate: string, owner: string | null = null, status: 'Planned' | 'Done' = 'Planned') =>
  activity({ id, dueDate, owner, status, activity: `Activity ${id}` });

describe('todoOf', () => {
  it('lists every deadline past and not met as overdue, oldest first, however far back it lies', () => {
    const rows = rowsOf({ WorkPlan: [due('W-0002', '2018-10-30'), due('W-0001', '2015-01-10'), due('W-0003', '2018-10-01', null, 'Done')] });

    expect(itemsOf(todoOf(rows, TODAY, DEFAULT_CONFIG, []), 'Overdue')).toEqual([
      { who: 'Co-Chairs', date: '2015-01-10', source: 'WorkPlan/W-0001' },
      { who: 'Co-Chairs', date: '2018-10-30', source: 'WorkPlan/W-0002' },
    ]);
  });

  it('lists the open deadlines from today through the fourteenth day after it, and nothing later', () => {
    const rows = rowsOf({ WorkPlan: [due('W-0001', TODAY), due('W-0002', '2018-11-15'), due('W-0003', '2018-11-16'), due('W-0004', '2018-11-10', null, 'Done')] });

    expect(itemsOf(todoOf(rows, TODAY, DEFAULT_CONFIG, []), 'Next 14 days').map((item) => item.source)).toEqual(['WorkPlan/W-0001', 'WorkPlan/W-0002']);
  });

  it('names who acts: an organization code as itself, a Roster person by role or organization, staff by name, anyone else as the Co-Chairs', () => {
    const rows = rowsOf({
      Organizations: [org({ code: 'GAC' })],
      Roster: [person({ id: 'P-1', name: 'Sam Staff', role: 'Staff', organization: null }), person({ id: 'P-2', name: 'Gia Member', organization: 'GAC' }),
        person({ id: 'P-3', name: 'Cleo Chair', role: 'Co-Chair', organization: null })],
      WorkPlan: [due('W-0001', '2018-11-02', 'gac'), due('W-0002', '2018-11-03', 'Sam Staff'), due('W-0003', '2018-11-04', 'Gia Member'),
        due('W-0004', '2018-11-05', 'Cleo Chair'), due('W-0005', '2018-11-06', 'ICANN staff'), due('W-0006', '2018-11-07', 'Somebody Else')],
    });

    expect(itemsOf(todoOf(rows, TODAY, DEFAULT_CONFIG, []), 'Next 14 days').map((item) => item.who)).toEqual(['GAC', 'staff', 'GAC', 'Co-Chairs', 'staff', 'Co-Chairs']);
  });

  it('finds a Roster person by name or e-mail in any case and with spaces around, İ included (lower-cased, it is two characters)', () => {
    const rows = rowsOf({
      Organizations: [org({ code: 'GAC' }), org({ code: 'ALAC' })],
      Roster: [person({ id: 'P-1', name: '  İlkay Demir ', organization: 'GAC', email: 'ilkay@example.org' }), person({ id: 'P-2', name: 'Ana Ruiz', organization: 'ALAC', email: 'Ana.Ruiz@Example.org' })],
      WorkPlan: [due('W-0001', '2018-11-02', 'i̇lkay demir'), due('W-0002', '2018-11-03', 'ana.ruiz@example.org '), due('W-0003', '2018-11-04', 'ILKAY@EXAMPLE.ORG')],
    });

    expect(itemsOf(todoOf(rows, TODAY, DEFAULT_CONFIG, []), 'Next 14 days').map((item) => item.who)).toEqual(['GAC', 'ALAC', 'GAC']);
  });

  it('lists a drafted document until the workbook records it sent', () => {
    const draft = (kind: string, key: string): DraftedDocument => ({ kind, key, title: `${kind} ${key}`, location: `/drafts/${kind}-${key}.html`, draftedAt: '2018-10-20T06:00:00.000Z' });
    const rows = rowsOf({
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-25' })],
      Papers: [paper({ id: 'PP-0001', adoptedOn: '2018-10-01' }), paper({ id: 'PP-0002', adoptedOn: '2018-10-01', circulatedOn: '2018-10-05' })],
    });
    const drafts = [draft('update-report', 'ICANN63'), draft('notice', 'PP-0001'), draft('notice', 'PP-0002'), { ...draft('notice', 'PP-0003'), location: '' }];

    const ready = todoOf(rows, TODAY, DEFAULT_CONFIG, drafts).find((group) => group.section === 'Drafts ready')!.items;

    expect(ready.map((item) => [item.source, item.link])).toEqual([['Meetings/ICANN63', '/drafts/update-report-ICANN63.html'], ['Papers/PP-0001', '/drafts/notice-PP-0001.html']]);
    expect(ready[0]!.action).toContain('record its delivery in Deliverables when sent');
  });

  it('does not count as sent a delivery the workbook dates after today', () => {
    const rows = rowsOf({
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-25' })],
      Deliverables: [deliverable({ id: 'D-0001', type: 'IG Update Report', forMeeting: 'ICANN63', deliveredOn: '2018-11-05' })],
    });
    const draft: DraftedDocument = { kind: 'update-report', key: 'ICANN63', title: 'IG Update Report', location: 'drive:doc-1', draftedAt: '2018-10-01T06:00:00.000Z' };

    const ready = (today: string) => todoOf(rows, today, DEFAULT_CONFIG, [draft]).find((group) => group.section === 'Drafts ready')!.items.length;

    expect([ready(TODAY), ready('2018-11-05')]).toEqual([1, 0]);
  });
});

describe('todoFor and actorNamed', () => {
  const rows = rowsOf({ Organizations: [org({ code: 'GAC' }), org({ code: 'GNSO' })], WorkPlan: [due('W-0001', '2018-10-01', 'GAC'), due('W-0002', '2018-10-02', 'GNSO')] });

  it('keep every section and only the items of the one asked for', () => {
    const mine = todoFor(todoOf(rows, TODAY, DEFAULT_CONFIG, []), actorNamed(rows, 'gac')!);

    expect(mine.map((group) => group.section)).toEqual(['Overdue', 'Next 14 days', 'Drafts ready']);
    expect(itemsOf(mine, 'Overdue')).toEqual([{ who: 'GAC', date: '2018-10-01', source: 'WorkPlan/W-0001' }]);
  });

  it('know the chairs, staff and the organization codes in any case, and nobody else', () => {
    expect([actorNamed(rows, 'chairs'), actorNamed(rows, 'Co-Chairs'), actorNamed(rows, 'STAFF'), actorNamed(rows, 'gnso'), actorNamed(rows, 'ALAC')])
      .toEqual(['Co-Chairs', 'Co-Chairs', 'staff', 'GNSO', null]);
  });
});
