// Builds typed rows and rule contexts for tests: every field has a harmless default, tests say only what matters.
import { DEFAULT_CONFIG, type CharterConfig } from '../../functions/core/config.js';
import { emptyGroupRows, type GroupRows } from '../../functions/core/model/group.js';
import type {
  Activity, Amendment, ConductAction, ConsensusCall, Deliverable, Endorsement, Issue, Meeting, Organization, Paper, Person, Review,
} from '../../functions/core/model/tabs.js';
import type { RuleContext } from '../../functions/core/rules/rule.js';

type Partial<T> = { -readonly [K in keyof T]?: T[K] };

let nextRow = 2;
const row = () => nextRow++;

/** An organization that participates and adopted the charter. */
export function org(fields: Partial<Organization> = {}): Organization {
  return { sheetRow: row(), code: 'GNSO', name: 'Generic Names Supporting Organization', type: 'SO', participating: true,
    charterAdoptedOn: '2018-03-01', adoptionResolution: null, chairEmail: null, secretariatEmails: [], ...fields };
}

/** An active Member with an SOI. */
export function person(fields: Partial<Person> = {}): Person {
  return { sheetRow: row(), id: 'P-0001', name: 'Ana Member', email: 'ana@example.org', role: 'Member', organization: 'GNSO',
    stakeholderGroup: null, region: 'Europe', affiliation: null, expertise: null, soiUrl: 'https://example.org/soi/ana',
    soiDate: null, startDate: null, endDate: null, ...fields };
}

/** A face-to-face ICANN Public Meeting. */
export function meeting(fields: Partial<Meeting> = {}): Meeting {
  return { sheetRow: row(), id: 'ICANN61', name: 'ICANN61', type: 'ICANN Public Meeting', startDate: '2018-03-10',
    endDate: '2018-03-15', timeZone: 'America/Puerto_Rico', location: 'San Juan', faceToFace: true, ...fields };
}

/** A planned work plan activity with its mission consistency stated. */
export function activity(fields: Partial<Activity> = {}): Activity {
  return { sheetRow: row(), id: 'W-0001', year: 2018, activity: 'Activity', type: 'Other', relatedPaper: null,
    relatedMeeting: null, startDate: null, dueDate: null, owner: null, status: 'Planned',
    missionConsistency: 'Within ICANN mission.', remoteParticipation: false, mandateFrom: [], ...fields };
}

/** A position paper in consultation, nothing adopted yet. */
export function paper(fields: Partial<Paper> = {}): Paper {
  return { sheetRow: row(), id: 'PP-0001', title: 'Paper', kind: 'Position Paper', supersedes: null, consultationOpens: null,
    consultationCloses: null, commentsReceived: null, commentsReviewed: false, designation: null, minorityViewsIncluded: false,
    adoptedOn: null, releasedOn: null, circulatedOn: null, outcome: 'Pending', publishedOn: null, documentUrl: null, ...fields };
}

/** An endorsement of PP-0001 by GNSO. */
export function endorsement(fields: Partial<Endorsement> = {}): Endorsement {
  return { sheetRow: row(), id: 'E-0001', paper: 'PP-0001', organization: 'GNSO', decision: 'Endorse', decidedOn: null,
    reasons: null, supportedParts: null, ...fields };
}

/** An open consensus call. */
export function consensusCall(fields: Partial<ConsensusCall> = {}): ConsensusCall {
  return { sheetRow: row(), id: 'CC-0001', subject: 'Subject', paper: null, calledOn: '2018-02-01', designation: null,
    membersInvolved: null, objections: null, minorityViewpoints: null, pollUsed: false, pollRationale: null, ...fields };
}

/** A deliverable with nothing delivered. */
export function deliverable(fields: Partial<Deliverable> = {}): Deliverable {
  return { sheetRow: row(), id: 'D-0001', type: 'IG Update Report', title: null, forMeeting: null, related: null, dueDate: null,
    deliveredOn: null, pages: null, documentUrl: null, ...fields };
}

/** An issue with its relevance stated. */
export function issue(fields: Partial<Issue> = {}): Issue {
  return { sheetRow: row(), id: 'I-0001', title: 'Issue', kind: 'Issue', body: null, date: null, responseDue: null,
    relevance: 'Relevant to the DNS.', assessment: null, owner: null, ...fields };
}

/** A private warning to P-0001. */
export function conduct(fields: Partial<ConductAction> = {}): ConductAction {
  return { sheetRow: row(), id: 'C-0001', person: 'P-0001', date: '2018-01-10', action: 'Private Warning', reason: null,
    extremeCircumstances: false, decidedBy: null, ...fields };
}

/** A proposed amendment. */
export function amendment(fields: Partial<Amendment> = {}): Amendment {
  return { sheetRow: row(), id: 'A-0001', summary: 'Amendment', proposedOn: null, adoptedBy: [], state: 'Proposed',
    publishedOn: null, ...fields };
}

/** An organization's decision to extend the mandate. */
export function review(fields: Partial<Review> = {}): Review {
  return { sheetRow: row(), id: 'R-0001', year: 2018, meeting: null, reviewDate: '2018-10-25', organization: 'GNSO',
    decision: 'Extend', notifiedOn: null, ...fields };
}

/** A rule context over the given rows (other tabs empty), on `today`, with the charter's defaults unless overridden. */
export function contextOf(rows: Partial<GroupRows>, today = '2018-06-01', config: CharterConfig = DEFAULT_CONFIG): RuleContext {
  return { rows: { ...emptyGroupRows(), ...rows }, today, config };
}
