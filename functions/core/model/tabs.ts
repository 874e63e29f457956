// The tabs and columns of the workbook contract (WORKBOOK.md), and the typed row of each tab.
import {
  type Column, choice, choiceOr, count, date, email, emails, idColumn, number, ref, refs, text, timeZone, url, yesNo,
} from './columns.js';

/** ICANN geographic regions. */
export const REGIONS = ['Africa', 'Asia/Australia/Pacific', 'Europe', 'Latin America/Caribbean', 'North America'] as const;
/** Roster roles. */
export const ROLES = ['Member', 'Participant', 'Observer', 'Chair', 'Co-Chair', 'Staff', 'Liaison', 'Advisor'] as const;
/** Meeting types. */
export const MEETING_TYPES = ['ICANN Public Meeting', 'ICANN AGM', 'CCEG Call', 'Board IG WG Coordination', 'IG Event'] as const;
/** Work plan activity types. */
export const ACTIVITY_TYPES = [
  'Position Paper', 'Workshop', 'Annual Report', 'IG Update Report', 'Ad Hoc Communication', 'Issues List',
  'F2F Session', 'Board Coordination', 'Representation', 'Other',
] as const;
/** Work plan activity states. */
export const ACTIVITY_STATES = ['Planned', 'In Progress', 'Done', 'Cancelled'] as const;
/** Consensus designations (§6). */
export const DESIGNATIONS = ['Full Consensus', 'Consensus', 'No Consensus'] as const;
/** Paper outcomes after the organizations' decisions (§4). */
export const OUTCOMES = ['Pending', 'Published', 'Published With Dissent', 'Supplemental Submitted', 'Refrained'] as const;
/** An organization's decision on a paper. */
export const DECISIONS = ['Endorse', 'Support', 'Not Support', 'Pending'] as const;
/** Deliverable types. */
export const DELIVERABLE_TYPES = [
  'IG Update Report', 'Annual Report', 'Progress Paper', 'Workshop Report', 'Ad Hoc Communication', 'Issues List',
  "Chair's Report", "Final Chair's Report", 'Position Paper',
] as const;
/** Conduct actions (§6 Problem/Issue Escalation). */
export const CONDUCT_ACTIONS = ['Private Warning', 'Public Warning', 'Restriction', 'Appeal', 'Appeal Granted', 'Appeal Denied'] as const;

/** A tab of the contract: name, ID column and prefix, and its columns keyed by field name. */
export interface TabSpec<C extends Record<string, Column> = Record<string, Column>> {
  readonly name: string;
  /** Field holding the row's key: `id`, or `code` for Organizations. */
  readonly idKey: keyof C & string;
  /** Prefix of system-assigned IDs (`P` gives `P-0001`), or null when the key is typed by people. */
  readonly idPrefix: string | null;
  /** Header of the system-owned status column of this tab. */
  readonly statusHeader: string;
  readonly columns: C;
}

function defineTab<C extends Record<string, Column>>(spec: TabSpec<C>): TabSpec<C> {
  return spec;
}

const organizations = defineTab({
  name: 'Organizations', idKey: 'code', idPrefix: null, statusHeader: 'Status',
  columns: {
    code: text('Code', { required: true }),
    name: text('Name', { required: true }),
    type: choice('Type', ['SO', 'AC'] as const, { required: true }),
    participating: yesNo('Participating', { required: true }),
    charterAdoptedOn: date('Charter Adopted On'),
    adoptionResolution: url('Adoption Resolution'),
    chairEmail: email('Chair Email'),
    secretariatEmails: emails('Secretariat Emails'),
  },
});

const roster = defineTab({
  name: 'Roster', idKey: 'id', idPrefix: 'P', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    name: text('Name', { required: true }),
    email: email('Email', { required: true }),
    role: choice('Role', ROLES, { required: true }),
    organization: ref('Organization', 'Organizations'),
    stakeholderGroup: text('Stakeholder Group'),
    region: choice('Region', REGIONS),
    affiliation: text('Affiliation'),
    expertise: text('Expertise'),
    soiUrl: url('SOI URL'),
    soiDate: date('SOI Date'),
    startDate: date('Start Date'),
    endDate: date('End Date'),
  },
});

const meetings = defineTab({
  name: 'Meetings', idKey: 'id', idPrefix: 'M', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    name: text('Name', { required: true }),
    type: choice('Type', MEETING_TYPES, { required: true }),
    startDate: date('Start Date', { required: true }),
    endDate: date('End Date', { required: true }),
    timeZone: timeZone('Time Zone'),
    location: text('Location'),
    faceToFace: yesNo('Face To Face'),
  },
});

const workPlan = defineTab({
  // WorkPlan's own `Status` column is the activity state, so the system's status column has another header.
  name: 'WorkPlan', idKey: 'id', idPrefix: 'W', statusHeader: 'Sync Status',
  columns: {
    id: idColumn(),
    year: number('Year', { required: true }),
    activity: text('Activity', { required: true }),
    type: choice('Type', ACTIVITY_TYPES, { required: true }),
    relatedPaper: ref('Related Paper', 'Papers'),
    relatedMeeting: ref('Related Meeting', 'Meetings'),
    startDate: date('Start Date'),
    dueDate: date('Due Date'),
    owner: text('Owner'),
    status: choice('Status', ACTIVITY_STATES, { required: true }),
    missionConsistency: text('Mission Consistency'),
    remoteParticipation: yesNo('Remote Participation'),
    mandateFrom: refs('Mandate From', 'Organizations'),
  },
});

const papers = defineTab({
  name: 'Papers', idKey: 'id', idPrefix: 'PP', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    title: text('Title', { required: true }),
    kind: choice('Kind', ['Position Paper', 'Statement', 'Supplemental'] as const, { required: true }),
    supersedes: ref('Supersedes', 'Papers'),
    consultationOpens: date('Consultation Opens'),
    consultationCloses: date('Consultation Closes'),
    commentsReceived: count('Comments Received'),
    commentsReviewed: yesNo('Comments Reviewed'),
    designation: choice('Designation', DESIGNATIONS),
    minorityViewsIncluded: yesNo('Minority Views Included'),
    adoptedOn: date('Adopted On'),
    releasedOn: date('Released On'),
    circulatedOn: date('Circulated On'),
    outcome: choiceOr('Outcome', OUTCOMES, 'Pending'),
    publishedOn: date('Published On'),
    documentUrl: url('Document URL'),
  },
});

const endorsements = defineTab({
  name: 'Endorsements', idKey: 'id', idPrefix: 'E', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    paper: ref('Paper', 'Papers', { required: true }),
    organization: ref('Organization', 'Organizations', { required: true }),
    decision: choice('Decision', DECISIONS, { required: true }),
    decidedOn: date('Decided On'),
    reasons: text('Reasons'),
    supportedParts: text('Supported Parts'),
  },
});

const consensusCalls = defineTab({
  name: 'ConsensusCalls', idKey: 'id', idPrefix: 'CC', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    subject: text('Subject', { required: true }),
    paper: ref('Paper', 'Papers'),
    calledOn: date('Called On', { required: true }),
    designation: choice('Designation', DESIGNATIONS),
    membersInvolved: count('Members Involved'),
    objections: count('Objections'),
    minorityViewpoints: text('Minority Viewpoints'),
    pollUsed: yesNo('Poll Used'),
    pollRationale: text('Poll Rationale'),
  },
});

const deliverables = defineTab({
  name: 'Deliverables', idKey: 'id', idPrefix: 'D', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    type: choice('Type', DELIVERABLE_TYPES, { required: true }),
    title: text('Title'),
    forMeeting: ref('For Meeting', 'Meetings'),
    related: text('Related'),
    dueDate: date('Due Date'),
    deliveredOn: date('Delivered On'),
    pages: count('Pages'),
    documentUrl: url('Document URL'),
  },
});

const issues = defineTab({
  name: 'Issues', idKey: 'id', idPrefix: 'I', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    title: text('Title', { required: true }),
    kind: choice('Kind', ['Issue', 'Event', 'Forum', 'Consultation'] as const, { required: true }),
    body: text('Body'),
    date: date('Date'),
    responseDue: date('Response Due'),
    relevance: text('Relevance'),
    assessment: choice('Assessment', ['Threat', 'Opportunity', 'Both', 'Neutral'] as const),
    owner: text('Owner'),
  },
});

const conduct = defineTab({
  name: 'Conduct', idKey: 'id', idPrefix: 'C', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    person: ref('Person', 'Roster', { required: true }),
    date: date('Date', { required: true }),
    action: choice('Action', CONDUCT_ACTIONS, { required: true }),
    reason: text('Reason'),
    extremeCircumstances: yesNo('Extreme Circumstances'),
    decidedBy: text('Decided By'),
  },
});

const amendments = defineTab({
  name: 'Amendments', idKey: 'id', idPrefix: 'A', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    summary: text('Summary', { required: true }),
    proposedOn: date('Proposed On'),
    adoptedBy: refs('Adopted By', 'Organizations'),
    state: choice('State', ['Proposed', 'Effective', 'Withdrawn'] as const, { required: true }),
    publishedOn: date('Published On'),
  },
});

const reviews = defineTab({
  name: 'Reviews', idKey: 'id', idPrefix: 'R', statusHeader: 'Status',
  columns: {
    id: idColumn(),
    year: number('Year', { required: true }),
    meeting: ref('Meeting', 'Meetings'),
    reviewDate: date('Review Date', { required: true }),
    organization: ref('Organization', 'Organizations', { required: true }),
    decision: choice('Decision', ['Extend', 'Withdraw'] as const, { required: true }),
    notifiedOn: date('Notified On'),
  },
});

/** Every editable tab of the contract, in workbook order. */
export const TABS = {
  Organizations: organizations,
  Roster: roster,
  Meetings: meetings,
  WorkPlan: workPlan,
  Papers: papers,
  Endorsements: endorsements,
  ConsensusCalls: consensusCalls,
  Deliverables: deliverables,
  Issues: issues,
  Conduct: conduct,
  Amendments: amendments,
  Reviews: reviews,
} as const;

/** The name of an editable tab. */
export type DataTabName = keyof typeof TABS;
/** The system-owned tabs, rewritten on every sync. */
export const SYSTEM_TABS = ['Findings', 'Dashboard'] as const;
/** Any tab a finding can name. */
export type TabName = DataTabName | (typeof SYSTEM_TABS)[number];

/** Editable tab names in workbook order. */
export const DATA_TAB_NAMES = Object.keys(TABS) as DataTabName[];
/** All tab names in workbook order (editable, then system-owned). */
export const TAB_ORDER: readonly TabName[] = [...DATA_TAB_NAMES, ...SYSTEM_TABS];

/** Header of the Findings tab. */
export const FINDINGS_HEADER = ['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter'] as const;

type ColumnsOf<T extends DataTabName> = (typeof TABS)[T]['columns'];
type ValueOf<C> = C extends Column<infer V> ? V : never;

/** Where a parsed row stands in the sheet. */
export interface RowLocation {
  /** The 1-based sheet row number. */
  readonly sheetRow: number;
}

/** The typed row of a tab: one field per column, plus its sheet row number. */
export type RowOf<T extends DataTabName> = { readonly [K in keyof ColumnsOf<T>]: ValueOf<ColumnsOf<T>[K]> } & RowLocation;

/** Typed rows of every tab. */
export type Organization = RowOf<'Organizations'>;
export type Person = RowOf<'Roster'>;
export type Meeting = RowOf<'Meetings'>;
export type Activity = RowOf<'WorkPlan'>;
export type Paper = RowOf<'Papers'>;
export type Endorsement = RowOf<'Endorsements'>;
export type ConsensusCall = RowOf<'ConsensusCalls'>;
export type Deliverable = RowOf<'Deliverables'>;
export type Issue = RowOf<'Issues'>;
export type ConductAction = RowOf<'Conduct'>;
export type Amendment = RowOf<'Amendments'>;
export type Review = RowOf<'Reviews'>;
