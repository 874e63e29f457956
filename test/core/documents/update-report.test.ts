// Tests of the IG Update Report: the sample renders, text is escaped, lists are capped, unknown meetings are refused.
import { describe, expect, it } from 'vitest';
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { clipText, escapeHtml, UPDATE_REPORT_DETAIL_MAX, UPDATE_REPORT_TEXT_MAX } from '../../../functions/core/documents/html.js';
import { renderUpdateReport } from '../../../functions/core/documents/update-report.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { activity, consensusCall, issue, meeting, org, paper, person } from '../../support/group-builder.js';
import { groupRowsOf } from '../../support/raw-workbook.js';
import { expectEscaped, expectSelfContainedDocument, HOSTILE } from './expect-document.js';

const context = { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'run-2018-10-06' };
const groupName = DEFAULT_CONFIG.group.name;

function sampleRows(): GroupRows {
  return groupRowsOf(sampleWorkbookRows());
}

function hostileRows(): GroupRows {
  return {
    ...emptyGroupRows(),
    Organizations: [org({ code: 'GNSO', name: HOSTILE })],
    Roster: [person({ name: HOSTILE, organization: 'GNSO' })],
    Meetings: [meeting({ id: 'ICANN63', name: HOSTILE, startDate: '2018-10-20', endDate: '2018-10-26', location: HOSTILE })],
    WorkPlan: [activity({ activity: HOSTILE, status: 'In Progress' })],
    Papers: [paper({ title: HOSTILE })],
    ConsensusCalls: [consensusCall({ subject: HOSTILE, calledOn: '2018-09-01', designation: 'Consensus' })],
    Issues: [issue({ title: HOSTILE, kind: 'Consultation', responseDue: '2018-11-01' })],
  };
}

describe('renderUpdateReport', () => {
  it('renders the sample workbook for ICANN63 as a self-contained document', () => {
    const report = renderUpdateReport(sampleRows(), 'ICANN63', context);
    expect(report.title).toBe('IG Update Report for ICANN63 Annual General Meeting');
    expectSelfContainedDocument(report.html, groupName, '2018-10-06', 'run-2018-10-06');
    for (const heading of ['Activities since the last meeting', 'Papers and endorsements', 'Consensus outcomes',
      'Upcoming IG events and open consultations', 'Membership', 'Next deadlines']) {
      expect(report.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(report.html).toContain('Members per organization against the 2–5 band');
    expect(report.html).toContain('Members by region');
  });

  it('escapes text typed into meetings, activities, papers, consensus calls, issues and organizations', () => {
    const report = renderUpdateReport(hostileRows(), 'ICANN63', context);
    expectSelfContainedDocument(report.html, groupName, '2018-10-06', 'run-2018-10-06');
    expectEscaped(report.html);
    expect(report.title).toContain(HOSTILE);
  });

  it('cuts every long list with "and N more"', () => {
    const many = <T>(count: number, make: (n: number) => T) => Array.from({ length: count }, (_, n) => make(n));
    const rows: GroupRows = {
      ...emptyGroupRows(),
      Organizations: [org()],
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })],
      WorkPlan: many(9, (n) => activity({ id: `W-${n}`, activity: `Activity ${n}`, status: 'In Progress' })),
      Papers: many(8, (n) => paper({ id: `PP-${n}`, title: `Paper ${n}` })),
      ConsensusCalls: many(7, (n) => consensusCall({ id: `CC-${n}`, calledOn: '2018-09-01', designation: 'Consensus' })),
      Issues: many(6, (n) => issue({ id: `I-${n}`, kind: 'Consultation', responseDue: '2018-11-01' })),
    };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    for (const more of ['and 4 more', 'and 3 more', 'and 2 more', 'and 1 more']) expect(page).toContain(more);
    expect(page).toContain('Activity 4 <em>');
    expect(page).not.toContain('Activity 5 <em>');
  });

  it('clips a long title with "…" and keeps its ID and the dates whole, also in the deadlines', () => {
    const title = `The multistakeholder model & the DNS: ${'a statement on Internet governance fora '.repeat(20)}`;
    const body = `WSIS ${'and the UN agencies '.repeat(10)}`;
    const clipped = clipText(title, UPDATE_REPORT_TEXT_MAX);
    expect(clipped.endsWith('…')).toBe(true);
    const rows: GroupRows = {
      ...emptyGroupRows(),
      Organizations: [org()],
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })],
      Papers: [paper({ id: 'PP-0042', title })],
      Issues: [issue({ id: 'I-0042', kind: 'Consultation', title, body, responseDue: '2018-11-01' })],
    };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    expect(page).toContain(`<strong>PP-0042</strong> ${escapeHtml(clipped)}: Pending;`);
    expect(page).toContain(`2018-11-01: Consultation: ${escapeHtml(clipped)} (responses due)`);
    expect(page).toContain(`<strong>2018-11-01</strong> Response to consultation &quot;${escapeHtml(clipped)}&quot; (${
      escapeHtml(clipText(body, UPDATE_REPORT_DETAIL_MAX))})`);
    expect(page).not.toContain(escapeHtml(title.slice(0, UPDATE_REPORT_TEXT_MAX + 1)));
  });

  it('refuses a meeting that does not exist with UNKNOWN_ENTITY', () => {
    expect(() => renderUpdateReport(sampleRows(), 'ICANN99', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
  });
});
