// A small workbook that breaks no rule on 2018-06-01: the base for "no finding" tests and for single-rule variants.
import type { CellValue } from '../../functions/core/model/cell.js';

/** Rows per tab, written header → value. */
export type WorkbookRows = Record<string, Record<string, CellValue>[]>;

/** The day on which the compliant workbook breaks no rule. */
export const COMPLIANT_TODAY = '2018-06-01';

function members(): Record<string, CellValue>[] {
  return [
  ['P-0001', 'Ana Costa', 'GNSO', 'Latin America/Caribbean', 'Chair'],
  ['P-0002', 'Bo Lindqvist', 'GNSO', 'Europe', 'Member'],
  ['P-0003', 'Chen Wei', 'GNSO', 'Asia/Australia/Pacific', 'Member'],
  ['P-0004', 'Dara Okafor', 'ALAC', 'Africa', 'Co-Chair'],
  ['P-0005', 'Eli Brooks', 'ALAC', 'North America', 'Member'],
  ['P-0006', 'Fatima Haddad', 'ALAC', 'Africa', 'Member'],
  ['P-0007', 'Goran Petrov', 'ccNSO', 'Europe', 'Member'],
  ['P-0008', 'Hana Sato', 'ccNSO', 'Asia/Australia/Pacific', 'Member'],
].map(([id, name, organization, region, role]): Record<string, CellValue> => ({
  ID: id ?? null, Name: name ?? null, Email: `${String(id).toLowerCase()}@example.org`, Role: role ?? null, Organization: organization ?? null, Region: region ?? null,
  'SOI URL': `https://example.org/soi/${String(id).toLowerCase()}`, 'SOI Date': '2018-01-15', 'Start Date': '2017-11-01',
  }));
}

/** Every tab's rows, compliant with every rule of RULES.md on COMPLIANT_TODAY. */
export function compliantWorkbookRows(): WorkbookRows {
  return {
    Organizations: [
      { Code: 'GNSO', Name: 'Generic Names Supporting Organization', Type: 'SO', Participating: 'Yes', 'Charter Adopted On': '2018-01-20', 'Chair Email': 'chair@gnso.example.org', 'Secretariat Emails': 'sec@gnso.example.org' },
      { Code: 'ALAC', Name: 'At-Large Advisory Committee', Type: 'AC', Participating: 'Yes', 'Charter Adopted On': '2018-01-25', 'Chair Email': 'chair@alac.example.org' },
      { Code: 'ccNSO', Name: 'Country Code Names Supporting Organization', Type: 'SO', Participating: 'Yes', 'Charter Adopted On': '2018-02-01' },
    ],
    Roster: [
      ...members(),
      { ID: 'P-0009', Name: 'Ines Staff', Email: 'ines@icann.example.org', Role: 'Staff' },
      { ID: 'P-0010', Name: 'Jon Observer', Email: 'jon@example.net', Role: 'Observer' },
      { ID: 'P-0011', Name: 'Kim Participant', Email: 'kim@example.net', Role: 'Participant', Affiliation: 'Independent', Expertise: 'DNS abuse research', 'SOI Date': '2018-03-01' },
    ],
    Meetings: [
      { ID: 'ICANN62', Name: 'ICANN62 Policy Forum', Type: 'ICANN Public Meeting', 'Start Date': '2018-06-25', 'End Date': '2018-06-28', 'Time Zone': 'America/Panama', Location: 'Panama City', 'Face To Face': 'Yes' },
      { ID: 'BWG-2018-05', Name: 'Board IG WG coordination call', Type: 'Board IG WG Coordination', 'Start Date': '2018-05-15', 'End Date': '2018-05-15' },
      { ID: 'CALL-2018-05', Name: 'CCEG call', Type: 'CCEG Call', 'Start Date': '2018-05-02', 'End Date': '2018-05-02' },
    ],
    WorkPlan: [
      { ID: 'W-0001', Year: 2018, Activity: 'F2F session at ICANN62', Type: 'F2F Session', 'Related Meeting': 'ICANN62', 'Due Date': '2018-06-28', Status: 'Planned', 'Mission Consistency': 'Informs the community on IG matters that affect the DNS.', 'Remote Participation': 'Yes' },
      { ID: 'W-0002', Year: 2018, Activity: 'Position paper on WHOIS and GDPR in IG fora', Type: 'Position Paper', 'Related Paper': 'PP-0001', 'Start Date': '2018-01-10', 'Due Date': '2018-04-30', Status: 'Done', 'Mission Consistency': 'Concerns the registration data ICANN coordinates.' },
    ],
    Papers: [
      { ID: 'PP-0001', Title: 'WHOIS, GDPR and IG fora', Kind: 'Position Paper', 'Consultation Opens': '2018-02-01', 'Consultation Closes': '2018-03-01', 'Comments Received': 12, 'Comments Reviewed': 'Yes', Designation: 'Full Consensus', 'Adopted On': '2018-03-20', 'Released On': '2018-03-22', 'Circulated On': '2018-03-23', Outcome: 'Published', 'Published On': '2018-05-10' },
    ],
    Endorsements: [
      { ID: 'E-0001', Paper: 'PP-0001', Organization: 'GNSO', Decision: 'Endorse', 'Decided On': '2018-04-10' },
      { ID: 'E-0002', Paper: 'PP-0001', Organization: 'ALAC', Decision: 'Support', 'Decided On': '2018-04-12' },
      { ID: 'E-0003', Paper: 'PP-0001', Organization: 'ccNSO', Decision: 'Endorse', 'Decided On': '2018-04-20' },
    ],
    ConsensusCalls: [
      { ID: 'CC-0001', Subject: 'Adopt PP-0001', Paper: 'PP-0001', 'Called On': '2018-03-15', Designation: 'Full Consensus', 'Members Involved': 6, Objections: 0 },
    ],
    Deliverables: [
      { ID: 'D-0001', Type: 'IG Update Report', Title: 'IG update before ICANN62', 'For Meeting': 'ICANN62', 'Due Date': '2018-06-11', 'Delivered On': '2018-05-30', Pages: 2 },
    ],
    Issues: [
      { ID: 'I-0001', Title: 'IGF 2018', Kind: 'Event', Body: 'IGF', Date: '2018-11-12', Relevance: 'Multistakeholder discussion of DNS-related policy.', Assessment: 'Opportunity' },
      { ID: 'I-0002', Title: 'UN consultation on digital cooperation', Kind: 'Consultation', Body: 'UN', 'Response Due': '2018-07-15', Relevance: 'May touch unique identifier coordination.', Assessment: 'Both' },
    ],
    Conduct: [],
    Amendments: [],
    Reviews: [],
  };
}
