// Sample 2018 records: ICANN meetings, CCEG calls, Board IG WG coordination, IG events, and the 2018 work plan.
import type { SheetRow } from '../create-xlsx.js';

const d = (date: string) => ({ date });

function meeting(id: string, name: string, type: string, start: string, end: string, timeZone: string, location: string, faceToFace: string): SheetRow {
  return { ID: id, Name: name, Type: type, 'Start Date': d(start), 'End Date': d(end), 'Time Zone': timeZone, Location: location, 'Face To Face': faceToFace };
}

const call = (id: string, day: string) => meeting(id, `CCEG IG call ${day}`, 'CCEG Call', day, day, 'UTC', 'Remote (Zoom)', 'No');
const board = (id: string, day: string, timeZone: string, location: string) =>
  meeting(id, `Coordination with the Board IG WG, ${location}`, 'Board IG WG Coordination', day, day, timeZone, location, 'Yes');

/** The ICANN meetings of 2018 (ICANN63 is the AGM) and ICANN64, the calls, Board coordination and the IG events followed. */
export const meetings: SheetRow[] = [
  call('CALL-2018-01', '2018-01-17'),
  call('CALL-2018-02', '2018-02-21'),
  meeting('ICANN61', 'ICANN61 Community Forum', 'ICANN Public Meeting', '2018-03-10', '2018-03-15', 'America/Puerto_Rico', 'San Juan, Puerto Rico', 'Yes'),
  board('BWG-2018-1', '2018-03-13', 'America/Puerto_Rico', 'San Juan, Puerto Rico'),
  meeting('WSIS2018', 'WSIS Forum 2018', 'IG Event', '2018-03-19', '2018-03-23', 'Europe/Zurich', 'Geneva, Switzerland', 'Yes'),
  call('CALL-2018-03', '2018-04-18'),
  call('CALL-2018-04', '2018-05-16'),
  meeting('EURODIG2018', 'EuroDIG 2018', 'IG Event', '2018-06-05', '2018-06-06', 'Asia/Tbilisi', 'Tbilisi, Georgia', 'Yes'),
  meeting('ICANN62', 'ICANN62 Policy Forum', 'ICANN Public Meeting', '2018-06-25', '2018-06-28', 'America/Panama', 'Panama City, Panama', 'Yes'),
  board('BWG-2018-2', '2018-06-27', 'America/Panama', 'Panama City, Panama'),
  call('CALL-2018-05', '2018-07-18'),
  call('CALL-2018-06', '2018-08-22'),
  call('CALL-2018-07', '2018-09-12'),
  call('CALL-2018-08', '2018-10-03'),
  meeting('ICANN63', 'ICANN63 Annual General Meeting', 'ICANN AGM', '2018-10-20', '2018-10-26', 'Europe/Madrid', 'Barcelona, Spain', 'Yes'),
  board('BWG-2018-3', '2018-10-23', 'Europe/Madrid', 'Barcelona, Spain'),
  meeting('PP18', 'ITU Plenipotentiary Conference 2018 (PP-18)', 'IG Event', '2018-10-29', '2018-11-16', 'Asia/Dubai', 'Dubai, United Arab Emirates', 'Yes'),
  meeting('IGF2018', 'Internet Governance Forum 2018', 'IG Event', '2018-11-12', '2018-11-14', 'Europe/Paris', 'Paris, France', 'Yes'),
  call('CALL-2018-09', '2018-11-21'),
  meeting('ICANN64', 'ICANN64 Community Forum', 'ICANN Public Meeting', '2019-03-09', '2019-03-14', 'Asia/Tokyo', 'Kobe, Japan', 'Yes'),
];

const ALL_PARTICIPATING = 'ALAC, ccNSO, GNSO, GAC, ASO';
const AWARENESS = 'Builds awareness in the ICANN community of IG developments that bear on the DNS and the unique identifiers ICANN coordinates (§2 Goals).';
const F2F = 'Meets in person at the ICANN meeting with remote participation (§2 item 4); discussion limited to IG issues within ICANN\'s mission.';

interface Activity {
  readonly id: string;
  readonly activity: string;
  readonly type: string;
  readonly paper?: string;
  readonly meeting?: string;
  readonly start: string;
  readonly due: string;
  readonly owner?: string;
  readonly status: string;
  readonly mission?: string;
  readonly remote?: string;
  readonly mandate?: string;
}

function activity(a: Activity): SheetRow {
  return {
    ID: a.id, Year: 2018, Activity: a.activity, Type: a.type, 'Related Paper': a.paper ?? null, 'Related Meeting': a.meeting ?? null,
    'Start Date': d(a.start), 'Due Date': d(a.due), Owner: a.owner ?? 'Co-Chairs', Status: a.status,
    'Mission Consistency': a.mission === undefined ? AWARENESS : a.mission || null, 'Remote Participation': a.remote ?? null, 'Mandate From': a.mandate ?? null,
  };
}

const schedule = (id: string, paper: string, title: string, start: string, due: string, status: string) =>
  activity({ id, activity: `Schedule of ${paper}: drafting, consultation, adoption and the organizations' decisions — ${title}`, type: 'Position Paper', paper, start, due, status,
    mission: 'A position on an IG process that affects the DNS; the chartering organizations are told in advance that their endorsement will be sought (§3).' });

/** The 2018 work plan: sessions at each ICANN meeting, reports, the paper schedules, a mandated representation, and one overdue item. */
export const workPlan: SheetRow[] = [
  activity({ id: 'W-0001', activity: 'Adopt and publish the 2018 work plan and schedule', type: 'Other', start: '2018-01-17', due: '2018-02-21', status: 'Done',
    mission: 'Sets out how the CCEG informs the chartering organizations and the community of IG processes related to ICANN\'s mission (§3 Work Plan).' }),
  activity({ id: 'W-0002', activity: 'IG Update Report before ICANN61', type: 'IG Update Report', meeting: 'ICANN61', start: '2018-02-05', due: '2018-02-24', owner: 'Co-Chairs with ICANN staff', status: 'Done' }),
  activity({ id: 'W-0003', activity: 'Face-to-face working session at ICANN61', type: 'F2F Session', meeting: 'ICANN61', start: '2018-03-12', due: '2018-03-12', status: 'Done', mission: F2F, remote: 'Yes' }),
  activity({ id: 'W-0004', activity: 'IG Update Report before ICANN62', type: 'IG Update Report', meeting: 'ICANN62', start: '2018-05-21', due: '2018-06-11', owner: 'Co-Chairs with ICANN staff', status: 'Done' }),
  activity({ id: 'W-0005', activity: 'Face-to-face working session at ICANN62', type: 'F2F Session', meeting: 'ICANN62', start: '2018-06-26', due: '2018-06-26', status: 'Done', mission: F2F, remote: 'Yes' }),
  activity({ id: 'W-0006', activity: 'IG Update Report before ICANN63', type: 'IG Update Report', meeting: 'ICANN63', start: '2018-09-17', due: '2018-10-06', owner: 'Co-Chairs with ICANN staff', status: 'Done' }),
  activity({ id: 'W-0007', activity: 'Face-to-face working session at ICANN63', type: 'F2F Session', meeting: 'ICANN63', start: '2018-10-22', due: '2018-10-22', status: 'Done', mission: F2F, remote: 'Yes' }),
  activity({ id: 'W-0008', activity: 'Annual report 2018 for the ICANN63 AGM', type: 'Annual Report', meeting: 'ICANN63', start: '2018-09-03', due: '2018-10-12', status: 'Done' }),
  schedule('W-0009', 'PP-0001', 'ITU PP-18 and the multistakeholder model', '2018-03-26', '2018-07-31', 'Done'),
  schedule('W-0010', 'PP-0002', 'OECD consultation on cross-border data flows', '2018-04-02', '2018-08-31', 'Done'),
  schedule('W-0011', 'PP-0003', 'the GDPR, WHOIS and IG fora', '2018-05-14', '2018-09-14', 'Done'),
  schedule('W-0012', 'PP-0004', 'statement to the UN High-level Panel on Digital Cooperation', '2018-06-11', '2018-09-28', 'Done'),
  schedule('W-0013', 'PP-0005', 'DNS abuse discussions in ITU study groups', '2018-06-25', '2018-12-14', 'In Progress'),
  schedule('W-0014', 'PP-0006', 'supplemental to PP-0003', '2018-09-03', '2018-11-30', 'In Progress'),
  schedule('W-0015', 'PP-0007', 'input to the IGF 2018 main session', '2018-10-08', '2018-12-14', 'In Progress'),
  activity({ id: 'W-0016', activity: 'Present the participating SOs\' and ACs\' agreed messages at the IGF 2018 session on DNS and the multistakeholder model', type: 'Representation',
    meeting: 'IGF2018', start: '2018-10-29', due: '2018-11-14', status: 'In Progress', mandate: ALL_PARTICIPATING,
    mission: 'Speaks only to the DNS and the unique identifiers ICANN coordinates, with the explicit request of every participating SO and AC (§2 "avoidance of doubt").' }),
  activity({ id: 'W-0017', activity: 'Workshop at IGF 2018: "Who decides the DNS? Multistakeholder policy-making at ICANN"', type: 'Workshop', meeting: 'IGF2018',
    start: '2018-07-02', due: '2018-11-14', status: 'In Progress' }),
  activity({ id: 'W-0018', activity: 'Coordinate with the Board IG WG at each ICANN meeting and share threats and opportunities', type: 'Board Coordination',
    start: '2018-01-17', due: '2018-12-31', status: 'In Progress', mission: 'Coordination with the Board IG WG named in §2 items 1–3.' }),
  activity({ id: 'W-0019', activity: 'Maintain the list of IG issues, events and fora relevant to ICANN', type: 'Issues List', start: '2018-01-17', due: '2018-12-31',
    owner: 'ICANN staff', status: 'In Progress' }),
  // Due before 2018-11-01 and still in progress: workplan.overdue.
  activity({ id: 'W-0020', activity: 'Progress paper for the community on the CCEG\'s first year', type: 'Other', start: '2018-07-02', due: '2018-09-28', status: 'In Progress' }),
  activity({ id: 'W-0021', activity: 'Workshop proposal at EuroDIG 2018 (not accepted by the programme committee)', type: 'Workshop', meeting: 'EURODIG2018',
    start: '2018-02-01', due: '2018-06-05', status: 'Cancelled', mission: '' }),
  activity({ id: 'W-0022', activity: 'Briefing of ICANN staff and the Board IG WG ahead of ITU PP-18', type: 'Ad Hoc Communication', meeting: 'PP18',
    start: '2018-09-17', due: '2018-10-19', status: 'Done' }),
];
