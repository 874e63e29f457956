// Who may change what (PRODUCT.md): staff and chairs anything; a secretariat its own organization's rows; decisions by their organization.
import type { DataTabName } from '../model/tabs.js';

/** An organization's chair and secretariat, as the (committed) Organizations tab gives them. */
export interface OrganizationContacts {
  readonly code: string;
  readonly chairEmail: string | null;
  readonly secretariatEmails: readonly string[];
}

/** Who is who: staff and CCEG chairs from the config, chairs and secretariats from the Organizations tab. */
export interface AccessPolicy {
  readonly staff: readonly string[];
  readonly chairs: readonly string[];
  readonly organizations: readonly OrganizationContacts[];
}

/** One person's change to one row: its values before (the committed record) and after (null when unreadable or gone). */
export interface EditAttempt {
  readonly editor: string;
  readonly tab: DataTabName;
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
}

/** An organization's contacts from its row's values: a committed Organizations record's data, or a parsed row. */
export function organizationContactsOf(data: Readonly<Record<string, unknown>>): OrganizationContacts {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    code: text(data.code) ?? '',
    chairEmail: text(data.chairEmail),
    secretariatEmails: Array.isArray(data.secretariatEmails) ? data.secretariatEmails.filter((email): email is string => typeof email === 'string') : [],
  };
}

/** Allowed, or refused with a reason that completes "… may not change this row: ". */
export type AccessVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/** The tabs whose rows a secretariat may change (its own organization's rows only). */
export const SECRETARIAT_TABS: readonly DataTabName[] = ['Roster', 'Endorsements', 'Reviews'];

/** The fields that make up an organization's endorsement decision. */
export const DECISION_FIELDS = ['organization', 'decision', 'decidedOn', 'reasons', 'supportedParts'] as const;

const ALLOWED: AccessVerdict = { allowed: true };
const refuse = (reason: string): AccessVerdict => ({ allowed: false, reason });
const fold = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();

function organizationOf(values: Readonly<Record<string, unknown>> | null): string | null {
  const code = values?.organization;
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : null;
}

function decisionChanged(before: EditAttempt['before'], after: EditAttempt['after']): boolean {
  return DECISION_FIELDS.some((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null));
}

/** The organizations (codes as written) the row belongs to before and after the change, without repeats. */
function organizationsOfRow(attempt: EditAttempt): (string | null)[] {
  const codes: (string | null)[] = [];
  for (const values of [attempt.before, attempt.after]) {
    if (values === null) continue;
    const code = organizationOf(values);
    if (!codes.some((known) => fold(known) === fold(code))) codes.push(code);
  }
  return codes;
}

/**
 * Decides whether `attempt.editor` may make the change. Staff may change anything; CCEG chairs (config) and each
 * organization's chair (its Chair Email) may change anything but another organization's endorsement decision; a
 * secretariat may change only Roster, Endorsements and Reviews rows of its own organization, checked before and after
 * (moving a row to another organization is refused); an Endorsements decision counts only when entered by that
 * organization's secretariat or chair, or by staff. Everyone else is refused. E-mails compare case-insensitively.
 */
export function authorizeEdit(attempt: EditAttempt, policy: AccessPolicy): AccessVerdict {
  const editor = fold(attempt.editor);
  if (editor === '') return refuse('the editor is unknown (the sheet gave no e-mail address)');
  if (policy.staff.some((email) => fold(email) === editor)) return ALLOWED;
  const chairOf = new Set(policy.organizations.filter((org) => fold(org.chairEmail) === editor).map((org) => fold(org.code)));
  const secretariatOrgs = policy.organizations.filter((org) => org.secretariatEmails.some((email) => fold(email) === editor));
  const secretariatOf = new Set(secretariatOrgs.map((org) => fold(org.code)));
  const organizations = organizationsOfRow(attempt);

  if (attempt.tab === 'Endorsements' && decisionChanged(attempt.before, attempt.after)) {
    for (const code of organizations) {
      if (code === null) return refuse('an endorsement decision must name its organization');
      if (!chairOf.has(fold(code)) && !secretariatOf.has(fold(code))) {
        return refuse(`an endorsement decision of ${code} counts only when entered by ${code}'s secretariat or chair, or by staff`);
      }
    }
    return ALLOWED;
  }
  if (chairOf.size > 0 || policy.chairs.some((email) => fold(email) === editor)) return ALLOWED;
  if (secretariatOf.size === 0) return refuse('only staff, chairs and the organizations\' secretariats may change the workbook');
  if (!SECRETARIAT_TABS.includes(attempt.tab)) return refuse(`a secretariat may change only Roster, Endorsements and Reviews rows, not ${attempt.tab}`);
  const own = secretariatOrgs.map((org) => org.code).join(', ');
  for (const code of organizations) {
    if (code === null) return refuse(`a secretariat may change only rows of its own organization (${own}); this row names none`);
    if (!secretariatOf.has(fold(code))) return refuse(`a secretariat may change only rows of its own organization (${own}), not of ${code}`);
  }
  return ALLOWED;
}

/**
 * Whose the person with `email` is, by the same lists `authorizeEdit` reads: `staff`, then `chairs` (the CCEG chairs),
 * else the Code of the first organization (by Code) naming them as its chair or a secretariat, else null.
 */
export function audienceOf(email: string, policy: AccessPolicy): string | null {
  const wanted = fold(email);
  if (wanted === '') return null;
  if (policy.staff.some((candidate) => fold(candidate) === wanted)) return 'staff';
  if (policy.chairs.some((candidate) => fold(candidate) === wanted)) return 'chairs';
  const named = policy.organizations.filter((org) => fold(org.chairEmail) === wanted || org.secretariatEmails.some((candidate) => fold(candidate) === wanted));
  return named.map((org) => org.code).sort()[0] ?? null;
}
