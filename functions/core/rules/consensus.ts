// Charter rules on the chairs' calls for consensus and their designations (§6 Decision-Making Methodologies).
import type { IsoDate } from '../dates.js';
import type { ConsensusCall, Person } from '../model/tabs.js';
import { counted } from '../plural.js';
import { deliverableRowToAdd } from './reports.js';
import { defineRule, hitOnRow, type RuleHit } from './rule.js';

const callLabel = (call: ConsensusCall) => `${call.id ?? `the call on row ${call.sheetRow}`} "${call.subject}"`;

/** Index of the last position in the sorted `dates` whose date passes `before`, plus one (binary search). */
function countWhere(dates: readonly IsoDate[], before: (date: IsoDate) => boolean): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(dates[middle] as IsoDate)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Counts the people active on a date in O(log n) per date: those started by then (an empty Start Date counts as
 * always started) minus those who had already left. People whose End Date precedes their Start Date are never active.
 */
export function activeCounter(people: readonly Person[]): (date: IsoDate) => number {
  const spans = people.filter((p) => p.startDate === null || p.endDate === null || p.startDate <= p.endDate);
  const starts = spans.map((p) => p.startDate ?? '').sort();
  const ends = spans.flatMap((p) => (p.endDate === null ? [] : [p.endDate])).sort();
  return (date) => countWhere(starts, (start) => start <= date) - countWhere(ends, (end) => end < date);
}

/** §6: Full Consensus is identified by an absence of objection. */
export const consensusFullWithObjections = defineRule({
  id: 'consensus.full-with-objections',
  severity: 'error',
  charter: '§6',
  needs: ['ConsensusCalls'],
  check: ({ rows }) =>
    rows.ConsensusCalls.filter((c) => c.designation === 'Full Consensus' && (c.objections ?? 0) > 0).map((c) =>
      hitOnRow('ConsensusCalls', c, 'Objections', `${callLabel(c)} was designated Full Consensus but records ${counted(c.objections ?? 0, 'objection')}; Full Consensus means no objection.`),
    ),
});

/** §6: in the absence of Full Consensus, minority viewpoints are included with the consensus view. */
export const consensusMinorityMissing = defineRule({
  id: 'consensus.minority-missing',
  severity: 'error',
  charter: '§6',
  needs: ['ConsensusCalls'],
  check: ({ rows }) =>
    rows.ConsensusCalls.filter((c) => (c.objections ?? 0) > 0 && (c.designation === 'Full Consensus' || c.designation === 'Consensus') && c.minorityViewpoints === null).map((c) =>
      hitOnRow('ConsensusCalls', c, 'Minority Viewpoints', `${callLabel(c)} was designated ${c.designation} with ${counted(c.objections ?? 0, 'objection')} but records no minority viewpoints.`),
    ),
});

/** §6: Consensus is a position where only a small minority (at most `consensus.smallMinorityMaxShare`) disagrees. */
export const consensusNotSmallMinority = defineRule({
  id: 'consensus.not-small-minority',
  severity: 'warning',
  charter: '§6',
  needs: ['ConsensusCalls'],
  check: ({ rows, config }) => {
    const maxShare = config.consensus.smallMinorityMaxShare;
    const hits: RuleHit[] = [];
    for (const c of rows.ConsensusCalls) {
      const involved = c.membersInvolved ?? 0;
      const objections = c.objections ?? 0;
      if (c.designation !== 'Consensus' || involved <= 0 || objections / involved <= maxShare) continue;
      hits.push(hitOnRow('ConsensusCalls', c, 'Objections',
        `${callLabel(c)} was designated Consensus with ${counted(objections, 'objection')} among ${counted(involved, 'Member')} involved (${formatShare(objections / involved)}), ` +
        `more than ${formatShare(maxShare)} (the group's setting consensus.smallMinorityMaxShare; §6 calls Consensus a position where "a small minority disagrees, but most agree").`));
    }
    return hits;
  },
});

const formatShare = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * §6: a chair calling for consensus makes reasonable efforts to involve at a minimum all Members. Counts the
 * Roster rows with Role `Member` active on `Called On`; an empty `Members Involved` on a designated call counts as 0.
 */
export const consensusMembersNotInvolved = defineRule({
  id: 'consensus.members-not-involved',
  severity: 'warning',
  charter: '§6',
  needs: ['ConsensusCalls', 'Roster'],
  check: ({ rows }) => {
    const activeMembers = activeCounter(rows.Roster.filter((p) => p.role === 'Member'));
    const hits: RuleHit[] = [];
    for (const c of rows.ConsensusCalls) {
      if (c.designation === null) continue;
      const involved = c.membersInvolved ?? 0;
      const active = activeMembers(c.calledOn);
      if (involved >= active) continue;
      const reach = c.membersInvolved === null ? 'records no number of Members involved' : `involved ${counted(involved, 'Member')}`;
      hits.push(hitOnRow('ConsensusCalls', c, 'Members Involved',
        `${callLabel(c)} ${reach}, but ${counted(active, 'Member')} ${active === 1 ? 'was' : 'were'} active on ${c.calledOn}; the chairs should involve all Members.`));
    }
    return hits;
  },
});

/** §6: a poll is used only in a rare case the chairs judge reasonable; the rationale is recorded. */
export const consensusPollWithoutRationale = defineRule({
  id: 'consensus.poll-without-rationale',
  severity: 'warning',
  charter: '§6',
  needs: ['ConsensusCalls'],
  check: ({ rows }) =>
    rows.ConsensusCalls.filter((c) => c.pollUsed && c.pollRationale === null).map((c) =>
      hitOnRow('ConsensusCalls', c, 'Poll Rationale', `${callLabel(c)} used a poll but does not say why a poll was reasonable.`),
    ),
});

/** §6: when no consensus is reached, the chairs submit a Chair's Report to the chartering organizations. */
export const consensusChairReportMissing = defineRule({
  id: 'consensus.chair-report-missing',
  severity: 'error',
  charter: '§6',
  needs: ['ConsensusCalls', 'Deliverables'],
  check: ({ rows }) => {
    const reported = new Set(rows.Deliverables.filter((d) => d.type === "Chair's Report" && d.related !== null).map((d) => d.related));
    const hasReport = (c: ConsensusCall) => (c.id !== null && reported.has(c.id)) || (c.paper !== null && reported.has(c.paper));
    return rows.ConsensusCalls.filter((c) => c.designation === 'No Consensus' && !hasReport(c)).map((c) =>
      hitOnRow('ConsensusCalls', c, 'Designation',
        `${callLabel(c)} reached No Consensus but no Chair's Report deliverable is related to ${c.id ?? 'the call'}${c.paper === null ? '' : ` or to its paper ${c.paper}`}. ` +
        deliverableRowToAdd([['Type', "Chair's Report"], ['Related', c.id ?? c.paper ?? "the call's ID"]])),
    );
  },
});

/** The rules of this file, in catalogue order. */
export const consensusRules = [
  consensusFullWithObjections,
  consensusMinorityMissing,
  consensusNotSmallMinority,
  consensusMembersNotInvolved,
  consensusPollWithoutRationale,
  consensusChairReportMissing,
];
