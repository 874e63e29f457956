// Tests of the work plan rules (§2, §3 Work Plan): table-driven, each with a firing case, a quiet case and the boundary.
import { describe, expect, it } from 'vitest';
import {
  workPlanRules, workplanMissionConsistencyMissing, workplanNoCurrentPlan, workplanOverdue, workplanPaperScheduleMissing,
  workplanRepresentationWithoutMandate,
} from '../../../functions/core/rules/workplan.js';
import { activity, contextOf, org, paper } from '../../support/group-builder.js';

describe('workplan.no-current-plan', () => {
  it.each([
    { name: 'fires when the only activities are of last year', years: [2017], today: '2018-06-01', fires: true },
    { name: 'fires when the work plan is empty', years: [], today: '2018-06-01', fires: true },
    { name: 'is quiet when an activity has this year', years: [2017, 2018], today: '2018-06-01', fires: false },
    { name: 'uses the year of today on the first day of the year', years: [2018], today: '2019-01-01', fires: true },
    { name: 'uses the year of today on the last day of the year', years: [2018], today: '2018-12-31', fires: false },
  ])('$name', ({ years, today, fires }) => {
    const hits = workplanNoCurrentPlan.check(contextOf({ WorkPlan: years.map((year) => activity({ year })) }, today));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'WorkPlan', row: null, id: null, column: null })] : []);
  });
});

describe('workplan.mission-consistency-missing', () => {
  it.each([
    { name: 'fires for a planned activity with no mission consistency', status: 'Planned', missionConsistency: null, fires: true },
    { name: 'fires for a finished activity with no mission consistency', status: 'Done', missionConsistency: null, fires: true },
    { name: 'ignores a cancelled activity', status: 'Cancelled', missionConsistency: null, fires: false },
    { name: 'is quiet when the consistency is stated', status: 'Planned', missionConsistency: 'Within the mission.', fires: false },
  ] as const)('$name', ({ status, missionConsistency, fires }) => {
    const row = activity({ id: 'W-0007', status, missionConsistency });
    const hits = workplanMissionConsistencyMissing.check(contextOf({ WorkPlan: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'WorkPlan', row: row.sheetRow, id: 'W-0007', column: 'Mission Consistency' })] : []);
  });
});

describe('workplan.overdue', () => {
  it.each([
    { name: 'fires for a planned activity due yesterday', status: 'Planned', dueDate: '2018-05-31', fires: true },
    { name: 'fires for an activity in progress due last month', status: 'In Progress', dueDate: '2018-05-01', fires: true },
    { name: 'is quiet on the due date itself', status: 'Planned', dueDate: '2018-06-01', fires: false },
    { name: 'is quiet for a done activity past its due date', status: 'Done', dueDate: '2018-05-01', fires: false },
    { name: 'is quiet for a cancelled activity past its due date', status: 'Cancelled', dueDate: '2018-05-01', fires: false },
    { name: 'is quiet without a due date', status: 'Planned', dueDate: null, fires: false },
  ] as const)('$name', ({ status, dueDate, fires }) => {
    const row = activity({ id: 'W-0003', status, dueDate });
    const hits = workplanOverdue.check(contextOf({ WorkPlan: [row] }, '2018-06-01'));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'WorkPlan', row: row.sheetRow, id: 'W-0003', column: 'Due Date' })] : []);
    if (fires) expect(hits[0]?.message).toContain(dueDate);
  });
});

describe('workplan.paper-schedule-missing', () => {
  const scheduled = { type: 'Position Paper', relatedPaper: 'PP-0001', startDate: '2018-01-10', dueDate: '2018-04-30' } as const;
  it.each([
    { name: 'fires for a paper with no work plan activity', activities: [], outcome: 'Pending', fires: true },
    { name: 'fires when the activity has no start date', activities: [{ ...scheduled, startDate: null }], outcome: 'Pending', fires: true },
    { name: 'fires when the activity has no due date', activities: [{ ...scheduled, dueDate: null }], outcome: 'Published', fires: true },
    { name: 'fires when the scheduled activity is not a Position Paper', activities: [{ ...scheduled, type: 'Workshop' }], outcome: 'Pending', fires: true },
    { name: 'fires when the activity schedules another paper', activities: [{ ...scheduled, relatedPaper: 'PP-0002' }], outcome: 'Pending', fires: true },
    { name: 'is quiet when a Position Paper activity schedules it', activities: [scheduled], outcome: 'Pending', fires: false },
    { name: 'ignores a paper the CCEG refrained from', activities: [], outcome: 'Refrained', fires: false },
  ] as const)('$name', ({ activities, outcome, fires }) => {
    const row = paper({ id: 'PP-0001', outcome });
    const hits = workplanPaperScheduleMissing.check(contextOf({ Papers: [row], WorkPlan: activities.map((fields) => activity(fields)) }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Papers', row: row.sheetRow, id: 'PP-0001', column: null })] : []);
  });
});

describe('workplan.representation-without-mandate', () => {
  const organizations = () => [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'SSAC', participating: false })];
  it.each([
    { name: 'fires when one participating organization did not ask', mandateFrom: ['GNSO'], fires: true },
    { name: 'fires with no mandate at all', mandateFrom: [], fires: true },
    { name: 'is quiet when every participating organization asked', mandateFrom: ['ALAC', 'GNSO'], fires: false },
    { name: 'does not need a non-participating organization', mandateFrom: ['GNSO', 'ALAC'], fires: false },
  ])('$name', ({ mandateFrom, fires }) => {
    const row = activity({ id: 'W-0009', type: 'Representation', mandateFrom });
    const hits = workplanRepresentationWithoutMandate.check(contextOf({ Organizations: organizations(), WorkPlan: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'WorkPlan', row: row.sheetRow, id: 'W-0009', column: 'Mandate From' })] : []);
    if (fires) expect(hits[0]?.message).toContain('ALAC');
  });

  it('ignores activities that are not representation', () => {
    const row = activity({ type: 'Workshop', mandateFrom: [] });
    expect(workplanRepresentationWithoutMandate.check(contextOf({ Organizations: organizations(), WorkPlan: [row] }))).toEqual([]);
  });
});

describe('workPlanRules', () => {
  it('lists the rules in catalogue order', () => {
    expect(workPlanRules.map((rule) => rule.id)).toEqual([
      'workplan.no-current-plan', 'workplan.mission-consistency-missing', 'workplan.overdue', 'workplan.paper-schedule-missing',
      'workplan.representation-without-mandate',
    ]);
  });
});
