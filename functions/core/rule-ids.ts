// Every rule ID of the public rule catalogue (RULES.md); IDs never change meaning.

/** Rules about cells and rows that cannot be understood (RULES.md): such a row is not committed. */
export const DATA_RULE_IDS = [
  'tab.missing',
  'tab.missing-column',
  'tab.duplicate-column',
  'cell.required',
  'cell.invalid-date',
  'cell.invalid-email',
  'cell.invalid-choice',
  'cell.invalid-number',
  'cell.invalid-url',
  'cell.formula-error',
  'row.duplicate-id',
  'ref.unknown',
] as const;

/** Rules that measure the group against its charter: reported, never blocking a commit. */
export const CHARTER_RULE_IDS = [
  'org.too-few-participating',
  'org.charter-adoption-missing',
  'roster.member-without-organization',
  'roster.members-below-minimum',
  'roster.members-above-maximum',
  'roster.soi-missing',
  'roster.soi-stale',
  'roster.duplicate-person',
  'roster.co-chairs-per-organization',
  'roster.no-chair',
  'roster.region-diversity',
  'workplan.no-current-plan',
  'workplan.mission-consistency-missing',
  'workplan.overdue',
  'workplan.paper-schedule-missing',
  'workplan.representation-without-mandate',
  'meeting.end-before-start',
  'meeting.no-cceg-session',
  'meeting.no-remote-participation',
  'meeting.board-coordination-gap',
  'report.update-missing',
  'report.update-late',
  'report.update-due-soon',
  'report.update-length',
  'report.annual-missing',
  'issue.relevance-missing',
  'issue.response-overdue',
  'paper.adopted-before-consultation-closed',
  'paper.comments-not-reviewed',
  'paper.adopted-without-consensus',
  'paper.minority-view-missing',
  'paper.release-late',
  'paper.circulation-late',
  'paper.published-without-all-endorsements',
  'paper.outcome-requires-dissent',
  'paper.supplemental-without-original',
  'endorsement.reasons-missing',
  'endorsement.duplicate',
  'endorsement.not-participating',
  'endorsement.before-circulation',
  'endorsement.awaiting',
  'consensus.full-with-objections',
  'consensus.minority-missing',
  'consensus.not-small-minority',
  'consensus.members-not-involved',
  'consensus.poll-without-rationale',
  'consensus.chair-report-missing',
  'conduct.restriction-without-warnings',
  'conduct.extreme-without-reason',
  'conduct.restricted-but-active',
  'amendment.effective-without-all-adoptions',
  'amendment.effective-without-publication',
  'review.late-notification',
  'review.mandate-not-extended',
] as const;

/**
 * Rules about who may change what (PRODUCT.md "Who may change what"), not in RULES.md: a refused change is not
 * committed, its cell is put back to the committed value, and the finding names who tried (`access.refused`); a
 * change no named editor is behind is committed as `unattributed`, or held back (`access.unattributed`).
 */
export const ACCESS_RULE_IDS = ['access.refused', 'access.unattributed'] as const;

/**
 * Data rules this product adds to RULES.md (listed in README, "Rules not in RULES.md"): the row is held back like any
 * other data finding's. `cell.formula-not-computed`: a formula with no computed value (a script wrote it, no spreadsheet
 * program has calculated it), whose value cannot be known. `tab.duplicate`: two tabs whose names fold to one (`Roster`
 * and `ROSTER `), of which the sync cannot tell which is meant: nothing of that tab is committed or tombstoned.
 */
export const WORKBOOK_DATA_RULE_IDS = ['cell.formula-not-computed', 'tab.duplicate'] as const;

/** A data rule ID, of RULES.md or added here. */
export type DataRuleId = (typeof DATA_RULE_IDS)[number] | (typeof WORKBOOK_DATA_RULE_IDS)[number];
/** A charter rule ID. */
export type CharterRuleId = (typeof CHARTER_RULE_IDS)[number];
/** An access rule ID. */
export type AccessRuleId = (typeof ACCESS_RULE_IDS)[number];
/** Any rule ID a finding may carry. */
export type RuleId = DataRuleId | CharterRuleId | AccessRuleId;

/** True when the rule is a data rule (its row is not committed). */
export function isDataRule(rule: RuleId): rule is DataRuleId {
  return (DATA_RULE_IDS as readonly string[]).includes(rule) || (WORKBOOK_DATA_RULE_IDS as readonly string[]).includes(rule);
}
