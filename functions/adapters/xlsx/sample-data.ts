// The bundled sample: the CCEG IG's records around 2018, mostly compliant on 2018-11-01 with a few realistic findings.
import type { WorkbookRows } from './create-xlsx.js';
import { conduct, organizations, roster } from './sample/organizations-roster.js';
import { meetings, workPlan } from './sample/meetings-workplan.js';
import { consensusCalls, endorsements, papers } from './sample/papers.js';
import { amendments, deliverables, issues, reviews } from './sample/records.js';

/** The date the sample is meant to be validated on. */
export const SAMPLE_TODAY = '2018-11-01';

/**
 * Fictional but realistic 2018 records for every editable tab. Validated on {@link SAMPLE_TODAY} they show a few charter
 * findings: an overdue work plan item (W-0020), a stale SOI (P-0005) and decisions awaited on the supplemental paper (PP-0006).
 */
export function sampleWorkbookRows(): WorkbookRows {
  const tabs = {
    Organizations: organizations, Roster: roster, Meetings: meetings, WorkPlan: workPlan, Papers: papers, Endorsements: endorsements,
    ConsensusCalls: consensusCalls, Deliverables: deliverables, Issues: issues, Conduct: conduct, Amendments: amendments, Reviews: reviews,
  };
  return Object.fromEntries(Object.entries(tabs).map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]));
}
