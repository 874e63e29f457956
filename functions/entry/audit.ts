// audit: the audit log over HTTP for staff on the allow-list (a verified Google ID token), as JSON or as a page in a browser.
import { randomBytes } from 'node:crypto';
import type { Request, Response } from '@google-cloud/functions-framework';
import { auditHistory, listAudit, verdictSummary, verifiedListAudit, verifyAudit, type AuditFilter } from '../app/audit.js';
import { AUDIT_LINK_SECONDS, auditLinkKey, signAuditLink, verifyAuditLink } from '../core/audit/audit-link.js';
import { auditPageCsp, renderAuditPage, renderAuditRefusal } from '../core/audit/audit-page.js';
import { describeEntry } from '../core/audit/field-changes.js';
import { CcegError } from '../core/errors.js';
import * as z from '../core/zod-mini.js';
import type { FunctionDeps } from './function-deps.js';
import { bearerToken, guarded, requireMethod, type Handler } from './http.js';

/** `Tab/ID` (or a whole `Tab` where a filter allows it). */
const entitySchema = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z]+(\/[^\s/][^\r\n]*)?$/));

/**
 * `?action=list[&since=…&actor=…&entity=Tab/ID]`, `?action=verify`, `?action=history&entity=Tab/ID`,
 * `?action=link[&entity=Tab/ID]`; with `Accept: text/html`, list, history or no action answer the page.
 */
const auditQuerySchema = z.strictObject({
  action: z.optional(z.enum(['list', 'verify', 'history', 'link'])),
  since: z.optional(z.string().check(z.minLength(1))),
  actor: z.optional(z.string().check(z.minLength(1))),
  entity: z.optional(entitySchema),
});

/** `?action=page&by=…&entity=…&expires=…&sig=…`: a signed link, opened in a browser without a token. */
const pageQuerySchema = z.strictObject({
  action: z.literal('page'),
  by: z.string().check(z.minLength(1), z.maxLength(320)),
  entity: z.optional(entitySchema),
  expires: z.string().check(z.regex(/^\d{1,12}$/)),
  sig: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** The page shows at most this many changes, the newest (the CLI and `?action=list` give them all). */
const PAGE_CHANGES = 2000;

/** The audience the token says it is for, unverified: only to choose which configured audience to verify it against. */
function claimedAudience(token: string): unknown {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { aud?: unknown }).aud;
  } catch {
    return undefined;
  }
}

function requireStaff(deps: FunctionDeps, email: string | null, emailVerified: boolean): string {
  const staff = deps.config.access.staff.map((entry) => entry.toLowerCase());
  if (!emailVerified || email === null || !staff.includes(email.toLowerCase())) {
    throw new CcegError('FORBIDDEN', `${email ?? 'This caller'} is not on the staff allow-list (access.staff): only ICANN staff may read the audit log.`);
  }
  return email.toLowerCase();
}

/**
 * The caller's e-mail when it is verified and on the staff allow-list (`access.staff`): 401 without a token or with one
 * that is not a JWT (before anything is fetched), 403 off the list; an unconfigured audit says BAD_CONFIG only after that.
 * The token may be for the audit function's URL or for the sheet's Apps Script project (`functions.scriptAudience`).
 */
async function authorizeStaff(req: Request, deps: FunctionDeps): Promise<string> {
  const token = bearerToken(req);
  const { auditAudience, scriptAudience } = deps.config.functions;
  if (auditAudience === null) throw new CcegError('BAD_CONFIG', 'audit is not configured: set functions.auditAudience in the config.');
  const audience = scriptAudience !== null && claimedAudience(token) === scriptAudience ? scriptAudience : auditAudience;
  const identity = await deps.verifier.verify(token, audience);
  return requireStaff(deps, identity.email, identity.emailVerified);
}

function linkKey(deps: FunctionDeps): Buffer {
  if (deps.webhookSecret === null) throw new CcegError('BAD_CONFIG', 'audit links need CCEG_WEBHOOK_SECRET, which signs them.');
  return auditLinkKey(deps.webhookSecret);
}

/** A signed link to the page, for `email`, opening on `entity`, valid for AUDIT_LINK_SECONDS. */
function auditLink(deps: FunctionDeps, email: string, entity: string | null): { url: string; expiresAt: string } {
  const expires = Math.floor(deps.now().getTime() / 1000) + AUDIT_LINK_SECONDS;
  const url = new URL(deps.config.functions.auditAudience!);
  url.search = new URLSearchParams({ action: 'page', ...signAuditLink({ email, entity, expires }, linkKey(deps)) }).toString();
  return { url: url.toString(), expiresAt: new Date(expires * 1000).toISOString() };
}

/** The viewer of a signed link, once its signature, expiry and the viewer's place on the allow-list are checked. */
function authorizeLink(req: Request, deps: FunctionDeps): { viewer: string; entity: string | null } {
  const query = pageQuerySchema.safeParse(req.query);
  if (!query.success) throw new CcegError('FORBIDDEN', 'This audit link is incomplete; open it again from the sheet\'s menu.');
  const verdict = verifyAuditLink(query.data, linkKey(deps), Math.floor(deps.now().getTime() / 1000));
  if (!verdict.ok) throw new CcegError('FORBIDDEN', `This audit link cannot be used: ${verdict.reason}. Open it again from the sheet's menu (links last ${AUDIT_LINK_SECONDS / 60} minutes).`);
  return { viewer: requireStaff(deps, verdict.claims.email, true), entity: verdict.claims.entity };
}

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

async function sendPage(res: Response, deps: FunctionDeps, viewer: string, filter: AuditFilter): Promise<void> {
  // One read of the log gives both the verdict on top and the changes listed.
  const { verdict: verified, entries } = await verifiedListAudit(deps.store, filter);
  const verdict = verdictSummary(verified);
  const nonce = randomBytes(18).toString('base64');
  const page = renderAuditPage({
    changes: entries.slice(-PAGE_CHANGES).map(describeEntry), matched: entries.length, verdict, entity: filter.entity ?? null,
    viewer, at: deps.now().toISOString(), nonce,
  });
  res.status(200).set({ ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': auditPageCsp(nonce) }).send(page);
}

const HTML_REFUSALS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_REQUEST: 400 };

/** A refusal a browser shows as a page; other faults go to the one top-level catch (JSON). */
function sendHtmlRefusal(res: Response, error: unknown): boolean {
  const status = error instanceof CcegError ? HTML_REFUSALS[error.code] : undefined;
  if (status === undefined || res.headersSent) return false;
  console.error(`audit: ${status} ${(error as CcegError).code}: ${(error as CcegError).message}`);
  res.status(status).set({ ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" })
    .send(renderAuditRefusal('CCEG IG audit log', (error as CcegError).message));
  return true;
}

function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

async function serve(req: Request, res: Response, deps: FunctionDeps): Promise<void> {
  if (req.query.action === 'page') {
    const { viewer, entity } = authorizeLink(req, deps);
    return sendPage(res, deps, viewer, entity === null ? {} : { entity });
  }
  const email = await authorizeStaff(req, deps);
  const query = auditQuerySchema.safeParse(req.query);
  if (!query.success) throw new CcegError('BAD_REQUEST', 'Use ?action=list (with since, actor, entity if wanted), ?action=verify, ?action=history&entity=Tab/ID or ?action=link.');
  const { action, ...filter } = query.data;
  if (action === 'verify') {
    res.status(200).json(await verifyAudit(deps.store));
  } else if (action === 'link') {
    res.status(200).json(auditLink(deps, email, filter.entity ?? null));
  } else if (prefersHtml(req)) {
    await sendPage(res, deps, email, filter);
  } else if (action === 'history') {
    if (filter.entity === undefined || !filter.entity.includes('/')) throw new CcegError('BAD_REQUEST', 'history needs &entity=Tab/ID, e.g. Roster/P-0001.');
    res.status(200).json({ entity: filter.entity, changes: await auditHistory(deps.store, filter.entity) });
  } else if (action === 'list') {
    res.status(200).json({ entries: await listAudit(deps.store, filter) });
  } else {
    throw new CcegError('BAD_REQUEST', 'Use ?action=list, ?action=verify, ?action=history&entity=Tab/ID or ?action=link (or ask for text/html).');
  }
}

/**
 * The audit handler. JSON: `list` → `{ entries }`, `verify` → the chain's verdict, `history` → `{ entity, changes }`
 * told field by field, `link` → `{ url, expiresAt }`, a signed 10-minute link to the page. A browser (`Accept: text/html`)
 * gets the page for list, history or no action, and for a signed link without any token.
 */
export function createAudit(deps: FunctionDeps): Handler {
  return guarded('audit', async (req, res) => {
    requireMethod(req, 'GET');
    try {
      await serve(req, res, deps);
    } catch (error) {
      if (!(prefersHtml(req) || req.query.action === 'page') || !sendHtmlRefusal(res, error)) throw error;
    }
  });
}
