// Writes large, valid workbooks for tests and benchmarks with exceljs's streaming writer (fast and light on memory).
import ExcelJS from 'exceljs';
import { addDays } from '../../functions/core/dates.js';
import { workbookTemplate } from '../../functions/core/template.js';

/** Data rows per tab name. */
export type RowsPerTab = Record<string, number>;

type Value = string | number | Date | null;
type RowBuilder = (index: number, counts: RowsPerTab) => Record<string, Value>;

const ORGANIZATIONS = [['ALAC', 'AC'], ['ccNSO', 'SO'], ['GNSO', 'SO'], ['GAC', 'AC'], ['SSAC', 'AC'], ['ASO', 'SO']] as const;
const REGIONS = ['Africa', 'Asia/Australia/Pacific', 'Europe', 'Latin America/Caribbean', 'North America'];
const MEMBERS_PER_ORGANIZATION = 4;
/** Share of the rows each tab gets when a total is asked for; Roster takes what is left. */
const SHARES: Readonly<Record<string, number>> = {
  Meetings: 0.01, WorkPlan: 0.2, Papers: 0.04, Endorsements: 0.24, ConsensusCalls: 0.02,
  Deliverables: 0.02, Issues: 0.2, Conduct: 0.01, Amendments: 0.001, Reviews: 0.001,
};

const id = (prefix: string, index: number) => `${prefix}-${String(index + 1).padStart(6, '0')}`;
const day = (index: number) => new Date(`${addDays('2018-01-01', index % 365)}T00:00:00Z`);
const org = (index: number) => ORGANIZATIONS[index % ORGANIZATIONS.length]![0];
const pick = <T>(values: readonly T[], index: number): T => values[index % values.length]!;
const ref = (prefix: string, tab: string, index: number, counts: RowsPerTab) => ((counts[tab] ?? 0) > 0 ? id(prefix, index % counts[tab]!) : null);

const BUILDERS: Readonly<Record<string, RowBuilder>> = {
  Organizations: (i) => ({ Code: org(i), Name: `Organization ${i + 1}`, Type: pick(ORGANIZATIONS, i)[1],
    Participating: 'Yes', 'Charter Adopted On': day(60 + i), 'Chair Email': `chair${i + 1}@example.org`, 'Secretariat Emails': `secretariat${i + 1}@example.org` }),
  Roster: (i) => ({ ID: id('P', i), Name: `Person ${i + 1}`, Email: `person${i + 1}@example.org`,
    Role: i < ORGANIZATIONS.length * MEMBERS_PER_ORGANIZATION ? 'Member' : pick(['Participant', 'Observer'], i),
    Organization: org(i), Region: pick(REGIONS, i), Affiliation: `Affiliation ${i % 97}`, Expertise: 'DNS policy',
    'SOI URL': `https://example.org/soi/${i + 1}`, 'SOI Date': day(i), 'Start Date': day(i) }),
  Meetings: (i) => ({ ID: id('M', i), Name: `Meeting ${i + 1}`, Type: pick(['CCEG Call', 'Board IG WG Coordination', 'IG Event'], i),
    'Start Date': day(i), 'End Date': day(i + 1), 'Time Zone': pick(['UTC', 'Europe/Madrid', 'America/Panama'], i), Location: 'Remote', 'Face To Face': 'No' }),
  WorkPlan: (i, c) => ({ ID: id('W', i), Year: 2018, Activity: `Activity ${i + 1}`, Type: pick(['Position Paper', 'Workshop', 'Issues List', 'Other'], i),
    'Related Paper': ref('PP', 'Papers', i, c), 'Related Meeting': ref('M', 'Meetings', i, c), 'Start Date': day(i), 'Due Date': day(i + 30),
    Owner: 'Co-Chairs', Status: pick(['Planned', 'In Progress', 'Done'], i), 'Mission Consistency': 'Raises awareness of IG issues that affect the DNS.' }),
  Papers: (i) => ({ ID: id('PP', i), Title: `Paper ${i + 1}`, Kind: pick(['Position Paper', 'Statement'], i), 'Consultation Opens': day(i),
    'Consultation Closes': day(i + 30), 'Comments Received': i % 40, 'Comments Reviewed': 'Yes', Outcome: 'Pending' }),
  Endorsements: (i) => ({ ID: id('E', i), Paper: id('PP', Math.floor(i / ORGANIZATIONS.length)), Organization: org(i),
    Decision: pick(['Endorse', 'Support', 'Pending'], i) }),
  ConsensusCalls: (i, c) => ({ ID: id('CC', i), Subject: `Call ${i + 1}`, Paper: ref('PP', 'Papers', i, c), 'Called On': day(i),
    Designation: 'Full Consensus', 'Members Involved': 24, Objections: 0, 'Poll Used': 'No' }),
  Deliverables: (i, c) => ({ ID: id('D', i), Type: pick(['Workshop Report', 'Issues List', 'Progress Paper'], i), Title: `Deliverable ${i + 1}`,
    'For Meeting': ref('M', 'Meetings', i, c), 'Due Date': day(i), 'Delivered On': day(i), Pages: 2 }),
  Issues: (i) => ({ ID: id('I', i), Title: `Issue ${i + 1}`, Kind: pick(['Issue', 'Event', 'Forum'], i), Body: pick(['IGF', 'ITU', 'WSIS', 'OECD'], i),
    Date: day(i), Relevance: 'Touches the unique identifiers ICANN coordinates.', Assessment: pick(['Threat', 'Opportunity', 'Both', 'Neutral'], i) }),
  Conduct: (i, c) => ({ ID: id('C', i), Person: ref('P', 'Roster', i, c), Date: day(i), Action: 'Private Warning', Reason: 'Off-topic remarks.', 'Decided By': 'Co-Chairs' }),
  Amendments: (i) => ({ ID: id('A', i), Summary: `Amendment ${i + 1}`, 'Proposed On': day(i), State: 'Proposed' }),
  Reviews: (i) => ({ ID: id('R', i), Year: 2000 + Math.floor(i / ORGANIZATIONS.length), 'Review Date': day(i), Organization: org(i), Decision: 'Extend' }),
};

/** How many rows each tab gets for `total` data rows: mostly Roster, Endorsements, Issues and WorkPlan. */
export function rowsPerTab(total: number): RowsPerTab {
  const counts: RowsPerTab = {};
  for (const [tab, share] of Object.entries(SHARES)) counts[tab] = Math.floor(total * share);
  const fixed = withFixedCounts(counts);
  fixed.Roster = Math.max(0, total - Object.values(fixed).reduce((sum, count) => sum + count, 0));
  return fixed;
}

/** The six organizations always, and a paper for every six endorsements (one decision per paper and organization). */
function withFixedCounts(counts: RowsPerTab): RowsPerTab {
  const endorsements = counts.Endorsements ?? 0;
  return { ...counts, Organizations: ORGANIZATIONS.length, Papers: Math.max(counts.Papers ?? 0, Math.ceil(endorsements / ORGANIZATIONS.length)) };
}

/**
 * Writes a valid workbook (every tab and header of the template, unique IDs, references that resolve) with
 * `size` data rows in all (default 50,000) or the given rows per tab; returns the rows written per tab.
 */
export async function writeBigWorkbook(path: string, size: number | RowsPerTab = 50_000): Promise<RowsPerTab> {
  const counts = typeof size === 'number' ? rowsPerTab(size) : withFixedCounts(size);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const tab of workbookTemplate().tabs) {
    const sheet = writer.addWorksheet(tab.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers = tab.columns.map((column) => column.header);
    sheet.addRow(headers).commit();
    const build = BUILDERS[tab.name];
    for (let index = 0; build && index < (counts[tab.name] ?? 0); index++) {
      const values = build(index, counts);
      const row = sheet.addRow(headers.map((header) => values[header] ?? null));
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
      row.commit();
    }
    sheet.commit();
  }
  await writer.commit();
  return Object.fromEntries(workbookTemplate().tabs.map((tab) => [tab.name, BUILDERS[tab.name] ? (counts[tab.name] ?? 0) : 0]));
}
