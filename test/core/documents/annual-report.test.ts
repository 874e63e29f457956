// Tests of the Annual Report: the sample renders for ICANN63, text is escaped, unknown or non-AGM meetings are refused.
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
    for (const heading of ['Activities of the year', 'Deliverables', 'Papers and endorsements', 'Membership and diversity', 'Consensus calls']) {
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

  it('cuts a long list with "and N more"', () => {
    const calls = Array.from({ length: 8 }, (_, n) => consensusCall({ id: `CC-${n}`, calledOn: '2018-03-01' }));
    expect(renderAnnualReport({ ...hostileRows(), ConsensusCalls: calls }, 'ICANN63', context).html).toContain('and 3 more');
  });

  it('refuses a meeting that does not exist, or is not an AGM, with UNKNOWN_ENTITY', () => {
    expect(() => renderAnnualReport(sampleRows(), 'ICANN99', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
    expect(() => renderAnnualReport(sampleRows(), 'ICANN62', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
  });
});
