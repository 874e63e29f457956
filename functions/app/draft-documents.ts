// The drafting use case: render and publish every document that has fallen due and was not drafted before, once.
import type { CharterConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import { renderAnnualReport } from '../core/documents/annual-report.js';
import { renderChairReport } from '../core/documents/chair-report.js';
import { dueDocuments, type DueDocumentKind } from '../core/documents/due-documents.js';
import type { DocumentContext, RenderedDocument } from '../core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../core/documents/paper-notices.js';
import { renderUpdateReport } from '../core/documents/update-report.js';
import type { GroupRows } from '../core/model/group.js';
import type { DocumentEntry } from '../core/records/stored-record.js';
import type { DocumentPublisher } from '../ports/documents.port.js';
import type { RecordStore } from '../ports/record-store.port.js';

/** The renderer of each kind of due document. */
const RENDERERS: Readonly<Record<DueDocumentKind, (rows: GroupRows, key: string, context: DocumentContext) => RenderedDocument>> = {
  'update-report': renderUpdateReport,
  'annual-report': renderAnnualReport,
  notice: renderCirculationNotice,
  dissent: renderDissentNotice,
  'chair-report': renderChairReport,
};

/** What drafting works with and on. */
export interface DraftRequest {
  readonly store: Pick<RecordStore, 'getDocument' | 'claimDocument'>;
  readonly publisher: DocumentPublisher;
  readonly rows: GroupRows;
  readonly today: IsoDate;
  readonly config: CharterConfig;
  /** The sync run whose records the documents show. */
  readonly runId: string;
  readonly now: () => Date;
}

/** What drafting did: the documents drafted now (their index entries), and how many due ones were drafted before. */
export interface DraftResult {
  readonly drafted: readonly DocumentEntry[];
  readonly skipped: number;
}

/**
 * Drafts each document due on `today` (`dueDocuments`) that has no document index entry yet: renders it, publishes
 * it as a new document and claims its entry. A document with an entry is skipped (drafted once). When another
 * drafter claimed the entry first, its entry stands and this draft is not reported.
 */
export async function draftDueDocuments(request: DraftRequest): Promise<DraftResult> {
  const drafted: DocumentEntry[] = [];
  let skipped = 0;
  const context: DocumentContext = { today: request.today, config: request.config, runId: request.runId };
  for (const due of dueDocuments(request.rows, request.today, request.config)) {
    if (await request.store.getDocument(due.kind, due.key)) {
      skipped += 1;
      continue;
    }
    const rendered = RENDERERS[due.kind](request.rows, due.key, context);
    const published = await request.publisher.publish({ kind: due.kind, key: due.key, title: rendered.title, html: rendered.html, existingLocation: null });
    const entry: DocumentEntry = {
      kind: due.kind, key: due.key, location: published.location, title: rendered.title,
      draftedAt: request.now().toISOString(), runId: request.runId,
    };
    if (await request.store.claimDocument(entry)) drafted.push(entry);
  }
  return { drafted, skipped };
}
