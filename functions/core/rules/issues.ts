// Charter rules on the list of Internet governance issues: relevance to ICANN's mission, consultation responses (§2, §3).
import { defineRule, hitOnRow } from './rule.js';
import type { GroupRows } from '../model/group.js';
import { deliverableRowToAdd } from './reports.js';

/** The IDs named in `Related` by an `Ad Hoc Communication` or `Position Paper` deliverable: the issues responded to. */
export function respondedIssueIds(rows: GroupRows): Set<string> {
  const responded = new Set<string>();
  for (const deliverable of rows.Deliverables) {
    if ((deliverable.type === 'Ad Hoc Communication' || deliverable.type === 'Position Paper') && deliverable.related !== null) {
      responded.add(deliverable.related.trim());
    }
  }
  return responded;
}

/** §3 Deliverables item 6: the list holds issues relevant to ICANN and its mission, so each one says why it is. */
export const issueRelevanceMissing = defineRule({
  id: 'issue.relevance-missing',
  severity: 'error',
  charter: '§3 Deliverables item 6',
  needs: ['Issues'],
  check: ({ rows }) =>
    rows.Issues
      .filter((issue) => issue.relevance === null)
      .map((issue) =>
        hitOnRow('Issues', issue, 'Relevance', `${issue.kind} "${issue.title}" does not say how it is relevant to ICANN's mission.`),
      ),
});

/**
 * §2 (coordinated responses to consultations), §3 Deliverables item 5: a consultation whose Response Due is before
 * today has an `Ad Hoc Communication` or `Position Paper` deliverable whose Related is the issue's ID.
 */
export const issueResponseOverdue = defineRule({
  id: 'issue.response-overdue',
  severity: 'warning',
  charter: '§2, §3 Deliverables item 5',
  needs: ['Issues', 'Deliverables'],
  check: ({ rows, today }) => {
    const responded = respondedIssueIds(rows);
    return rows.Issues
      .filter((issue) => issue.kind === 'Consultation' && issue.responseDue !== null && issue.responseDue < today)
      .filter((issue) => issue.id === null || !responded.has(issue.id))
      .map((issue) =>
        hitOnRow('Issues', issue, 'Response Due',
          `The response to consultation "${issue.title}" was due on ${issue.responseDue}, and no Ad Hoc Communication or Position Paper deliverable names ${issue.id ?? 'it'} in Related. ` +
          deliverableRowToAdd([['Type', 'Ad Hoc Communication (or Position Paper)'], ['Related', issue.id ?? 'the issue\'s ID']])),
      );
  },
});

/** The rules of this file, in catalogue order. */
export const issueRules = [issueRelevanceMissing, issueResponseOverdue];
