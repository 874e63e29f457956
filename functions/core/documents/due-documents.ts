// Which documents have fallen due on a day: update and annual reports before meetings, paper notices, Chair's Reports.
import type { CharterConfig } from '../config.js';
import { addDays, type IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { endorsementsByPaper, isIcannMeeting, participatingOrganizations } from '../model/queries.js';

/** The document kinds `tick` drafts; each is also the folder its documents are published under. */
export type DueDocumentKind = 'update-report' | 'annual-report' | 'notice' | 'dissent' | 'chair-report';

/** One document that is due: its kind, its key (the meeting, paper or call ID) and a title for people. */
export interface DueDocument {
  readonly kind: DueDocumentKind;
  readonly key: string;
  readonly title: string;
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
 * an ID are skipped. Whether a document was drafted already is the caller's question (the document index).
 */
export function dueDocuments(rows: GroupRows, today: IsoDate, config: CharterConfig): DueDocument[] {
  const due: DueDocument[] = [];
  for (const meeting of rows.Meetings) {
    if (meeting.id === null || !inDraftWindow(meeting.startDate, today, config)) continue;
    if (isIcannMeeting(meeting)) due.push({ kind: 'update-report', key: meeting.id, title: `IG Update Report for ${meeting.name}` });
    if (meeting.type === 'ICANN AGM') due.push({ kind: 'annual-report', key: meeting.id, title: `Annual Report for ${meeting.name}` });
  }
  const decisions = endorsementsByPaper(rows);
  const participating = participatingOrganizations(rows);
  for (const paper of rows.Papers) {
    if (paper.id === null) continue;
    if (paper.adoptedOn !== null && paper.adoptedOn <= today) {
      due.push({ kind: 'notice', key: paper.id, title: `Circulation notice: ${paper.title}` });
    }
    const byOrganization = decisions.get(paper.id);
    const dissents = participating.some((organization) => {
      const endorsement = byOrganization?.get(organization.code);
      return endorsement?.decision === 'Not Support' && (endorsement.decidedOn === null || endorsement.decidedOn <= today);
    });
    if (dissents) due.push({ kind: 'dissent', key: paper.id, title: `Dissent notice: ${paper.title}` });
  }
  for (const call of rows.ConsensusCalls) {
    if (call.id === null || call.designation !== 'No Consensus' || call.calledOn > today) continue;
    due.push({ kind: 'chair-report', key: call.id, title: `Chair's Report: ${call.subject}` });
  }
  return due;
}
