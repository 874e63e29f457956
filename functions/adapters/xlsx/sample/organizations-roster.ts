// Sample 2018 records: the chartering organizations, the roster and its one conduct action (fictional people).
import type { SheetRow } from '../create-xlsx.js';

const d = (date: string) => ({ date });

/** Five participating SOs and ACs, and one that never joined. */
export const organizations: SheetRow[] = [
  org('ALAC', 'At-Large Advisory Committee', 'AC', 'Yes', '2018-02-27'),
  org('ccNSO', 'Country Code Names Supporting Organization', 'SO', 'Yes', '2018-03-14'),
  org('GNSO', 'Generic Names Supporting Organization', 'SO', 'Yes', '2018-03-15'),
  org('GAC', 'Governmental Advisory Committee', 'AC', 'Yes', '2018-04-12'),
  org('ASO', 'Address Supporting Organization', 'SO', 'Yes', '2018-05-02'),
  org('SSAC', 'Security and Stability Advisory Committee', 'AC', 'No', null),
];

function org(code: string, name: string, type: string, participating: string, adoptedOn: string | null): SheetRow {
  const slug = code.toLowerCase();
  return {
    Code: code, Name: name, Type: type, Participating: participating,
    'Charter Adopted On': adoptedOn ? d(adoptedOn) : null,
    'Adoption Resolution': adoptedOn ? `https://example.org/${slug}/resolutions/${adoptedOn}-cceg-ig-charter` : null,
    'Chair Email': `${slug}-chair@example.org`,
    'Secretariat Emails': `${slug}-secretariat@example.org, ${slug}-support@example.org`,
  };
}

interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly org?: string;
  readonly group?: string;
  readonly region: string;
  readonly affiliation?: string;
  readonly expertise?: string;
  readonly soiDate?: string;
  readonly start?: string;
  readonly end?: string;
}

function person(p: Person): SheetRow {
  const email = `${p.name.replace(/ø/g, 'o').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
  return {
    ID: p.id, Name: p.name, Email: email, Role: p.role, Organization: p.org ?? null, 'Stakeholder Group': p.group ?? null,
    Region: p.region, Affiliation: p.affiliation ?? null, Expertise: p.expertise ?? null,
    'SOI URL': p.soiDate ? `https://example.org/cceg-ig/soi/${p.id.toLowerCase()}` : null,
    'SOI Date': p.soiDate ? d(p.soiDate) : null, 'Start Date': p.start ? d(p.start) : null, 'End Date': p.end ? d(p.end) : null,
  };
}

const APAC = 'Asia/Australia/Pacific';
const LAC = 'Latin America/Caribbean';

/** Two Co-Chairs, 14 active Members (2–5 per organization), Participants, Observers, staff and the Board liaison. */
export const roster: SheetRow[] = [
  { id: 'P-0001', name: 'Marta Lindqvist', role: 'Co-Chair', org: 'GNSO', group: 'Non-Commercial Stakeholder Group', region: 'Europe', soiDate: '2018-01-20', start: '2018-01-01' },
  { id: 'P-0002', name: 'Kwame Asante-Boateng', role: 'Co-Chair', org: 'ccNSO', group: 'ccTLD managers', region: 'Africa', soiDate: '2018-02-05', start: '2018-01-01' },
  { id: 'P-0003', name: 'Lucía Fernández Ortega', role: 'Member', org: 'ALAC', group: 'LACRALO', region: LAC, soiDate: '2018-03-02', start: '2018-03-01' },
  { id: 'P-0004', name: 'Tevita Fifita', role: 'Member', org: 'ALAC', group: 'APRALO', region: APAC, soiDate: '2018-03-05', start: '2018-03-01' },
  // Filed an SOI for the predecessor working group in 2017 and never updated it: roster.soi-stale on 2018-11-01.
  { id: 'P-0005', name: 'Amadou Diallo', role: 'Member', org: 'ALAC', group: 'AFRALO', region: 'Africa', soiDate: '2017-05-10', start: '2018-03-01' },
  { id: 'P-0006', name: 'Ingrid Vos', role: 'Member', org: 'ccNSO', group: 'ccTLD managers', region: 'Europe', soiDate: '2018-03-20', start: '2018-03-15' },
  { id: 'P-0007', name: 'Haruto Sato', role: 'Member', org: 'ccNSO', group: 'ccTLD managers', region: APAC, soiDate: '2018-03-22', start: '2018-03-15' },
  { id: 'P-0008', name: 'Nomvula Dlamini', role: 'Member', org: 'ccNSO', group: 'ccTLD managers', region: 'Africa', soiDate: '2018-04-02', start: '2018-03-15' },
  { id: 'P-0009', name: 'Daniel Whitaker', role: 'Member', org: 'GNSO', group: 'Registries Stakeholder Group', region: 'North America', soiDate: '2018-03-19', start: '2018-03-16' },
  { id: 'P-0010', name: 'Priya Raghunathan', role: 'Member', org: 'GNSO', group: 'Non-Commercial Stakeholder Group', region: APAC, soiDate: '2018-03-21', start: '2018-03-16' },
  { id: 'P-0011', name: 'Sebastián Morales', role: 'Member', org: 'GNSO', group: 'Business Constituency', region: LAC, soiDate: '2018-03-20', start: '2018-03-16' },
  { id: 'P-0012', name: 'Clara Hoffmann', role: 'Member', org: 'GNSO', group: 'Intellectual Property Constituency', region: 'Europe', soiDate: '2018-03-26', start: '2018-03-16' },
  // GAC representatives give the charter's minimum statement instead of an SOI.
  { id: 'P-0013', name: 'Jean-Baptiste Moreau', role: 'Member', org: 'GAC', group: 'Governments', region: 'Europe', affiliation: 'GAC representative of a European government', expertise: 'Internet public policy; ITU Council and CWG-Internet', start: '2018-04-16' },
  { id: 'P-0014', name: 'Aïcha Benali', role: 'Member', org: 'GAC', group: 'Governments', region: 'Africa', affiliation: 'GAC representative of a North African government', expertise: 'Telecommunications regulation; WSIS follow-up', start: '2018-07-01' },
  { id: 'P-0015', name: 'Henrik Sørensen', role: 'Member', org: 'GAC', group: 'Governments', region: 'Europe', affiliation: 'GAC representative of a Nordic government', expertise: 'Data protection law', start: '2018-04-16', end: '2018-06-30' },
  { id: 'P-0016', name: 'Wei Lin Tan', role: 'Member', org: 'ASO', group: 'APNIC community', region: APAC, soiDate: '2018-05-10', start: '2018-05-07' },
  { id: 'P-0017', name: 'Rodrigo Alves', role: 'Member', org: 'ASO', group: 'LACNIC community', region: LAC, soiDate: '2018-05-11', start: '2018-05-07' },
  { id: 'P-0018', name: 'Elena Petrova', role: 'Participant', group: 'Academia', region: 'Europe', soiDate: '2018-02-12', start: '2018-02-12' },
  { id: 'P-0019', name: 'Samuel Okoro', role: 'Participant', org: 'ALAC', group: 'AFRALO', region: 'Africa', affiliation: 'AFRALO individual member', expertise: 'Capacity building; national and regional IGF initiatives', start: '2018-03-20' },
  { id: 'P-0020', name: 'Mei Chen', role: 'Participant', group: 'Technical community', region: APAC, soiDate: '2018-06-28', start: '2018-06-27' },
  { id: 'P-0021', name: 'Thomas Brennan', role: 'Participant', group: 'Civil society', region: 'North America', soiDate: '2018-01-30', start: '2018-01-30' },
  { id: 'P-0022', name: 'Nadia Haddad', role: 'Observer', region: 'Europe', affiliation: 'Independent researcher', start: '2018-04-03' },
  { id: 'P-0023', name: 'Carlos Jiménez', role: 'Observer', region: LAC, affiliation: 'Regional ISP association', start: '2018-06-26' },
  { id: 'P-0024', name: 'Rebecca Tanaka-Miller', role: 'Staff', region: 'North America', affiliation: 'ICANN org, Policy Development Support', start: '2018-01-01' },
  { id: 'P-0025', name: 'Youssef El Amrani', role: 'Staff', region: 'Europe', affiliation: 'ICANN org, Government Engagement', start: '2018-01-01' },
  { id: 'P-0026', name: 'Gustavo Ferreira', role: 'Liaison', region: LAC, affiliation: 'ICANN Board Working Group on Internet Governance', start: '2018-03-01' },
].map(person);

/** One private warning, the first step before any restriction (§6). */
export const conduct: SheetRow[] = [
  { ID: 'C-0001', Person: 'P-0021', Date: d('2018-07-12'), Action: 'Private Warning',
    Reason: 'Repeated personal remarks about other participants on the mailing list during the discussion of PP-0004.',
    'Extreme Circumstances': 'No', 'Decided By': 'Co-Chairs (Marta Lindqvist, Kwame Asante-Boateng)' },
];
