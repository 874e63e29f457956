// The IG events ahead, each listed once: a Meetings row and an Issues row about the same event are merged.
import type { IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import type { Issue, Meeting } from '../model/tabs.js';

/** One IG event ahead, from a Meetings row, an Issues row (Event or Forum), or both when they name the same event. */
export interface UpcomingEvent {
  readonly date: IsoDate;
  /** The last day, when a Meetings row gives one. */
  readonly endDate: IsoDate | null;
  readonly name: string;
  readonly location: string | null;
  /** The Issues row's Assessment, when one is merged in. */
  readonly assessment: string | null;
  readonly meetingId: string | null;
  readonly issueId: string | null;
}

/** Words that say nothing about which event a name means. */
const FILLER = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'the', 'to']);

/** The significant words of a name, lower-cased, without years or other bare numbers, plus the initials of its words ("igf"). */
function keywords(name: string): Set<string> {
  const words = (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !FILLER.has(word) && !/^\d+$/.test(word));
  const initials = words.length >= 2 ? [words.map((word) => word[0]).join('')] : [];
  return new Set([...words, ...initials]);
}

/**
 * True when two names mean the same event: at least two thirds of the significant words of the shorter name are in the
 * other ("EuroDIG 2018" and "EuroDIG 2018"; "Internet Governance Forum 2018" and "Internet Governance Forum 2018, Paris";
 * "IGF 2018" and "Internet Governance Forum 2018" through the initials). Years are left out: two events of one year
 * share them, and the dates are compared separately.
 */
export function similarNames(first: string, second: string): boolean {
  const a = keywords(first);
  const b = keywords(second);
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (shorter.size === 0) return false;
  const shared = [...shorter].filter((word) => longer.has(word)).length;
  return shared * 3 >= shorter.size * 2;
}

/**
 * True when an Issues row (an Event or a Forum with a Date) is about an IG Event of the Meetings tab: its Date falls on
 * the meeting's days (Start Date to End Date) and its Title is a similar name (see {@link similarNames}). The Body is
 * not compared: it usually names the organizer (ITU, the UN), which many different events share.
 */
export function isSameEvent(meeting: Meeting, issue: Issue): boolean {
  return meeting.type === 'IG Event' && (issue.kind === 'Event' || issue.kind === 'Forum') && issue.date !== null &&
    issue.date >= meeting.startDate && issue.date <= meeting.endDate && similarNames(meeting.name, issue.title);
}

/** True when two Issues rows (Events or Forums) are about the same event: the same Date and similar Titles. */
function sameIssueEvent(first: Issue, second: Issue): boolean {
  return first.date === second.date && similarNames(first.title, second.title);
}

/**
 * The IG events that have not ended on `today`, in date order, each once: an IG Event of the Meetings tab (with its
 * dates and location) takes in every Issues row about the same event (the first one's assessment is shown); the
 * Issues rows of kind Event or Forum that match no meeting are listed once per event (same Date, similar Title).
 */
export function upcomingEvents(rows: GroupRows, today: IsoDate): UpcomingEvent[] {
  const issues = rows.Issues.filter((issue) => (issue.kind === 'Event' || issue.kind === 'Forum') && issue.date !== null);
  const merged = new Set<Issue>();
  const fromMeetings = rows.Meetings.filter((meeting) => meeting.type === 'IG Event').map((meeting) => {
    const about = issues.filter((candidate) => !merged.has(candidate) && isSameEvent(meeting, candidate));
    for (const issue of about) merged.add(issue);
    const issue = about[0] ?? null;
    return { date: meeting.startDate, endDate: meeting.endDate, name: meeting.name, location: meeting.location,
      assessment: issue?.assessment ?? null, meetingId: meeting.id, issueId: issue?.id ?? null };
  });
  const alone = issues.filter((issue) => !merged.has(issue));
  const fromIssues = alone.filter((issue, index) => !alone.slice(0, index).some((earlier) => sameIssueEvent(earlier, issue))).map((issue) => ({
    date: issue.date ?? today, endDate: null, name: issue.title, location: null, assessment: issue.assessment, meetingId: null, issueId: issue.id,
  }));
  return [...fromMeetings, ...fromIssues].filter((event) => (event.endDate ?? event.date) >= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
