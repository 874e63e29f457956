// The group's to-do list on a day: what is overdue, what falls due in the next 14 days, and which drafts wait to be sent.
import type { CharterConfig } from '../config.js';
import { addDays, daysBetween, type IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import type { Activity, DataTabName, Issue, Meeting, Paper, Person } from '../model/tabs.js';
import { firstDeliveryByMeeting } from '../rules/reports.js';
import { deadlinesOf, type Deadline } from './deadlines.js';

/** The to-do sections, in the order they are shown. */
export const TODO_SECTIONS = ['Overdue', 'Next 14 days', 'Drafts ready'] as const;
/** One to-do section. */
export type TodoSection = (typeof TODO_SECTIONS)[number];
/** How far ahead `Next 14 days` looks. */
export const NEXT_DAYS = 14;
/** Who acts when the charter names the group's chairs. */
export const CO_CHAIRS = 'Co-Chairs';
/** Who acts when the work falls to ICANN staff. */
export const STAFF = 'staff';
/** The earliest day an overdue deadline is looked for: overdue items never age out of the list. */
const EARLIEST: IsoDate = '1900-01-01';

/** A drafted document, as the store's document index holds it. */
export interface DraftedDocument {
  readonly kind: string;
  readonly key: string;
  readonly title: string;
  /** Where it was published: a Drive URL or a file path. */
  readonly location: string;
  readonly draftedAt: string;
}

/** One thing someone has to do. */
export interface TodoItem {
  readonly section: TodoSection;
  /** Who acts: an organization Code, `Co-Chairs` or `staff`. */
  readonly who: string;
  /** What to do, in plain words. */
  readonly action: string;
  /** The deadline, or the day a draft was made. */
  readonly date: IsoDate | null;
  /** The record it comes from, `Tab/ID` (just the tab while the row has no ID). */
  readonly source: string;
  /** The drafted document to send. */
  readonly link: string | null;
}

/** One section of the list and its items, in order. */
export interface TodoGroup {
  readonly section: TodoSection;
  readonly items: readonly TodoItem[];
}

/** The records a deadline or a draft names, by ID. */
interface Lookup {
  readonly meetings: ReadonlyMap<string, Meeting>;
  readonly papers: ReadonlyMap<string, Paper>;
  readonly activities: ReadonlyMap<string, Activity>;
  readonly issues: ReadonlyMap<string, Issue>;
  readonly people: ReadonlyMap<string, Person>;
  readonly codes: ReadonlyMap<string, string>;
}

/**
 * The records deadlines name, and the people of the Roster by the names asked for (`named`: trimmed, in lower case):
 * a name or e-mail whose length no asked name has is not lower-cased (a Roster of 10,000 is looked through for a few
 * owners). Lower-casing keeps a text's length but for U+0130 (İ, which becomes two characters), looked at whatever its length.
 */
function lookupOf(rows: GroupRows, named: ReadonlySet<string>): Lookup {
  const people = new Map<string, Person>();
  const lengths = new Set([...named].map((key) => key.length));
  const add = (name: string, person: Person) => {
    const trimmed = name.trim();
    if (!lengths.has(trimmed.length) && !trimmed.includes('\u0130')) return;
    const key = trimmed.toLowerCase();
    if (named.has(key) && !people.has(key)) people.set(key, person);
  };
  for (const person of rows.Roster) {
    add(person.name, person);
    add(person.email, person);
  }
  return {
    meetings: byId(rows.Meetings), papers: byId(rows.Papers), activities: byId(rows.WorkPlan), issues: byId(rows.Issues), people, codes: new Map(rows.Organizations.map((organization) => [organization.code.toLowerCase(), organization.code])) };
}

/**
 * Who acts for a name the workbook gives (a work plan or issue Owner, or a deadline's `forWhom`): an organization
 * Code as itself; a person of the Roster (by name or e-mail) as `staff` when Staff, `Co-Chairs` when Chair or
 * Co-Chair, else as the organization that appointed them; words naming staff or chairs ("ICANN staff") likewise;
 * anyone else as the `Co-Chairs`, who follow the group's work up.
 */
function actorOf(named: string, lookup: Lookup): string {
  const key = named.trim().toLowerCase();
  const code = lookup.codes.get(key);
  if (code !== undefined) return code;
  const person = lookup.people.get(key);
  if (person !== undefined) {
    if (person.role === 'Staff') return STAFF;
    if (person.role === 'Chair' || person.role === 'Co-Chair') return CO_CHAIRS;
    return person.organization ?? CO_CHAIRS;
  }
  return /\bstaff\b/.test(key) ? STAFF : CO_CHAIRS;
}

/** " (owner: Marta Lindqvist)" when the Owner is a person rather than who acts. */
function ownerNote(owner: string | null, who: string): string {
  return owner === null || owner === who || owner.toLowerCase() === who.toLowerCase() ? '' : ` (owner: ${owner})`;
}

/** The records of a tab by ID; the first row wins when an ID repeats. */
function byId<T extends { readonly id: string | null }>(records: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const record of records) if (record.id !== null && !index.has(record.id)) index.set(record.id, record);
  return index;
}

function find<T>(index: ReadonlyMap<string, T>, id: string | null): T | undefined {
  return id === null ? undefined : index.get(id);
}

/** The action of a deadline in plain words, with the cell that records it done. */
function actionOf(deadline: Deadline, lookup: Lookup, who: string): string {
  switch (deadline.kind) {
    case 'update-report': {
      const meeting = find(lookup.meetings, deadline.id);
      return meeting === undefined ? deadline.what
        : `Share the IG Update Report for ${meeting.name} (starts ${meeting.startDate}) with the participating SO/ACs, then record its delivery in Deliverables`;
    }
    case 'annual-report': {
      const meeting = find(lookup.meetings, deadline.id);
      return meeting === undefined ? deadline.what : `Deliver the Annual Report for the AGM ${meeting.name}, then record its delivery in Deliverables`;
    }
    case 'paper-release':
    case 'paper-circulation':
    case 'endorsement-decision': {
      const paper = find(lookup.papers, deadline.id);
      if (paper === undefined) return deadline.what;
      const label = `${paper.id ?? ''} "${paper.title}"`;
      if (deadline.kind === 'paper-release') return `Release paper ${label} publicly, then fill its Released On`;
      if (deadline.kind === 'paper-circulation') return `Circulate paper ${label} to the chairs of the participating SO/ACs, then fill its Circulated On`;
      return `Decide on paper ${label}, circulated on ${paper.circulatedOn ?? '?'}, and enter the decision in Endorsements`;
    }
    case 'review-notification':
      return `${deadline.what}: send it to the CCEG, then fill the review's Notified On`;
    case 'workplan-due': {
      const activity = find(lookup.activities, deadline.id);
      return activity === undefined ? deadline.what
        : `Complete the work plan activity "${activity.activity}"${ownerNote(activity.owner, who)}, then set its Status to Done`;
    }
    case 'consultation-response': {
      const issue = find(lookup.issues, deadline.id);
      return issue === undefined ? deadline.what
        : `Respond to the consultation "${issue.title}"${issue.body === null ? '' : ` (${issue.body})`}${ownerNote(issue.owner, who)}, ` +
          `then record the response in Deliverables (Related ${issue.id ?? 'its ID'})`;
    }
  }
}

function deadlineItem(section: TodoSection, deadline: Deadline, lookup: Lookup): TodoItem {
  const who = actorOf(deadline.forWhom, lookup);
  return { section, who, action: actionOf(deadline, lookup, who), date: deadline.date, source: sourceOf(deadline.tab, deadline.id), link: null };
}

function sourceOf(tab: DataTabName, id: string | null): string {
  return id === null ? tab : `${tab}/${id}`;
}

/** The tab a document kind's key names (its subject). */
const SUBJECT_TAB: Readonly<Record<string, DataTabName>> = {
  'update-report': 'Meetings', 'annual-report': 'Meetings', notice: 'Papers', dissent: 'Papers', 'chair-report': 'ConsensusCalls',
};

/**
 * Whether a drafted document was sent by `today`, as the workbook records it: an update or annual report by a
 * Deliverables row of its type for its meeting with a Delivered On; a circulation notice by its paper's Circulated On;
 * a dissent notice once the paper's Outcome is no longer Pending; a Chair's Report (or any other kind) by a delivered
 * Deliverables row whose Related (or For Meeting) is its key. A date after today is not a delivery yet.
 */
function sentDocuments(rows: GroupRows, today: IsoDate): (document: DraftedDocument) => boolean {
  const deliveredBy = (type: 'IG Update Report' | 'Annual Report') => {
    const firsts = firstDeliveryByMeeting(rows, type);
    return (meeting: string) => (firsts.get(meeting) ?? '9999-12-31') <= today;
  };
  const updates = deliveredBy('IG Update Report');
  const annuals = deliveredBy('Annual Report');
  const delivered = new Set<string>();
  for (const deliverable of rows.Deliverables) {
    if (deliverable.deliveredOn === null || deliverable.deliveredOn > today) continue;
    if (deliverable.related !== null) delivered.add(deliverable.related.trim());
    if (deliverable.forMeeting !== null) delivered.add(deliverable.forMeeting);
  }
  const papers = byId(rows.Papers);
  return (document) => {
    const paper = papers.get(document.key);
    switch (document.kind) {
      case 'update-report': return updates(document.key);
      case 'annual-report': return annuals(document.key);
      case 'notice': return paper === undefined || (paper.circulatedOn !== null && paper.circulatedOn <= today);
      case 'dissent': return paper === undefined || paper.outcome !== 'Pending';
      default: return delivered.has(document.key);
    }
  };
}

function draftAction(document: DraftedDocument): string {
  if (document.kind === 'notice') return `Circulate "${document.title}" to the chairs of the participating SO/ACs, then fill the paper's Circulated On`;
  if (document.kind === 'dissent') return `Send "${document.title}" to the participating SO/ACs, then fill the paper's Outcome once the CCEG decides`;
  return `Send "${document.title}", then record its delivery in Deliverables when sent`;
}

/** The drafts published and not yet sent, oldest first (the index's other entries, such as the tick's own claims, are not documents); the Co-Chairs send them. */
function draftItems(rows: GroupRows, today: IsoDate, documents: readonly DraftedDocument[]): TodoItem[] {
  const sent = sentDocuments(rows, today);
  return documents
    .filter((document) => Object.hasOwn(SUBJECT_TAB, document.kind) && document.location !== '' && !sent(document))
    .sort((a, b) => (a.draftedAt < b.draftedAt ? -1 : a.draftedAt > b.draftedAt ? 1 : a.key < b.key ? -1 : 1))
    .map((document): TodoItem => ({
      section: 'Drafts ready', who: CO_CHAIRS, action: draftAction(document), date: document.draftedAt.slice(0, 10),
      source: `${SUBJECT_TAB[document.kind] ?? document.kind}/${document.key}`, link: document.location,
    }));
}

/**
 * The to-do list on `today`, by section: every deadline past and not met, oldest first (however old: the lookback
 * of `schedule.lookbackDays` does not hide what is overdue); the open deadlines of the next 14 days, today included;
 * the drafted documents not yet sent. Each item names who acts and what to do.
 */
export function todoOf(rows: GroupRows, today: IsoDate, config: CharterConfig, documents: readonly DraftedDocument[]): TodoGroup[] {
  const everything = { ...config, schedule: { ...config.schedule, lookbackDays: Math.max(0, daysBetween(EARLIEST, today)) } };
  const deadlines = deadlinesOf(rows, today, everything);
  const lookup = lookupOf(rows, new Set(deadlines.map((deadline) => deadline.forWhom.trim().toLowerCase())));
  const until = addDays(today, NEXT_DAYS);
  return [
    { section: 'Overdue', items: deadlines.filter((deadline) => deadline.overdue).map((deadline) => deadlineItem('Overdue', deadline, lookup)) },
    {
      section: 'Next 14 days',
      items: deadlines.filter((deadline) => !deadline.done && deadline.date >= today && deadline.date <= until).map((deadline) => deadlineItem('Next 14 days', deadline, lookup)),
    },
    { section: 'Drafts ready', items: draftItems(rows, today, documents) },
  ];
}

/** Who may be asked for: the organization Codes of the workbook, the Co-Chairs and staff. */
export function knownActors(rows: GroupRows): string[] {
  return [...rows.Organizations.map((organization) => organization.code), CO_CHAIRS, STAFF];
}

/** Who `text` names (an organization Code in any case, `chairs`/`co-chairs`, `staff`), or null when nobody. */
export function actorNamed(rows: GroupRows, text: string): string | null {
  const key = text.trim().toLowerCase();
  if (key === 'chairs' || key === 'co-chairs') return CO_CHAIRS;
  if (key === STAFF) return STAFF;
  return rows.Organizations.find((organization) => organization.code.toLowerCase() === key)?.code ?? null;
}

/** The list with only the items of `who`, every section kept. */
export function todoFor(groups: readonly TodoGroup[], who: string): TodoGroup[] {
  return groups.map((group) => ({ section: group.section, items: group.items.filter((item) => item.who === who) }));
}
