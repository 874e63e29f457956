// Tests of the IG Update Report: the sample renders as a report to the chairs, text is escaped, lists are capped, unknown meetings are refused.
import { describe, expect, it } from 'vitest';
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { clipText, escapeHtml, LIST_CAP, UPDATE_REPORT_DETAIL_MAX, UPDATE_REPORT_TEXT_MAX } from '../../../functions/core/documents/html.js';
import { renderUpdateReport } from '../../../functions/core/documents/update-report.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { activity, consensusCall, deliverable, issue, meeting, org, paper, person } from '../../support/group-builder.js';
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
    for (const heading of ['Activities since the last meeting', 'Delivered since the last meeting', 'Key IG threats and opportunities',
      'Papers and endorsements', 'Consensus outcomes', 'Upcoming IG events and open consultations', 'Membership', 'Next deadlines']) {
      expect(report.html).toContain(`<h2>${heading}</h2>`);
    }
    expect(report.html).toContain('Members per organization against the 2–5 band');
    expect(report.html).toContain('<figcaption>Members per organization (band 2–5)</figcaption>');
    expect(report.html).toContain('<figcaption>Members by region</figcaption>');
  });

  it('is addressed to the chairs of the participating SOs and ACs, by name and e-mail', () => {
    const page = renderUpdateReport(sampleRows(), 'ICANN63', context).html;
    expect(page).toContain('To the chairs of the participating SOs and ACs: At-Large Advisory Committee (ALAC), alac-chair@example.org;');
    expect(page).toContain('Address Supporting Organization (ASO), aso-chair@example.org.');
    expect(page).not.toContain('Security and Stability Advisory Committee');
  });

  it('lists the key IG threats and opportunities (§2 item 2), threats first, with their relevance, and leaves neutral issues out', () => {
    const rows: GroupRows = {
      ...emptyGroupRows(),
      Organizations: [org()],
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })],
      Issues: [
        issue({ id: 'I-1', title: 'Open forum', assessment: 'Opportunity', relevance: 'A stage for the model.' }),
        issue({ id: 'I-2', title: 'Neutral matter', assessment: 'Neutral' }),
        issue({ id: 'I-3', title: 'Rival registry', assessment: 'Threat', body: 'ITU', relevance: 'Could fragment identifiers.' }),
        issue({ id: 'I-4', title: 'Data rules', assessment: 'Both' }),
      ],
    };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    const section = page.slice(page.indexOf('<h2>Key IG threats and opportunities</h2>'), page.indexOf('<h2>Papers and endorsements</h2>'));
    expect(section).toContain('<strong>Threat:</strong> Rival registry (ITU) — Could fragment identifiers.');
    expect(section.indexOf('Rival registry')).toBeLessThan(section.indexOf('Data rules'));
    expect(section.indexOf('Data rules')).toBeLessThan(section.indexOf('Open forum'));
    expect(section).toContain('<strong>Threat and opportunity:</strong> Data rules');
    expect(section).not.toContain('Neutral matter');
  });

  it('lists an IG event that is both a Meetings row and an Issues row once, with its dates, place and assessment', () => {
    const page = renderUpdateReport(sampleRows(), 'ICANN63', context).html;
    const section = page.slice(page.indexOf('<h2>Upcoming IG events'), page.indexOf('<h2>Membership</h2>'));
    expect(section.match(/Internet Governance Forum 2018/g)).toHaveLength(1);
    expect(section).toContain('2018-11-12: Internet Governance Forum 2018 (to 2018-11-14), Paris, France <em>(Opportunity)</em>');
  });

  it('links every paper and deliverable it shows that has a document URL, and no other scheme', () => {
    const rows: GroupRows = {
      ...emptyGroupRows(),
      Organizations: [org()],
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })],
      Papers: [paper({ id: 'PP-1', title: 'Linked paper', documentUrl: 'https://example.org/a?x=1&y="2"' }),
        paper({ id: 'PP-2', title: 'Odd paper', documentUrl: 'javascript:alert(1)' })],
      Deliverables: [deliverable({ title: 'Delivered note', deliveredOn: '2018-09-01', documentUrl: 'https://example.org/d.pdf' })],
    };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    expect(page).toContain('<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">Linked paper</a>');
    expect(page).toContain('<a href="https://example.org/d.pdf">Delivered note</a>');
    expect(page).not.toContain('javascript:');
  });

  it('says "No Members are active yet." instead of drawing empty charts', () => {
    const rows: GroupRows = { ...emptyGroupRows(), Organizations: [org()], Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })] };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    expect(page).toContain('No Members are active yet.');
    expect(page).not.toContain('<svg');
  });

  it('escapes text typed into meetings, activities, papers, consensus calls, issues and organizations', () => {
    const report = renderUpdateReport(hostileRows(), 'ICANN63', context);
    expectSelfContainedDocument(report.html, groupName, '2018-10-06', 'run-2018-10-06');
    expectEscaped(report.html);
    expect(report.title).toContain(HOSTILE);
  });

  it('cuts every long list after LIST_CAP items with "and N more"', () => {
    const many = <T>(count: number, make: (n: number) => T) => Array.from({ length: count }, (_, n) => make(n));
    const rows: GroupRows = {
      ...emptyGroupRows(),
      Organizations: [org()],
      Meetings: [meeting({ id: 'ICANN63', startDate: '2018-10-20', endDate: '2018-10-26' })],
      WorkPlan: many(LIST_CAP + 5, (n) => activity({ id: `W-${n}`, activity: `Activity ${n}`, status: 'In Progress' })),
      Papers: many(LIST_CAP + 4, (n) => paper({ id: `PP-${n}`, title: `Paper ${n}` })),
      ConsensusCalls: many(LIST_CAP + 3, (n) => consensusCall({ id: `CC-${n}`, calledOn: '2018-09-01', designation: 'Consensus' })),
      Issues: many(LIST_CAP + 2, (n) => issue({ id: `I-${n}`, kind: 'Consultation', responseDue: '2018-11-01' })),
    };
    const page = renderUpdateReport(rows, 'ICANN63', context).html;
    for (const more of ['and 5 more', 'and 4 more', 'and 3 more', 'and 2 more']) expect(page).toContain(more);
    expect(page).toContain(`Activity ${LIST_CAP - 1} <em>`);
    expect(page).not.toContain(`Activity ${LIST_CAP} <em>`);
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
    expect(page).toContain(`2018-11-01: Consultation: ${escapeHtml(clipped)} (${escapeHtml(clipText(body, UPDATE_REPORT_DETAIL_MAX))}), responses due`);
    expect(page).toContain(`<strong>2018-11-01</strong> Response to consultation &quot;${escapeHtml(clipped)}&quot; (${
      escapeHtml(clipText(body, UPDATE_REPORT_DETAIL_MAX))})`);
    expect(page).not.toContain(escapeHtml(title.slice(0, UPDATE_REPORT_TEXT_MAX + 1)));
  });

  it('refuses a meeting that does not exist with UNKNOWN_ENTITY', () => {
    expect(() => renderUpdateReport(sampleRows(), 'ICANN99', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
  });
});
