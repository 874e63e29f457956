// Acceptance suite: every rule of RULES.md, broken once on the compliant workbook, reported at its exact location and nowhere else.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../functions/core/model/cell.js';
import type { Column } from '../../functions/core/model/columns.js';
import type { RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { TABS, type DataTabName } from '../../functions/core/model/tabs.js';
import { COMPLIANT_TODAY } from '../support/compliant-workbook.js';
import { rawTab, workbookOf } from '../support/raw-workbook.js';
import { CHARTER_RULES } from '../../functions/core/rules/catalogue.js';
import { type AcceptanceCase, type Located, append, catalogueOfRulesMd, change, configWith, findingsOfCase, freshRows, insertBefore, locate, rearrangedTab, remove, runCase, withCopiedColumn, withoutColumn, withoutTab } from './acceptance-workbook.js';
import { wordingProblems } from './message-wording.js';

const E = (rule: string, tab: string, row: number | null, column: string | null, id: string | null): Located => [rule, 'error', tab, row, column, id];
const W = (rule: string, tab: string, row: number | null, column: string | null, id: string | null): Located => [rule, 'warning', tab, row, column, id];

/** A Member with an SOI, appointed by `organization`, active from `start`. */
function member(id: string, name: string, organization: string, region: string, start: string): Record<string, CellValue> {
  return {
    ID: id, Name: name, Email: `${id.toLowerCase()}@example.org`, Role: 'Member', Organization: organization, Region: region,
    'SOI URL': `https://example.org/soi/${id.toLowerCase()}`, 'SOI Date': start, 'Start Date': start,
  };
}

/** A Conduct row about `person`. */
function conduct(id: string, person: string, date: string, action: string, extra: Record<string, CellValue> = {}): Record<string, CellValue> {
  return { ID: id, Person: person, Date: date, Action: action, 'Decided By': 'CCEG co-chairs', ...extra };
}

/** Past ICANN AGM within the look-back period, with its update report delivered in time (so only the annual report is at stake). */
const icann60 = {
  ID: 'ICANN60', Name: 'ICANN60 Annual General Meeting', Type: 'ICANN AGM', 'Start Date': '2017-10-28', 'End Date': '2017-11-03',
  'Time Zone': 'Asia/Dubai', Location: 'Abu Dhabi', 'Face To Face': 'Yes',
};
const icann60Update = { ID: 'D-0002', Type: 'IG Update Report', Title: 'IG update before ICANN60', 'For Meeting': 'ICANN60', 'Delivered On': '2017-10-10', Pages: 2 };
const annualReport = (deliveredOn: string) => ({ ID: 'D-0003', Type: 'Annual Report', Title: 'CCEG IG annual report 2017', 'For Meeting': 'ICANN60', 'Delivered On': deliveredOn });

/** A future face-to-face ICANN meeting starting on `start`, for the horizon of meeting.no-cceg-session. */
const icann63 = (start: string) => ({
  ID: 'ICANN63', Name: 'ICANN63', Type: 'ICANN Public Meeting', 'Start Date': start, 'End Date': start, 'Time Zone': 'Europe/Madrid', Location: 'Barcelona', 'Face To Face': 'Yes',
});

/** A past face-to-face ICANN meeting starting on `start`, with no update report, for the look-back period. */
const icann59 = (start: string) => ({
  ID: 'ICANN59', Name: 'ICANN59 Policy Forum', Type: 'ICANN Public Meeting', 'Start Date': start, 'End Date': start, 'Time Zone': 'Africa/Johannesburg', Location: 'Johannesburg', 'Face To Face': 'Yes',
});

const representation = (mandateFrom: string) => ({
  ID: 'W-0003', Year: 2018, Activity: 'Represent the organizations at the IGF MAG consultation', Type: 'Representation', Status: 'Planned',
  'Mission Consistency': 'Speaks only on DNS matters within ICANN remit.', 'Mandate From': mandateFrom,
});

const supplemental = (supersedes: CellValue) => [
  append('Papers', { ID: 'PP-0002', Title: 'WHOIS, GDPR and IG fora (supplemental)', Kind: 'Supplemental', Supersedes: supersedes }),
  // The schedule of the new paper is in the work plan, so workplan.paper-schedule-missing stays quiet.
  append('WorkPlan', { ID: 'W-0003', Year: 2018, Activity: 'Supplemental paper on WHOIS', Type: 'Position Paper', 'Related Paper': 'PP-0002', 'Start Date': '2018-05-15', 'Due Date': '2018-07-31', Status: 'In Progress', 'Mission Consistency': 'Registration data.' }),
];

const noConsensusCall = (paper: CellValue = null) => append('ConsensusCalls', {
  ID: 'CC-0002', Subject: 'Position on the new gTLD round in IG fora', Paper: paper, 'Called On': '2018-05-20', Designation: 'No Consensus', 'Members Involved': 6, Objections: 3,
});

const amendment = (adoptedBy: string, publishedOn: CellValue) => append('Amendments', {
  ID: 'A-0001', Summary: 'Allow two co-chairs per organization', 'Proposed On': '2018-02-01', 'Adopted By': adoptedBy, State: 'Effective', 'Published On': publishedOn,
});

const review = (id: string, year: number, organization: string, decision: string, notifiedOn: string) => ({
  ID: id, Year: year, 'Review Date': `${year}-11-02`, Organization: organization, Decision: decision, 'Notified On': notifiedOn,
});

/** One case per rule of RULES.md, in catalogue order: the rule broken once, every finding expected. */
const EVERY_RULE: AcceptanceCase[] = [
  // ---- Data rules ----
  { rule: 'tab.missing', name: 'reports a deleted Amendments tab on the tab, with no row, column or ID', raw: withoutTab('Amendments'),
    expected: [E('tab.missing', 'Amendments', null, null, null)] },
  { rule: 'tab.missing-column', name: 'reports a deleted required Title column of Issues on row 1 and skips the tab', raw: withoutColumn('Issues', 'Title'),
    expected: [E('tab.missing-column', 'Issues', 1, 'Title', null)] },
  { rule: 'tab.duplicate-column', name: 'reports a second Relevance column of Issues, spelled differently, on row 1',
    raw: withCopiedColumn('Issues', ' relevance ', 'Relevance'),
    expected: [E('tab.duplicate-column', 'Issues', 1, 'Relevance', null)] },
  { rule: 'cell.required', name: 'reports an observer whose Name is blanked on that row and column', mutate: change('Roster', 'P-0010', { Name: null }),
    expected: [E('cell.required', 'Roster', 11, 'Name', 'P-0010')] },
  { rule: 'cell.invalid-date', name: 'reports an issue Date written 12/11/2018', mutate: change('Issues', 'I-0001', { Date: '12/11/2018' }),
    expected: [E('cell.invalid-date', 'Issues', 2, 'Date', 'I-0001')] },
  { rule: 'cell.invalid-email', name: 'reports an observer Email written "jon at example.net"', mutate: change('Roster', 'P-0010', { Email: 'jon at example.net' }),
    expected: [E('cell.invalid-email', 'Roster', 11, 'Email', 'P-0010')] },
  { rule: 'cell.invalid-choice', name: 'reports an issue Assessment that is not one of the listed values', mutate: change('Issues', 'I-0001', { Assessment: 'Positive' }),
    expected: [E('cell.invalid-choice', 'Issues', 2, 'Assessment', 'I-0001')] },
  { rule: 'cell.invalid-number', name: 'reports a negative count of Objections', mutate: change('ConsensusCalls', 'CC-0001', { Objections: -1 }),
    expected: [E('cell.invalid-number', 'ConsensusCalls', 2, 'Objections', 'CC-0001')] },
  // The paper's row is not committed, yet the Endorsements, WorkPlan and ConsensusCalls rows pointing at it raise no ref.unknown.
  { rule: 'cell.invalid-url', name: 'reports a paper Document URL without a scheme, and rows pointing at that paper stay valid',
    mutate: change('Papers', 'PP-0001', { 'Document URL': 'www.example.org/pp-0001.pdf' }),
    expected: [E('cell.invalid-url', 'Papers', 2, 'Document URL', 'PP-0001')] },
  { rule: 'cell.formula-error', name: 'reports an error value in an issue Owner cell', mutate: change('Issues', 'I-0001', { Owner: { error: '#REF!' } }),
    expected: [E('cell.formula-error', 'Issues', 2, 'Owner', 'I-0001')] },
  { rule: 'row.duplicate-id', name: 'reports a Roster ID repeated on a later row, on that later row',
    mutate: append('Roster', { ID: 'P-0010', Name: 'Lea Observer', Email: 'lea@example.net', Role: 'Observer' }),
    expected: [E('row.duplicate-id', 'Roster', 13, 'ID', 'P-0010')] },
  { rule: 'ref.unknown', name: 'reports an observer Organization that is no code of the Organizations tab', mutate: change('Roster', 'P-0010', { Organization: 'SSAC' }),
    expected: [E('ref.unknown', 'Roster', 11, 'Organization', 'P-0010')] },

  // ---- Organizations and roster (§5) ----
  { rule: 'org.too-few-participating', name: 'fires on the Organizations tab when fewer organizations participate than continuation.minOrganizations',
    config: { continuation: { minOrganizations: 4 } },
    expected: [E('org.too-few-participating', 'Organizations', null, null, null)] },
  { rule: 'org.charter-adoption-missing', name: 'fires on a participating organization with no Charter Adopted On',
    mutate: change('Organizations', 'ccNSO', { 'Charter Adopted On': null }),
    expected: [W('org.charter-adoption-missing', 'Organizations', 4, 'Charter Adopted On', 'ccNSO')] },
  { rule: 'roster.member-without-organization', name: 'fires on a Chair with no appointing Organization', mutate: change('Roster', 'P-0001', { Organization: null }),
    expected: [E('roster.member-without-organization', 'Roster', 2, 'Organization', 'P-0001')] },
  { rule: 'roster.members-below-minimum', name: 'fires on the organization row when one of its two Members left yesterday',
    mutate: change('Roster', 'P-0008', { 'End Date': '2018-05-31' }),
    expected: [E('roster.members-below-minimum', 'Organizations', 4, null, 'ccNSO')] },
  { rule: 'roster.members-above-maximum', name: 'fires on the organization row when it has six active Members',
    mutate: append('Roster',
      member('P-0012', 'Ivo Marek', 'GNSO', 'Europe', '2018-05-01'), member('P-0013', 'Jia Li', 'GNSO', 'Asia/Australia/Pacific', '2018-05-01'),
      member('P-0014', 'Kofi Mensah', 'GNSO', 'Africa', '2018-05-01'), member('P-0015', 'Luz Ortega', 'GNSO', 'Latin America/Caribbean', '2018-05-01')),
    expected: [E('roster.members-above-maximum', 'Organizations', 2, null, 'GNSO')] },
  { rule: 'roster.soi-missing', name: 'fires on a Participant with no SOI URL once the Expertise statement is removed',
    mutate: change('Roster', 'P-0011', { Expertise: null }),
    expected: [E('roster.soi-missing', 'Roster', 12, 'SOI URL', 'P-0011')] },
  { rule: 'roster.soi-stale', name: 'fires on a Participant whose SOI Date is twelve months and a day old', mutate: change('Roster', 'P-0011', { 'SOI Date': '2017-05-31' }),
    expected: [W('roster.soi-stale', 'Roster', 12, 'SOI Date', 'P-0011')] },
  { rule: 'roster.duplicate-person', name: 'fires on the later of two active rows with the same email in another case',
    mutate: append('Roster', { ID: 'P-0012', Name: 'Eli Brooks', Email: 'P-0005@Example.org', Role: 'Participant', Organization: 'ALAC', 'SOI URL': 'https://example.org/soi/eli', 'SOI Date': '2018-05-01', 'Start Date': '2018-05-01' }),
    expected: [E('roster.duplicate-person', 'Roster', 13, 'Email', 'P-0012')] },
  { rule: 'roster.co-chairs-per-organization', name: 'fires on the later of two active chairs appointed by the GNSO',
    mutate: append('Roster', { ID: 'P-0012', Name: 'Lars Nilsson', Email: 'p-0012@example.org', Role: 'Co-Chair', Organization: 'GNSO', Region: 'Europe', 'Start Date': '2018-05-01' }),
    expected: [E('roster.co-chairs-per-organization', 'Roster', 13, 'Organization', 'P-0012')] },
  { rule: 'roster.no-chair', name: 'fires on the Roster tab when both chairs left yesterday',
    mutate: [change('Roster', 'P-0001', { 'End Date': '2018-05-31' }), change('Roster', 'P-0004', { 'End Date': '2018-05-31' })],
    expected: [W('roster.no-chair', 'Roster', null, null, null)] },
  { rule: 'roster.region-diversity', name: 'fires on the Roster tab when active Members come from two regions only',
    mutate: [change('Roster', 'P-0003', { Region: 'Europe' }), change('Roster', 'P-0008', { Region: 'Europe' }), change('Roster', 'P-0005', { Region: 'Africa' })],
    expected: [W('roster.region-diversity', 'Roster', null, null, null)] },

  // ---- Work plan and meetings (§2, §3) ----
  { rule: 'workplan.no-current-plan', name: 'fires on the WorkPlan tab when every activity is for last year',
    mutate: [change('WorkPlan', 'W-0001', { Year: 2017 }), change('WorkPlan', 'W-0002', { Year: 2017 })],
    expected: [E('workplan.no-current-plan', 'WorkPlan', null, null, null)] },
  { rule: 'workplan.mission-consistency-missing', name: 'fires on an activity whose Mission Consistency is blanked',
    mutate: change('WorkPlan', 'W-0002', { 'Mission Consistency': null }),
    expected: [E('workplan.mission-consistency-missing', 'WorkPlan', 3, 'Mission Consistency', 'W-0002')] },
  { rule: 'workplan.overdue', name: 'fires on a Planned activity due yesterday', mutate: change('WorkPlan', 'W-0001', { 'Due Date': '2018-05-31' }),
    expected: [W('workplan.overdue', 'WorkPlan', 2, 'Due Date', 'W-0001')] },
  { rule: 'workplan.paper-schedule-missing', name: 'fires on the paper row when its Position Paper activity loses its Start Date',
    mutate: change('WorkPlan', 'W-0002', { 'Start Date': null }),
    expected: [E('workplan.paper-schedule-missing', 'Papers', 2, null, 'PP-0001')] },
  { rule: 'workplan.representation-without-mandate', name: 'fires on a Representation activity without the ccNSO mandate',
    mutate: append('WorkPlan', representation('GNSO, ALAC')),
    expected: [E('workplan.representation-without-mandate', 'WorkPlan', 4, 'Mandate From', 'W-0003')] },
  { rule: 'meeting.end-before-start', name: 'fires on a call that ends the day before it starts', mutate: change('Meetings', 'CALL-2018-05', { 'End Date': '2018-05-01' }),
    expected: [E('meeting.end-before-start', 'Meetings', 4, 'End Date', 'CALL-2018-05')] },
  { rule: 'meeting.no-cceg-session', name: 'fires on an ICANN meeting 24 days away once its F2F Session is deleted', mutate: remove('WorkPlan', 'W-0001'),
    expected: [W('meeting.no-cceg-session', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'meeting.no-remote-participation', name: 'fires on a F2F Session whose Remote Participation is No',
    mutate: change('WorkPlan', 'W-0001', { 'Remote Participation': 'No' }),
    expected: [W('meeting.no-remote-participation', 'WorkPlan', 2, 'Remote Participation', 'W-0001')] },
  { rule: 'meeting.board-coordination-gap', name: 'fires on the Meetings tab once the only Board IG WG coordination is deleted',
    mutate: remove('Meetings', 'BWG-2018-05'),
    expected: [W('meeting.board-coordination-gap', 'Meetings', null, null, null)] },

  // ---- Reports and deliverables (§2 item 5, §3) ----
  { rule: 'report.update-missing', name: 'fires on the ICANN meeting the day after its update due date with no update delivered',
    mutate: remove('Deliverables', 'D-0001'), today: '2018-06-12',
    expected: [E('report.update-missing', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'report.update-late', name: 'fires on the update report delivered the day after the due date',
    mutate: change('Deliverables', 'D-0001', { 'Delivered On': '2018-06-12' }), today: '2018-06-20',
    expected: [W('report.update-late', 'Deliverables', 2, 'Delivered On', 'D-0001')] },
  { rule: 'report.update-due-soon', name: 'fires on the ICANN meeting whose update is due in ten days and is not delivered',
    mutate: remove('Deliverables', 'D-0001'),
    expected: [W('report.update-due-soon', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'report.update-length', name: 'fires on an update report of three pages', mutate: change('Deliverables', 'D-0001', { Pages: 3 }),
    expected: [W('report.update-length', 'Deliverables', 2, 'Pages', 'D-0001')] },
  { rule: 'report.annual-missing', name: 'fires on a past AGM with no annual report',
    mutate: [append('Meetings', icann60), append('Deliverables', icann60Update)],
    expected: [E('report.annual-missing', 'Meetings', 5, null, 'ICANN60')] },
  { rule: 'issue.relevance-missing', name: 'fires on an issue whose Relevance is blanked', mutate: change('Issues', 'I-0001', { Relevance: null }),
    expected: [E('issue.relevance-missing', 'Issues', 2, 'Relevance', 'I-0001')] },
  { rule: 'issue.response-overdue', name: 'fires on a consultation whose response was due yesterday with no response deliverable',
    mutate: change('Issues', 'I-0002', { 'Response Due': '2018-05-31' }),
    expected: [W('issue.response-overdue', 'Issues', 3, 'Response Due', 'I-0002')] },

  // ---- Papers, consensus and endorsement (§4, §6) ----
  { rule: 'paper.adopted-before-consultation-closed', name: 'fires on a paper adopted the day before its consultation closes',
    mutate: change('Papers', 'PP-0001', { 'Consultation Closes': '2018-03-21' }),
    expected: [E('paper.adopted-before-consultation-closed', 'Papers', 2, 'Adopted On', 'PP-0001')] },
  { rule: 'paper.comments-not-reviewed', name: 'fires on an adopted paper whose comments are marked not reviewed',
    mutate: change('Papers', 'PP-0001', { 'Comments Reviewed': 'No' }),
    expected: [W('paper.comments-not-reviewed', 'Papers', 2, 'Comments Reviewed', 'PP-0001')] },
  { rule: 'paper.adopted-without-consensus', name: 'fires on an adopted paper whose Designation is blanked', mutate: change('Papers', 'PP-0001', { Designation: null }),
    expected: [E('paper.adopted-without-consensus', 'Papers', 2, 'Designation', 'PP-0001')] },
  { rule: 'paper.minority-view-missing', name: 'fires on a Consensus paper that does not include the minority views',
    mutate: change('Papers', 'PP-0001', { Designation: 'Consensus' }),
    expected: [E('paper.minority-view-missing', 'Papers', 2, 'Minority Views Included', 'PP-0001')] },
  { rule: 'paper.release-late', name: 'fires on a paper released eight days after adoption', mutate: change('Papers', 'PP-0001', { 'Released On': '2018-03-28' }),
    expected: [E('paper.release-late', 'Papers', 2, 'Released On', 'PP-0001')] },
  { rule: 'paper.circulation-late', name: 'fires on a paper circulated eight days after adoption', mutate: change('Papers', 'PP-0001', { 'Circulated On': '2018-03-28' }),
    expected: [E('paper.circulation-late', 'Papers', 2, 'Circulated On', 'PP-0001')] },
  { rule: 'paper.published-without-all-endorsements', name: 'fires on a Published paper once the ccNSO decision row is deleted',
    mutate: remove('Endorsements', 'E-0003'),
    expected: [E('paper.published-without-all-endorsements', 'Papers', 2, 'Outcome', 'PP-0001')] },
  { rule: 'paper.outcome-requires-dissent', name: 'fires on a paper Published With Dissent that every organization endorsed',
    mutate: change('Papers', 'PP-0001', { Outcome: 'Published With Dissent' }),
    expected: [E('paper.outcome-requires-dissent', 'Papers', 2, 'Outcome', 'PP-0001')] },
  { rule: 'paper.supplemental-without-original', name: 'fires on a Supplemental paper that supersedes nothing', mutate: supplemental(null),
    expected: [E('paper.supplemental-without-original', 'Papers', 3, 'Supersedes', 'PP-0002')] },
  // The outcome moves to Published With Dissent with the Not Support, else paper.published-without-all-endorsements fires too.
  { rule: 'endorsement.reasons-missing', name: 'fires on a Not Support decision that gives no reasons',
    mutate: [change('Endorsements', 'E-0003', { Decision: 'Not Support' }), change('Papers', 'PP-0001', { Outcome: 'Published With Dissent' })],
    expected: [E('endorsement.reasons-missing', 'Endorsements', 4, 'Reasons', 'E-0003')] },
  { rule: 'endorsement.duplicate', name: 'fires on the second GNSO decision on the same paper',
    mutate: append('Endorsements', { ID: 'E-0004', Paper: 'PP-0001', Organization: 'GNSO', Decision: 'Endorse', 'Decided On': '2018-04-15' }),
    expected: [E('endorsement.duplicate', 'Endorsements', 5, 'Organization', 'E-0004')] },
  { rule: 'endorsement.not-participating', name: 'fires on a decision of an organization that does not participate',
    mutate: [
      append('Organizations', { Code: 'SSAC', Name: 'Security and Stability Advisory Committee', Type: 'AC', Participating: 'No' }),
      append('Endorsements', { ID: 'E-0004', Paper: 'PP-0001', Organization: 'SSAC', Decision: 'Support', 'Decided On': '2018-04-15' }),
    ],
    expected: [E('endorsement.not-participating', 'Endorsements', 5, 'Organization', 'E-0004')] },
  { rule: 'endorsement.before-circulation', name: 'fires on a decision taken the day before the paper was circulated',
    mutate: change('Endorsements', 'E-0001', { 'Decided On': '2018-03-22' }),
    expected: [E('endorsement.before-circulation', 'Endorsements', 2, 'Decided On', 'E-0001')] },
  { rule: 'endorsement.awaiting', name: 'fires on a pending paper circulated 70 days ago that the ccNSO has not decided on',
    mutate: [change('Papers', 'PP-0001', { Outcome: 'Pending', 'Published On': null }), remove('Endorsements', 'E-0003')],
    expected: [W('endorsement.awaiting', 'Papers', 2, 'Circulated On', 'PP-0001')] },
  // Minority viewpoints are recorded, else consensus.minority-missing fires on the same objection too.
  { rule: 'consensus.full-with-objections', name: 'fires on a Full Consensus call that records an objection',
    mutate: change('ConsensusCalls', 'CC-0001', { Objections: 1, 'Minority Viewpoints': 'One Member prefers a shorter paper.' }),
    expected: [E('consensus.full-with-objections', 'ConsensusCalls', 2, 'Objections', 'CC-0001')] },
  { rule: 'consensus.minority-missing', name: 'fires on a Consensus call with an objection and no minority viewpoints',
    mutate: change('ConsensusCalls', 'CC-0001', { Designation: 'Consensus', Objections: 1 }),
    expected: [E('consensus.minority-missing', 'ConsensusCalls', 2, 'Minority Viewpoints', 'CC-0001')] },
  { rule: 'consensus.not-small-minority', name: 'fires on a Consensus call with two objections among six Members',
    mutate: change('ConsensusCalls', 'CC-0001', { Designation: 'Consensus', Objections: 2, 'Minority Viewpoints': 'https://example.org/minority' }),
    expected: [W('consensus.not-small-minority', 'ConsensusCalls', 2, 'Objections', 'CC-0001')] },
  { rule: 'consensus.members-not-involved', name: 'fires on a designated call that involved five of six active Members',
    mutate: change('ConsensusCalls', 'CC-0001', { 'Members Involved': 5 }),
    expected: [W('consensus.members-not-involved', 'ConsensusCalls', 2, 'Members Involved', 'CC-0001')] },
  { rule: 'consensus.poll-without-rationale', name: 'fires on a call that used a poll without a rationale', mutate: change('ConsensusCalls', 'CC-0001', { 'Poll Used': 'Yes' }),
    expected: [W('consensus.poll-without-rationale', 'ConsensusCalls', 2, 'Poll Rationale', 'CC-0001')] },
  { rule: 'consensus.chair-report-missing', name: 'fires on a No Consensus call with no Chair\'s Report', mutate: noConsensusCall(),
    expected: [E('consensus.chair-report-missing', 'ConsensusCalls', 3, 'Designation', 'CC-0002')] },

  // ---- Conduct (§6) ----
  { rule: 'conduct.restriction-without-warnings', name: 'fires on a restriction preceded by a public warning only',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-10', 'Public Warning'), conduct('C-0002', 'P-0010', '2018-05-20', 'Restriction')),
    expected: [E('conduct.restriction-without-warnings', 'Conduct', 3, 'Action', 'C-0002')] },
  { rule: 'conduct.extreme-without-reason', name: 'fires on an extreme-circumstances restriction that gives no reason',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-10', 'Restriction', { 'Extreme Circumstances': 'Yes' })),
    expected: [E('conduct.extreme-without-reason', 'Conduct', 2, 'Reason', 'C-0001')] },
  { rule: 'conduct.restricted-but-active', name: 'fires on the Roster row of an active Member under a restriction in force',
    mutate: append('Conduct',
      conduct('C-0001', 'P-0005', '2018-04-01', 'Private Warning'), conduct('C-0002', 'P-0005', '2018-04-15', 'Public Warning'),
      conduct('C-0003', 'P-0005', '2018-05-01', 'Restriction', { Reason: 'Repeated abusive messages on the list.' })),
    expected: [W('conduct.restricted-but-active', 'Roster', 6, 'Role', 'P-0005')] },

  // ---- Charter modification and annual review (§7) ----
  { rule: 'amendment.effective-without-all-adoptions', name: 'fires on an Effective amendment the ccNSO has not adopted',
    mutate: amendment('GNSO, ALAC', '2018-04-01'),
    expected: [E('amendment.effective-without-all-adoptions', 'Amendments', 2, 'Adopted By', 'A-0001')] },
  { rule: 'amendment.effective-without-publication', name: 'fires on an Effective amendment with no Published On',
    mutate: amendment('GNSO, ALAC, ccNSO', null),
    expected: [E('amendment.effective-without-publication', 'Amendments', 2, 'Published On', 'A-0001')] },
  { rule: 'review.late-notification', name: 'fires on a decision notified one month and a day after the review',
    mutate: append('Reviews', review('R-0001', 2017, 'GNSO', 'Extend', '2017-12-03')),
    expected: [W('review.late-notification', 'Reviews', 2, 'Notified On', 'R-0001')] },
  { rule: 'review.mandate-not-extended', name: 'fires on the Reviews tab when two of three organizations withdraw in the latest year',
    mutate: append('Reviews', review('R-0001', 2017, 'ALAC', 'Withdraw', '2017-11-20'), review('R-0002', 2017, 'ccNSO', 'Withdraw', '2017-11-21')),
    expected: [E('review.mandate-not-extended', 'Reviews', null, null, null)] },
];

/** Limits (exactly at a threshold stays quiet, one past it fires), other spellings and unavoidable companions. */
const BOUNDARIES: AcceptanceCase[] = [
  // Data rules
  { rule: 'tab.missing', name: 'reports a missing Organizations tab alone: references to it and rules that read it are skipped', raw: withoutTab('Organizations'),
    expected: [E('tab.missing', 'Organizations', null, null, null)] },
  { rule: 'tab.missing-column', name: 'reports a Papers tab without Kind alone: no reference to Papers is reported unknown', raw: withoutColumn('Papers', 'Kind'),
    expected: [E('tab.missing-column', 'Papers', 1, 'Kind', null)] },
  { rule: 'cell.required', name: 'reports an empty required Yes/No (Participating) rather than reading it as No',
    mutate: change('Organizations', 'ccNSO', { Participating: null }),
    expected: [E('cell.required', 'Organizations', 4, 'Participating', 'ccNSO')] },
  { rule: 'cell.invalid-date', name: 'reports a plain number in a date column, which is neither a date cell nor YYYY-MM-DD',
    mutate: change('Issues', 'I-0001', { Date: 2018 }),
    expected: [E('cell.invalid-date', 'Issues', 2, 'Date', 'I-0001')] },
  { rule: 'cell.invalid-date', name: 'reports an impossible calendar date 2018-02-30', mutate: change('Issues', 'I-0001', { Date: '2018-02-30' }),
    expected: [E('cell.invalid-date', 'Issues', 2, 'Date', 'I-0001')] },
  { rule: 'cell.invalid-email', name: 'reports one bad address in a list of Secretariat Emails',
    mutate: change('Organizations', 'GNSO', { 'Secretariat Emails': 'sec@gnso.example.org, gnso-secretariat' }),
    expected: [E('cell.invalid-email', 'Organizations', 2, 'Secretariat Emails', 'GNSO')] },
  { rule: 'cell.invalid-choice', name: 'reports a Time Zone that is no IANA zone as an invalid choice',
    mutate: change('Meetings', 'ICANN62', { 'Time Zone': 'Panama City' }),
    expected: [E('cell.invalid-choice', 'Meetings', 2, 'Time Zone', 'ICANN62')] },
  // The F2F Session row is not committed, so ICANN62 has no session in the work plan any more.
  { rule: 'cell.invalid-choice', name: 'reports a Yes/No cell holding Maybe, and the meeting then lacks its session',
    mutate: change('WorkPlan', 'W-0001', { 'Remote Participation': 'Maybe' }),
    expected: [W('meeting.no-cceg-session', 'Meetings', 2, null, 'ICANN62'), E('cell.invalid-choice', 'WorkPlan', 2, 'Remote Participation', 'W-0001')] },
  // The update report's row is not committed, so the meeting's update counts as not delivered.
  { rule: 'cell.invalid-number', name: 'reports Pages written as a word, and the update is then missing for report.update-due-soon',
    mutate: change('Deliverables', 'D-0001', { Pages: 'two' }),
    expected: [W('report.update-due-soon', 'Meetings', 2, null, 'ICANN62'), E('cell.invalid-number', 'Deliverables', 2, 'Pages', 'D-0001')] },
  { rule: 'cell.invalid-url', name: 'reports an ftp SOI URL, and the Member it belonged to no longer counts for GNSO',
    mutate: change('Roster', 'P-0002', { 'SOI URL': 'ftp://example.org/soi/p-0002' }),
    expected: [E('roster.members-below-minimum', 'Organizations', 2, null, 'GNSO'), E('cell.invalid-url', 'Roster', 3, 'SOI URL', 'P-0002')] },
  { rule: 'cell.formula-error', name: 'reports an error value typed as text (#N/A)', mutate: change('Issues', 'I-0002', { Body: '#N/A' }),
    expected: [E('cell.formula-error', 'Issues', 3, 'Body', 'I-0002')] },
  { rule: 'row.duplicate-id', name: 'reports a repeated organization Code on the later row',
    mutate: append('Organizations', { Code: 'ALAC', Name: 'At-Large Advisory Committee (old row)', Type: 'AC', Participating: 'No' }),
    expected: [E('row.duplicate-id', 'Organizations', 5, 'Code', 'ALAC')] },
  { rule: 'ref.unknown', name: 'reports one unknown code in a list of Mandate From organizations',
    mutate: append('WorkPlan', representation('GNSO, ALAC, ccNSO, SSAC')),
    expected: [E('ref.unknown', 'WorkPlan', 4, 'Mandate From', 'W-0003')] },

  // Organizations and roster
  { rule: 'org.too-few-participating', name: 'stays quiet when exactly continuation.minOrganizations organizations participate',
    config: { continuation: { minOrganizations: 3 } }, expected: [] },
  // Their existing decisions on PP-0001 become decisions of non-participating organizations.
  { rule: 'org.too-few-participating', name: 'fires when two of three organizations stop participating, with their decisions then not counting',
    mutate: [change('Organizations', 'ALAC', { Participating: 'No' }), change('Organizations', 'ccNSO', { Participating: 'No' })],
    expected: [
      E('org.too-few-participating', 'Organizations', null, null, null),
      E('endorsement.not-participating', 'Endorsements', 3, 'Organization', 'E-0002'),
      E('endorsement.not-participating', 'Endorsements', 4, 'Organization', 'E-0003'),
    ] },
  { rule: 'roster.members-below-minimum', name: 'stays quiet when the second Member leaves today (still active today)',
    mutate: change('Roster', 'P-0008', { 'End Date': '2018-06-01' }), expected: [] },
  { rule: 'roster.members-below-minimum', name: 'fires on every participating organization when members.min is raised to 3',
    config: { members: { min: 3 } },
    expected: [
      E('roster.members-below-minimum', 'Organizations', 2, null, 'GNSO'),
      E('roster.members-below-minimum', 'Organizations', 3, null, 'ALAC'),
      E('roster.members-below-minimum', 'Organizations', 4, null, 'ccNSO'),
    ] },
  { rule: 'roster.members-above-maximum', name: 'stays quiet at exactly five active Members',
    mutate: append('Roster',
      member('P-0012', 'Ivo Marek', 'GNSO', 'Europe', '2018-05-01'), member('P-0013', 'Jia Li', 'GNSO', 'Asia/Australia/Pacific', '2018-05-01'),
      member('P-0014', 'Kofi Mensah', 'GNSO', 'Africa', '2018-05-01')),
    expected: [] },
  { rule: 'roster.members-above-maximum', name: 'fires on every organization with two Members when members.max is 1', config: { members: { min: 1, max: 1 } },
    expected: [
      E('roster.members-above-maximum', 'Organizations', 2, null, 'GNSO'),
      E('roster.members-above-maximum', 'Organizations', 3, null, 'ALAC'),
      E('roster.members-above-maximum', 'Organizations', 4, null, 'ccNSO'),
    ] },
  { rule: 'roster.soi-missing', name: 'fires on a Member whose SOI URL is blanked', mutate: change('Roster', 'P-0007', { 'SOI URL': null }),
    expected: [E('roster.soi-missing', 'Roster', 8, 'SOI URL', 'P-0007')] },
  { rule: 'roster.soi-stale', name: 'stays quiet for an SOI Date exactly twelve months old', mutate: change('Roster', 'P-0011', { 'SOI Date': '2017-06-01' }), expected: [] },
  { rule: 'roster.soi-stale', name: 'fires at one month and a day with soi.maxAgeMonths 1', config: { soi: { maxAgeMonths: 1 } },
    mutate: change('Roster', 'P-0011', { 'SOI Date': '2018-04-30' }),
    // Every Member's SOI Date (2018-01-15) is then stale too; the chairs (rows 2 and 5) are not checked.
    expected: [[3, 'P-0002'], [4, 'P-0003'], [6, 'P-0005'], [7, 'P-0006'], [8, 'P-0007'], [9, 'P-0008'], [12, 'P-0011']]
      .map(([row, id]) => W('roster.soi-stale', 'Roster', row as number, 'SOI Date', id as string)) },
  { rule: 'roster.duplicate-person', name: 'stays quiet when the second row with that email starts tomorrow',
    mutate: append('Roster', { ID: 'P-0012', Name: 'Eli Brooks', Email: 'P-0005@Example.org', Role: 'Participant', Organization: 'ALAC', 'SOI URL': 'https://example.org/soi/eli', 'SOI Date': '2018-05-01', 'Start Date': '2018-06-02' }),
    expected: [] },
  { rule: 'roster.co-chairs-per-organization', name: 'stays quiet when the GNSO chair left yesterday and the new one starts today',
    mutate: [change('Roster', 'P-0001', { 'End Date': '2018-05-31' }),
      append('Roster', { ID: 'P-0012', Name: 'Lars Nilsson', Email: 'p-0012@example.org', Role: 'Chair', Organization: 'GNSO', Region: 'Europe', 'Start Date': '2018-06-01' })],
    expected: [] },
  { rule: 'roster.region-diversity', name: 'stays quiet when active Members span exactly three regions',
    mutate: [change('Roster', 'P-0003', { Region: 'Europe' }), change('Roster', 'P-0008', { Region: 'Europe' })], expected: [] },
  { rule: 'roster.region-diversity', name: 'fires when diversity.minRegions asks for five regions and Members span four',
    config: { diversity: { minRegions: 5 } }, expected: [W('roster.region-diversity', 'Roster', null, null, null)] },

  // Work plan and meetings
  { rule: 'workplan.mission-consistency-missing', name: 'stays quiet for a Cancelled activity with no Mission Consistency',
    mutate: change('WorkPlan', 'W-0002', { 'Mission Consistency': null, Status: 'Cancelled' }), expected: [] },
  { rule: 'workplan.overdue', name: 'stays quiet for an activity due today', mutate: change('WorkPlan', 'W-0001', { 'Due Date': '2018-06-01' }), expected: [] },
  { rule: 'workplan.overdue', name: 'fires on an In Progress activity due yesterday', mutate: change('WorkPlan', 'W-0001', { 'Due Date': '2018-05-31', Status: 'In Progress' }),
    expected: [W('workplan.overdue', 'WorkPlan', 2, 'Due Date', 'W-0001')] },
  { rule: 'workplan.paper-schedule-missing', name: 'stays quiet for a paper the CCEG refrained from that a member did not support',
    mutate: [remove('WorkPlan', 'W-0002'), change('Papers', 'PP-0001', { Outcome: 'Refrained' }),
      change('Endorsements', 'E-0003', { Decision: 'Not Support', Reasons: 'Outside the ccNSO remit.' })],
    expected: [] },
  { rule: 'workplan.representation-without-mandate', name: 'stays quiet when every participating organization gave the mandate',
    mutate: append('WorkPlan', representation('GNSO, ALAC, ccNSO')), expected: [] },
  { rule: 'meeting.no-cceg-session', name: 'fires on an ICANN meeting starting exactly 90 days from today with no session',
    mutate: append('Meetings', icann63('2018-08-30')), expected: [W('meeting.no-cceg-session', 'Meetings', 5, null, 'ICANN63')] },
  { rule: 'meeting.no-cceg-session', name: 'stays quiet for an ICANN meeting starting 91 days from today',
    mutate: append('Meetings', icann63('2018-08-31')), expected: [] },
  { rule: 'meeting.no-cceg-session', name: 'stays quiet with schedule.horizonDays 23 for an ICANN meeting 24 days away', config: { schedule: { horizonDays: 23 } },
    mutate: remove('WorkPlan', 'W-0001'), expected: [] },
  { rule: 'meeting.no-cceg-session', name: 'fires on an ICANN meeting in progress today with no session', mutate: remove('WorkPlan', 'W-0001'), today: '2018-06-26',
    expected: [W('meeting.no-cceg-session', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'meeting.no-cceg-session', name: 'stays quiet for a meeting that is not face to face', mutate: [remove('WorkPlan', 'W-0001'), change('Meetings', 'ICANN62', { 'Face To Face': 'No' })],
    expected: [] },
  { rule: 'meeting.no-remote-participation', name: 'fires on a F2F Session whose Remote Participation is empty',
    mutate: change('WorkPlan', 'W-0001', { 'Remote Participation': null }),
    expected: [W('meeting.no-remote-participation', 'WorkPlan', 2, 'Remote Participation', 'W-0001')] },
  { rule: 'meeting.board-coordination-gap', name: 'stays quiet when the last coordination was exactly 120 days ago',
    mutate: change('Meetings', 'BWG-2018-05', { 'Start Date': '2018-02-01', 'End Date': '2018-02-01' }), expected: [] },
  { rule: 'meeting.board-coordination-gap', name: 'fires when the last coordination was 121 days ago',
    mutate: change('Meetings', 'BWG-2018-05', { 'Start Date': '2018-01-31', 'End Date': '2018-01-31' }),
    expected: [W('meeting.board-coordination-gap', 'Meetings', null, null, null)] },
  { rule: 'meeting.board-coordination-gap', name: 'stays quiet when boardCoordination.everyDays is 0', config: { boardCoordination: { everyDays: 0 } },
    mutate: remove('Meetings', 'BWG-2018-05'), expected: [] },

  // Reports
  { rule: 'report.update-missing', name: 'gives way to report.update-due-soon on the update due date itself', mutate: remove('Deliverables', 'D-0001'), today: '2018-06-11',
    expected: [W('report.update-due-soon', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'report.update-missing', name: 'fires on a past ICANN meeting that started exactly 365 days ago', mutate: append('Meetings', icann59('2017-06-01')),
    expected: [E('report.update-missing', 'Meetings', 5, null, 'ICANN59')] },
  { rule: 'report.update-missing', name: 'stays quiet for an ICANN meeting that started 366 days ago', mutate: append('Meetings', icann59('2017-05-31')), expected: [] },
  { rule: 'report.update-missing', name: 'fires for a meeting 366 days ago when schedule.lookbackDays is 366', config: { schedule: { lookbackDays: 366 } },
    mutate: append('Meetings', icann59('2017-05-31')), expected: [E('report.update-missing', 'Meetings', 5, null, 'ICANN59')] },
  { rule: 'report.update-late', name: 'stays quiet for an update delivered on its due date', mutate: change('Deliverables', 'D-0001', { 'Delivered On': '2018-06-11' }), today: '2018-06-20',
    expected: [] },
  { rule: 'report.update-due-soon', name: 'fires when the update is due exactly 14 days from today', mutate: remove('Deliverables', 'D-0001'), today: '2018-05-28',
    expected: [W('report.update-due-soon', 'Meetings', 2, null, 'ICANN62')] },
  { rule: 'report.update-due-soon', name: 'stays quiet when the update is due 15 days from today', mutate: remove('Deliverables', 'D-0001'), today: '2018-05-27', expected: [] },
  { rule: 'report.update-due-soon', name: 'stays quiet with reports.reminderDays 9 for an update due in ten days', config: { reports: { reminderDays: 9 } },
    mutate: remove('Deliverables', 'D-0001'), expected: [] },
  { rule: 'report.update-late', name: 'stays quiet with reports.leadDays 7 for an update delivered eight days before the meeting', config: { reports: { leadDays: 7 } },
    mutate: change('Deliverables', 'D-0001', { 'Delivered On': '2018-06-12' }), today: '2018-06-20', expected: [] },
  { rule: 'report.update-length', name: 'stays quiet for a one-page update', mutate: change('Deliverables', 'D-0001', { Pages: 1 }), expected: [] },
  { rule: 'report.annual-missing', name: 'stays quiet for an annual report delivered on the AGM start date',
    mutate: [append('Meetings', icann60), append('Deliverables', icann60Update, annualReport('2017-10-28'))], expected: [] },
  { rule: 'report.annual-missing', name: 'fires for an annual report delivered the day after the AGM started',
    mutate: [append('Meetings', icann60), append('Deliverables', icann60Update, annualReport('2017-10-29'))],
    expected: [E('report.annual-missing', 'Meetings', 5, null, 'ICANN60')] },
  { rule: 'issue.relevance-missing', name: 'counts sheet rows through an empty row left between issues',
    mutate: [insertBefore('Issues', 'I-0002', {}), change('Issues', 'I-0002', { Relevance: null })],
    expected: [E('issue.relevance-missing', 'Issues', 4, 'Relevance', 'I-0002')] },
  { rule: 'issue.relevance-missing', name: 'reports a new issue that has no ID yet with a null id', mutate: append('Issues', { Title: 'ITU Plenipotentiary 2018', Kind: 'Event', Body: 'ITU' }),
    expected: [E('issue.relevance-missing', 'Issues', 4, 'Relevance', null)] },
  { rule: 'issue.response-overdue', name: 'stays quiet for a response due today', mutate: change('Issues', 'I-0002', { 'Response Due': '2018-06-01' }), expected: [] },
  { rule: 'issue.response-overdue', name: 'stays quiet when an Ad Hoc Communication responds to the consultation',
    mutate: [change('Issues', 'I-0002', { 'Response Due': '2018-05-31' }),
      append('Deliverables', { ID: 'D-0002', Type: 'Ad Hoc Communication', Title: 'Response to the UN consultation', Related: 'I-0002', 'Delivered On': '2018-05-30' })],
    expected: [] },

  // Papers and endorsements
  { rule: 'paper.adopted-before-consultation-closed', name: 'stays quiet for a paper adopted on the day its consultation closes',
    mutate: change('Papers', 'PP-0001', { 'Consultation Closes': '2018-03-20' }), expected: [] },
  { rule: 'paper.adopted-without-consensus', name: 'fires on a paper adopted with No Consensus', mutate: change('Papers', 'PP-0001', { Designation: 'No Consensus' }),
    expected: [E('paper.adopted-without-consensus', 'Papers', 2, 'Designation', 'PP-0001')] },
  { rule: 'paper.minority-view-missing', name: 'stays quiet for a Consensus paper that includes the minority views',
    mutate: change('Papers', 'PP-0001', { Designation: 'Consensus', 'Minority Views Included': 'Yes' }), expected: [] },
  { rule: 'paper.release-late', name: 'stays quiet for a paper released exactly seven days after adoption',
    mutate: change('Papers', 'PP-0001', { 'Released On': '2018-03-27' }), expected: [] },
  { rule: 'paper.release-late', name: 'fires on an adopted paper never released, more than seven days later', mutate: change('Papers', 'PP-0001', { 'Released On': null }),
    expected: [E('paper.release-late', 'Papers', 2, 'Released On', 'PP-0001')] },
  { rule: 'paper.release-late', name: 'stays quiet with papers.circulationDays 8 for a release eight days after adoption', config: { papers: { circulationDays: 8 } },
    mutate: change('Papers', 'PP-0001', { 'Released On': '2018-03-28' }), expected: [] },
  { rule: 'paper.circulation-late', name: 'stays quiet for a paper circulated exactly seven days after adoption',
    mutate: change('Papers', 'PP-0001', { 'Circulated On': '2018-03-27' }), expected: [] },
  { rule: 'paper.published-without-all-endorsements', name: 'fires when the ccNSO decision is still Pending',
    mutate: change('Endorsements', 'E-0003', { Decision: 'Pending', 'Decided On': null }),
    expected: [E('paper.published-without-all-endorsements', 'Papers', 2, 'Outcome', 'PP-0001')] },
  { rule: 'paper.outcome-requires-dissent', name: 'stays quiet for Published With Dissent after a reasoned Not Support',
    mutate: [change('Papers', 'PP-0001', { Outcome: 'Published With Dissent' }), change('Endorsements', 'E-0003', { Decision: 'Not Support', Reasons: 'Outside the ccNSO remit.' })],
    expected: [] },
  { rule: 'paper.supplemental-without-original', name: 'stays quiet for a Supplemental paper that names the paper it supersedes', mutate: supplemental('PP-0001'),
    expected: [] },
  { rule: 'endorsement.before-circulation', name: 'stays quiet for a decision taken on the circulation day',
    mutate: change('Endorsements', 'E-0001', { 'Decided On': '2018-03-23' }), expected: [] },
  { rule: 'endorsement.awaiting', name: 'stays quiet when endorsements.reminderDays equals the 70 days since circulation', config: { endorsements: { reminderDays: 70 } },
    mutate: [change('Papers', 'PP-0001', { Outcome: 'Pending', 'Published On': null }), remove('Endorsements', 'E-0003')], expected: [] },
  { rule: 'endorsement.awaiting', name: 'fires when endorsements.reminderDays is 69 and 70 days have passed', config: { endorsements: { reminderDays: 69 } },
    mutate: [change('Papers', 'PP-0001', { Outcome: 'Pending', 'Published On': null }), remove('Endorsements', 'E-0003')],
    expected: [W('endorsement.awaiting', 'Papers', 2, 'Circulated On', 'PP-0001')] },

  // Consensus
  { rule: 'consensus.not-small-minority', name: 'stays quiet at exactly a quarter of the Members involved objecting',
    mutate: change('ConsensusCalls', 'CC-0001', { Designation: 'Consensus', Objections: 2, 'Members Involved': 8, 'Minority Viewpoints': 'https://example.org/minority' }),
    expected: [] },
  { rule: 'consensus.not-small-minority', name: 'fires at a fifth objecting when consensus.smallMinorityMaxShare is 0.1',
    config: { consensus: { smallMinorityMaxShare: 0.1 } },
    mutate: change('ConsensusCalls', 'CC-0001', { Designation: 'Consensus', Objections: 1, 'Minority Viewpoints': 'https://example.org/minority' }),
    expected: [W('consensus.not-small-minority', 'ConsensusCalls', 2, 'Objections', 'CC-0001')] },
  { rule: 'consensus.members-not-involved', name: 'fires on a designated call that records no number of Members involved',
    mutate: change('ConsensusCalls', 'CC-0001', { 'Members Involved': null }),
    expected: [W('consensus.members-not-involved', 'ConsensusCalls', 2, 'Members Involved', 'CC-0001')] },
  { rule: 'consensus.chair-report-missing', name: 'stays quiet when a Chair\'s Report is related to the call',
    mutate: [noConsensusCall(), append('Deliverables', { ID: 'D-0002', Type: "Chair's Report", Title: 'Chair report on the gTLD position', Related: 'CC-0002', 'Delivered On': '2018-05-25' })],
    expected: [] },
  { rule: 'consensus.chair-report-missing', name: 'stays quiet when a Chair\'s Report is related to the call\'s paper',
    mutate: [noConsensusCall('PP-0001'), append('Deliverables', { ID: 'D-0002', Type: "Chair's Report", Title: 'Chair report on PP-0001', Related: 'PP-0001', 'Delivered On': '2018-05-25' })],
    expected: [] },

  // Conduct
  { rule: 'conduct.restriction-without-warnings', name: 'stays quiet for a restriction after a private then a public warning',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-01', 'Private Warning'), conduct('C-0002', 'P-0010', '2018-05-10', 'Public Warning'),
      conduct('C-0003', 'P-0010', '2018-05-20', 'Restriction')),
    expected: [] },
  { rule: 'conduct.restriction-without-warnings', name: 'fires when the private warning came after the public one',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-01', 'Public Warning'), conduct('C-0002', 'P-0010', '2018-05-10', 'Private Warning'),
      conduct('C-0003', 'P-0010', '2018-05-20', 'Restriction')),
    expected: [E('conduct.restriction-without-warnings', 'Conduct', 4, 'Action', 'C-0003')] },
  { rule: 'conduct.restriction-without-warnings', name: 'stays quiet when the private and public warnings share a date, whatever their row order',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-10', 'Public Warning'), conduct('C-0002', 'P-0010', '2018-05-10', 'Private Warning'),
      conduct('C-0003', 'P-0010', '2018-05-20', 'Restriction')),
    expected: [] },
  { rule: 'conduct.restriction-without-warnings', name: 'stays quiet for a reasoned restriction in extreme circumstances',
    mutate: append('Conduct', conduct('C-0001', 'P-0010', '2018-05-10', 'Restriction', { 'Extreme Circumstances': 'Yes', Reason: 'Threats of violence.' })),
    expected: [] },
  { rule: 'conduct.restricted-but-active', name: 'stays quiet once a later appeal is granted',
    mutate: append('Conduct',
      conduct('C-0001', 'P-0005', '2018-04-01', 'Private Warning'), conduct('C-0002', 'P-0005', '2018-04-15', 'Public Warning'),
      conduct('C-0003', 'P-0005', '2018-05-01', 'Restriction', { Reason: 'Repeated abusive messages on the list.' }),
      conduct('C-0004', 'P-0005', '2018-05-15', 'Appeal Granted')),
    expected: [] },

  // Amendments and reviews
  { rule: 'amendment.effective-without-all-adoptions', name: 'stays quiet for a published amendment every participating organization adopted',
    mutate: amendment('GNSO, ALAC, ccNSO', '2018-04-01'), expected: [] },
  { rule: 'review.late-notification', name: 'stays quiet for a decision notified exactly one month after the review',
    mutate: append('Reviews', review('R-0001', 2017, 'GNSO', 'Extend', '2017-12-02')), expected: [] },
  { rule: 'review.late-notification', name: 'stays quiet with review.noticeMonths 2 for a notification one month and a day late', config: { review: { noticeMonths: 2 } },
    mutate: append('Reviews', review('R-0001', 2017, 'GNSO', 'Extend', '2017-12-03')), expected: [] },
  { rule: 'review.mandate-not-extended', name: 'fires when continuation.minOrganizations is 3 and one organization withdraws', config: { continuation: { minOrganizations: 3 } },
    mutate: append('Reviews', review('R-0001', 2017, 'ALAC', 'Withdraw', '2017-11-20')),
    expected: [E('review.mandate-not-extended', 'Reviews', null, null, null)] },
  { rule: 'review.mandate-not-extended', name: 'stays quiet when exactly two organizations continue',
    mutate: append('Reviews', review('R-0001', 2017, 'ALAC', 'Withdraw', '2017-11-20')), expected: [] },
  { rule: 'review.mandate-not-extended', name: 'looks only at the latest review year',
    mutate: append('Reviews', review('R-0001', 2016, 'ALAC', 'Withdraw', '2016-11-20'), review('R-0002', 2016, 'ccNSO', 'Withdraw', '2016-11-21'),
      review('R-0003', 2017, 'GNSO', 'Extend', '2017-11-20')),
    expected: [] },
];

function caseTest(testCase: AcceptanceCase) {
  const title = `${testCase.rule} ${testCase.name}`;
  const body = () => expect(runCase(testCase)).toEqual(testCase.expected);
  if (testCase.knownBug) it.fails(`${title} (known bug: ${testCase.knownBug})`, body);
  else it(title, body);
}

describe('the compliant workbook', () => {
  it('gives no finding on 2018-06-01', () => {
    expect(runCase({ rule: 'none', name: 'unchanged', expected: [] })).toEqual([]);
  });
});

describe('every rule of RULES.md, broken once on the compliant workbook', () => {
  for (const testCase of EVERY_RULE) caseTest(testCase);
});

describe('rule limits, other spellings and companion findings', () => {
  for (const testCase of BOUNDARIES) caseTest(testCase);
});

/** The rules whose findings say a required document is missing: each ends with the Deliverables row that records it. */
const ROW_TO_ADD_RULES = new Set(['report.update-missing', 'report.update-due-soon', 'report.annual-missing', 'issue.response-overdue', 'consensus.chair-report-missing']);

describe('every finding message speaks a secretariat\'s words', () => {
  const cases = [...EVERY_RULE, ...BOUNDARIES].map((testCase) => ({ testCase, findings: findingsOfCase(testCase) }));

  it('walks a message of every charter rule of the catalogue', () => {
    const fired = new Set(cases.flatMap(({ findings }) => findings.map((finding) => finding.rule)));
    expect(CHARTER_RULES.map((rule) => rule.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  it.each([...EVERY_RULE, ...BOUNDARIES].map((testCase, index) => ({ title: `${testCase.rule} ${testCase.name}`, index })))(
    '$title: no "(s)", no group\'s setting passed off as the charter\'s, only real settings', ({ index }) => {
      const { testCase, findings } = cases[index] as (typeof cases)[number];
      const config = configWith(testCase.config);
      expect(findings.flatMap((finding) => wordingProblems(finding.message, config).map((problem) => `${finding.rule}: ${problem}`))).toEqual([]);
    });

  it('ends every finding on a missing report or deliverable with the Deliverables row to add', () => {
    const findings = cases.flatMap(({ findings: all }) => all.filter((finding) => ROW_TO_ADD_RULES.has(finding.rule)));
    expect(new Set(findings.map((finding) => finding.rule))).toEqual(ROW_TO_ADD_RULES);
    for (const finding of findings) {
      // A finding a held-back row could change says so after the row to add ("… is not counted until its data error is fixed.").
      const message = finding.message.replace(/ \([^()]+ is not counted until its data error is fixed\.\)$/, '');
      expect(message).toMatch(/To record it, add a Deliverables row: Type [^,]+, (For Meeting|Related) \S+, Delivered On\.$|\(one was delivered on \d{4}-\d{2}-\d{2}, after the AGM started\)\.$/);
    }
  });
});

describe('the wording check', () => {
  it.each([
    { name: 'a count with "(s)"', message: 'GNSO has 1 active Member(s) on 2018-06-01.' },
    { name: 'a group\'s setting called the charter\'s', message: 'Active Members come from 2 regions; the charter asks for diversity across at least 3.' },
    { name: 'a share the group chose called the charter\'s', message: 'More than the small minority of 25% the charter requires.' },
    { name: 'a setting that does not exist', message: 'Stale after 12 months (the group\'s setting soi.maxAge).' },
    { name: 'a setting named without its value', message: 'Stale SOI (the group\'s setting soi.maxAgeMonths).' },
  ])('catches $name', ({ message }) => {
    expect(wordingProblems(message, configWith(undefined))).not.toEqual([]);
  });

  it('lets the charter\'s own numbers be the charter\'s', () => {
    expect(wordingProblems('GNSO has 1 active Member; each participating organization appoints at least 2 (the charter\'s number, §5).', configWith(undefined))).toEqual([]);
  });
});

/** Header spellings that must read the same column: upper case, snake case, no spaces, padded. */
const SPELLINGS: ((header: string) => string)[] = [
  (h) => h.toUpperCase(),
  (h) => h.toLowerCase().replace(/ /g, '_'),
  (h) => h.replace(/ /g, ''),
  (h) => `  ${h.toLowerCase()} `,
];

function disguisedWorkbook(workbook: RawWorkbook): RawWorkbook {
  const tabs = workbook.tabs.map((tab, t) => rearrangedTab(tab, t % 2 === 0 ? ` ${tab.name.toUpperCase()} ` : tab.name.toLowerCase(), (headers) => [
    { header: 'Notes', from: null },
    ...headers.map((header, from) => ({ header: (SPELLINGS[(from + t) % SPELLINGS.length] as (h: string) => string)(String(header)), from })).reverse(),
  ]));
  const notesWithText = tabs.map((tab) => ({ ...tab, rows: tab.rows.map((row) => ({ ...row, cells: ['free text the system ignores', ...row.cells.slice(1)] })) }));
  return {
    tabs: [
      rawTab('Read me', ['Anything'], [['This tab is not part of the contract.']]),
      ...notesWithText.reverse(),
      rawTab('Findings', ['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter'], [['error', 'cell.required', 'Roster', 2, 'Name', 'stale', null]]),
      rawTab('Dashboard', ['Whatever'], [[{ error: '#REF!' }]]),
    ],
  };
}

/** The same values as people also type them: date cells, lower-case Yes/No, choices in capitals with spaces, numbers as text. */
function retypedRows() {
  const rows = freshRows();
  for (const [name, tabRows] of Object.entries(rows)) {
    const columns = new Map(Object.values(TABS[name as DataTabName].columns as Record<string, Column>).map((column) => [column.header, column]));
    for (const row of tabRows) {
      for (const [header, value] of Object.entries(row)) {
        const kind = columns.get(header)?.kind;
        if (typeof value === 'string' && kind === 'date') row[header] = { date: value };
        else if (typeof value === 'string' && kind === 'yesno') row[header] = value.toLowerCase();
        else if (typeof value === 'string' && kind === 'choice') row[header] = ` ${value.toUpperCase()} `;
        else if (typeof value === 'number' && (kind === 'number' || kind === 'count')) row[header] = String(value);
      }
    }
  }
  return rows;
}

describe('compliant workbook variants', () => {
  it('gives no finding with tab names and headers in other case, spacing and order, plus unknown tabs and columns', () => {
    expect(locate(disguisedWorkbook(workbookOf(freshRows())))).toEqual([]);
  });

  it('still reports a broken rule at the same row and ID when headers are disguised and reordered', () => {
    const rows = freshRows();
    change('Roster', 'P-0011', { Expertise: null })(rows);
    expect(locate(disguisedWorkbook(workbookOf(rows)))).toEqual([E('roster.soi-missing', 'Roster', 12, 'SOI URL', 'P-0011')]);
  });

  it('gives no finding when dates are date cells, Yes/No are lower case, choices are padded capitals and numbers are text', () => {
    expect(locate(workbookOf(retypedRows()))).toEqual([]);
  });

  it('gives no finding when an empty row is left between data rows', () => {
    const rows = freshRows();
    insertBefore('Roster', 'P-0005', { ID: null, Name: '  ' })(rows);
    expect(locate(workbookOf(rows), COMPLIANT_TODAY)).toEqual([]);
  });
});

describe('coverage of RULES.md', () => {
  const catalogue = catalogueOfRulesMd();

  it('reads the 12 data rules and 54 charter rules of RULES.md', () => {
    expect(catalogue).toHaveLength(66);
  });

  it('has one case per rule ID, in catalogue order, that expects a finding of that rule', () => {
    expect(EVERY_RULE.map((testCase) => testCase.rule)).toEqual(catalogue.map((rule) => rule.id));
    for (const testCase of EVERY_RULE) expect(testCase.expected.map(([rule]) => rule)).toContain(testCase.rule);
  });

  it('expects every rule with the severity RULES.md gives it', () => {
    const severity = new Map(catalogue.map((rule) => [rule.id, rule.severity]));
    for (const testCase of [...EVERY_RULE, ...BOUNDARIES]) {
      for (const [rule, expected] of testCase.expected) expect({ rule, severity: expected }).toEqual({ rule, severity: severity.get(rule) });
    }
  });

  it('names only rules of RULES.md in the limit cases', () => {
    const ids = new Set(catalogue.map((rule) => rule.id));
    for (const testCase of BOUNDARIES) expect(ids.has(testCase.rule)).toBe(true);
  });
});
