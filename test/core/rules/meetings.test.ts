// Tests of the meeting rules (§2 items 1 and 4, §3): table-driven, each with a firing case, a quiet case and the boundary day.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import {
  meetingBoardCoordinationGap, meetingEndBeforeStart, meetingNoCcegSession, meetingNoRemoteParticipation, meetingRules,
} from '../../../functions/core/rules/meetings.js';
import { activity, contextOf, meeting } from '../../support/group-builder.js';

const TODAY = '2018-06-01';

describe('meeting.end-before-start', () => {
  it.each([
    { name: 'fires when the meeting ends the day before it starts', startDate: '2018-03-10', endDate: '2018-03-09', fires: true },
    { name: 'is quiet for a one-day meeting', startDate: '2018-03-10', endDate: '2018-03-10', fires: false },
    { name: 'is quiet for a meeting ending after it starts', startDate: '2018-03-10', endDate: '2018-03-15', fires: false },
  ])('$name', ({ startDate, endDate, fires }) => {
    const row = meeting({ id: 'ICANN61', startDate, endDate });
    const hits = meetingEndBeforeStart.check(contextOf({ Meetings: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: row.sheetRow, id: 'ICANN61', column: 'End Date' })] : []);
  });
});

describe('meeting.no-cceg-session', () => {
  it.each([
    { name: 'fires for a meeting starting within the horizon', fields: { startDate: '2018-06-24', endDate: '2018-06-28' }, fires: true },
    { name: 'fires for a meeting starting today', fields: { startDate: TODAY, endDate: '2018-06-05' }, fires: true },
    { name: 'fires for a meeting in progress today', fields: { startDate: '2018-05-28', endDate: TODAY }, fires: true },
    { name: 'fires for a meeting starting exactly 90 days ahead', fields: { startDate: '2018-08-30', endDate: '2018-09-03' }, fires: true },
    { name: 'is quiet for a meeting starting 91 days ahead', fields: { startDate: '2018-08-31', endDate: '2018-09-04' }, fires: false },
    { name: 'is quiet for a meeting that ended yesterday', fields: { startDate: '2018-05-25', endDate: '2018-05-31' }, fires: false },
    { name: 'fires for an ICANN AGM', fields: { type: 'ICANN AGM', startDate: '2018-07-20', endDate: '2018-07-25' }, fires: true },
    { name: 'ignores a meeting not held face to face', fields: { faceToFace: false, startDate: '2018-06-24', endDate: '2018-06-28' }, fires: false },
    { name: 'ignores a CCEG call', fields: { type: 'CCEG Call', startDate: '2018-06-24', endDate: '2018-06-24' }, fires: false },
  ] as const)('$name', ({ fields, fires }) => {
    const row = meeting({ id: 'ICANN62', ...fields });
    const hits = meetingNoCcegSession.check(contextOf({ Meetings: [row] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: row.sheetRow, id: 'ICANN62', column: null })] : []);
  });

  it.each([
    { name: 'is quiet when an F2F Session is related to the meeting', session: { type: 'F2F Session', relatedMeeting: 'ICANN62' }, fires: false },
    { name: 'fires when the F2F Session is for another meeting', session: { type: 'F2F Session', relatedMeeting: 'ICANN61' }, fires: true },
    { name: 'fires when the related activity is not an F2F Session', session: { type: 'Workshop', relatedMeeting: 'ICANN62' }, fires: true },
  ] as const)('$name', ({ session, fires }) => {
    const row = meeting({ id: 'ICANN62', startDate: '2018-06-24', endDate: '2018-06-28' });
    const hits = meetingNoCcegSession.check(contextOf({ Meetings: [row], WorkPlan: [activity(session)] }, TODAY));
    expect(hits).toHaveLength(fires ? 1 : 0);
  });

  it('follows the configured horizon', () => {
    const row = meeting({ startDate: '2018-06-11', endDate: '2018-06-15' });
    const config = { ...DEFAULT_CONFIG, schedule: { ...DEFAULT_CONFIG.schedule, horizonDays: 9 } };
    expect(meetingNoCcegSession.check(contextOf({ Meetings: [row] }, TODAY, config))).toEqual([]);
  });
});

describe('meeting.no-remote-participation', () => {
  it.each([
    { name: 'fires for an F2F Session without remote participation', type: 'F2F Session', remoteParticipation: false, fires: true },
    { name: 'is quiet for an F2F Session with remote participation', type: 'F2F Session', remoteParticipation: true, fires: false },
    { name: 'ignores other activities', type: 'Workshop', remoteParticipation: false, fires: false },
  ] as const)('$name', ({ type, remoteParticipation, fires }) => {
    const row = activity({ id: 'W-0004', type, remoteParticipation });
    const hits = meetingNoRemoteParticipation.check(contextOf({ WorkPlan: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'WorkPlan', row: row.sheetRow, id: 'W-0004', column: 'Remote Participation' })] : []);
  });
});

describe('meeting.board-coordination-gap', () => {
  const coordination = (startDate: string, endDate = startDate) => meeting({ type: 'Board IG WG Coordination', faceToFace: false, startDate, endDate });
  it.each([
    { name: 'fires with no coordination meeting at all', meetings: [], fires: true },
    { name: 'fires when the last coordination ended 121 days ago', meetings: [coordination('2018-01-31')], fires: true },
    { name: 'is quiet when a coordination ended exactly 120 days ago', meetings: [coordination('2018-02-01')], fires: false },
    { name: 'is quiet when a coordination takes place today', meetings: [coordination(TODAY)], fires: false },
    { name: 'is quiet when a long coordination started earlier and ends within the window', meetings: [coordination('2018-01-20', '2018-02-02')], fires: false },
    { name: 'fires when the only coordination is still to come', meetings: [coordination('2018-06-02')], fires: true },
    { name: 'does not count other meeting types', meetings: [meeting({ type: 'CCEG Call', startDate: '2018-05-01', endDate: '2018-05-01' })], fires: true },
  ])('$name', ({ meetings, fires }) => {
    const hits = meetingBoardCoordinationGap.check(contextOf({ Meetings: meetings }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Meetings', row: null, id: null, column: null })] : []);
  });

  it('names the last coordination in its message', () => {
    const [hit] = meetingBoardCoordinationGap.check(contextOf({ Meetings: [coordination('2017-12-01'), coordination('2018-01-15')] }, TODAY));
    expect(hit?.message).toContain('2018-01-15');
  });

  it('says the period is the group\'s setting: the charter leaves it "to be agreed"', () => {
    const [hit] = meetingBoardCoordinationGap.check(contextOf({ Meetings: [coordination('2018-01-15')] }, TODAY));
    expect(hit?.message).toContain('at least every 120 days (the group\'s setting boardCoordination.everyDays; §2 item 1 says "on a regular basis (periodicity to be agreed)").');
    expect(hit?.message).not.toMatch(/the charter (asks|requires)/);
  });

  it('is turned off by a period of 0 days', () => {
    const config = { ...DEFAULT_CONFIG, boardCoordination: { everyDays: 0 } };
    expect(meetingBoardCoordinationGap.check(contextOf({ Meetings: [] }, TODAY, config))).toEqual([]);
  });
});

describe('meetingRules', () => {
  it('lists the rules in catalogue order', () => {
    expect(meetingRules.map((rule) => rule.id)).toEqual([
      'meeting.end-before-start', 'meeting.no-cceg-session', 'meeting.no-remote-participation', 'meeting.board-coordination-gap',
    ]);
  });
});
