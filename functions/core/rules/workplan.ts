// Charter rules on the annual work plan: a current plan, mission consistency, due dates, paper schedules, mandates (§2, §3).
import { defineRule, hitOnRow, hitOnTab } from './rule.js';
import { yearOf } from '../dates.js';
import { participatingOrganizations } from '../model/queries.js';
import type { Paper } from '../model/tabs.js';

/** Names a paper for a message: its title and, once assigned, its ID. */
function paperLabel(paper: Pick<Paper, 'id' | 'title'>): string {
  return paper.id === null ? `"${paper.title}"` : `${paper.id} "${paper.title}"`;
}

/** §3 Work Plan: the CCEG adopts an annual work plan, so some WorkPlan row has today's year. */
export const workplanNoCurrentPlan = defineRule({
  id: 'workplan.no-current-plan',
  severity: 'error',
  charter: '§3 Work Plan',
  needs: ['WorkPlan'],
  check: ({ rows, today }) => {
    const year = yearOf(today);
    if (rows.WorkPlan.some((activity) => activity.year === year)) return [];
    return [hitOnTab('WorkPlan', `The work plan has no activity for ${year}; the CCEG must adopt an annual work plan.`)];
  },
});

/** §2: every activity that is not cancelled says how it is consistent with ICANN's mission and mandate. */
export const workplanMissionConsistencyMissing = defineRule({
  id: 'workplan.mission-consistency-missing',
  severity: 'error',
  charter: '§2',
  needs: ['WorkPlan'],
  check: ({ rows }) =>
    rows.WorkPlan
      .filter((activity) => activity.missionConsistency === null && activity.status !== 'Cancelled')
      .map((activity) =>
        hitOnRow('WorkPlan', activity, 'Mission Consistency',
          `Activity "${activity.activity}" does not say how it is consistent with ICANN's mission and mandate.`),
      ),
});

/** §3 Work Plan: a Planned or In Progress activity whose Due Date is before today is overdue. */
export const workplanOverdue = defineRule({
  id: 'workplan.overdue',
  severity: 'warning',
  charter: '§3 Work Plan',
  needs: ['WorkPlan'],
  check: ({ rows, today }) =>
    rows.WorkPlan
      .filter((activity) => (activity.status === 'Planned' || activity.status === 'In Progress')
        && activity.dueDate !== null && activity.dueDate < today)
      .map((activity) =>
        hitOnRow('WorkPlan', activity, 'Due Date',
          `Activity "${activity.activity}" was due on ${activity.dueDate} and is still ${activity.status}; update its status or due date.`),
      ),
});

/**
 * §3 Work Plan: the schedule for drafting and deciding on every paper (unless the CCEG refrained from it) is in the
 * work plan, as a `Position Paper` activity related to it with both a Start Date and a Due Date.
 */
export const workplanPaperScheduleMissing = defineRule({
  id: 'workplan.paper-schedule-missing',
  severity: 'error',
  charter: '§3 Work Plan',
  needs: ['Papers', 'WorkPlan'],
  check: ({ rows }) => {
    const scheduled = new Set<string>();
    for (const activity of rows.WorkPlan) {
      if (activity.type === 'Position Paper' && activity.relatedPaper !== null && activity.startDate !== null && activity.dueDate !== null) {
        scheduled.add(activity.relatedPaper);
      }
    }
    return rows.Papers
      .filter((paper) => paper.outcome !== 'Refrained' && (paper.id === null || !scheduled.has(paper.id)))
      .map((paper) =>
        hitOnRow('Papers', paper, null,
          `Paper ${paperLabel(paper)} has no Position Paper activity in the work plan with a Start Date and a Due Date for its drafting and decision.`),
      );
  },
});

/** §2 "for avoidance of doubt": the CCEG represents the organizations only when every participating one asked it to. */
export const workplanRepresentationWithoutMandate = defineRule({
  id: 'workplan.representation-without-mandate',
  severity: 'error',
  charter: '§2',
  needs: ['WorkPlan', 'Organizations'],
  check: ({ rows }) => {
    const participating = participatingOrganizations(rows).map((organization) => organization.code);
    return rows.WorkPlan
      .filter((activity) => activity.type === 'Representation')
      .flatMap((activity) => {
        const mandate = new Set(activity.mandateFrom);
        const missing = participating.filter((code) => !mandate.has(code));
        if (missing.length === 0) return [];
        return [hitOnRow('WorkPlan', activity, 'Mandate From',
          `Representation "${activity.activity}" has no mandate from ${missing.join(', ')}; every participating organization must ask the CCEG to represent it.`)];
      });
  },
});

/** The rules of this file, in catalogue order. */
export const workPlanRules = [
  workplanNoCurrentPlan,
  workplanMissionConsistencyMissing,
  workplanOverdue,
  workplanPaperScheduleMissing,
  workplanRepresentationWithoutMandate,
];
