// tick: Cloud Scheduler's daily call, OIDC-authenticated, done once per schedule time: sync, then draft the documents due.
import type { Request } from '@google-cloud/functions-framework';
import type { DraftResult } from '../app/draft-documents.js';
import { countOutcomes, missingDocumentFindings } from '../app/draft-summary.js';
import type { SyncCoalescer } from '../app/sync-coalescer.js';
import type { SyncResult } from '../app/sync.js';
import { toIsoDate } from '../core/dates.js';
import { CcegError } from '../core/errors.js';
import type { DocumentEntry } from '../core/records/stored-record.js';
import type { FunctionDeps } from './function-deps.js';
import { bearerToken, guarded, jsonBody, requireMethod, type Handler } from './http.js';
import { requestSync } from './run-sync.js';

/** The header in which Cloud Scheduler names the time a delivery is for (the same on every retry of it). */
export const SCHEDULE_TIME_HEADER = 'x-cloudscheduler-scheduletime';
/** The document-index kind that makes a tick once-only per schedule time. */
export const TICK_KIND = 'tick';

/** The `scheduleTime` of a JSON body `{ "scheduleTime": "<text>", ... }`; undefined for any other body. */
function bodyScheduleTime(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { scheduleTime } = body as { scheduleTime?: unknown };
  return typeof scheduleTime === 'string' ? scheduleTime : undefined;
}

/** The delivery's schedule time as ISO 8601 UTC, from the header or a JSON body `{ "scheduleTime" }`; 400 without one. */
function scheduleTimeOf(req: Request): string {
  const text = req.get(SCHEDULE_TIME_HEADER) ?? bodyScheduleTime(jsonBody(req));
  const ms = text === undefined ? NaN : Date.parse(text);
  if (Number.isNaN(ms)) throw new CcegError('BAD_REQUEST', `No schedule time: send the ${SCHEDULE_TIME_HEADER} header (Cloud Scheduler does) or {"scheduleTime": "<RFC 3339>"}.`);
  return new Date(ms).toISOString();
}

/**
 * Only Cloud Scheduler's service account, with a token for this function's audience. The token comes first (none, or
 * not a JWT: 401 before anything is fetched); only then an unconfigured tick says BAD_CONFIG (its settings in the log only).
 */
async function authenticate(req: Request, deps: FunctionDeps): Promise<string> {
  const token = bearerToken(req);
  const { tickAudience, schedulerServiceAccount } = deps.config.functions;
  if (tickAudience === null || schedulerServiceAccount === null) {
    throw new CcegError('BAD_CONFIG', 'tick is not configured: set functions.tickAudience and functions.schedulerServiceAccount in the config.');
  }
  const identity = await deps.verifier.verify(token, tickAudience);
  if (!identity.emailVerified || identity.email !== schedulerServiceAccount.toLowerCase()) {
    throw new CcegError('UNAUTHENTICATED', 'The ID token is not that of the configured Cloud Scheduler service account.');
  }
  return identity.email;
}

/**
 * Whether a delivery may do the tick another delivery of the same schedule time claimed: when that one failed, or is
 * still `running` longer than the function's timeout (the platform stopped it there, so it died without saying so).
 */
function mayTakeOver(earlier: DocumentEntry, nowMs: number, timeoutMs: number): boolean {
  if (earlier.location === 'failed') return true;
  return earlier.location === 'running' && nowMs - Date.parse(earlier.draftedAt) > timeoutMs;
}

/**
 * The tick handler: 401 unless a valid OIDC token of the scheduler's service account for the configured audience;
 * then, once per schedule time (Cloud Scheduler delivers at least once), a sync that takes the pending edits, then the
 * drafting of every document due today (`draftDueDocuments`) into the workbook's documents place, from the rows the
 * sync committed. It answers what was drafted, updated or kept, and the findings on documents still missing. A repeat
 * delivery answers 200 `{ duplicate: true }` and does nothing; a failed tick (500, a document that could not be
 * published included), or one still running past `functions.tickTimeoutSeconds` (killed at the timeout), is done
 * again by the scheduler's retry, which also drafts the documents the dead tick had claimed.
 */
export function createTick(deps: FunctionDeps, coalescer: SyncCoalescer<SyncResult>): Handler {
  return guarded('tick', async (req, res) => {
    requireMethod(req, 'POST');
    const actor = await authenticate(req, deps);
    const scheduleTime = scheduleTimeOf(req);
    const target = deps.workbookFor(null);
    const claim: DocumentEntry = {
      kind: TICK_KIND, key: `${target.location}@${scheduleTime}`, location: 'running', title: `Daily tick of ${target.location}`,
      draftedAt: deps.now().toISOString(), runId: deps.newId(), fingerprint: null, version: null, updatedAt: null,
    };
    const timeoutMs = deps.config.functions.tickTimeoutSeconds * 1000;
    if (!(await deps.store.claimDocument(claim))) {
      const earlier = await deps.store.getDocument(TICK_KIND, claim.key);
      if (earlier !== null && !mayTakeOver(earlier, deps.now().getTime(), timeoutMs)) {
        res.status(200).json({ scheduleTime, duplicate: true, state: earlier.location });
        return;
      }
      if (earlier?.location === 'running') console.warn(`tick: taking over the tick of ${scheduleTime} claimed at ${earlier.draftedAt}, which ran past the function's timeout (functions.tickTimeoutSeconds).`);
      await deps.store.updateDocument(claim);
    }
    let result: SyncResult;
    let drafting: DraftResult;
    try {
      result = await requestSync(deps, coalescer, target, 'tick', actor);
      // The renderers are loaded on the first draft, like the publisher's adapters: a tick refused before it drafts needs neither.
      const [publisher, { draftDueDocuments }] = await Promise.all([target.documents(), import('../app/draft-documents.js')]);
      const today = toIsoDate(deps.now().getTime());
      drafting = await draftDueDocuments({
        store: deps.store, publisher, rows: result.rows, today, config: deps.config, runId: result.run.id, now: deps.now, staleClaimMilliseconds: timeoutMs,
      });
      // A new draft belongs on the Dashboard's "Drafts ready" today, not at the next sync: one more sync writes it there.
      if (drafting.documents.some((document) => document.outcome === 'drafted')) await requestSync(deps, coalescer, target, 'tick', actor);
    } catch (error) {
      await deps.store.updateDocument({ ...claim, location: 'failed' });
      throw error;
    }
    const failed = drafting.documents.filter((document) => document.outcome === 'failed');
    await deps.store.updateDocument({ ...claim, location: failed.length > 0 ? 'failed' : 'done', runId: result.run.id });
    const body = {
      scheduleTime, duplicate: false, run: result.run.id, counts: result.run.counts,
      documents: { ...countOutcomes(drafting.documents), unchanged: drafting.unchanged, list: drafting.documents },
      missing: missingDocumentFindings(result.findings).map(({ rule, id, message }) => ({ rule, id, message })),
    };
    if (failed.length > 0) {
      // 500 so that Cloud Scheduler delivers again: the retry syncs (no change) and drafts what failed.
      res.status(500).json({ ...body, error: { code: 'DRAFTING_FAILED', message: failed.map((document) => `${document.kind} ${document.key}: ${document.reason ?? ''}`).join('; ') } });
      return;
    }
    res.status(200).json(body);
  });
}
