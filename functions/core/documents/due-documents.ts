// Which documents have fallen due on a day: update and annual reports before meetings, paper notices, Chair's Reports.
import type { CharterConfig } from '../config.js';
import { addDays, type IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { isIcannMeeting } from '../model/queries.js';
import { counted } from '../plural.js';
import { firstDecidedOn, participatingDissents, type DocumentKind } from './document-subjects.js';

/** The document kinds `tick` drafts; each is also the folder its documents are published under. */
export type DueDocumentKind = DocumentKind;

/** One document that is due: its kind, its key (the meeting, paper or call ID) and a title for people. */
export interface DueDocument {
  readonly kind: DueDocumentKind;
  readonly key: string;
  readonly title: string;
  /**
   * The day its moment came, for a notice (the paper's Adopted On) and a dissent notice (the first dated Not Support
   * of a participating organization); null for the other kinds and for a dissent none of whose decisions is dated.
   */
  readonly since: IsoDate | null;
}

/**
 * True for a notice or dissent notice whose moment has passed: it came more than `reports.backfillDays` days before
 * `today`, so a tick that has not drafted it yet (a fresh store, say) does not draft it now: it says it skipped it.
 */
export function isPastMoment(due: DueDocument, today: IsoDate, config: CharterConfig): boolean {
  return (due.kind === 'notice' || due.kind === 'dissent') && due.since !== null && due.since < addDays(today, -config.reports.backfillDays);
}

/** Why a past notice or dissent notice is not drafted, for people: "adopted on 2018-05-23, more than 7 days before …". */
export function pastMomentReason(due: DueDocument, today: IsoDate, config: CharterConfig): string {
  const moment = due.kind === 'notice' ? 'the paper was adopted' : 'the first participating organization decided Not Support';
  const days = config.reports.backfillDays;
  return `${moment} on ${due.since ?? 'an unknown day'}, more than ${counted(days, 'day')} before ${today} ` +
    `(the group's setting reports.backfillDays); cceg report renders it on request`;
}

/** True when `today` is in the drafting window of a meeting: from `draftDays` before its start until the day before. */
function inDraftWindow(start: IsoDate, today: IsoDate, config: CharterConfig): boolean {
  return today >= addDays(start, -config.reports.draftDays) && today < start;
}

/**
 * The documents due on `today`: an IG Update Report for each ICANN meeting and an Annual Report for each ICANN AGM
 * from `reports.draftDays` before its start; a circulation notice for each paper adopted on or before today; a
 * dissent notice for each paper some participating organization decided Not Support on (Decided On ≤ today when
 * set); a Chair's Report for each consensus call designated No Consensus called on or before today. Rows without
 * an ID are skipped. Each is a document `cceg report` draws too (`assertDocumentSubject`). Whether a document was
 * drafted already, and whether a notice's moment has passed (`isPastMoment`), are the caller's questions.
 */
export function dueDocuments(rows: GroupRows, today: IsoDate, config: CharterConfig): DueDocument[] {
  const due: DueDocument[] = [];
  for (const meeting of rows.Meetings) {
    if (meeting.id === null || !inDraftWindow(meeting.startDate, today, config)) continue;
    if (isIcannMeeting(meeting)) due.push({ kind: 'update-report', key: meeting.id, title: `IG Update Report for ${meeting.name}`, since: null });
    if (meeting.type === 'ICANN AGM') due.push({ kind: 'annual-report', key: meeting.id, title: `Annual Report for ${meeting.name}`, since: null });
  }
  const dissents = participatingDissents(rows);
  for (const paper of rows.Papers) {
    if (paper.id === null) continue;
    if (paper.adoptedOn !== null && paper.adoptedOn <= today) {
      due.push({ kind: 'notice', key: paper.id, title: `Circulation notice: ${paper.title}`, since: paper.adoptedOn });
    }
    const decided = (dissents.get(paper.id) ?? []).filter((e) => e.decidedOn === null || e.decidedOn <= today);
    if (decided.length > 0) due.push({ kind: 'dissent', key: paper.id, title: `Dissent notice: ${paper.title}`, since: firstDecidedOn(decided) });
  }
  for (const call of rows.ConsensusCalls) {
    if (call.id === null || call.designation !== 'No Consensus' || call.calledOn > today) continue;
    due.push({ kind: 'chair-report', key: call.id, title: `Chair's Report: ${call.subject}`, since: null });
  }
  return due;
}
