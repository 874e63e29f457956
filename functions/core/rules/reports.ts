// Charter rules on reports: the update before each ICANN meeting, its length, and the annual report (§2 item 5, §3).
import { defineRule, hitOnRow } from './rule.js';
import type { CharterConfig } from '../config.js';
import { addDays, type IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { isIcannMeeting } from '../model/queries.js';
import type { Deliverable, Meeting } from '../model/tabs.js';
import { counted } from '../plural.js';
import { numberSource } from './number-source.js';

/** The update due date of an ICANN meeting: its Start Date minus `reports.leadDays` days. */
export function updateDueDate(meeting: Pick<Meeting, 'startDate'>, config: CharterConfig): IsoDate {
  return addDays(meeting.startDate, -config.reports.leadDays);
}

/** The earliest Start Date the report rules look at: meetings start at most `schedule.lookbackDays` days before today. */
export function lookbackStart(today: IsoDate, config: CharterConfig): IsoDate {
  return addDays(today, -config.schedule.lookbackDays);
}

/** The row that records a deliverable, for the end of a message: "add a Deliverables row: Type IG Update Report, For Meeting ICANN64, Delivered On." */
export function deliverableRowToAdd(cells: readonly (readonly [header: string, value: string])[]): string {
  return `To record it, add a Deliverables row: ${[...cells.map(([header, value]) => `${header} ${value}`), 'Delivered On'].join(', ')}.`;
}

/** The earliest Delivered On of the deliverables of a type, by the meeting they are for. */
export function firstDeliveryByMeeting(rows: GroupRows, type: Deliverable['type']): Map<string, IsoDate> {
  const byMeeting = new Map<string, IsoDate>();
  for (const deliverable of rows.Deliverables) {
    if (deliverable.type !== type || deliverable.forMeeting === null || deliverable.deliveredOn === null) continue;
    const first = byMeeting.get(deliverable.forMeeting);
    if (first === undefined || deliverable.deliveredOn < first) byMeeting.set(deliverable.forMeeting, deliverable.deliveredOn);
  }
  return byMeeting;
}

/** The ICANN meetings the report rules check today, each with its update due date and whether an update was delivered. */
function checkedIcannMeetings(rows: GroupRows, today: IsoDate, config: CharterConfig) {
  const delivered = firstDeliveryByMeeting(rows, 'IG Update Report');
  const from = lookbackStart(today, config);
  return rows.Meetings
    .filter((meeting) => isIcannMeeting(meeting) && meeting.startDate >= from)
    .map((meeting) => ({ meeting, due: updateDueDate(meeting, config), delivered: meeting.id !== null && delivered.has(meeting.id) }));
}

/** §2 item 5, §3: an update report is delivered before each ICANN meeting; its due date has passed without one. */
export const reportUpdateMissing = defineRule({
  id: 'report.update-missing',
  severity: 'error',
  charter: '§2 item 5, §3',
  needs: ['Meetings', 'Deliverables'],
  check: ({ rows, today, config }) =>
    checkedIcannMeetings(rows, today, config)
      .filter(({ due, delivered }) => due < today && !delivered)
      .map(({ meeting, due }) =>
        hitOnRow('Meetings', meeting, null,
          `No IG Update Report has been delivered for ${meeting.name}; it was due on ${due}, ${counted(config.reports.leadDays, 'day')} before the meeting starts on ${meeting.startDate} ` +
          `(${numberSource('reports.leadDays', config.reports.leadDays, '§3: two weeks before each F2F ICANN meeting')}). ` +
          deliverableRowToAdd([['Type', 'IG Update Report'], ['For Meeting', meeting.id ?? meeting.name]])),
      ),
});

/** §2 item 5, §3: an IG Update Report for an ICANN meeting delivered after that meeting's update due date. */
export const reportUpdateLate = defineRule({
  id: 'report.update-late',
  severity: 'warning',
  charter: '§2 item 5, §3',
  needs: ['Meetings', 'Deliverables'],
  check: ({ rows, today, config }) => {
    const from = lookbackStart(today, config);
    const checked = new Map<string, Meeting>();
    for (const meeting of rows.Meetings) {
      if (meeting.id !== null && isIcannMeeting(meeting) && meeting.startDate >= from) checked.set(meeting.id, meeting);
    }
    return rows.Deliverables.flatMap((deliverable) => {
      const meeting = deliverable.type === 'IG Update Report' && deliverable.forMeeting !== null ? checked.get(deliverable.forMeeting) : undefined;
      if (!meeting || deliverable.deliveredOn === null) return [];
      const due = updateDueDate(meeting, config);
      if (deliverable.deliveredOn <= due) return [];
      return [hitOnRow('Deliverables', deliverable, 'Delivered On',
        `The IG Update Report for ${meeting.name} was delivered on ${deliverable.deliveredOn}, after its due date of ${due}.`)];
    });
  },
});

/** §2 item 5, §3: the update due date is today or within the next `reports.reminderDays` days and nothing is delivered yet. */
export const reportUpdateDueSoon = defineRule({
  id: 'report.update-due-soon',
  severity: 'warning',
  charter: '§2 item 5, §3',
  needs: ['Meetings', 'Deliverables'],
  check: ({ rows, today, config }) => {
    const until = addDays(today, config.reports.reminderDays);
    return checkedIcannMeetings(rows, today, config)
      .filter(({ due, delivered }) => today <= due && due <= until && !delivered)
      .map(({ meeting, due }) =>
        hitOnRow('Meetings', meeting, null,
          `The IG Update Report for ${meeting.name} is due on ${due} and has not been delivered yet; the group warns ${counted(config.reports.reminderDays, 'day')} ahead ` +
          `(its setting reports.reminderDays). ${deliverableRowToAdd([['Type', 'IG Update Report'], ['For Meeting', meeting.id ?? meeting.name]])}`),
      );
  },
});

/** §2 item 5: the update is a one to two page document. */
export const reportUpdateLength = defineRule({
  id: 'report.update-length',
  severity: 'warning',
  charter: '§2 item 5',
  needs: ['Deliverables'],
  check: ({ rows }) =>
    rows.Deliverables
      .filter((deliverable) => deliverable.type === 'IG Update Report' && deliverable.pages !== null && deliverable.pages !== 1 && deliverable.pages !== 2)
      .map((deliverable) =>
        hitOnRow('Deliverables', deliverable, 'Pages',
          `IG Update Report ${deliverable.id ?? `"${deliverable.title ?? 'untitled'}"`} has ${counted(deliverable.pages ?? 0, 'page')}; the charter asks for one to two.`),
      ),
});

/**
 * §3 Deliverables, Report on Progress: an annual report is delivered for each ICANN AGM (face to face or not) on or
 * before its Start Date. Like every report rule, only AGMs within the lookback period are checked.
 */
export const reportAnnualMissing = defineRule({
  id: 'report.annual-missing',
  severity: 'error',
  charter: '§3',
  needs: ['Meetings', 'Deliverables'],
  check: ({ rows, today, config }) => {
    const delivered = firstDeliveryByMeeting(rows, 'Annual Report');
    const from = lookbackStart(today, config);
    return rows.Meetings
      .filter((meeting) => meeting.type === 'ICANN AGM' && meeting.startDate < today && meeting.startDate >= from)
      .flatMap((meeting) => {
        const first = meeting.id === null ? undefined : delivered.get(meeting.id);
        if (first !== undefined && first <= meeting.startDate) return [];
        const what = `No Annual Report was delivered for the AGM ${meeting.name} on or before its start on ${meeting.startDate}`;
        return [hitOnRow('Meetings', meeting, null, first === undefined
          ? `${what}. ${deliverableRowToAdd([['Type', 'Annual Report'], ['For Meeting', meeting.id ?? meeting.name]])}`
          : `${what} (one was delivered on ${first}, after the AGM started).`)];
      });
  },
});

/** The rules of this file, in catalogue order. */
export const reportRules = [reportUpdateMissing, reportUpdateLate, reportUpdateDueSoon, reportUpdateLength, reportAnnualMissing];
