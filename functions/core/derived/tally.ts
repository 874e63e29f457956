// The tally of each paper: every participating organization's decision, the counts, and what the CCEG may do next (§4).
import type { IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { endorsementsByPaper, participatingOrganizations, type Decision } from '../model/queries.js';
import type { Endorsement, Organization, Paper } from '../model/tabs.js';

/** §4 Supplemental Final Output: what the CCEG may, through consensus, do when an organization does not support a paper. */
export const DISSENT_OPTIONS = [
  'Reconsider, and submit a Supplemental Position Paper or Statement to all participating SOs and ACs to seek their support or endorsement',
  'Publish and submit the Position Paper or Statement, noting the part(s) of the Position Paper or Statement that are fully supported, and which SO or AC dissents from the CCEG view',
  'Refrain from submitting the (Supplemental) Position Paper or Statement, and making it public',
] as const;

/**
 * Where a paper stands, from drafting to its outcome: still in drafting (`not yet adopted`, or `consultation open` while
 * its public consultation runs), adopted but `not yet circulated` to the chairs, `awaiting decisions` of the participating
 * organizations, all of them endorse or support (`may publish`), one dissents, or `decided` (its Outcome is set).
 */
export type TallyState =
  | 'not yet adopted' | 'consultation open' | 'not yet circulated' | 'awaiting decisions' | 'may publish' | 'dissent' | 'decided';

/** One participating organization's decision on a paper (`Pending`, with nulls, when it has no Endorsements row). */
export interface OrganizationDecision {
  /** The organization's Code. */
  readonly organization: string;
  readonly name: string;
  readonly decision: Decision;
  readonly decidedOn: IsoDate | null;
  readonly reasons: string | null;
  readonly supportedParts: string | null;
}

/** How many participating organizations decided each way. */
export interface DecisionCounts {
  readonly endorse: number;
  readonly support: number;
  readonly notSupport: number;
  readonly pending: number;
}

/** The tally of one paper. */
export interface PaperTally {
  readonly paperId: string;
  readonly title: string;
  readonly outcome: Paper['outcome'];
  /** Every participating organization, in sheet order. */
  readonly decisions: readonly OrganizationDecision[];
  readonly counts: DecisionCounts;
  readonly state: TallyState;
  /** The day the paper was circulated to the chairs: decisions are awaited since then. */
  readonly circulatedOn: IsoDate | null;
  /** Codes of the participating organizations whose decision is still Pending, in sheet order. */
  readonly awaiting: readonly string[];
  /** Codes of the participating organizations that decided Not Support. */
  readonly dissenters: readonly string[];
  /** The charter's three options when the state is `dissent`, else empty. */
  readonly options: readonly string[];
}

/**
 * Tallies every paper, in sheet order, in one pass over the endorsements. A paper whose ID the system has not
 * assigned yet is left out: no decision can refer to it until it has one. Without `today`, a paper not yet adopted is
 * never `consultation open`: whether its consultation still runs depends on the day.
 */
export function tallyOf(rows: GroupRows, today: IsoDate | null = null): PaperTally[] {
  const participating = participatingOrganizations(rows);
  const index = endorsementsByPaper(rows);
  return rows.Papers.flatMap((paper) => (paper.id === null ? [] : [tallyWith(paper, paper.id, participating, index.get(paper.id), today)]));
}

/** Tallies one paper, or returns null when no readable Papers row has that ID. */
export function tallyPaper(rows: GroupRows, paperId: string, today: IsoDate | null = null): PaperTally | null {
  const paper = rows.Papers.find((candidate) => candidate.id === paperId);
  if (!paper) return null;
  // The first row per organization counts, as in endorsementsByPaper; later ones are endorsement.duplicate.
  const own = new Map<string, Endorsement>();
  for (const endorsement of rows.Endorsements) {
    if (endorsement.paper === paperId && !own.has(endorsement.organization)) own.set(endorsement.organization, endorsement);
  }
  return tallyWith(paper, paperId, participatingOrganizations(rows), own, today);
}

/**
 * The state of a paper: its Outcome first, then the decisions taken (a dissent or a full endorsement stand whatever the
 * dates say), then how far it got. A consultation is open from its opening day through its closing day.
 */
function stateOf(paper: Paper, decisions: readonly OrganizationDecision[], counts: DecisionCounts, today: IsoDate | null): TallyState {
  if (paper.outcome !== 'Pending') return 'decided';
  if (counts.notSupport > 0) return 'dissent';
  if (decisions.length > 0 && counts.endorse + counts.support === decisions.length) return 'may publish';
  if (paper.adoptedOn === null) {
    const open = today !== null && paper.consultationCloses !== null && paper.consultationCloses >= today &&
      (paper.consultationOpens === null || paper.consultationOpens <= today);
    return open ? 'consultation open' : 'not yet adopted';
  }
  return paper.circulatedOn === null ? 'not yet circulated' : 'awaiting decisions';
}

function tallyWith(paper: Paper, paperId: string, participating: readonly Organization[], own: ReadonlyMap<string, Endorsement> | undefined, today: IsoDate | null): PaperTally {
  const decisions = participating.map((organization): OrganizationDecision => {
    const endorsement = own?.get(organization.code);
    return {
      organization: organization.code,
      name: organization.name,
      decision: endorsement?.decision ?? 'Pending',
      decidedOn: endorsement?.decidedOn ?? null,
      reasons: endorsement?.reasons ?? null,
      supportedParts: endorsement?.supportedParts ?? null,
    };
  });
  const counts = countDecisions(decisions);
  const dissenters = decisions.filter((d) => d.decision === 'Not Support').map((d) => d.organization);
  const state = stateOf(paper, decisions, counts, today);
  return {
    paperId,
    title: paper.title,
    outcome: paper.outcome,
    decisions,
    counts,
    state,
    circulatedOn: paper.circulatedOn,
    awaiting: decisions.filter((d) => d.decision === 'Pending').map((d) => d.organization),
    dissenters,
    options: state === 'dissent' ? [...DISSENT_OPTIONS] : [],
  };
}

function countDecisions(decisions: readonly OrganizationDecision[]): DecisionCounts {
  const counts = { endorse: 0, support: 0, notSupport: 0, pending: 0 };
  for (const { decision } of decisions) {
    if (decision === 'Endorse') counts.endorse++;
    else if (decision === 'Support') counts.support++;
    else if (decision === 'Not Support') counts.notSupport++;
    else counts.pending++;
  }
  return counts;
}
