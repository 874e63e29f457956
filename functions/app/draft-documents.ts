// The drafting use case: render every document that has fallen due; publish it once, then re-render it in place.
import type { CharterConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import { renderAnnualReport } from '../core/documents/annual-report.js';
import { renderChairReport } from '../core/documents/chair-report.js';
import { dueDocuments, isPastMoment, pastMomentReason, type DueDocument, type DueDocumentKind } from '../core/documents/due-documents.js';
import type { DocumentContext, RenderedDocument } from '../core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../core/documents/paper-notices.js';
import { renderUpdateReport } from '../core/documents/update-report.js';
import { CcegError } from '../core/errors.js';
import type { GroupRows } from '../core/model/group.js';
import type { DocumentEntry } from '../core/records/stored-record.js';
import type { DocumentPublisher } from '../ports/documents.port.js';
import type { DocumentIndex } from '../ports/document-index.port.js';

/** Faults of the destination as a whole (no document can be published there): drafting stops and says so once. */
const DESTINATION_FAULTS: ReadonlySet<string> = new Set(['NOT_IN_SHARED_DRIVE', 'GOOGLE_AUTH']);

/** The claim time of a first draft whose publish failed: long past, so the next drafter takes it over at once. */
const RELEASED_AT = new Date(0).toISOString();

/** The renderer of each kind of due document. */
export const RENDERERS: Readonly<Record<DueDocumentKind, (rows: GroupRows, key: string, context: DocumentContext) => RenderedDocument>> = {
  'update-report': renderUpdateReport,
  'annual-report': renderAnnualReport,
  notice: renderCirculationNotice,
  dissent: renderDissentNotice,
  'chair-report': renderChairReport,
};

/** What drafting works with and on. */
export interface DraftRequest {
  readonly store: DocumentIndex;
  readonly publisher: DocumentPublisher;
  readonly rows: GroupRows;
  readonly today: IsoDate;
  readonly config: CharterConfig;
  /** The sync run whose records the documents show. */
  readonly runId: string;
  readonly now: () => Date;
  /**
   * How old a first draft's claim with no location must be to count as its drafter's death and be drafted again
   * (default: the sync lease, `sync.leaseSeconds`; the tick function: its own timeout, after which it cannot be alive).
   */
  readonly staleClaimMilliseconds?: number;
}

/**
 * What happened to one due document: `drafted` (published for the first time), `updated` (re-rendered into the same
 * file or Doc because what it says changed), `kept` (it changed, but a person had edited or removed the document, so
 * it was left as they left it), `skipped` (a notice or dissent notice never drafted whose moment has passed,
 * `isPastMoment`: not drafted now) or `failed` (the publisher refused; the others went on).
 */
export interface DraftOutcome {
  readonly kind: DueDocumentKind;
  readonly key: string;
  readonly title: string;
  readonly outcome: 'drafted' | 'updated' | 'kept' | 'skipped' | 'failed';
  /** Where the document is (empty when a first draft failed or was skipped). */
  readonly location: string;
  /** Why it was kept, skipped or failed. */
  readonly reason?: string;
}

/** What drafting did: every due document that was drafted, updated, kept, skipped or failed; and how many were already up to date. */
export interface DraftResult {
  readonly documents: readonly DraftOutcome[];
  readonly unchanged: number;
}

/**
 * Drafts the documents due on `today` (`dueDocuments`). A document with no index entry is claimed (created once,
 * so two drafters never both draft it), published as a new document, and its entry completed with where it is;
 * unless it is a notice or dissent notice whose moment has passed (`isPastMoment`), which is reported as skipped.
 * A document with an entry is re-rendered; when what it says (its fingerprint) changed, it is published again into
 * the same file or Doc, unless a person changed it since (then it is kept). A first draft whose claim is older than
 * `staleClaimMilliseconds` and never got a location (a drafter that died) is drafted again; one whose publish failed is released
 * and drafted again by the next run. A failure of one document is reported and the others go on, except a fault of
 * the destination itself (a Drive folder a service account cannot write into, unusable credentials), which is thrown.
 */
export async function draftDueDocuments(request: DraftRequest): Promise<DraftResult> {
  const documents: DraftOutcome[] = [];
  let unchanged = 0;
  const context: DocumentContext = { today: request.today, config: request.config, runId: request.runId };
  for (const due of dueDocuments(request.rows, request.today, request.config)) {
    const rendered = RENDERERS[due.kind](request.rows, due.key, context);
    try {
      const outcome = await draftOne(request, due, rendered);
      if (outcome === null) unchanged += 1;
      else documents.push(outcome);
    } catch (error) {
      if (!(error instanceof CcegError) || DESTINATION_FAULTS.has(error.code)) throw error;
      const entry = await request.store.getDocument(due.kind, due.key).catch(() => null);
      documents.push({ kind: due.kind, key: due.key, title: rendered.title, outcome: 'failed', location: entry?.location ?? '', reason: error.message });
    }
  }
  return { documents, unchanged };
}

/** Drafts, updates or keeps one due document; null when it is up to date (or another drafter is drafting it now). */
async function draftOne(request: DraftRequest, due: DueDocument, rendered: RenderedDocument): Promise<DraftOutcome | null> {
  const now = request.now();
  let entry = await request.store.getDocument(due.kind, due.key);
  if (entry === null && isPastMoment(due, request.today, request.config)) {
    return { kind: due.kind, key: due.key, title: rendered.title, outcome: 'skipped', location: '', reason: pastMomentReason(due, request.today, request.config) };
  }
  if (entry === null) {
    entry = {
      kind: due.kind, key: due.key, location: '', title: rendered.title, draftedAt: now.toISOString(), runId: request.runId,
      fingerprint: null, version: null, updatedAt: null,
    };
    if (!(await request.store.claimDocument(entry))) return null;
  } else if (entry.location === '') {
    const claimedAt = Date.parse(entry.draftedAt);
    const stale = request.staleClaimMilliseconds ?? request.config.sync.leaseSeconds * 1000;
    if (!(now.getTime() - claimedAt > stale)) return null;
  } else if (entry.fingerprint === rendered.fingerprint) {
    return null;
  }
  const first = entry.location === '';
  const claim = entry;
  const published = await request.publisher.publish({
    kind: due.kind, key: due.key, title: rendered.title, html: rendered.html,
    previous: first ? null : { location: entry.location, version: entry.version },
  }).catch(async (error: unknown) => {
    // Release a first draft's claim (its time set to the epoch) so that the next tick drafts it at once.
    if (first) await request.store.updateDocument({ ...claim, draftedAt: RELEASED_AT }).catch(() => undefined);
    throw error;
  });
  const base = { kind: due.kind, key: due.key, title: rendered.title, location: published.location };
  if (published.outcome === 'kept') return { ...base, outcome: 'kept', reason: published.reason ?? 'a person changed it since it was drafted' };
  const updated: DocumentEntry = {
    ...entry, location: published.location, title: rendered.title, runId: request.runId, fingerprint: rendered.fingerprint,
    version: published.version, ...(first ? { draftedAt: now.toISOString() } : { updatedAt: now.toISOString() }),
  };
  await request.store.updateDocument(updated);
  return { ...base, outcome: first ? 'drafted' : 'updated' };
}
