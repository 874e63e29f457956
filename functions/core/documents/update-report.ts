// The IG Update Report for an ICANN meeting (§2 item 5, §3): one to two printed pages, whatever the data.
import { CcegError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { deadlinesOf } from '../derived/deadlines.js';
import { tallyOf } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { isIcannMeeting, participatingOrganizations } from '../model/queries.js';
import type { Issue, Meeting } from '../model/tabs.js';
import {
  cappedList, clipText, html, linkTo, renderDocument, UPDATE_REPORT_DETAIL_MAX, UPDATE_REPORT_TEXT_MAX, type DocumentContext, type RenderedDocument,
  type SafeHtml,
} from './html.js';
import { upcomingEvents } from './ig-events.js';
import { membershipSection } from './membership.js';

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
/** Organization names in the address line: long enough for "Country Code Names Supporting Organization". */
const ORGANIZATION_NAME = 60;
/** Why an issue matters, beside its title in the threats and opportunities. */
const RELEVANCE = 120;

/**
 * The rows with every free-text value the report shows clipped, so that no value typed into the sheet, however long,
 * pushes the report past two pages: names, titles, activities and subjects to UPDATE_REPORT_TEXT_MAX characters,
 * the details shown beside them (locations, consultation bodies, owners) to UPDATE_REPORT_DETAIL_MAX, organization names to 60 and an
 * issue's relevance to 120. Clipping the
 * rows rather than the sentences built from them keeps IDs, dates, numbers and choices whole, also in the deadlines.
 */
function clippedRows(rows: GroupRows): GroupRows {
  return {
    ...rows,
    Organizations: clipFields(rows.Organizations, { name: ORGANIZATION_NAME }),
    Meetings: clipFields(rows.Meetings, { name: TEXT, location: DETAIL }),
    WorkPlan: clipFields(rows.WorkPlan, { activity: TEXT, owner: DETAIL }),
    Papers: clipFields(rows.Papers, { title: TEXT }),
    ConsensusCalls: clipFields(rows.ConsensusCalls, { subject: TEXT }),
    Issues: clipFields(rows.Issues, { title: TEXT, body: DETAIL, owner: DETAIL, relevance: RELEVANCE }),
    Deliverables: clipFields(rows.Deliverables, { title: TEXT }),
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

function deliverablesSection(rows: GroupRows, since: IsoDate | null, until: IsoDate): SafeHtml {
  const delivered = rows.Deliverables.filter((d) => inPeriod(d.deliveredOn, since, until));
  return cappedList(delivered, (d) => html`${linkTo(d.title ?? d.type, d.documentUrl)} <em>(${d.type}, delivered ${d.deliveredOn})</em>`,
    'Nothing delivered in this period.');
}

/** The order key issues are listed in: threats first, then those that are both, then opportunities. */
const ASSESSMENT_ORDER: Readonly<Record<string, number>> = { Threat: 0, Both: 1, Opportunity: 2 };
const ASSESSMENT_LABEL: Readonly<Record<string, string>> = { Threat: 'Threat', Both: 'Threat and opportunity', Opportunity: 'Opportunity' };

/** Still worth a chair's attention: undated, dated in the period or later, or with a response still due. */
function isCurrent(issue: Issue, since: IsoDate | null, today: IsoDate): boolean {
  return issue.date === null || since === null || issue.date >= since || (issue.responseDue !== null && issue.responseDue >= today);
}

/** §2 item 2: the issues assessed as a threat, an opportunity or both, threats first, each with why it matters. */
function threatsSection(rows: GroupRows, since: IsoDate | null, today: IsoDate): SafeHtml {
  const assessed = rows.Issues.filter((issue) => issue.assessment !== null && issue.assessment in ASSESSMENT_ORDER && isCurrent(issue, since, today))
    .sort((a, b) => (ASSESSMENT_ORDER[a.assessment ?? ''] ?? 0) - (ASSESSMENT_ORDER[b.assessment ?? ''] ?? 0));
  return cappedList(assessed, (i) => html`<strong>${ASSESSMENT_LABEL[i.assessment ?? '']}:</strong> ${i.title}${
    i.body === null ? '' : ` (${i.body})`}${i.relevance === null ? '' : ` — ${i.relevance}`}`, 'No issue is assessed as a threat or an opportunity.');
}

/** The papers a chair needs now: those still awaiting an outcome, or with a date (consultation, adoption, circulation, publication) since `since`. */
function papersSection(rows: GroupRows, since: IsoDate | null): SafeHtml {
  const current = rows.Papers.filter((p) => p.outcome === 'Pending' || since === null ||
    [p.consultationOpens, p.consultationCloses, p.adoptedOn, p.circulatedOn, p.publishedOn].some((date) => date !== null && date >= since));
  const urls = new Map(current.map((paper) => [paper.id, paper.documentUrl]));
  return cappedList(tallyOf(rows).filter((t) => urls.has(t.paperId)), (t) => html`<strong>${t.paperId}</strong> ${linkTo(t.title, urls.get(t.paperId) ?? null)}: ${t.outcome}; Endorse ${t.counts.endorse}, Support ${
    t.counts.support}, Not Support ${t.counts.notSupport}, Pending ${t.counts.pending}${t.dissenters.length > 0 ? ` (dissent: ${t.dissenters.join(', ')})` : ''}`,
  'No paper is awaiting an outcome or has moved in this period.');
}

function consensusSection(rows: GroupRows, since: IsoDate | null, until: IsoDate): SafeHtml {
  const outcomes = rows.ConsensusCalls.filter((call) => call.designation !== null && inPeriod(call.calledOn, since, until));
  return cappedList(outcomes, (c) => html`${c.subject}: <strong>${c.designation}</strong> <em>(called ${c.calledOn})</em>`,
    'No consensus call designated in this period.');
}

function upcomingSection(rows: GroupRows, today: IsoDate): SafeHtml {
  const events = upcomingEvents(rows, today).map((e) => ({ date: e.date, text: html`${e.name}${e.endDate === null || e.endDate === e.date ? ''
    : ` (to ${e.endDate})`}${e.location === null ? '' : `, ${e.location}`}${e.assessment === null ? '' : html` <em>(${e.assessment})</em>`}` }));
  const consultations = rows.Issues.filter((i) => i.kind === 'Consultation' && i.responseDue !== null && i.responseDue >= today)
    .map((i) => ({ date: i.responseDue ?? today, text: html`Consultation: ${i.title}${i.body === null ? '' : ` (${i.body})`}, responses due` }));
  const items = [...events, ...consultations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return cappedList(items, (e) => html`${e.date}: ${e.text}`, 'No upcoming IG events or open consultations.');
}

/** The chairs of the participating SOs and ACs the report is addressed to (§2 item 5), with their e-mail when recorded. */
function addressees(rows: GroupRows): SafeHtml {
  const organizations = participatingOrganizations(rows);
  if (organizations.length === 0) return html`<p>To the chairs of the participating SOs and ACs (none participates yet).</p>`;
  return html`<p class="to">To the chairs of the participating SOs and ACs: ${organizations.map((o, index) => html`${index === 0 ? '' : '; '}${
    o.name} (${o.code})${o.chairEmail === null ? '' : `, ${o.chairEmail}`}`)}.</p>`;
}

function deadlinesSection(rows: GroupRows, context: DocumentContext): SafeHtml {
  const next = deadlinesOf(rows, context.today, context.config).filter((d) => !d.done && d.date >= context.today);
  const paperUrls = new Map(rows.Papers.map((paper) => [paper.id, paper.documentUrl]));
  return cappedList(next, (d) => html`<strong>${d.date}</strong> ${linkTo(d.what, d.tab === 'Papers' ? paperUrls.get(d.id) ?? null : null)} <em>(for ${
    d.forWhom})</em>`, 'No open deadlines.');
}

/**
 * The IG Update Report for the ICANN meeting `meetingId` (§2 item 5, §3), addressed to the chairs of the participating
 * SOs and ACs: activities and deliverables since the previous ICANN meeting, the key IG threats and opportunities
 * (§2 item 2), papers and their tallies, consensus outcomes, upcoming IG events (each once) and consultations,
 * membership against the band and the next deadlines. Papers and deliverables link to their documents. Every list is
 * capped and every free-text value clipped (see clippedRows) so the report fits one to two A4 pages.
 * @throws CcegError UNKNOWN_ENTITY when no meeting has that ID.
 */
export function renderUpdateReport(group: GroupRows, meetingId: string, context: DocumentContext): RenderedDocument {
  const rows = clippedRows(group);
  const meeting = rows.Meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) throw new CcegError('UNKNOWN_ENTITY', `No meeting has the ID ${meetingId}.`);
  const since = previousIcannMeeting(rows, meeting)?.startDate ?? null;
  const until = context.today < meeting.startDate ? context.today : meeting.startDate;
  const title = `IG Update Report for ${meeting.name}`;
  const body = html`${addressees(rows)}
<p>${meeting.name}, ${meeting.startDate} to ${meeting.endDate}${meeting.location === null ? '' : `, ${meeting.location}`}. ${
    since === null ? 'Covers the period up to the meeting.' : `Covers the period since ${since}.`}</p>
<h2>Activities since the last meeting</h2>${activitiesSection(rows, since, until)}
<h2>Delivered since the last meeting</h2>${deliverablesSection(rows, since, until)}
<h2>Key IG threats and opportunities</h2>${threatsSection(rows, since, context.today)}
<h2>Papers and endorsements</h2>${papersSection(rows, since)}
<h2>Consensus outcomes</h2>${consensusSection(rows, since, until)}
<h2>Upcoming IG events and open consultations</h2>${upcomingSection(rows, context.today)}
<h2>Membership</h2>${membershipSection(rows, context)}
<h2>Next deadlines</h2>${deadlinesSection(rows, context)}`;
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}
