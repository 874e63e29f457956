// The whole charter rule catalogue of RULES.md, in catalogue order.
import type { CharterRule } from './rule.js';
import { organizationRules } from './organizations.js';
import { rosterRules } from './roster.js';
import { workPlanRules } from './workplan.js';
import { meetingRules } from './meetings.js';
import { reportRules } from './reports.js';
import { issueRules } from './issues.js';
import { paperRules } from './papers.js';
import { endorsementRules } from './endorsements.js';
import { consensusRules } from './consensus.js';
import { conductRules } from './conduct.js';
import { amendmentRules } from './amendments.js';
import { reviewRules } from './reviews.js';

/** Every charter rule, each a small pure function named after its ID. */
export const CHARTER_RULES: readonly CharterRule[] = [
  ...organizationRules,
  ...rosterRules,
  ...workPlanRules,
  ...meetingRules,
  ...reportRules,
  ...issueRules,
  ...paperRules,
  ...endorsementRules,
  ...consensusRules,
  ...conductRules,
  ...amendmentRules,
  ...reviewRules,
];
