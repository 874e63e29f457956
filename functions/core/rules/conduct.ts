// Charter rules on conduct: warnings before a restriction, reasons for bypassing them, restrictions in force (§6).
import type { GroupRows } from '../model/group.js';
import { isActive } from '../model/queries.js';
import type { ConductAction, Person } from '../model/tabs.js';
import { defineRule, hitOnRow, type RuleHit } from './rule.js';
import { personLabel } from './roster.js';

const CHARTER = '§6 Problem/Issue Escalation';
const RESTRICTED_ROLES: ReadonlySet<Person['role']> = new Set(['Member', 'Chair', 'Co-Chair']);

/**
 * Orders conduct rows in time. Conduct is a chronological log: a strictly earlier Date comes first, and on the
 * same Date the row higher up the sheet (lower sheet row) is taken as the earlier entry.
 */
function chronologically(a: ConductAction, b: ConductAction): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.sheetRow - b.sheetRow;
}

/** Each person's conduct rows in chronological order (see `chronologically`); O(n log n). */
function historiesByPerson(rows: GroupRows): Map<string, ConductAction[]> {
  const byPerson = new Map<string, ConductAction[]>();
  for (const action of rows.Conduct) {
    const history = byPerson.get(action.person);
    if (history) history.push(action);
    else byPerson.set(action.person, [action]);
  }
  for (const history of byPerson.values()) history.sort(chronologically);
  return byPerson;
}

/** Names a person by Roster ID, with their name when the Roster has them. */
function labeller(rows: GroupRows): (personId: string) => string {
  const byId = new Map<string, Person>();
  for (const person of rows.Roster) if (person.id !== null) byId.set(person.id, person);
  return (personId) => {
    const person = byId.get(personId);
    return person ? personLabel(person) : personId;
  };
}

/**
 * The restriction in force for each person, keyed by Roster ID: their latest Restriction when no Appeal Granted
 * row comes after it (an earlier restriction is in force only if the latest one is, so the latest is enough).
 */
export function restrictionsInForce(rows: GroupRows): Map<string, ConductAction> {
  const inForce = new Map<string, ConductAction>();
  for (const [personId, history] of historiesByPerson(rows)) {
    let restriction: ConductAction | null = null;
    for (const action of history) {
      if (action.action === 'Restriction') restriction = action;
      else if (action.action === 'Appeal Granted') restriction = null;
    }
    if (restriction) inForce.set(personId, restriction);
  }
  return inForce;
}

/**
 * True when a Private Warning and a Public Warning come before the restriction (an earlier Date, or the same Date
 * on a row above it), the private one "not after" the public one: by Date only, so a same-day pair counts in any row order.
 */
function warnedBefore(history: readonly ConductAction[], restriction: ConductAction): boolean {
  const before = history.filter((action) => chronologically(action, restriction) < 0);
  const privateDates = before.filter((action) => action.action === 'Private Warning').map((action) => action.date);
  if (privateDates.length === 0) return false;
  const firstPrivate = privateDates.reduce((a, b) => (a < b ? a : b));
  return before.some((action) => action.action === 'Public Warning' && action.date >= firstPrivate);
}

/** §6: a restriction follows a private and then a public warning, unless in extreme circumstances. */
export const conductRestrictionWithoutWarnings = defineRule({
  id: 'conduct.restriction-without-warnings',
  severity: 'error',
  charter: CHARTER,
  needs: ['Conduct'],
  check: ({ rows }) => {
    const label = labeller(rows);
    const hits: RuleHit[] = [];
    for (const [personId, history] of historiesByPerson(rows)) {
      for (const restriction of history) {
        if (restriction.action !== 'Restriction' || restriction.extremeCircumstances) continue;
        if (warnedBefore(history, restriction)) continue;
        hits.push(hitOnRow('Conduct', restriction, 'Action',
          `The restriction of ${label(personId)} on ${restriction.date} was not preceded by a private and then a public warning, and Extreme Circumstances is not Yes.`));
      }
    }
    return hits.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  },
});

/** §6: bypassing the warnings for extreme circumstances is explained. */
export const conductExtremeWithoutReason = defineRule({
  id: 'conduct.extreme-without-reason',
  severity: 'error',
  charter: CHARTER,
  needs: ['Conduct'],
  check: ({ rows }) => {
    const label = labeller(rows);
    return rows.Conduct.filter((action) => action.extremeCircumstances && action.reason === null).map((action) =>
      hitOnRow('Conduct', action, 'Reason', `The ${action.action} of ${label(action.person)} on ${action.date} invokes extreme circumstances but gives no Reason.`),
    );
  },
});

/** §6: a person whose participation is restricted is not listed as an active Member, Chair or Co-Chair. */
export const conductRestrictedButActive = defineRule({
  id: 'conduct.restricted-but-active',
  severity: 'warning',
  charter: CHARTER,
  needs: ['Conduct', 'Roster'],
  check: ({ rows, today }) => {
    const inForce = restrictionsInForce(rows);
    return rows.Roster.flatMap((person) => {
      const restriction = person.id === null ? undefined : inForce.get(person.id);
      if (!restriction || !RESTRICTED_ROLES.has(person.role) || !isActive(person, today)) return [];
      return [hitOnRow('Roster', person, 'Role',
        `${personLabel(person)} is listed as an active ${person.role} although the restriction of ${restriction.date} (${restriction.id ?? `Conduct row ${restriction.sheetRow}`}) is in force.`)];
    });
  },
});

/** The rules of this file, in catalogue order. */
export const conductRules = [conductRestrictionWithoutWarnings, conductExtremeWithoutReason, conductRestrictedButActive];
