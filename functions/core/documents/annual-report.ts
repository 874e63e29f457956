// The Annual Report for an ICANN AGM (§2 item 3, §3): the year's activities, deliverables, papers, membership and consensus.
import { CcegError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { tallyOf } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { isActive } from '../model/queries.js';
import { ACTIVITY_STATES } from '../model/tabs.js';
import { cappedList, clipText, html, renderDocument, type DocumentContext, type RenderedDocument, type SafeHtml } from './html.js';
import { membershipSection } from './update-report.js';

/**
 * How many characters of a free-text value (an activity, a title, a subject) a list item of the Annual Report shows
 * before it is cut with "…": the report has no page limit, so this only keeps a pasted essay from filling pages.
 */
const ITEM_TEXT_MAX = 300;

const clip = (text: string): string => clipText(text, ITEM_TEXT_MAX);

function inYear(date: IsoDate | null, year: number): boolean {
  return date !== null && date.startsWith(`${year}-`);
}

function activitiesSection(rows: GroupRows, year: number): SafeHtml {
  const ofYear = rows.WorkPlan.filter((activity) => activity.year === year);
  if (ofYear.length === 0) return html`<p class="none">No work plan activity for ${year}.</p>`;
  return html`${ACTIVITY_STATES.map((status) => {
    const activities = ofYear.filter((activity) => activity.status === status);
    return activities.length === 0 ? null : html`<h3>${status} (${activities.length})</h3>${cappedList(activities,
      (a) => html`${clip(a.activity)} <em>(${a.type}${a.dueDate === null ? '' : `, due ${a.dueDate}`})</em>`, '')}`;
  })}`;
}

function deliverablesSection(rows: GroupRows, year: number, meetingId: string): SafeHtml {
  const ofYear = rows.Deliverables.filter((d) => d.forMeeting === meetingId || inYear(d.dueDate, year) || inYear(d.deliveredOn, year));
  return cappedList(ofYear, (d) => html`${d.type}${d.title === null ? '' : `: ${clip(d.title)}`} <em>(${
    d.deliveredOn === null ? `not delivered${d.dueDate === null ? '' : `, due ${d.dueDate}`}` : `delivered ${d.deliveredOn}`})</em>`,
  `No deliverable for ${year}.`);
}

function papersSection(rows: GroupRows, year: number): SafeHtml {
  const ofYear = new Set(rows.Papers.filter((p) => [p.consultationOpens, p.adoptedOn, p.circulatedOn, p.publishedOn]
    .some((date) => inYear(date, year))).map((p) => p.id));
  const tallies = tallyOf(rows).filter((tally) => ofYear.has(tally.paperId));
  return cappedList(tallies, (t) => html`<strong>${t.paperId}</strong> ${clip(t.title)}: ${t.outcome}; Endorse ${t.counts.endorse}, Support ${
    t.counts.support}, Not Support ${t.counts.notSupport}, Pending ${t.counts.pending}${t.dissenters.length > 0 ? ` (dissent: ${t.dissenters.join(', ')})` : ''}`,
  `No paper in ${year}.`);
}

/** The distinct stakeholder groups of the Members active on `today`. */
function stakeholderGroups(rows: GroupRows, today: IsoDate): number {
  return new Set(rows.Roster.filter((p) => p.role === 'Member' && p.stakeholderGroup !== null && isActive(p, today))
    .map((p) => p.stakeholderGroup)).size;
}

function membershipAndDiversity(rows: GroupRows, context: DocumentContext): SafeHtml {
  return html`${membershipSection(rows, context)}
<p>Stakeholder groups represented among the Members: ${stakeholderGroups(rows, context.today)}.</p>`;
}

function consensusSection(rows: GroupRows, year: number): SafeHtml {
  const calls = rows.ConsensusCalls.filter((call) => inYear(call.calledOn, year));
  return cappedList(calls, (c) => html`${clip(c.subject)}: <strong>${c.designation ?? 'not designated'}</strong> <em>(called ${c.calledOn})</em>`,
    `No consensus call in ${year}.`);
}

/**
 * The Annual Report presented at the ICANN AGM `meetingId` (§2 item 3, §3): the year's work plan by status, its
 * deliverables, papers with their outcome and tally, membership and diversity (members per organization against the
 * band, members by region, stakeholder groups) and the consensus calls with their designations. The year is the
 * AGM's; membership is counted on the context's date. Every list is capped and its free-text values clipped.
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
<h2>Membership and diversity</h2>${membershipAndDiversity(rows, context)}
<h2>Consensus calls</h2>${consensusSection(rows, year)}`;
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}
