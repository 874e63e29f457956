// Which documents of each kind a workbook can give on a day: the IDs that are valid for it then, and why none is.
import type { CharterConfig } from '../../functions/core/config.js';
import { addDays, type IsoDate } from '../../functions/core/dates.js';
import { renderAnnualReport } from '../../functions/core/documents/annual-report.js';
import { renderChairReport } from '../../functions/core/documents/chair-report.js';
import { dueDocuments } from '../../functions/core/documents/due-documents.js';
import type { DocumentContext, RenderedDocument } from '../../functions/core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../../functions/core/documents/paper-notices.js';
import { renderUpdateReport } from '../../functions/core/documents/update-report.js';
import type { GroupRows } from '../../functions/core/model/group.js';
import { isIcannMeeting } from '../../functions/core/model/queries.js';

/** The document kinds, as `cceg report` names them. */
export const DOCUMENT_KINDS = ['update', 'annual', 'notice', 'dissent', 'chair'] as const;
/** A document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What makes an ID valid for each kind on a day, said when a day has none. */
export const VALID_WHEN: Readonly<Record<DocumentKind, string>> = {
  update: 'ICANN meeting still ahead',
  annual: 'ICANN AGM of that year whose drafting window (reports.draftDays before it) has opened',
  notice: 'paper adopted on or before that day',
  dissent: 'paper some participating organization decided Not Support on by that day',
  chair: 'consensus call designated No Consensus by that day',
};

const DUE_KIND = { notice: 'notice', dissent: 'dissent', chair: 'chair-report' } as const;

/**
 * The IDs a document of `kind` can be drawn for on `today`: the next ICANN meeting for the update report; an AGM of
 * the year whose drafting window has opened for the annual report; for the others, what `dueDocuments` says is due.
 */
export function documentIdsOn(rows: GroupRows, kind: DocumentKind, today: IsoDate, config: CharterConfig): string[] {
  if (kind === 'update') {
    const next = rows.Meetings.filter((meeting) => isIcannMeeting(meeting) && meeting.id !== null && meeting.startDate > today)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
    return next?.id ? [next.id] : [];
  }
  if (kind === 'annual') {
    return rows.Meetings.filter((meeting) => meeting.type === 'ICANN AGM' && meeting.id !== null && meeting.startDate.startsWith(today.slice(0, 4)) &&
      today >= addDays(meeting.startDate, -config.reports.draftDays)).map((meeting) => meeting.id ?? '');
  }
  return dueDocuments(rows, today, config).filter((due) => due.kind === DUE_KIND[kind]).map((due) => due.key);
}

/** The document of `kind` for `id`, drawn on the context's day. */
export function renderDocumentOf(rows: GroupRows, kind: DocumentKind, id: string, context: DocumentContext): RenderedDocument {
  switch (kind) {
    case 'update': return renderUpdateReport(rows, id, context);
    case 'annual': return renderAnnualReport(rows, id, context);
    case 'notice': return renderCirculationNotice(rows, id, context);
    case 'dissent': return renderDissentNotice(rows, id, context);
    case 'chair': return renderChairReport(rows, id, context);
  }
}
