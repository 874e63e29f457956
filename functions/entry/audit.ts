// audit: list and verify the audit log over HTTP, for staff on the allow-list, identified by a verified Google ID token.
import type { Request } from '@google-cloud/functions-framework';
import { z } from 'zod';
import { listAudit, verifyAudit } from '../app/audit.js';
import { CcegError } from '../core/errors.js';
import type { FunctionDeps } from './function-deps.js';
import { bearerToken, guarded, requireMethod, type Handler } from './http.js';

/** `?action=list[&since=…&actor=…&entity=Tab/ID]` or `?action=verify`. */
const auditQuerySchema = z.object({
  action: z.enum(['list', 'verify']),
  since: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  entity: z.string().min(1).optional(),
}).strict();

/**
 * The caller's e-mail when it is verified and on the staff allow-list (`access.staff`): 401 without a token or with one
 * that is not a JWT (before anything is fetched), 403 off the list; an unconfigured audit says BAD_CONFIG only after that.
 */
async function authorizeStaff(req: Request, deps: FunctionDeps): Promise<string> {
  const token = bearerToken(req);
  const audience = deps.config.functions.auditAudience;
  if (audience === null) throw new CcegError('BAD_CONFIG', 'audit is not configured: set functions.auditAudience in the config.');
  const identity = await deps.verifier.verify(token, audience);
  const staff = deps.config.access.staff.map((email) => email.toLowerCase());
  if (!identity.emailVerified || identity.email === null || !staff.includes(identity.email)) {
    throw new CcegError('FORBIDDEN', `${identity.email ?? 'This caller'} is not on the staff allow-list (access.staff).`);
  }
  return identity.email;
}

/** The audit handler: GET `?action=list` → `{ entries }`, `?action=verify` → the chain's verdict (`ok` false names the first broken seq). */
export function createAudit(deps: FunctionDeps): Handler {
  return guarded('audit', async (req, res) => {
    requireMethod(req, 'GET');
    await authorizeStaff(req, deps);
    const query = auditQuerySchema.safeParse(req.query);
    if (!query.success) throw new CcegError('BAD_REQUEST', 'Use ?action=list (with since, actor, entity if wanted) or ?action=verify.');
    const { action, ...filter } = query.data;
    if (action === 'verify') res.status(200).json(await verifyAudit(deps.store));
    else res.status(200).json({ entries: await listAudit(deps.store, filter) });
  });
}
