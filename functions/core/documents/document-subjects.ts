// What each kind of document is about (an ICANN meeting, an AGM, an adopted paper, a dissent, a No Consensus call), and refusals.
import type { IsoDate } from '../dates.js';
import { CcegError } from '../errors.js';
import type { GroupRows } from '../model/group.js';
import { endorsementsByPaper, isIcannMeeting, participatingOrganizations } from '../model/queries.js';
import type { Endorsement } from '../model/tabs.js';

/** The document kinds, each about one meeting, paper or consensus call. */
export type DocumentKind = 'update-report' | 'annual-report' | 'notice' | 'dissent' | 'chair-report';

/** How many valid IDs a refusal lists before "and N more". */
const LISTED_IDS = 10;

/**
 * The participating organizations' Not Support decisions on each paper, by paper ID (the first row per organization
 * counts, as in the tally): a paper is dissented from when it has at least one.
 */
export function participatingDissents(rows: GroupRows): Map<string, Endorsement[]> {
  const participating = new Set(participatingOrganizations(rows).map((organization) => organization.code));
  const dissents = new Map<string, Endorsement[]>();
  for (const [paperId, byOrganization] of endorsementsByPaper(rows)) {
    const notSupport = [...byOrganization.values()].filter((e) => e.decision === 'Not Support' && participating.has(e.organization));
    if (notSupport.length > 0) dissents.set(paperId, notSupport);
  }
  return dissents;
}

/** The earliest Decided On of the decisions (null when none is dated): the day a dissent began. */
export function firstDecidedOn(decisions: readonly Endorsement[]): IsoDate | null {
  return decisions.reduce<IsoDate | null>((first, e) => (e.decidedOn !== null && (first === null || e.decidedOn < first) ? e.decidedOn : first), null);
}

/** What a kind of document is about: the IDs it may be drawn for, and why another ID is not one of them. */
interface Subjects {
  /** "an IG Update Report is for an ICANN meeting held face to face". */
  readonly isFor: string;
  readonly valid: readonly string[];
  /** Why `id` is not valid: it does not exist (`unknown`), or what it is instead. */
  readonly whyNot: (id: string) => { readonly unknown: boolean; readonly reason: string };
}

function meetingSubjects(rows: GroupRows, kind: 'update-report' | 'annual-report'): Subjects {
  const fits = kind === 'update-report' ? isIcannMeeting : (m: { type: string }) => m.type === 'ICANN AGM';
  const wanted = kind === 'update-report' ? 'an ICANN meeting held face to face' : 'an ICANN AGM';
  return {
    isFor: `${kind === 'update-report' ? 'an IG Update Report' : 'an Annual Report'} is for ${wanted}`,
    valid: rows.Meetings.filter((m) => m.id !== null && fits(m)).map((m) => m.id as string),
    whyNot: (id) => {
      const meeting = rows.Meetings.find((m) => m.id === id);
      if (!meeting) return { unknown: true, reason: `No meeting has the ID ${id}` };
      const remote = (meeting.type === 'ICANN Public Meeting' || meeting.type === 'ICANN AGM') && !meeting.faceToFace;
      const kind = `${/^[AEIOU]/.test(meeting.type) ? 'an' : 'a'} ${meeting.type}`;
      return { unknown: false, reason: `${id} is ${remote ? `${kind} not held face to face` : `${kind}, not ${wanted}`}` };
    },
  };
}

function paperSubjects(rows: GroupRows, kind: 'notice' | 'dissent'): Subjects {
  const dissents = participatingDissents(rows);
  const fits = kind === 'notice' ? (id: string) => rows.Papers.some((p) => p.id === id && p.adoptedOn !== null) : (id: string) => dissents.has(id);
  return {
    isFor: kind === 'notice' ? 'a circulation notice is for an adopted paper' : 'a dissent notice is for a paper a participating organization decided Not Support on',
    valid: rows.Papers.flatMap((p) => (p.id !== null && fits(p.id) ? [p.id] : [])),
    whyNot: (id) => {
      if (!rows.Papers.some((p) => p.id === id)) return { unknown: true, reason: `No paper has the ID ${id}` };
      return {
        unknown: false,
        reason: kind === 'notice' ? `${id} was never adopted (no Adopted On)` : `No participating organization decided Not Support on ${id}`,
      };
    },
  };
}

function callSubjects(rows: GroupRows): Subjects {
  return {
    isFor: "a Chair's Report is for a consensus call designated No Consensus",
    valid: rows.ConsensusCalls.filter((c) => c.id !== null && c.designation === 'No Consensus').map((c) => c.id as string),
    whyNot: (id) => {
      const call = rows.ConsensusCalls.find((c) => c.id === id);
      if (!call) return { unknown: true, reason: `No consensus call has the ID ${id}` };
      return { unknown: false, reason: `Consensus call ${id} is designated ${call.designation ?? 'nothing yet'}, not No Consensus` };
    },
  };
}

function subjectsOf(rows: GroupRows, kind: DocumentKind): Subjects {
  switch (kind) {
    case 'update-report':
    case 'annual-report': return meetingSubjects(rows, kind);
    case 'notice':
    case 'dissent': return paperSubjects(rows, kind);
    case 'chair-report': return callSubjects(rows);
  }
}

/** The IDs of the rows a kind of document may be drawn for, in sheet order. */
export function documentSubjects(rows: GroupRows, kind: DocumentKind): readonly string[] {
  return subjectsOf(rows, kind).valid;
}

/**
 * Refuses to draw a document about what it is not for, in one line that says why and lists the valid IDs:
 * "PP-0005 was never adopted (no Adopted On); a circulation notice is for an adopted paper: PP-0001, PP-0002."
 * @throws CcegError UNKNOWN_PAPER (a paper) or UNKNOWN_ENTITY (a meeting, a call) for an ID no row has; BAD_OPTION
 * for a row the document is not for (a Zoom call, a paper never adopted, a paper nobody dissented on…).
 */
export function assertDocumentSubject(rows: GroupRows, kind: DocumentKind, id: string): void {
  const subjects = subjectsOf(rows, kind);
  if (subjects.valid.includes(id)) return;
  const { unknown, reason } = subjects.whyNot(id);
  const listed = subjects.valid.slice(0, LISTED_IDS).join(', ');
  const more = subjects.valid.length > LISTED_IDS ? ` and ${subjects.valid.length - LISTED_IDS} more` : '';
  const valid = subjects.valid.length === 0 ? `${subjects.isFor}, and the workbook has none yet.` : `${subjects.isFor}: ${listed}${more}.`;
  const code = !unknown ? 'BAD_OPTION' : kind === 'notice' || kind === 'dissent' ? 'UNKNOWN_PAPER' : 'UNKNOWN_ENTITY';
  throw new CcegError(code, `${reason}; ${valid}`);
}
