// Charter rules on position papers and statements: consultation, consensus, release, circulation and outcome (§4).
import { addDays, daysBetween } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { decisionOf, endorsementsByPaper, participatingOrganizations, type Decision } from '../model/queries.js';
import type { Endorsement, Organization, Paper } from '../model/tabs.js';
import { counted } from '../plural.js';
import { numberSource } from './number-source.js';
import { defineRule, hitOnRow, type RuleContext, type RuleHit } from './rule.js';

/** How a paper is named in messages: its ID and title. */
export function paperLabel(paper: Pick<Paper, 'id' | 'title' | 'sheetRow'>): string {
  return `${paper.id ?? `the paper on row ${paper.sheetRow}`} "${paper.title}"`;
}

/** The participating organizations and each organization's first decision row per paper, built once per check. */
export interface DecisionBook {
  readonly participating: readonly Organization[];
  readonly codes: ReadonlySet<string>;
  readonly index: ReadonlyMap<string, ReadonlyMap<string, Endorsement>>;
}

/** Builds the decision book of the group's rows in O(rows). */
export function decisionBook(rows: GroupRows): DecisionBook {
  const participating = participatingOrganizations(rows);
  return { participating, codes: new Set(participating.map((o) => o.code)), index: endorsementsByPaper(rows) };
}

/** Participating organizations whose decision fails `accept`: how many, and the first few of them. */
export interface FailingDecisions {
  readonly count: number;
  readonly named: readonly { readonly code: string; readonly decision: Decision }[];
}

/**
 * Counts the participating organizations whose decision on the paper fails `accept` (`accept('Pending')` must be
 * false, since organizations without a row are Pending). Costs the paper's own endorsements plus `limit`, not
 * every organization, so that checking every paper stays linear in rows.
 */
export function failingDecisions(book: DecisionBook, paperId: string, accept: (decision: Decision) => boolean, limit = 5): FailingDecisions {
  const own = book.index.get(paperId);
  let accepted = 0;
  for (const endorsement of own?.values() ?? []) {
    if (book.codes.has(endorsement.organization) && accept(endorsement.decision)) accepted++;
  }
  const count = book.participating.length - accepted;
  const named: { code: string; decision: Decision }[] = [];
  for (const organization of book.participating) {
    if (named.length >= Math.min(limit, count)) break;
    const decision = decisionOf(book.index, paperId, organization.code);
    if (!accept(decision)) named.push({ code: organization.code, decision });
  }
  return { count, named };
}

/** Lists the named organizations (with their decisions unless told otherwise), saying how many more there are. */
export function listFailing({ count, named }: FailingDecisions, withDecisions = true): string {
  const list = named.map(({ code, decision }) => (withDecisions ? `${code} (${decision})` : code)).join(', ');
  return count > named.length ? `${list} and ${count - named.length} more` : list;
}

const endorsedOrSupported = (decision: Decision) => decision === 'Endorse' || decision === 'Support';

/** §4 Review of CCEG Public Consultation: a paper is adopted only after its consultation has closed. */
export const paperAdoptedBeforeConsultationClosed = defineRule({
  id: 'paper.adopted-before-consultation-closed',
  severity: 'error',
  charter: '§4',
  needs: ['Papers'],
  check: ({ rows }) =>
    rows.Papers.filter((p) => p.adoptedOn !== null && p.consultationCloses !== null && p.adoptedOn < p.consultationCloses).map((p) =>
      hitOnRow('Papers', p, 'Adopted On', `${paperLabel(p)} was adopted on ${p.adoptedOn} before its public consultation closed on ${p.consultationCloses}.`),
    ),
});

/** §4 Review of CCEG Public Consultation: the comments received are reviewed before the paper is adopted. */
export const paperCommentsNotReviewed = defineRule({
  id: 'paper.comments-not-reviewed',
  severity: 'warning',
  charter: '§4',
  needs: ['Papers'],
  check: ({ rows }) =>
    rows.Papers.filter((p) => p.adoptedOn !== null && p.consultationCloses !== null && !p.commentsReviewed).map((p) =>
      hitOnRow('Papers', p, 'Comments Reviewed', `${paperLabel(p)} was adopted on ${p.adoptedOn} but the comments of its consultation (closed ${p.consultationCloses}) are not marked as reviewed.`),
    ),
});

/** §4 CCEG Position Paper or Statement (and §6): a paper is adopted by Full Consensus or Consensus. */
export const paperAdoptedWithoutConsensus = defineRule({
  id: 'paper.adopted-without-consensus',
  severity: 'error',
  charter: '§4',
  needs: ['Papers'],
  check: ({ rows }) =>
    rows.Papers.filter((p) => p.adoptedOn !== null && (p.designation === null || p.designation === 'No Consensus')).map((p) =>
      hitOnRow('Papers', p, 'Designation', `${paperLabel(p)} was adopted on ${p.adoptedOn} ${p.designation === null ? 'with no consensus designation' : 'with No Consensus'}; the CCEG adopts papers by consensus.`),
    ),
});

/** §4 CCEG Position Paper or Statement: when a minority disagrees (Consensus), its position is included in the paper. */
export const paperMinorityViewMissing = defineRule({
  id: 'paper.minority-view-missing',
  severity: 'error',
  charter: '§4',
  needs: ['Papers'],
  check: ({ rows }) =>
    rows.Papers.filter((p) => p.designation === 'Consensus' && !p.minorityViewsIncluded).map((p) =>
      hitOnRow('Papers', p, 'Minority Views Included', `${paperLabel(p)} was designated Consensus, so a minority disagrees, but its minority views are not marked as included.`),
    ),
});

/** Fires when a paper adopted on `Adopted On` is not `done` within `papers.circulationDays`, or still not done after them. */
function lateAfterAdoption(field: 'releasedOn' | 'circulatedOn', header: string, what: string) {
  return ({ rows, today, config }: RuleContext): RuleHit[] => {
    const allowed = config.papers.circulationDays;
    const hits: RuleHit[] = [];
    for (const paper of rows.Papers) {
      if (paper.adoptedOn === null) continue;
      const done = paper[field];
      const days = daysBetween(paper.adoptedOn, done ?? today);
      if (days <= allowed) continue;
      const due = `it was due by ${addDays(paper.adoptedOn, allowed)}, ${counted(allowed, 'day')} after adoption (${numberSource('papers.circulationDays', allowed, '§4')})`;
      const message = done === null
        ? `${paperLabel(paper)} was adopted on ${paper.adoptedOn} and is still not ${what}; ${due}.`
        : `${paperLabel(paper)} was adopted on ${paper.adoptedOn} but ${what} on ${done}, ${counted(days, 'day')} later; ${due}.`;
      hits.push(hitOnRow('Papers', paper, header, message));
    }
    return hits;
  };
}

/** §4 CCEG Position Paper or Statement: released publicly within seven days after adoption. */
export const paperReleaseLate = defineRule({
  id: 'paper.release-late',
  severity: 'error',
  charter: '§4',
  needs: ['Papers'],
  check: lateAfterAdoption('releasedOn', 'Released On', 'released publicly'),
});

/** §4 CCEG Position Paper or Statement: circulated to the chairs of the participating SOs and ACs within seven days after adoption. */
export const paperCirculationLate = defineRule({
  id: 'paper.circulation-late',
  severity: 'error',
  charter: '§4',
  needs: ['Papers'],
  check: lateAfterAdoption('circulatedOn', 'Circulated On', 'circulated to the chairs of the participating SOs and ACs'),
});

/** §4 Decision Making by the Chartering Organizations: a paper is published only when all participating SOs and ACs endorse or support it. */
export const paperPublishedWithoutAllEndorsements = defineRule({
  id: 'paper.published-without-all-endorsements',
  severity: 'error',
  charter: '§4',
  needs: ['Papers', 'Endorsements', 'Organizations'],
  check: ({ rows }) => {
    const book = decisionBook(rows);
    const hits: RuleHit[] = [];
    for (const paper of rows.Papers) {
      if (paper.outcome !== 'Published') continue;
      // A paper with no ID yet cannot have endorsements: every organization's decision is Pending.
      const failing = failingDecisions(book, paper.id ?? '', endorsedOrSupported);
      if (failing.count === 0) continue;
      hits.push(hitOnRow('Papers', paper, 'Outcome', `${paperLabel(paper)} is marked Published, but not every participating organization endorses or supports it: ${listFailing(failing)}.`));
    }
    return hits;
  },
});

/** §4 Supplemental Final Output: dissent outcomes (publish with dissent, supplemental, refrain) follow a Not Support decision. */
export const paperOutcomeRequiresDissent = defineRule({
  id: 'paper.outcome-requires-dissent',
  severity: 'error',
  charter: '§4 Supplemental Final Output',
  needs: ['Papers', 'Endorsements', 'Organizations'],
  check: ({ rows }) => {
    const book = decisionBook(rows);
    const dissentOutcomes: readonly Paper['outcome'][] = ['Published With Dissent', 'Supplemental Submitted', 'Refrained'];
    const dissents = (paper: Paper) =>
      [...(book.index.get(paper.id ?? '')?.values() ?? [])].some((e) => book.codes.has(e.organization) && e.decision === 'Not Support');
    return rows.Papers.filter((p) => dissentOutcomes.includes(p.outcome) && !dissents(p)).map((p) =>
      hitOnRow('Papers', p, 'Outcome', `${paperLabel(p)} has the outcome ${p.outcome}, but no participating organization decided Not Support.`),
    );
  },
});

/** §4 Supplemental Final Output: a Supplemental paper names the paper it reconsiders. */
export const paperSupplementalWithoutOriginal = defineRule({
  id: 'paper.supplemental-without-original',
  severity: 'error',
  charter: '§4 Supplemental Final Output',
  needs: ['Papers'],
  check: ({ rows }) =>
    rows.Papers.filter((p) => p.kind === 'Supplemental' && p.supersedes === null).map((p) =>
      hitOnRow('Papers', p, 'Supersedes', `${paperLabel(p)} is a Supplemental paper but does not say which paper it supersedes.`),
    ),
});

/** The rules of this file, in catalogue order. */
export const paperRules = [
  paperAdoptedBeforeConsultationClosed,
  paperCommentsNotReviewed,
  paperAdoptedWithoutConsensus,
  paperMinorityViewMissing,
  paperReleaseLate,
  paperCirculationLate,
  paperPublishedWithoutAllEndorsements,
  paperOutcomeRequiresDissent,
  paperSupplementalWithoutOriginal,
];
