// Tests of the Annual Report: the sample renders for ICANN63 complete and in order, text is escaped, unknown or non-AGM meetings are refused.
import { describe, expect, it } from 'vitest';
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { renderAnnualReport } from '../../../functions/core/documents/annual-report.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { activity, consensusCall, deliverable, meeting, org, paper, person } from '../../support/group-builder.js';
import { groupRowsOf } from '../../support/raw-workbook.js';
import { expectEscaped, expectSelfContainedDocument, HOSTILE } from './expect-document.js';

const context = { today: '2018-10-20', config: DEFAULT_CONFIG, runId: 'run-2018-10-20' };
const groupName = DEFAULT_CONFIG.group.name;

function sampleRows(): GroupRows {
  return groupRowsOf(sampleWorkbookRows());
}

function hostileRows(): GroupRows {
  return {
    ...emptyGroupRows(),
    Organizations: [org({ code: 'GNSO', name: HOSTILE })],
    Roster: [person({ name: HOSTILE, organization: 'GNSO', stakeholderGroup: HOSTILE })],
    Meetings: [meeting({ id: 'ICANN63', name: HOSTILE, type: 'ICANN AGM', startDate: '2018-10-20', endDate: '2018-10-26', location: HOSTILE })],
    WorkPlan: [activity({ activity: HOSTILE, status: 'Done' })],
    Deliverables: [deliverable({ title: HOSTILE, forMeeting: 'ICANN63' })],
    Papers: [paper({ title: HOSTILE, adoptedOn: '2018-05-01' })],
    ConsensusCalls: [consensusCall({ subject: HOSTILE, calledOn: '2018-09-01', designation: 'Consensus' })],
  };
}

describe('renderAnnualReport', () => {
  it('renders the sample workbook for the ICANN63 AGM as a self-contained document', () => {
    const report = renderAnnualReport(sampleRows(), 'ICANN63', context);
    expect(report.title).toBe('Annual Report 2018 for ICANN63 Annual General Meeting');
    expectSelfContainedDocument(report.html, groupName, '2018-10-20', 'run-2018-10-20');
    for (const heading of ['Activities of the year', 'Deliverables', 'Papers and endorsements', 'Consensus calls', 'Membership and diversity']) {
      expect(report.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(report.html).toContain('Members per organization against the 2–5 band');
    expect(report.html).toContain('Members by region');
    expect(report.html).toContain('Stakeholder groups represented among the Members:');
    expect(report.html).toContain('<strong>No Consensus</strong>');
  });

  it('groups the year\'s work plan by status', () => {
    const rows = { ...hostileRows(), WorkPlan: [activity({ activity: 'A', status: 'Done' }), activity({ id: 'W-2', activity: 'B', status: 'Planned' }),
      activity({ id: 'W-3', activity: 'Old', year: 2017, status: 'Done' })] };
    const page = renderAnnualReport(rows, 'ICANN63', context).html;
    expect(page).toContain('<h3>Planned (1)</h3>');
    expect(page).toContain('<h3>Done (1)</h3>');
    expect(page).not.toContain('Old');
  });

  it('escapes text typed into meetings, activities, deliverables, papers, calls and the roster', () => {
    const report = renderAnnualReport(hostileRows(), 'ICANN63', context);
    expectSelfContainedDocument(report.html, groupName, '2018-10-20', 'run-2018-10-20');
    expectEscaped(report.html);
  });

  it('lists every consensus call, deliverable and activity, never "and N more"', () => {
    const many = <T>(count: number, make: (n: number) => T) => Array.from({ length: count }, (_, n) => make(n));
    const rows = { ...hostileRows(),
      ConsensusCalls: many(12, (n) => consensusCall({ id: `CC-${n}`, subject: `Call ${n}`, calledOn: '2018-03-01' })),
      Deliverables: many(12, (n) => deliverable({ id: `D-${n}`, title: `Deliverable ${n}`, forMeeting: 'ICANN63' })),
      WorkPlan: many(12, (n) => activity({ id: `W-${n}`, activity: `Activity ${n}`, status: 'Done' })) };
    const page = renderAnnualReport(rows, 'ICANN63', context).html;
    for (const last of ['Call 11', 'Deliverable 11', 'Activity 11']) expect(page).toContain(last);
    expect(page).not.toMatch(/and \d+ more/);
  });

  it('reports the work plan Done first, then In Progress, Planned and Cancelled', () => {
    const rows = { ...hostileRows(), WorkPlan: [activity({ id: 'W-1', activity: 'P', status: 'Planned' }), activity({ id: 'W-2', activity: 'C', status: 'Cancelled' }),
      activity({ id: 'W-3', activity: 'I', status: 'In Progress' }), activity({ id: 'W-4', activity: 'D', status: 'Done' })] };
    const page = renderAnnualReport(rows, 'ICANN63', context).html;
    const at = (heading: string) => page.indexOf(`<h3>${heading} (1)</h3>`);
    expect([at('Done'), at('In Progress'), at('Planned'), at('Cancelled')].every((index, i, all) => index > (all[i - 1] ?? -1))).toBe(true);
  });

  it('names the chairs and each organization\'s Members, linked to their SOI, the amendments and the annual review with what it means', () => {
    const page = renderAnnualReport(sampleRows(), 'ICANN63', context).html;
    for (const heading of ['Charter amendments', 'Annual review and continuation']) expect(page).toContain(`<h2>${heading}</h2>`);
    expect(page).toContain('<a href="https://example.org/cceg-ig/soi/p-0001">Marta Lindqvist</a> <em>(Co-Chair, GNSO)</em>');
    expect(page).toContain('<a href="https://example.org/cceg-ig/soi/p-0003">Lucía Fernández Ortega</a>');
    expect(page).toContain('Jean-Baptiste Moreau');
    expect(page).toContain('<strong>A-0001</strong>');
    expect(page).toContain('<strong>Proposed</strong> <em>(proposed on 2018-09-19; adopted by 1 of 5 participating organizations (ALAC); awaiting ccNSO, GNSO, GAC, ASO)</em>');
    expect(page).toContain('<strong>GAC</strong>: <em>no notification: presumed to continue (§7)</em>');
    expect(page).toContain('<strong>The CCEG continues in 2019</strong> with 5 participating organizations (ALAC, ccNSO, GNSO, GAC, ASO)');
  });

  it('links every paper and deliverable of the year to its document', () => {
    const page = renderAnnualReport(sampleRows(), 'ICANN63', context).html;
    expect(page).toContain('<a href="https://example.org/cceg-ig/papers/pp-0001.pdf">');
    expect(page).toContain('<a href="https://example.org/cceg-ig/deliverables/d-0010.pdf">CCEG IG Annual Report 2018</a>');
  });

  it('refuses a meeting that does not exist, or is not an AGM, with UNKNOWN_ENTITY', () => {
    expect(() => renderAnnualReport(sampleRows(), 'ICANN99', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
    expect(() => renderAnnualReport(sampleRows(), 'ICANN62', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
  });
});
