// Sample 2018 records: deliverables, the IG issues list, a proposed charter amendment and the ICANN63 reviews.
import type { SheetRow } from '../create-xlsx.js';

const d = (date: string) => ({ date });
const doc = (slug: string) => `https://example.org/cceg-ig/deliverables/${slug}.pdf`;

interface Deliverable {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly meeting?: string;
  readonly related?: string;
  readonly due?: string;
  readonly delivered: string;
  readonly pages: number;
}

function deliverable(x: Deliverable): SheetRow {
  return {
    ID: x.id, Type: x.type, Title: x.title, 'For Meeting': x.meeting ?? null, Related: x.related ?? null,
    'Due Date': x.due ? d(x.due) : null, 'Delivered On': d(x.delivered), Pages: x.pages, 'Document URL': doc(x.id.toLowerCase()),
  };
}

/** An update report two weeks before each ICANN meeting, the annual report before the AGM, a Chair's Report, consultation responses. */
export const deliverables: SheetRow[] = [
  deliverable({ id: 'D-0001', type: 'IG Update Report', title: 'IG Update Report for ICANN61', meeting: 'ICANN61', due: '2018-02-24', delivered: '2018-02-23', pages: 2 }),
  deliverable({ id: 'D-0002', type: 'Workshop Report', title: 'Report of the CCEG session at the WSIS Forum 2018', meeting: 'WSIS2018', due: '2018-04-20', delivered: '2018-04-13', pages: 4 }),
  deliverable({ id: 'D-0003', type: 'IG Update Report', title: 'IG Update Report for ICANN62', meeting: 'ICANN62', due: '2018-06-11', delivered: '2018-06-08', pages: 2 }),
  deliverable({ id: 'D-0004', type: 'Position Paper', title: 'PP-0001 as published and submitted to the PP-18 preparatory process', related: 'PP-0001', delivered: '2018-07-20', pages: 8 }),
  deliverable({ id: 'D-0005', type: 'Position Paper', title: 'Submission to the OECD consultation (PP-0002, published with dissent)', related: 'I-0002', due: '2018-09-14', delivered: '2018-08-24', pages: 11 }),
  deliverable({ id: 'D-0006', type: "Chair's Report", title: "Chair's Report: no consensus on a position on DNS abuse in ITU study groups", related: 'CC-0005', delivered: '2018-09-05', pages: 3 }),
  deliverable({ id: 'D-0007', type: 'Ad Hoc Communication', title: 'Note to the SO/AC chairs on the ITU CWG-Internet open consultation', related: 'I-0004', due: '2018-09-28', delivered: '2018-09-25', pages: 2 }),
  deliverable({ id: 'D-0008', type: 'IG Update Report', title: 'IG Update Report for ICANN63', meeting: 'ICANN63', due: '2018-10-06', delivered: '2018-10-05', pages: 1 }),
  deliverable({ id: 'D-0009', type: 'Issues List', title: 'IG issues, events and fora relevant to ICANN (October 2018)', delivered: '2018-10-05', pages: 3 }),
  deliverable({ id: 'D-0010', type: 'Annual Report', title: 'CCEG IG Annual Report 2018', meeting: 'ICANN63', due: '2018-10-12', delivered: '2018-10-12', pages: 9 }),
];

interface Issue {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly body: string;
  readonly date: string;
  readonly due?: string;
  readonly relevance: string;
  readonly assessment: string;
  readonly owner: string;
}

function issue(x: Issue): SheetRow {
  return {
    ID: x.id, Title: x.title, Kind: x.kind, Body: x.body, Date: d(x.date), 'Response Due': x.due ? d(x.due) : null,
    Relevance: x.relevance, Assessment: x.assessment, Owner: x.owner,
  };
}

/** The IG issues, events, fora and consultations the CCEG followed in 2018. */
export const issues: SheetRow[] = [
  issue({ id: 'I-0001', title: 'WSIS Forum 2018', kind: 'Event', body: 'WSIS (ITU, UNESCO, UNDP, UNCTAD)', date: '2018-03-19',
    relevance: 'Sessions on the WSIS action lines discuss the management of Internet names and numbers.', assessment: 'Opportunity', owner: 'Youssef El Amrani' }),
  issue({ id: 'I-0002', title: 'OECD consultation on cross-border data flows and the digital economy', kind: 'Consultation', body: 'OECD', date: '2018-04-09', due: '2018-09-14',
    relevance: 'Registration data (WHOIS) moves across borders; rules on data flows affect registries, registrars and ICANN\'s policies.', assessment: 'Both', owner: 'Marta Lindqvist' }),
  issue({ id: 'I-0003', title: 'Proposals in ITU-T study groups for alternative identifier systems', kind: 'Issue', body: 'ITU', date: '2018-02-15',
    relevance: 'Could fragment the unique identifier system that ICANN coordinates.', assessment: 'Threat', owner: 'Kwame Asante-Boateng' }),
  issue({ id: 'I-0004', title: 'ITU CWG-Internet open consultation on international Internet-related public policy issues', kind: 'Consultation', body: 'ITU', date: '2018-07-10', due: '2018-09-28',
    relevance: 'The consultation asks about the governance of Internet resources, including names and addresses.', assessment: 'Both', owner: 'Rebecca Tanaka-Miller' }),
  issue({ id: 'I-0005', title: 'EU NIS Directive implementation and DNS service providers', kind: 'Issue', body: 'European Union', date: '2018-05-09',
    relevance: 'National transpositions treat TLD registries and DNS operators as essential services.', assessment: 'Neutral', owner: 'Ingrid Vos' }),
  issue({ id: 'I-0006', title: 'EuroDIG 2018', kind: 'Event', body: 'EuroDIG', date: '2018-06-05',
    relevance: 'Regional IG dialogue with sessions on DNS abuse and data protection.', assessment: 'Opportunity', owner: 'Clara Hoffmann' }),
  issue({ id: 'I-0007', title: 'UN High-level Panel on Digital Cooperation: call for contributions', kind: 'Consultation', body: 'UN', date: '2018-09-24', due: '2018-12-14',
    relevance: 'The Panel\'s recommendations may address the governance of Internet identifiers.', assessment: 'Both', owner: 'Marta Lindqvist' }),
  issue({ id: 'I-0008', title: 'ITU PP-18: revision of Resolutions 101, 102 and 133', kind: 'Issue', body: 'ITU', date: '2018-10-29',
    relevance: 'Resolution 102 concerns the ITU\'s role in the management of Internet domain names and addresses.', assessment: 'Threat', owner: 'Kwame Asante-Boateng' }),
  issue({ id: 'I-0009', title: 'Internet Governance Forum 2018, Paris', kind: 'Forum', body: 'IGF (UN)', date: '2018-11-12',
    relevance: 'The main multistakeholder IG forum; workshops on DNS, trust and the multistakeholder model.', assessment: 'Opportunity', owner: 'Co-Chairs' }),
];

/** One modification proposed by the Co-Chairs and adopted so far by one organization (§7). */
export const amendments: SheetRow[] = [
  { ID: 'A-0001', Summary: '§4: the Co-Chairs appoint a penholder for each position paper and record the appointment in the work plan.',
    'Proposed On': d('2018-09-19'), 'Adopted By': 'ALAC', State: 'Proposed', 'Published On': null },
];

const review = (id: string, organization: string, notifiedOn: string): SheetRow => ({
  ID: id, Year: 2018, Meeting: 'ICANN63', 'Review Date': d('2018-10-25'), Organization: organization, Decision: 'Extend', 'Notified On': d(notifiedOn),
});

/** The 2018 review at the ICANN63 AGM: four organizations notified an extension; the GAC's silence presumes it continues. */
export const reviews: SheetRow[] = [
  review('R-0001', 'ccNSO', '2018-10-26'),
  review('R-0002', 'ALAC', '2018-10-29'),
  review('R-0003', 'ASO', '2018-10-30'),
  review('R-0004', 'GNSO', '2018-10-31'),
];
