// Sample 2018 records: position papers in every state, each organization's decision, and the chairs' consensus calls.
import type { SheetRow } from '../create-xlsx.js';

const d = (date: string) => ({ date });
const url = (id: string) => `https://example.org/cceg-ig/papers/${id.toLowerCase()}.pdf`;

interface Paper {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly supersedes?: string;
  readonly consultation?: readonly [string, string];
  readonly comments?: number;
  readonly designation?: string;
  readonly adopted?: string;
  readonly released?: string;
  readonly outcome?: string;
  readonly published?: string;
}

function paper(p: Paper): SheetRow {
  const reviewed = p.adopted !== undefined && p.consultation !== undefined;
  return {
    ID: p.id, Title: p.title, Kind: p.kind, Supersedes: p.supersedes ?? null,
    'Consultation Opens': p.consultation ? d(p.consultation[0]) : null, 'Consultation Closes': p.consultation ? d(p.consultation[1]) : null,
    'Comments Received': p.comments ?? null, 'Comments Reviewed': reviewed ? 'Yes' : null,
    Designation: p.designation ?? null, 'Minority Views Included': p.designation === 'Consensus' ? 'Yes' : null,
    'Adopted On': p.adopted ? d(p.adopted) : null,
    // Released publicly and circulated to the chairs the same day (§4: within seven days of adoption).
    'Released On': p.released ? d(p.released) : null, 'Circulated On': p.released ? d(p.released) : null,
    Outcome: p.outcome ?? null, 'Published On': p.published ? d(p.published) : null, 'Document URL': p.adopted ? url(p.id) : null,
  };
}

/** Published with every endorsement, published with dissent, superseded, refrained, no consensus, awaiting decisions, in consultation. */
export const papers: SheetRow[] = [
  paper({ id: 'PP-0001', title: 'ICANN community expectations for ITU PP-18: keeping Internet identifiers in the multistakeholder model', kind: 'Position Paper',
    consultation: ['2018-04-02', '2018-05-04'], comments: 31, designation: 'Full Consensus', adopted: '2018-05-23', released: '2018-05-25',
    outcome: 'Published', published: '2018-07-20' }),
  paper({ id: 'PP-0002', title: 'Cross-border data flows and the DNS: input to the OECD consultation', kind: 'Position Paper',
    consultation: ['2018-04-16', '2018-05-18'], comments: 18, designation: 'Consensus', adopted: '2018-06-06', released: '2018-06-08',
    outcome: 'Published With Dissent', published: '2018-08-24' }),
  paper({ id: 'PP-0003', title: 'The GDPR, WHOIS and Internet governance fora: implications for the DNS', kind: 'Position Paper',
    consultation: ['2018-06-04', '2018-07-06'], comments: 44, designation: 'Full Consensus', adopted: '2018-07-25', released: '2018-07-27',
    outcome: 'Supplemental Submitted' }),
  paper({ id: 'PP-0004', title: 'Statement to the UN Secretary-General\'s High-level Panel on Digital Cooperation', kind: 'Statement',
    consultation: ['2018-06-11', '2018-07-13'], comments: 22, designation: 'Consensus', adopted: '2018-08-01', released: '2018-08-03', outcome: 'Refrained' }),
  paper({ id: 'PP-0005', title: 'DNS abuse discussions in ITU study groups', kind: 'Position Paper', consultation: ['2018-07-02', '2018-07-31'], comments: 12 }),
  paper({ id: 'PP-0006', title: 'Supplemental: the GDPR, WHOIS and IG fora, with a rewritten section on ccTLD practices', kind: 'Supplemental', supersedes: 'PP-0003',
    designation: 'Consensus', adopted: '2018-09-26', released: '2018-09-28', outcome: 'Pending' }),
  paper({ id: 'PP-0007', title: 'ICANN community input to the IGF 2018 main session on emerging technologies and the DNS', kind: 'Position Paper',
    consultation: ['2018-10-15', '2018-11-12'], comments: 6 }),
];

function decision(paperId: string, organization: string, choice: string, decidedOn: string | null, reasons: string | null = null, supportedParts: string | null = null): SheetRow {
  return {
    Paper: paperId, Organization: organization, Decision: choice,
    'Decided On': decidedOn ? d(decidedOn) : null, Reasons: reasons, 'Supported Parts': supportedParts,
  };
}

/** Every decision received; the GAC has not yet answered on PP-0006 and the GNSO's is still pending (endorsement.awaiting). */
export const endorsements: SheetRow[] = [
  decision('PP-0001', 'ASO', 'Endorse', '2018-06-14'),
  decision('PP-0001', 'ccNSO', 'Endorse', '2018-06-20'),
  decision('PP-0001', 'ALAC', 'Endorse', '2018-06-28'),
  decision('PP-0001', 'GAC', 'Support', '2018-07-05'),
  decision('PP-0001', 'GNSO', 'Support', '2018-07-12'),
  decision('PP-0002', 'ASO', 'Support', '2018-06-21'),
  decision('PP-0002', 'ccNSO', 'Support', '2018-06-29'),
  decision('PP-0002', 'ALAC', 'Endorse', '2018-07-02'),
  decision('PP-0002', 'GNSO', 'Endorse', '2018-07-19'),
  decision('PP-0002', 'GAC', 'Not Support', '2018-07-26',
    'Several GAC members consider that a community paper on cross-border data flows pre-empts positions governments are taking in the OECD; section 4 is opposed.',
    'Sections 1 to 3, on the operational effects on the DNS, are supported.'),
  decision('PP-0003', 'ALAC', 'Endorse', '2018-08-09'),
  decision('PP-0003', 'ASO', 'Support', '2018-08-10'),
  decision('PP-0003', 'GNSO', 'Support', '2018-08-16'),
  decision('PP-0003', 'ccNSO', 'Not Support', '2018-08-22',
    'Section 3 describes ccTLD registration data practices as uniform; ccTLD policies are set locally and vary widely. The section should be rewritten with ccTLD managers.'),
  decision('PP-0003', 'GAC', 'Endorse', '2018-08-23'),
  decision('PP-0004', 'ASO', 'Endorse', '2018-08-17'),
  decision('PP-0004', 'ALAC', 'Support', '2018-08-20'),
  decision('PP-0004', 'GAC', 'Not Support', '2018-08-30',
    'Several GAC members engage with the Panel directly and do not support a community statement on matters they are addressing as governments.'),
  decision('PP-0004', 'ccNSO', 'Not Support', '2018-09-05', 'Parts of the statement on digital trade fall outside ICANN\'s mission.'),
  decision('PP-0004', 'GNSO', 'Support', '2018-09-06'),
  decision('PP-0006', 'ALAC', 'Endorse', '2018-10-11'),
  decision('PP-0006', 'ccNSO', 'Endorse', '2018-10-17'),
  decision('PP-0006', 'ASO', 'Support', '2018-10-24'),
  decision('PP-0006', 'GNSO', 'Pending', null),
].map((row, index) => ({ ID: `E-${String(index + 1).padStart(4, '0')}`, ...row }));

interface Call {
  readonly id: string;
  readonly subject: string;
  readonly paper: string;
  readonly on: string;
  readonly designation: string;
  readonly objections: number;
  readonly minority?: string;
  readonly poll?: string;
}

/** Members active on every call date from May 2018 on: 3 ALAC, 3 ccNSO, 4 GNSO, 2 GAC, 2 ASO. */
const ACTIVE_MEMBERS = 14;

function consensusCall(c: Call): SheetRow {
  return {
    ID: c.id, Subject: c.subject, Paper: c.paper, 'Called On': d(c.on), Designation: c.designation, 'Members Involved': ACTIVE_MEMBERS,
    Objections: c.objections, 'Minority Viewpoints': c.minority ?? null, 'Poll Used': c.poll ? 'Yes' : 'No', 'Poll Rationale': c.poll ?? null,
  };
}

/** Full consensus, consensus with minority views (one with a poll), and one call that found no consensus. */
export const consensusCalls: SheetRow[] = [
  consensusCall({ id: 'CC-0001', subject: 'Adoption of PP-0001 (ITU PP-18)', paper: 'PP-0001', on: '2018-05-16', designation: 'Full Consensus', objections: 0 }),
  consensusCall({ id: 'CC-0002', subject: 'Adoption of PP-0002 (OECD cross-border data flows)', paper: 'PP-0002', on: '2018-05-30', designation: 'Consensus', objections: 2,
    minority: 'Two Members hold that data localisation is a matter for national law; their statement is annex A of the paper.' }),
  consensusCall({ id: 'CC-0003', subject: 'Adoption of PP-0003 (GDPR, WHOIS and IG fora)', paper: 'PP-0003', on: '2018-07-18', designation: 'Full Consensus', objections: 0 }),
  consensusCall({ id: 'CC-0004', subject: 'Adoption of PP-0004 (statement to the UN HLP on Digital Cooperation)', paper: 'PP-0004', on: '2018-07-25', designation: 'Consensus', objections: 3,
    minority: 'Three Members consider the paragraphs on digital trade outside ICANN\'s mission; their view is included as section 5.' }),
  consensusCall({ id: 'CC-0005', subject: 'Adoption of PP-0005 (DNS abuse in ITU study groups)', paper: 'PP-0005', on: '2018-08-22', designation: 'No Consensus', objections: 6,
    minority: 'Members divided on whether ICANN should engage in ITU-T work on DNS abuse at all; see the Chair\'s Report D-0006.' }),
  consensusCall({ id: 'CC-0006', subject: 'Adoption of PP-0006 (supplemental to PP-0003)', paper: 'PP-0006', on: '2018-09-19', designation: 'Consensus', objections: 1,
    minority: 'One Member holds that the rewritten section 3 understates the effect of the GDPR on access by law enforcement; recorded in annex B.',
    poll: 'A poll checked support for the two proposed wordings of section 3; the Co-Chairs designated consensus from the discussion, not from the count.' }),
];
