// Every date the charter rules compute, in order, with what is due, for whom, and whether it is done or overdue.
import type { CharterConfig } from '../config.js';
import { addDays, addMonths, type IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { decisionOf, endorsementsByPaper, isIcannMeeting, participatingOrganizations } from '../model/queries.js';
import type { DataTabName, Paper } from '../model/tabs.js';
import { respondedIssueIds } from '../rules/issues.js';
import { firstDeliveryByMeeting, updateDueDate } from '../rules/reports.js';

/** What kind of date a deadline is; stable, used in calendar UIDs. */
export type DeadlineKind =
  | 'update-report' | 'annual-report' | 'paper-release' | 'paper-circulation'
  | 'endorsement-decision' | 'review-notification' | 'workplan-due' | 'consultation-response';

/** One dated obligation of the charter. */
export interface Deadline {
  readonly date: IsoDate;
  readonly kind: DeadlineKind;
  /** What is due, in plain words. */
  readonly what: string;
  /** Who has to do it. */
  readonly forWhom: string;
  /** Tab and ID of the record the date comes from (ID null until the system assigns one). */
  readonly tab: DataTabName;
  readonly id: string | null;
  /** Unique among the deadlines and stable across runs: kind, record, and the organization of an endorsement decision. */
  readonly key: string;
  /** Already satisfied: delivered, released, circulated, decided, notified, Done or Cancelled, responded to. */
  readonly done: boolean;
  /** Not done and the date is before today. */
  readonly overdue: boolean;
}

/** A deadline before its key and overdue flag; object literals, not spreads, keep building 50,000 of them fast. */
interface Draft {
  readonly tab: DataTabName;
  readonly source: { readonly id: string | null; readonly sheetRow: number };
  readonly kind: DeadlineKind;
  readonly date: IsoDate;
  readonly what: string;
  readonly forWhom: string;
  readonly done: boolean;
  /** The organization, when one record has a deadline per organization. */
  readonly party: string | null;
}

const CO_CHAIRS = 'Co-Chairs';

function label(paper: Pick<Paper, 'id' | 'title'>): string {
  return paper.id === null ? `"${paper.title}"` : `${paper.id} "${paper.title}"`;
}

function meetingDeadlines(rows: GroupRows, config: CharterConfig): Draft[] {
  const updates = firstDeliveryByMeeting(rows, 'IG Update Report');
  const annuals = firstDeliveryByMeeting(rows, 'Annual Report');
  const drafts: Draft[] = [];
  for (const meeting of rows.Meetings) {
    if (isIcannMeeting(meeting)) {
      drafts.push({ tab: 'Meetings', source: meeting, kind: 'update-report', date: updateDueDate(meeting, config),
        what: `IG Update Report for ${meeting.name} (starts ${meeting.startDate}), to be shared with the participating SO/ACs`,
        forWhom: CO_CHAIRS, done: meeting.id !== null && updates.has(meeting.id), party: null });
    }
    if (meeting.type === 'ICANN AGM') {
      drafts.push({ tab: 'Meetings', source: meeting, kind: 'annual-report', date: meeting.startDate,
        what: `Annual Report for the AGM ${meeting.name}`, forWhom: CO_CHAIRS, done: meeting.id !== null && annuals.has(meeting.id), party: null });
    }
  }
  return drafts;
}

function paperDeadlines(rows: GroupRows, config: CharterConfig): Draft[] {
  const index = endorsementsByPaper(rows);
  const participating = participatingOrganizations(rows);
  const drafts: Draft[] = [];
  for (const paper of rows.Papers) {
    if (paper.adoptedOn !== null) {
      const date = addDays(paper.adoptedOn, config.papers.circulationDays);
      drafts.push({ tab: 'Papers', source: paper, kind: 'paper-release', date, what: `Public release of paper ${label(paper)}, adopted on ${paper.adoptedOn}`,
        forWhom: CO_CHAIRS, done: paper.releasedOn !== null, party: null });
      drafts.push({ tab: 'Papers', source: paper, kind: 'paper-circulation', date,
        what: `Circulation of paper ${label(paper)} to the chairs of the participating SO/ACs`, forWhom: CO_CHAIRS, done: paper.circulatedOn !== null, party: null });
    }
    if (paper.circulatedOn === null || paper.outcome !== 'Pending') continue;
    const date = addDays(paper.circulatedOn, config.endorsements.reminderDays);
    for (const { code } of participating) {
      if (decisionOf(index, paper.id ?? '', code) !== 'Pending') continue;
      drafts.push({ tab: 'Papers', source: paper, kind: 'endorsement-decision', date,
        what: `Decision of ${code} on paper ${label(paper)}, circulated on ${paper.circulatedOn}`, forWhom: code, done: false, party: code });
    }
  }
  return drafts;
}

function reviewDeadlines(rows: GroupRows, config: CharterConfig): Draft[] {
  return rows.Reviews.map((review): Draft => ({
    tab: 'Reviews', source: review, kind: 'review-notification', date: addMonths(review.reviewDate, config.review.noticeMonths),
    what: `Notice of ${review.organization}'s decision to ${review.decision.toLowerCase()} the mandate (${review.year} review on ${review.reviewDate})`,
    forWhom: review.organization, done: review.notifiedOn !== null, party: null,
  }));
}

function workPlanDeadlines(rows: GroupRows): Draft[] {
  return rows.WorkPlan.flatMap((activity): Draft[] => activity.dueDate === null ? [] : [{
    tab: 'WorkPlan', source: activity, kind: 'workplan-due', date: activity.dueDate, what: `Work plan activity "${activity.activity}" (${activity.type})`,
    forWhom: activity.owner ?? CO_CHAIRS, done: activity.status === 'Done' || activity.status === 'Cancelled', party: null,
  }]);
}

function consultationDeadlines(rows: GroupRows): Draft[] {
  const responded = respondedIssueIds(rows);
  return rows.Issues.flatMap((issue): Draft[] => issue.kind !== 'Consultation' || issue.responseDue === null ? [] : [{
    tab: 'Issues', source: issue, kind: 'consultation-response', date: issue.responseDue,
    what: `Response to consultation "${issue.title}"${issue.body === null ? '' : ` (${issue.body})`}`,
    forWhom: issue.owner ?? CO_CHAIRS, done: issue.id !== null && responded.has(issue.id), party: null,
  }]);
}

function compare(a: Deadline, b: Deadline): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.what !== b.what) return a.what < b.what ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The deadlines of the group on `today`: update reports, annual reports, paper release and circulation, endorsement
 * decisions awaited, review notifications, work plan due dates and consultation responses. Deadlines more than
 * `schedule.lookbackDays` days before today are left out. Sorted by date, then description.
 */
export function deadlinesOf(rows: GroupRows, today: IsoDate, config: CharterConfig): Deadline[] {
  const from = addDays(today, -config.schedule.lookbackDays);
  const drafts = [
    ...meetingDeadlines(rows, config), ...paperDeadlines(rows, config), ...reviewDeadlines(rows, config),
    ...workPlanDeadlines(rows), ...consultationDeadlines(rows),
  ];
  return drafts
    .filter((draft) => draft.date >= from)
    .map(({ tab, source, kind, date, what, forWhom, done, party }): Deadline => ({
      date, kind, what, forWhom, tab, id: source.id,
      key: `${kind}-${source.id ?? `row${source.sheetRow}`}${party === null ? '' : `-${party}`}`,
      done, overdue: !done && date < today,
    }))
    .sort(compare);
}
