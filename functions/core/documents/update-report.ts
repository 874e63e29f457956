// The IG Update Report for an ICANN meeting (§2 item 5, §3): one to two printed pages, whatever the data.
import { CcegError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { deadlinesOf } from '../derived/deadlines.js';
import { tallyOf } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { activeMembersByOrganization, isActive, isIcannMeeting, participatingOrganizations } from '../model/queries.js';
import type { Meeting } from '../model/tabs.js';
import { membersChartSvg, regionsChartSvg, type OrganizationCount, type RegionCount } from './charts.js';
import {
  cappedList, clipText, html, renderDocument, UPDATE_REPORT_DETAIL_MAX, UPDATE_REPORT_TEXT_MAX, type DocumentContext, type RenderedDocument, type SafeHtml,
} from './html.js';

/** Active Members of each participating organization on `today`, in sheet order. */
export function membersPerOrganization(rows: GroupRows, today: IsoDate): OrganizationCount[] {
  const counts = activeMembersByOrganization(rows, today);
  return participatingOrganizations(rows).map(({ code }) => ({ code, members: counts.get(code) ?? 0 }));
}

/** Active Members per region on `today` (those with no region under "Not stated"), most first. */
export function membersPerRegion(rows: GroupRows, today: IsoDate): RegionCount[] {
  const counts = new Map<string, number>();
  for (const person of rows.Roster) {
    if (person.role !== 'Member' || !isActive(person, today)) continue;
    const region = person.region ?? 'Not stated';
    counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts].map(([region, members]) => ({ region, members })).sort((a, b) => b.members - a.members || (a.region < b.region ? -1 : 1));
}

/** The fields of a row that hold text (or nothing). */
type TextField<T> = { [K in keyof T]-?: T[K] extends string | null ? K : never }[keyof T];

/** `rows` with each of `fields` clipped to its number of characters; a row with no long field is kept as it is. */
function clipFields<T extends object>(rows: readonly T[], fields: Readonly<Partial<Record<TextField<T>, number>>>): readonly T[] {
  const limits = Object.entries(fields) as [TextField<T>, number][];
  return rows.map((row) => {
    const long = limits.filter(([field, max]) => {
      const value: unknown = row[field];
      return typeof value === 'string' && value.length > max;
    });
    return long.length === 0 ? row
      : { ...row, ...Object.fromEntries(long.map(([field, max]) => [field, clipText(String(row[field]), max)])) };
  });
}

const TEXT = UPDATE_REPORT_TEXT_MAX;
const DETAIL = UPDATE_REPORT_DETAIL_MAX;

/**
 * The rows with every free-text value the report shows clipped, so that no value typed into the sheet, however long,
 * pushes the report past two pages: names, titles, activities and subjects to UPDATE_REPORT_TEXT_MAX characters,
 * the details shown beside them (locations, consultation bodies, owners) to UPDATE_REPORT_DETAIL_MAX. Clipping the
 * rows rather than the sentences built from them keeps IDs, dates, numbers and choices whole, also in the deadlines.
 */
function clippedRows(rows: GroupRows): GroupRows {
  return {
    ...rows,
    Meetings: clipFields(rows.Meetings, { name: TEXT, location: DETAIL }),
    WorkPlan: clipFields(rows.WorkPlan, { activity: TEXT, owner: DETAIL }),
    Papers: clipFields(rows.Papers, { title: TEXT }),
    ConsensusCalls: clipFields(rows.ConsensusCalls, { subject: TEXT }),
    Issues: clipFields(rows.Issues, { title: TEXT, body: DETAIL, owner: DETAIL }),
  };
}

/** The ICANN meeting before `meeting`, whose start opens the period the report covers. */
function previousIcannMeeting(rows: GroupRows, meeting: Meeting): Meeting | null {
  const earlier = rows.Meetings.filter((other) => isIcannMeeting(other) && other.startDate < meeting.startDate);
  return earlier.reduce<Meeting | null>((latest, other) => (latest === null || other.startDate > latest.startDate ? other : latest), null);
}

function inPeriod(date: IsoDate | null, from: IsoDate | null, to: IsoDate): boolean {
  return date !== null && (from === null || date >= from) && date <= to;
}

function activitiesSection(rows: GroupRows, since: IsoDate | null, until: IsoDate): SafeHtml {
  const activities = rows.WorkPlan.filter((activity) => activity.status !== 'Cancelled' &&
    (activity.status === 'In Progress' || inPeriod(activity.dueDate, since, until) || inPeriod(activity.startDate, since, until)));
  return cappedList(activities, (a) => html`${a.activity} <em>(${a.type}; ${a.status}${a.dueDate === null ? '' : `, due ${a.dueDate}`})</em>`,
    'No work plan activity in this period.');
}

function papersSection(rows: GroupRows): SafeHtml {
  return cappedList(tallyOf(rows), (t) => html`<strong>${t.paperId}</strong> ${t.title}: ${t.outcome}; Endorse ${t.counts.endorse}, Support ${
    t.counts.support}, Not Support ${t.counts.notSupport}, Pending ${t.counts.pending}${t.dissenters.length > 0 ? ` (dissent: ${t.dissenters.join(', ')})` : ''}`,
  'No papers.');
}

function consensusSection(rows: GroupRows, since: IsoDate | null, until: IsoDate): SafeHtml {
  const outcomes = rows.ConsensusCalls.filter((call) => call.designation !== null && inPeriod(call.calledOn, since, until));
  return cappedList(outcomes, (c) => html`${c.subject}: <strong>${c.designation}</strong> <em>(called ${c.calledOn})</em>`,
    'No consensus call designated in this period.');
}

function upcomingSection(rows: GroupRows, today: IsoDate): SafeHtml {
  const events = [
    ...rows.Meetings.filter((m) => m.type === 'IG Event' && m.endDate >= today)
      .map((m) => ({ date: m.startDate, text: html`${m.name}${m.location === null ? '' : `, ${m.location}`}` })),
    ...rows.Issues.filter((i) => (i.kind === 'Event' || i.kind === 'Forum') && i.date !== null && i.date >= today)
      .map((i) => ({ date: i.date ?? today, text: html`${i.title}` })),
    ...rows.Issues.filter((i) => i.kind === 'Consultation' && i.responseDue !== null && i.responseDue >= today)
      .map((i) => ({ date: i.responseDue ?? today, text: html`Consultation: ${i.title} (responses due)` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return cappedList(events, (e) => html`${e.date}: ${e.text}`, 'No upcoming IG events or open consultations.');
}

/** Both membership charts (per organization against the band, by region), and who is outside the band. */
export function membershipSection(rows: GroupRows, context: DocumentContext): SafeHtml {
  const { min, max } = context.config.members;
  const counts = membersPerOrganization(rows, context.today);
  const outside = counts.filter((count) => count.members < min || count.members > max);
  const verdict = outside.length === 0
    ? html`<p>Every participating organization has ${min} to ${max} Members.</p>`
    : html`<p>Outside the ${min}–${max} band:</p>${cappedList(outside, (c) => html`${c.code}: ${c.members}`, '')}`;
  return html`<div class="charts">${membersChartSvg(counts, min, max)}${regionsChartSvg(membersPerRegion(rows, context.today))}</div>${verdict}`;
}

function deadlinesSection(rows: GroupRows, context: DocumentContext): SafeHtml {
  const next = deadlinesOf(rows, context.today, context.config).filter((d) => !d.done && d.date >= context.today);
  return cappedList(next, (d) => html`<strong>${d.date}</strong> ${d.what} <em>(for ${d.forWhom})</em>`, 'No open deadlines.');
}

/**
 * The IG Update Report for the ICANN meeting `meetingId` (§2 item 5, §3): activities since the previous ICANN meeting,
 * papers and their tallies, consensus outcomes, upcoming IG events and consultations, membership against the band
 * and the next deadlines. Every list is capped and every free-text value clipped (see clippedRows) so the report fits
 * one to two A4 pages.
 * @throws CcegError UNKNOWN_ENTITY when no meeting has that ID.
 */
export function renderUpdateReport(group: GroupRows, meetingId: string, context: DocumentContext): RenderedDocument {
  const rows = clippedRows(group);
  const meeting = rows.Meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) throw new CcegError('UNKNOWN_ENTITY', `No meeting has the ID ${meetingId}.`);
  const since = previousIcannMeeting(rows, meeting)?.startDate ?? null;
  const until = context.today < meeting.startDate ? context.today : meeting.startDate;
  const title = `IG Update Report for ${meeting.name}`;
  const body = html`<p>${meeting.name}, ${meeting.startDate} to ${meeting.endDate}${meeting.location === null ? '' : `, ${meeting.location}`}. ${
    since === null ? 'Covers the period up to the meeting.' : `Covers the period since ${since}.`}</p>
<h2>Activities since the last meeting</h2>${activitiesSection(rows, since, until)}
<h2>Papers and endorsements</h2>${papersSection(rows)}
<h2>Consensus outcomes</h2>${consensusSection(rows, since, until)}
<h2>Upcoming IG events and open consultations</h2>${upcomingSection(rows, context.today)}
<h2>Membership</h2>${membershipSection(rows, context)}
<h2>Next deadlines</h2>${deadlinesSection(rows, context)}`;
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}
