// calendar: the open deadlines as an iCalendar feed, read from the store, for whoever holds one of the configured tokens.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from '@google-cloud/functions-framework';
import { readCalendar, readSubscriberAudience } from '../app/calendar.js';
import { feedScope } from '../core/derived/calendar-feed.js';
import { toIsoDate } from '../core/dates.js';
import { CcegError } from '../core/errors.js';
import * as z from '../core/zod-mini.js';
import type { FunctionDeps } from './function-deps.js';
import { bearerToken, guarded, requireMethod, sendError, type Handler } from './http.js';

/** What the calendar reads: the config (tokens, script audience), the store, the verifier of the menu's ID tokens, the clock. */
export type CalendarDeps = Pick<FunctionDeps, 'config' | 'store' | 'verifier' | 'now'>;

/** `?token=…[&for=ORG]` (the feed) or `?action=subscribe` (the feed's URL for the caller of the spreadsheet menu). */
const calendarQuerySchema = z.object({
  token: z.optional(z.string()),
  for: z.optional(z.string().check(z.minLength(1))),
  action: z.optional(z.literal('subscribe')),
});

/** Finds a token's audience. */
type TokenMatcher = (candidate: string) => string | null;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The audience of a token among `tokens`, compared in constant work: the SHA-256 of the candidate against the SHA-256
 * of every configured token (a random one when none is), never stopping early, so that neither which token matched nor
 * whether one did shows in the time taken.
 */
export function tokenMatcher(tokens: Readonly<Record<string, string>>): TokenMatcher {
  const configured = Object.entries(tokens).map(([audience, token]) => ({ audience: audience as string | null, digest: sha256(token) }));
  if (configured.length === 0) configured.push({ audience: null, digest: sha256(randomBytes(32).toString('hex')) });
  return (candidate) => {
    const given = sha256(candidate);
    let found: string | null = null;
    for (const { audience, digest } of configured) found = timingSafeEqual(given, digest) ? audience : found;
    return found;
  };
}

/** The one answer to a token that is wrong, missing or not configured: nothing tells them apart. */
function sendNotFound(res: Response): void {
  sendError(res, 404, 'NOT_FOUND', 'Not found.');
}

/** The feed's URL with `token`: this request's scheme (as the front end saw it), host and path. */
function feedUrl(req: Request, token: string): string {
  const scheme = (req.get('x-forwarded-proto') ?? req.protocol).split(',')[0]!.trim();
  const url = new URL(req.originalUrl, `${scheme}://${req.get('host') ?? 'localhost'}`);
  url.search = new URLSearchParams({ token }).toString();
  return url.toString();
}

/**
 * `?action=subscribe` with the spreadsheet menu's ID token (audience `functions.scriptAudience`): `{ url, audience }`,
 * the feed of the caller's audience, or 404 when no token is configured for it; 401 without a valid token, 403 for a
 * caller who is neither staff, a chair nor an organization's chair or secretariat.
 */
async function subscribe(req: Request, res: Response, deps: CalendarDeps): Promise<void> {
  const idToken = bearerToken(req);
  const audience = deps.config.functions.scriptAudience;
  if (audience === null) throw new CcegError('BAD_CONFIG', 'calendar subscriptions are not configured: set functions.scriptAudience in the config.');
  const identity = await deps.verifier.verify(idToken, audience);
  if (!identity.emailVerified || identity.email === null) throw new CcegError('FORBIDDEN', 'The ID token carries no verified e-mail.');
  const who = await readSubscriberAudience(deps.store, identity.email, deps.config);
  if (who === null) throw new CcegError('FORBIDDEN', `${identity.email} is neither staff, a chair, nor an organization's chair or secretariat.`);
  const [, token] = Object.entries(deps.config.functions.calendarTokens).find(([key]) => key.toLowerCase() === who.toLowerCase()) ?? [];
  if (token === undefined) {
    sendError(res, 404, 'NOT_FOUND', `No calendar is configured for ${who}: ICANN staff can add functions.calendarTokens.${who} to the config.`);
    return;
  }
  res.status(200).json({ url: feedUrl(req, token), audience: who });
}

/**
 * The calendar handler: GET `?token=…[&for=ORG]` → `text/calendar`, the open deadlines of the token's audience (an
 * organization's own; `chairs` and `staff` every one, or one organization's with `for`); a wrong, missing or
 * unconfigured token → 404. GET `?action=subscribe` with an ID token → the caller's feed URL.
 */
export function createCalendar(deps: CalendarDeps): Handler {
  const matchToken = tokenMatcher(deps.config.functions.calendarTokens);
  return guarded('calendar', async (req, res) => {
    requireMethod(req, 'GET');
    const query = calendarQuerySchema.safeParse(req.query);
    if (query.success && query.data.action === 'subscribe') return subscribe(req, res, deps);
    const audience = matchToken(query.success ? query.data.token ?? '' : '');
    if (!query.success || audience === null) return sendNotFound(res);
    const now = deps.now();
    const scope = feedScope(audience, query.data.for ?? null);
    const ics = await readCalendar(deps.store, { config: deps.config, today: toIsoDate(now.getTime()), scope, generatedAt: now.toISOString() });
    res.status(200).set({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' }).send(ics);
  });
}
