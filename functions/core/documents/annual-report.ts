// The Annual Report for an ICANN AGM (§2 item 3, §3, §7): the whole year, every row, however many pages it takes.
import { CcegError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { tallyOf } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { isActive } from '../model/queries.js';
import { amendmentsSection, annualReviewSection } from './annual-review.js';
import { clipText, fullList, html, linkTo, renderDocument, type DocumentContext, type RenderedDocument, type SafeHtml } from './html.js';
import { membersAndChairs, membershipSection } from './membership.js';

/**
 * How many characters of a free-text value (an activity, a title, a subject) a list item of the Annual Report shows
 * before it is cut with "…": the report has no page limit, so this only keeps a pasted essay from filling pages.
 */
const ITEM_TEXT_MAX = 300;

/** The order the year's work plan is reported in: what was done first, then what is under way, planned, cancelled. */
export const ANNUAL_ACTIVITY_ORDER = ['Done', 'In Progress', 'Planned', 'Cancelled'] as const;

const clip = (text: string): string => clipText(text, ITEM_TEXT_MAX);

function inYear(date: IsoDate | null, year: number): boolean {
  return date !== null && date.startsWith(`${year}-`);
}

function activitiesSection(rows: GroupRows, year: number): SafeHtml {
  const ofYear = rows.WorkPlan.filter((activity) => activity.year === year);
  if (ofYear.length === 0) return html`<p class="none">No work plan activity for ${year}.</p>`;
  return html`${ANNUAL_ACTIVITY_ORDER.map((status) => {
    const activities = ofYear.filter((activity) => activity.status === status);
    return activities.length === 0 ? null : html`<h3>${status} (${activities.length})</h3>${fullList(activities,
      (a) => html`${clip(a.activity)} <em>(${a.type}${a.dueDate === null ? '' : `, due ${a.dueDate}`})</em>`, '')}`;
  })}`;
}

function deliverablesSection(rows: GroupRows, year: number, meetingId: string): SafeHtml {
  const ofYear = rows.Deliverables.filter((d) => d.forMeeting === meetingId || inYear(d.dueDate, year) || inYear(d.deliveredOn, year));
  return fullList(ofYear, (d) => html`${linkTo(d.title === null ? d.type : clip(d.title), d.documentUrl)} <em>(${d.type}; ${
    d.deliveredOn === null ? `not delivered${d.dueDate === null ? '' : `, due ${d.dueDate}`}` : `delivered ${d.deliveredOn}`})</em>`,
  `No deliverable for ${year}.`);
}

function papersSection(rows: GroupRows, year: number): SafeHtml {
  const ofYear = new Map(rows.Papers.filter((p) => [p.consultationOpens, p.adoptedOn, p.circulatedOn, p.publishedOn]
    .some((date) => inYear(date, year))).map((p) => [p.id, p.documentUrl]));
  const tallies = tallyOf(rows).filter((tally) => ofYear.has(tally.paperId));
  return fullList(tallies, (t) => html`<strong>${t.paperId}</strong> ${linkTo(clip(t.title), ofYear.get(t.paperId) ?? null)}: ${
    t.outcome}; Endorse ${t.counts.endorse}, Support ${t.counts.support}, Not Support ${t.counts.notSupport}, Pending ${t.counts.pending}${
    t.dissenters.length > 0 ? ` (dissent: ${t.dissenters.join(', ')})` : ''}`,
  `No paper in ${year}.`);
}

function consensusSection(rows: GroupRows, year: number): SafeHtml {
  const calls = rows.ConsensusCalls.filter((call) => inYear(call.calledOn, year));
  return fullList(calls, (c) => html`${clip(c.subject)}: <strong>${c.designation ?? 'not designated'}</strong> <em>(called ${c.calledOn})</em>`,
    `No consensus call in ${year}.`);
}

/** The distinct stakeholder groups of the Members active on `today`. */
function stakeholderGroups(rows: GroupRows, today: IsoDate): number {
  return new Set(rows.Roster.filter((p) => p.role === 'Member' && p.stakeholderGroup !== null && isActive(p, today))
    .map((p) => p.stakeholderGroup)).size;
}

function membershipAndDiversity(rows: GroupRows, context: DocumentContext): SafeHtml {
  return html`${membershipSection(rows, context)}
<p>Stakeholder groups represented among the Members: ${stakeholderGroups(rows, context.today)}.</p>
${membersAndChairs(rows, context.today, clip)}`;
}

/**
 * The Annual Report presented at the ICANN AGM `meetingId` (§2 item 3, §3, §7), complete: every work plan activity
 * of the year (Done first, then In Progress, Planned, Cancelled), every deliverable and paper (linked to its document)
 * with its outcome and tally, every consensus call, membership and diversity (the charts, the chairs and each
 * organization's Members), every charter amendment with its state, and the annual review with what it means for the
 * next year. Nothing is cut with "and N more"; only a free-text value over ITEM_TEXT_MAX characters is clipped. The
 * year is the AGM's; membership is counted on the context's date.
 * @throws CcegError UNKNOWN_ENTITY when no ICANN AGM has that ID.
 */
export function renderAnnualReport(rows: GroupRows, meetingId: string, context: DocumentContext): RenderedDocument {
  const meeting = rows.Meetings.find((candidate) => candidate.id === meetingId && candidate.type === 'ICANN AGM');
  if (!meeting) throw new CcegError('UNKNOWN_ENTITY', `No ICANN AGM has the ID ${meetingId}.`);
  const year = Number(meeting.startDate.slice(0, 4));
  const title = `Annual Report ${year} for ${meeting.name}`;
  const body = html`<p>${meeting.name}, ${meeting.startDate} to ${meeting.endDate}${meeting.location === null ? '' : `, ${meeting.location}`}. Covers ${year}.</p>
<h2>Activities of the year</h2>${activitiesSection(rows, year)}
<h2>Deliverables</h2>${deliverablesSection(rows, year, meetingId)}
<h2>Papers and endorsements</h2>${papersSection(rows, year)}
<h2>Consensus calls</h2>${consensusSection(rows, year)}
<h2>Membership and diversity</h2>${membershipAndDiversity(rows, context)}
<h2>Charter amendments</h2>${amendmentsSection(rows, clip)}
<h2>Annual review and continuation</h2>${annualReviewSection(rows, year, context.config)}`;
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}
