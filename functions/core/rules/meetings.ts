// Charter rules on meetings: sane dates, a CCEG session at each ICANN meeting, remote participation, Board coordination (§2, §3).
import { defineRule, hitOnRow, hitOnTab } from './rule.js';
import { addDays } from '../dates.js';
import { isIcannMeeting } from '../model/queries.js';
import { counted } from '../plural.js';

/** §3 Work Plan: a meeting of the schedule cannot end before it starts. */
export const meetingEndBeforeStart = defineRule({
  id: 'meeting.end-before-start',
  severity: 'error',
  charter: '§3 Work Plan',
  needs: ['Meetings'],
  check: ({ rows }) =>
    rows.Meetings
      .filter((meeting) => meeting.endDate < meeting.startDate)
      .map((meeting) =>
        hitOnRow('Meetings', meeting, 'End Date',
          `Meeting ${meeting.name} ends on ${meeting.endDate}, before it starts on ${meeting.startDate}.`),
      ),
});

/**
 * §2 item 4: the CCEG meets in person at each ICANN meeting. An ICANN meeting in progress today (Start ≤ today ≤ End)
 * or starting within the next `schedule.horizonDays` days (today ≤ Start ≤ today + N) needs an `F2F Session` activity.
 */
export const meetingNoCcegSession = defineRule({
  id: 'meeting.no-cceg-session',
  severity: 'warning',
  charter: '§2 item 4',
  needs: ['Meetings', 'WorkPlan'],
  check: ({ rows, today, config }) => {
    const horizon = addDays(today, config.schedule.horizonDays);
    const withSession = new Set<string>();
    for (const activity of rows.WorkPlan) {
      if (activity.type === 'F2F Session' && activity.relatedMeeting !== null) withSession.add(activity.relatedMeeting);
    }
    return rows.Meetings
      .filter((meeting) => isIcannMeeting(meeting))
      .filter((meeting) => (meeting.startDate <= today && today <= meeting.endDate) || (today <= meeting.startDate && meeting.startDate <= horizon))
      .filter((meeting) => meeting.id === null || !withSession.has(meeting.id))
      .map((meeting) =>
        hitOnRow('Meetings', meeting, null,
          `ICANN meeting ${meeting.name} (${meeting.startDate} to ${meeting.endDate}) has no F2F Session in the work plan; the CCEG meets in person at each ICANN meeting (§2 item 4), ` +
          `and the group looks ${counted(config.schedule.horizonDays, 'day')} ahead (its setting schedule.horizonDays). ` +
          `To plan it, add a WorkPlan row: Type F2F Session, Related Meeting ${meeting.id ?? meeting.name}.`),
      );
  },
});

/** §2 item 4: remote participation is provided for every face-to-face session. */
export const meetingNoRemoteParticipation = defineRule({
  id: 'meeting.no-remote-participation',
  severity: 'warning',
  charter: '§2 item 4',
  needs: ['WorkPlan'],
  check: ({ rows }) =>
    rows.WorkPlan
      .filter((activity) => activity.type === 'F2F Session' && !activity.remoteParticipation)
      .map((activity) =>
        hitOnRow('WorkPlan', activity, 'Remote Participation',
          `F2F Session "${activity.activity}" does not provide remote participation.`),
      ),
});

/**
 * §2 item 1: the CCEG coordinates with the Board IG WG regularly. Some `Board IG WG Coordination` meeting must
 * overlap the window [today − `boardCoordination.everyDays`, today]: it started on or before today and its End Date
 * is on or after the window's first day. A period of 0 turns the rule off.
 */
export const meetingBoardCoordinationGap = defineRule({
  id: 'meeting.board-coordination-gap',
  severity: 'warning',
  charter: '§2 item 1',
  needs: ['Meetings'],
  check: ({ rows, today, config }) => {
    const everyDays = config.boardCoordination.everyDays;
    if (everyDays === 0) return [];
    const windowStart = addDays(today, -everyDays);
    let last: string | null = null;
    for (const meeting of rows.Meetings) {
      if (meeting.type !== 'Board IG WG Coordination' || meeting.startDate > today) continue;
      if (meeting.endDate >= windowStart) return [];
      if (last === null || meeting.endDate > last) last = meeting.endDate;
    }
    const since = last === null ? 'none is recorded' : `the last one ended on ${last}`;
    return [hitOnTab('Meetings',
      `No Board IG WG Coordination meeting took place between ${windowStart} and ${today} (${since}); the group coordinates with the Board IG WG at least every ${counted(everyDays, 'day')} ` +
      `(the group's setting boardCoordination.everyDays; §2 item 1 says "on a regular basis (periodicity to be agreed)").`)];
  },
});

/** The rules of this file, in catalogue order. */
export const meetingRules = [meetingEndBeforeStart, meetingNoCcegSession, meetingNoRemoteParticipation, meetingBoardCoordinationGap];
