// Tests of the report rules (§2 item 5, §3): table-driven, each with a firing case, a quiet case and the boundary day.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import {
  reportAnnualMissing, reportRules, reportUpdateDueSoon, reportUpdateLate, reportUpdateLength, reportUpdateMissing, updateDueDate,
} from '../../../functions/core/rules/reports.js';
import { contextOf, deliverable, meeting } from '../../support/group-builder.js';

const TODAY = '2018-06-01';
const update = (fields: Parameters<typeof deliverable>[0] = {}) => deliverable({ type: 'IG Update Report', forMeeting: 'ICANN62', ...fields });

describe('updateDueDate', () => {
  it('is the start date minus the lead days', () => {
    expect(updateDueDate({ startDate: '2018-06-25' }, DEFAULT_CONFIG)).toBe('2018-06-11');
    expect(updateDueDate({ startDate: '2018-06-25' }, { ...DEFAULT_CONFIG, reports: { ...DEFAULT_CONFIG.reports, leadDays: 0 } })).toBe('2018-06-25');
  });
});

describe('report.update-missing', () => {
  it.each([
    { name: 'fires the day after the due date with nothing delivered', start: '2018-06-14', deliverables: [], fires: true },
    { name: 'is quiet on the due date itself', start: '2018-06-15', deliverables: [], fires: false },
    { name: 'is quiet once the update is delivered', start: '2018-06-14', deliverables: [update({ deliveredOn: '2018-05-30' })], fires: false },
    { name: 'fires when the update has no Delivered On', start: '2018-06-14', deliverables: [update()], fires: true },
    { name: 'fires when the delivered update is for another meeting', start: '2018-06-14', deliverables: [update({ forMeeting: 'ICANN61', deliveredOn: '2018-05-30' })], fires: true },
    { name: 'does not count an annual report', start: '2018-06-14', deliverables: [update({ type: 'Annual Report', deliveredOn: '2018-05-30' })], fires: true },
    { name: 'still checks a meeting that started exactly 365 days ago', start: '2017-06-01', deliverables: [], fires: true },
    { name: 'no longer checks a meeting that started 366 days ago', start: '2017-05-31', deliverables: [], fires: false },
  ])('$name', ({ start, deliverables, fires }) => {
    const row = meeting({ id: 'ICANN62', startDate: start, endDate: start });
    const hits = reportUpdateMissing.check(contextOf({ Meetings: [row], Deliverables: deliverables }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: row.sheetRow, id: 'ICANN62', column: null })] : []);
  });

  it('ignores a meeting not held face to face', () => {
    const row = meeting({ id: 'ICANN62', startDate: '2018-06-14', faceToFace: false });
    expect(reportUpdateMissing.check(contextOf({ Meetings: [row] }, TODAY))).toEqual([]);
  });

  it('names the meeting and the due date', () => {
    const [hit] = reportUpdateMissing.check(contextOf({ Meetings: [meeting({ name: 'ICANN62', startDate: '2018-06-14', endDate: '2018-06-14' })] }, TODAY));
    expect(hit?.message).toContain('ICANN62');
    expect(hit?.message).toContain('2018-05-31');
  });

  it('says the 14 days are the charter\'s two weeks and ends with the Deliverables row to add', () => {
    const [hit] = reportUpdateMissing.check(contextOf({ Meetings: [meeting({ id: 'ICANN62', name: 'ICANN62 Policy Forum', startDate: '2018-06-14', endDate: '2018-06-14' })] }, TODAY));
    expect(hit?.message).toBe('No IG Update Report has been delivered for ICANN62 Policy Forum; it was due on 2018-05-31, 14 days before the meeting starts on 2018-06-14 ' +
      '(the charter\'s number, §3: two weeks before each F2F ICANN meeting). To record it, add a Deliverables row: Type IG Update Report, For Meeting ICANN62, Delivered On.');
  });

  it('says a lead time the group changed is its setting, and what the charter\'s number is', () => {
    const config = { ...DEFAULT_CONFIG, reports: { ...DEFAULT_CONFIG.reports, leadDays: 21 } };
    const [hit] = reportUpdateMissing.check(contextOf({ Meetings: [meeting({ startDate: '2018-06-14', endDate: '2018-06-14' })] }, TODAY, config));
    expect(hit?.message).toContain('21 days before the meeting starts on 2018-06-14 (the group\'s setting reports.leadDays; the charter\'s number is 14, §3');
  });
});

describe('report.update-late', () => {
  const icann62 = () => meeting({ id: 'ICANN62', startDate: '2018-06-25', endDate: '2018-06-28' });
  it.each([
    { name: 'fires for an update delivered the day after the due date', fields: { deliveredOn: '2018-06-12' }, fires: true },
    { name: 'is quiet for an update delivered on the due date', fields: { deliveredOn: '2018-06-11' }, fires: false },
    { name: 'is quiet for an update not delivered yet', fields: { deliveredOn: null }, fires: false },
    { name: 'is quiet for an update for no meeting', fields: { forMeeting: null, deliveredOn: '2018-06-20' }, fires: false },
    { name: 'ignores other deliverable types', fields: { type: 'Annual Report', deliveredOn: '2018-06-20' }, fires: false },
  ] as const)('$name', ({ fields, fires }) => {
    const row = update({ id: 'D-0005', ...fields });
    const hits = reportUpdateLate.check(contextOf({ Meetings: [icann62()], Deliverables: [row] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Deliverables', row: row.sheetRow, id: 'D-0005', column: 'Delivered On' })] : []);
  });

  it.each([
    { name: 'ignores an update for a meeting that is not an ICANN meeting', fields: { type: 'CCEG Call' }, fires: false },
    { name: 'still checks a meeting that started exactly 365 days ago', fields: { startDate: '2017-06-01', endDate: '2017-06-01' }, fires: true },
    { name: 'no longer checks a meeting that started 366 days ago', fields: { startDate: '2017-05-31', endDate: '2017-05-31' }, fires: false },
  ] as const)('$name', ({ fields, fires }) => {
    const meetings = [meeting({ id: 'ICANN62', ...fields })];
    const hits = reportUpdateLate.check(contextOf({ Meetings: meetings, Deliverables: [update({ deliveredOn: '2018-05-31' })] }, TODAY));
    expect(hits).toHaveLength(fires ? 1 : 0);
  });
});

describe('report.update-due-soon', () => {
  it.each([
    { name: 'fires when the update is due today', start: '2018-06-15', deliverables: [], fires: true },
    { name: 'fires when the update is due in exactly 14 days', start: '2018-06-29', deliverables: [], fires: true },
    { name: 'is quiet when the update is due in 15 days', start: '2018-06-30', deliverables: [], fires: false },
    { name: 'is quiet once the due date has passed (update-missing takes over)', start: '2018-06-14', deliverables: [], fires: false },
    { name: 'is quiet when the update is already delivered', start: '2018-06-20', deliverables: [update({ deliveredOn: '2018-05-30' })], fires: false },
  ])('$name', ({ start, deliverables, fires }) => {
    const row = meeting({ id: 'ICANN62', startDate: start, endDate: start });
    const hits = reportUpdateDueSoon.check(contextOf({ Meetings: [row], Deliverables: deliverables }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: row.sheetRow, id: 'ICANN62', column: null })] : []);
  });
  it('says the 14 days of warning are the group\'s setting and ends with the Deliverables row to add', () => {
    const [hit] = reportUpdateDueSoon.check(contextOf({ Meetings: [meeting({ id: 'ICANN62', name: 'ICANN62', startDate: '2018-06-20', endDate: '2018-06-20' })] }, TODAY));
    expect(hit?.message).toBe('The IG Update Report for ICANN62 is due on 2018-06-06 and has not been delivered yet; the group warns 14 days ahead ' +
      '(its setting reports.reminderDays). To record it, add a Deliverables row: Type IG Update Report, For Meeting ICANN62, Delivered On.');
  });
});

describe('report.update-length', () => {
  it.each([
    { name: 'fires for a three-page update', type: 'IG Update Report', pages: 3, fires: true },
    { name: 'fires for a zero-page update', type: 'IG Update Report', pages: 0, fires: true },
    { name: 'is quiet for one page', type: 'IG Update Report', pages: 1, fires: false },
    { name: 'is quiet for two pages', type: 'IG Update Report', pages: 2, fires: false },
    { name: 'is quiet when Pages is empty', type: 'IG Update Report', pages: null, fires: false },
    { name: 'ignores other deliverable types', type: 'Annual Report', pages: 12, fires: false },
  ] as const)('$name', ({ type, pages, fires }) => {
    const row = deliverable({ id: 'D-0002', type, pages });
    const hits = reportUpdateLength.check(contextOf({ Deliverables: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Deliverables', row: row.sheetRow, id: 'D-0002', column: 'Pages' })] : []);
  });

  it('counts pages in the right number', () => {
    const message = (pages: number) => reportUpdateLength.check(contextOf({ Deliverables: [deliverable({ id: 'D-0002', type: 'IG Update Report', pages })] }))[0]?.message;
    expect(message(3)).toBe('IG Update Report D-0002 has 3 pages; the charter asks for one to two.');
    expect(message(0)).toBe('IG Update Report D-0002 has 0 pages; the charter asks for one to two.');
  });
});

describe('report.annual-missing', () => {
  const annual = (deliveredOn: string | null) => deliverable({ type: 'Annual Report', forMeeting: 'ICANN63', deliveredOn });
  it.each([
    { name: 'fires for a past AGM with no annual report', start: '2018-05-20', deliverables: [], fires: true },
    { name: 'fires for an annual report delivered after the AGM started', start: '2018-05-20', deliverables: [annual('2018-05-21')], fires: true },
    { name: 'is quiet for an annual report delivered on the start date', start: '2018-05-20', deliverables: [annual('2018-05-20')], fires: false },
    { name: 'is quiet while the AGM starts today', start: TODAY, deliverables: [], fires: false },
    { name: 'still checks an AGM that started exactly 365 days ago', start: '2017-06-01', deliverables: [], fires: true },
    { name: 'no longer checks an AGM that started 366 days ago', start: '2017-05-31', deliverables: [], fires: false },
  ])('$name', ({ start, deliverables, fires }) => {
    const row = meeting({ id: 'ICANN63', type: 'ICANN AGM', startDate: start, endDate: start });
    const hits = reportAnnualMissing.check(contextOf({ Meetings: [row], Deliverables: deliverables }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: row.sheetRow, id: 'ICANN63', column: null })] : []);
  });

  it('ends with the Deliverables row to add when no annual report was delivered, and says when a late one was', () => {
    const row = meeting({ id: 'ICANN63', name: 'ICANN63 AGM', type: 'ICANN AGM', startDate: '2018-05-20', endDate: '2018-05-24' });
    expect(reportAnnualMissing.check(contextOf({ Meetings: [row] }, TODAY))[0]?.message).toBe('No Annual Report was delivered for the AGM ICANN63 AGM on or before ' +
      'its start on 2018-05-20. To record it, add a Deliverables row: Type Annual Report, For Meeting ICANN63, Delivered On.');
    expect(reportAnnualMissing.check(contextOf({ Meetings: [row], Deliverables: [annual('2018-05-21')] }, TODAY))[0]?.message).toBe(
      'No Annual Report was delivered for the AGM ICANN63 AGM on or before its start on 2018-05-20 (one was delivered on 2018-05-21, after the AGM started).');
  });

  it('checks an AGM held remotely too', () => {
    const row = meeting({ id: 'ICANN63', type: 'ICANN AGM', faceToFace: false, startDate: '2018-05-20', endDate: '2018-05-24' });
    expect(reportAnnualMissing.check(contextOf({ Meetings: [row] }, TODAY))).toHaveLength(1);
  });

  it('ignores an ICANN Public Meeting', () => {
    const row = meeting({ id: 'ICANN61', startDate: '2018-03-10' });
    expect(reportAnnualMissing.check(contextOf({ Meetings: [row] }, TODAY))).toEqual([]);
  });
});

describe('reportRules', () => {
  it('lists the rules in catalogue order', () => {
    expect(reportRules.map((rule) => rule.id)).toEqual([
      'report.update-missing', 'report.update-late', 'report.update-due-soon', 'report.update-length', 'report.annual-missing',
    ]);
  });
});
