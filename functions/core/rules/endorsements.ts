// Charter rules on the chartering organizations' decisions on the CCEG's papers (§4).
import { daysBetween } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { endorsementsByPaper } from '../model/queries.js';
import type { Endorsement } from '../model/tabs.js';
import { counted } from '../plural.js';
import { decisionBook, failingDecisions, listFailing, paperLabel } from './papers.js';
import { defineRule, hitOnRow, type RuleHit } from './rule.js';

/** Names the paper an endorsement is about: its ID and title, or its ID alone when the paper row is not readable. */
function paperNamer(rows: GroupRows): (paperId: string) => string {
  const papers = new Map(rows.Papers.map((paper) => [paper.id, paper]));
  return (paperId) => {
    const paper = papers.get(paperId);
    return paper ? paperLabel(paper) : paperId;
  };
}

const endorsementLabel = (endorsement: Endorsement) => endorsement.id ?? `the Endorsements row ${endorsement.sheetRow}`;

/** §4 Supplemental Final Output: a Not Support notification includes at a minimum the reasons. */
export const endorsementReasonsMissing = defineRule({
  id: 'endorsement.reasons-missing',
  severity: 'error',
  charter: '§4 Supplemental Final Output',
  needs: ['Endorsements'],
  check: ({ rows }) => {
    const paperName = paperNamer(rows);
    return rows.Endorsements.filter((e) => e.decision === 'Not Support' && e.reasons === null).map((e) =>
      hitOnRow('Endorsements', e, 'Reasons', `${e.organization} decided Not Support on ${paperName(e.paper)} (${endorsementLabel(e)}) without giving its reasons.`),
    );
  },
});

/** §4 Decision Making by the Chartering Organizations: each organization decides once per paper; only its first row counts. */
export const endorsementDuplicate = defineRule({
  id: 'endorsement.duplicate',
  severity: 'error',
  charter: '§4',
  needs: ['Endorsements'],
  check: ({ rows }) => {
    const index = endorsementsByPaper(rows);
    const paperName = paperNamer(rows);
    const hits: RuleHit[] = [];
    for (const e of rows.Endorsements) {
      const first = index.get(e.paper)?.get(e.organization);
      if (!first || first === e) continue;
      hits.push(hitOnRow('Endorsements', e, 'Organization',
        `${endorsementLabel(e)} is a second decision of ${e.organization} on ${paperName(e.paper)}; only the first, ${endorsementLabel(first)} on row ${first.sheetRow}, counts.`));
    }
    return hits;
  },
});

/** §4 Decision Making by the Chartering Organizations: the decisions that count are those of the participating SOs and ACs. */
export const endorsementNotParticipating = defineRule({
  id: 'endorsement.not-participating',
  severity: 'error',
  charter: '§4',
  needs: ['Endorsements', 'Organizations'],
  check: ({ rows }) => {
    // An organization whose row is unreadable is absent here; nothing is said until its row is fixed.
    const organizations = new Map(rows.Organizations.map((organization) => [organization.code, organization]));
    const paperName = paperNamer(rows);
    return rows.Endorsements.filter((e) => organizations.get(e.organization)?.participating === false).map((e) =>
      hitOnRow('Endorsements', e, 'Organization', `${endorsementLabel(e)} records a decision of ${e.organization} on ${paperName(e.paper)}, but ${e.organization} does not participate in the CCEG.`),
    );
  },
});

/** §4 Decision Making by the Chartering Organizations: organizations decide on the paper after it is submitted (circulated) to them. */
export const endorsementBeforeCirculation = defineRule({
  id: 'endorsement.before-circulation',
  severity: 'error',
  charter: '§4',
  needs: ['Endorsements', 'Papers'],
  check: ({ rows }) => {
    const papers = new Map(rows.Papers.map((paper) => [paper.id, paper]));
    const hits: RuleHit[] = [];
    for (const e of rows.Endorsements) {
      const paper = papers.get(e.paper);
      if (!paper || paper.circulatedOn === null || e.decidedOn === null || e.decidedOn >= paper.circulatedOn) continue;
      hits.push(hitOnRow('Endorsements', e, 'Decided On',
        `${e.organization} decided on ${paperLabel(paper)} on ${e.decidedOn} (${endorsementLabel(e)}), before the paper was circulated on ${paper.circulatedOn}.`));
    }
    return hits;
  },
});

/** §4 Decision Making by the Chartering Organizations: the chairs notify their decision as soon as feasible; remind after `endorsements.reminderDays`. */
export const endorsementAwaiting = defineRule({
  id: 'endorsement.awaiting',
  severity: 'warning',
  charter: '§4',
  needs: ['Papers', 'Endorsements', 'Organizations'],
  check: ({ rows, today, config }) => {
    const book = decisionBook(rows);
    const allowed = config.endorsements.reminderDays;
    const hits: RuleHit[] = [];
    for (const paper of rows.Papers) {
      if (paper.circulatedOn === null || paper.outcome !== 'Pending') continue;
      const days = daysBetween(paper.circulatedOn, today);
      if (days <= allowed) continue;
      const pending = failingDecisions(book, paper.id ?? '', (decision) => decision !== 'Pending');
      if (pending.count === 0) continue;
      hits.push(hitOnRow('Papers', paper, 'Circulated On',
        `${paperLabel(paper)} was circulated on ${paper.circulatedOn}, ${counted(days, 'day')} ago, and ${counted(pending.count, 'participating organization')} ` +
        `${pending.count === 1 ? 'has' : 'have'} not decided yet: ${listFailing(pending, false)}. The group reminds them after ${counted(allowed, 'day')} ` +
        `(its setting endorsements.reminderDays); the charter asks for decisions "as soon as feasible" (§4).`));
    }
    return hits;
  },
});

/** The rules of this file, in catalogue order. */
export const endorsementRules = [
  endorsementReasonsMissing,
  endorsementDuplicate,
  endorsementNotParticipating,
  endorsementBeforeCirculation,
  endorsementAwaiting,
];
