// Tests of the deadlines list: every computed date, who it is for, whether it is done or overdue, and its order.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { deadlinesOf } from '../../../functions/core/derived/deadlines.js';
import type { GroupRows } from '../../../functions/core/model/group.js';
import {
  activity, contextOf, deliverable, endorsement, issue, meeting, org, paper, review,
} from '../../support/group-builder.js';

const TODAY = '2018-06-01';
const deadlines = (rows: Partial<GroupRows>, today = TODAY) => deadlinesOf(contextOf(rows).rows, today, DEFAULT_CONFIG);

describe('deadlinesOf', () => {
  it('gives each ICANN meeting an update report due 14 days before it starts, for the Co-Chairs', () => {
    expect(deadlines({ Meetings: [meeting({ id: 'ICANN62', startDate: '2018-06-25', endDate: '2018-06-28' })] })).toEqual([
      expect.objectContaining({ date: '2018-06-11', kind: 'update-report', forWhom: 'Co-Chairs', tab: 'Meetings', id: 'ICANN62', done: false, overdue: false }),
    ]);
  });

  it.each([
    { name: 'marks an update report done once delivered', deliveredOn: '2018-05-30', done: true, overdue: false },
    { name: 'marks an update report overdue when its date has passed undelivered', deliveredOn: null, done: false, overdue: true },
  ])('$name', ({ deliveredOn, done, overdue }) => {
    const rows = { Meetings: [meeting({ id: 'ICANN62', startDate: '2018-06-14' })], Deliverables: [deliverable({ forMeeting: 'ICANN62', deliveredOn })] };
    expect(deadlines(rows)).toEqual([expect.objectContaining({ kind: 'update-report', date: '2018-05-31', done, overdue })]);
  });

  it('gives no update report to a meeting not held face to face', () => {
    expect(deadlines({ Meetings: [meeting({ faceToFace: false, startDate: '2018-06-25' })] })).toEqual([]);
  });

  it('gives an AGM both an update report and an annual report due on its start date', () => {
    const agm = meeting({ id: 'ICANN63', type: 'ICANN AGM', startDate: '2018-10-20', endDate: '2018-10-25' });
    const found = deadlines({ Meetings: [agm], Deliverables: [deliverable({ type: 'Annual Report', forMeeting: 'ICANN63', deliveredOn: '2018-10-01' })] });
    expect(found.map(({ kind, date, done }) => ({ kind, date, done }))).toEqual([
      { kind: 'update-report', date: '2018-10-06', done: false },
      { kind: 'annual-report', date: '2018-10-20', done: true },
    ]);
  });

  it('gives an adopted paper release and circulation deadlines seven days after adoption', () => {
    const found = deadlines({ Papers: [paper({ id: 'PP-0001', adoptedOn: '2018-05-20', releasedOn: '2018-05-22' })] });
    expect(found).toEqual([
      expect.objectContaining({ kind: 'paper-circulation', date: '2018-05-27', tab: 'Papers', id: 'PP-0001', done: false, overdue: true }),
      expect.objectContaining({ kind: 'paper-release', date: '2018-05-27', done: true, overdue: false }),
    ]);
  });

  it('awaits the decision of each participating organization still pending, 30 days after circulation', () => {
    const rows = {
      Organizations: [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'SSAC', participating: false })],
      Papers: [paper({ id: 'PP-0001', circulatedOn: '2018-05-10' })],
      Endorsements: [endorsement({ paper: 'PP-0001', organization: 'GNSO', decision: 'Endorse' })],
    };
    expect(deadlines(rows)).toEqual([
      expect.objectContaining({ kind: 'endorsement-decision', date: '2018-06-09', forWhom: 'ALAC', tab: 'Papers', id: 'PP-0001', done: false }),
    ]);
  });

  it('awaits no decision once the paper has an outcome', () => {
    const rows = { Organizations: [org({ code: 'ALAC' })], Papers: [paper({ circulatedOn: '2018-05-10', outcome: 'Refrained' })] };
    expect(deadlines(rows)).toEqual([]);
  });

  it.each([
    { name: 'gives a review decision a notification deadline one calendar month later', notifiedOn: null, done: false },
    { name: 'marks the review notification done once notified', notifiedOn: '2018-06-15', done: true },
  ])('$name', ({ notifiedOn, done }) => {
    const rows = { Reviews: [review({ id: 'R-0002', reviewDate: '2018-05-31', organization: 'ccNSO', notifiedOn })] };
    expect(deadlines(rows)).toEqual([
      expect.objectContaining({ kind: 'review-notification', date: '2018-06-30', forWhom: 'ccNSO', tab: 'Reviews', id: 'R-0002', done }),
    ]);
  });

  it.each([
    { name: 'gives a work plan activity its due date for its owner', owner: 'Ana', status: 'Planned', forWhom: 'Ana', done: false },
    { name: 'gives an activity with no owner to the Co-Chairs', owner: null, status: 'In Progress', forWhom: 'Co-Chairs', done: false },
    { name: 'marks a done activity done', owner: null, status: 'Done', forWhom: 'Co-Chairs', done: true },
    { name: 'marks a cancelled activity done', owner: null, status: 'Cancelled', forWhom: 'Co-Chairs', done: true },
  ] as const)('$name', ({ owner, status, forWhom, done }) => {
    expect(deadlines({ WorkPlan: [activity({ id: 'W-0002', dueDate: '2018-07-01', owner, status })] })).toEqual([
      expect.objectContaining({ kind: 'workplan-due', date: '2018-07-01', forWhom, tab: 'WorkPlan', id: 'W-0002', done }),
    ]);
  });

  it.each([
    { name: 'gives a consultation its response due date', deliverables: [], done: false },
    { name: 'marks a consultation responded to as done', deliverables: [deliverable({ type: 'Ad Hoc Communication', related: 'I-0002' })], done: true },
  ])('$name', ({ deliverables, done }) => {
    const rows = { Issues: [issue({ id: 'I-0002', kind: 'Consultation', responseDue: '2018-06-20', owner: 'Bo' })], Deliverables: deliverables };
    expect(deadlines(rows)).toEqual([
      expect.objectContaining({ kind: 'consultation-response', date: '2018-06-20', forWhom: 'Bo', tab: 'Issues', id: 'I-0002', done }),
    ]);
  });

  it.each([
    { name: 'is not overdue on its own date', dueDate: TODAY, kept: true, overdue: false },
    { name: 'is overdue the day after', dueDate: '2018-05-31', kept: true, overdue: true },
    { name: 'is still listed exactly 365 days after its date', dueDate: '2017-06-01', kept: true, overdue: true },
    { name: 'is dropped 366 days after its date', dueDate: '2017-05-31', kept: false, overdue: true },
  ])('a deadline $name', ({ dueDate, kept, overdue }) => {
    const found = deadlines({ WorkPlan: [activity({ dueDate })] });
    expect(found).toEqual(kept ? [expect.objectContaining({ date: dueDate, overdue })] : []);
  });

  it('sorts by date, then by description', () => {
    const found = deadlines({
      WorkPlan: [
        activity({ id: 'W-3', activity: 'Zeta', dueDate: '2018-07-01' }),
        activity({ id: 'W-1', activity: 'Beta', dueDate: '2018-08-01' }),
        activity({ id: 'W-2', activity: 'Alpha', dueDate: '2018-07-01' }),
      ],
    });
    expect(found.map((deadline) => deadline.id)).toEqual(['W-2', 'W-3', 'W-1']);
  });

  it('gives every deadline a distinct key, even several organizations on one paper', () => {
    const rows = {
      Organizations: [org({ code: 'GNSO' }), org({ code: 'ALAC' })],
      Papers: [paper({ id: 'PP-0001', adoptedOn: '2018-05-01', circulatedOn: '2018-05-05' })],
      WorkPlan: [activity({ id: null, dueDate: '2018-07-01' }), activity({ id: null, dueDate: '2018-07-01' })],
    };
    const keys = deadlines(rows).map((deadline) => deadline.key);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
    expect(keys).toContain('endorsement-decision-PP-0001-ALAC');
  });
});
