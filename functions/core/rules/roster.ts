// Charter rules on the roster: who the Members, Participants and chairs are, and whether the roster meets §5.
import { addMonths } from '../dates.js';
import { activeMembersByOrganization, isActive, participatingOrganizations } from '../model/queries.js';
import type { Person } from '../model/tabs.js';
import { counted } from '../plural.js';
import { numberSource } from './number-source.js';
import { defineRule, hitOnRow, hitOnTab } from './rule.js';

const APPOINTED_ROLES: ReadonlySet<Person['role']> = new Set(['Member', 'Chair', 'Co-Chair']);
const CHAIR_ROLES: ReadonlySet<Person['role']> = new Set(['Chair', 'Co-Chair']);
const SOI_ROLES: ReadonlySet<Person['role']> = new Set(['Member', 'Participant']);

/** How a person is named in messages: `Ana Member (P-0001)`. */
export function personLabel(person: Pick<Person, 'name' | 'id'>): string {
  return person.id === null ? person.name : `${person.name} (${person.id})`;
}

/** Pairs every row whose key repeats an earlier row's (lower sheet row) with that first row; O(n), any input order. */
function laterRepeats<T extends { readonly sheetRow: number }>(items: readonly T[], keyOf: (item: T) => string): [T, T][] {
  const first = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const seen = first.get(key);
    if (!seen || item.sheetRow < seen.sheetRow) first.set(key, item);
  }
  const repeats: [T, T][] = [];
  for (const item of items) {
    const seen = first.get(keyOf(item));
    if (seen && seen !== item) repeats.push([item, seen]);
  }
  return repeats;
}

/** §5: Members and chairs are appointed by a chartering organization, so the roster names it. */
export const rosterMemberWithoutOrganization = defineRule({
  id: 'roster.member-without-organization',
  severity: 'error',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows }) =>
    rows.Roster.filter((person) => APPOINTED_ROLES.has(person.role) && person.organization === null).map((person) =>
      hitOnRow('Roster', person, 'Organization', `${personLabel(person)} is a ${person.role} but no appointing Organization is given.`),
    ),
});

/** §5: each participating organization appoints at least `members.min` Members. */
export const rosterMembersBelowMinimum = defineRule({
  id: 'roster.members-below-minimum',
  severity: 'error',
  charter: '§5',
  needs: ['Organizations', 'Roster'],
  check: ({ rows, today, config }) => {
    const counts = activeMembersByOrganization(rows, today);
    const minimum = config.members.min;
    return participatingOrganizations(rows)
      .filter((organization) => (counts.get(organization.code) ?? 0) < minimum)
      .map((organization) =>
        hitOnRow('Organizations', organization, null,
          `${organization.code} has ${counted(counts.get(organization.code) ?? 0, 'active Member')} on ${today}; each participating organization appoints at least ${minimum} (${numberSource('members.min', minimum, '§5')}).`),
      );
  },
});

/** §5: no organization appoints more than `members.max` Members. */
export const rosterMembersAboveMaximum = defineRule({
  id: 'roster.members-above-maximum',
  severity: 'error',
  charter: '§5',
  needs: ['Organizations', 'Roster'],
  check: ({ rows, today, config }) => {
    const counts = activeMembersByOrganization(rows, today);
    const maximum = config.members.max;
    return rows.Organizations
      .filter((organization) => (counts.get(organization.code) ?? 0) > maximum)
      .map((organization) =>
        hitOnRow('Organizations', organization, null,
          `${organization.code} has ${counted(counts.get(organization.code) ?? 0, 'active Member')} on ${today}; an organization appoints at most ${maximum} (${numberSource('members.max', maximum, '§5')}).`),
      );
  },
});

/** §5: active Members and Participants give an SOI, or at least their affiliation and expertise. */
export const rosterSoiMissing = defineRule({
  id: 'roster.soi-missing',
  severity: 'error',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today }) =>
    rows.Roster.filter(
      (person) => SOI_ROLES.has(person.role) && isActive(person, today) && person.soiUrl === null &&
        (person.affiliation === null || person.expertise === null),
    ).map((person) =>
      hitOnRow('Roster', person, 'SOI URL', `${personLabel(person)} is an active ${person.role} with no SOI URL and not both an Affiliation and an Expertise statement.`),
    ),
});

/** §5: Participants (and Members) keep their SOI up to date: not older than `soi.maxAgeMonths` months. */
export const rosterSoiStale = defineRule({
  id: 'roster.soi-stale',
  severity: 'warning',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today, config }) => {
    const months = config.soi.maxAgeMonths;
    return rows.Roster.filter(
      (person) => SOI_ROLES.has(person.role) && isActive(person, today) && person.soiDate !== null && addMonths(person.soiDate, months) < today,
    ).map((person) =>
      hitOnRow('Roster', person, 'SOI Date',
        `${personLabel(person)} last updated their SOI on ${person.soiDate}, more than ${counted(months, 'month')} before ${today} (the group's setting soi.maxAgeMonths; §5 asks Members and Participants to update their SOI).`),
    );
  },
});

/** §5: one person is listed once; two rows active today with the same email are the same person twice. */
export const rosterDuplicatePerson = defineRule({
  id: 'roster.duplicate-person',
  severity: 'error',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today }) => {
    const active = rows.Roster.filter((person) => isActive(person, today));
    return laterRepeats(active, (person) => person.email.trim().toLowerCase()).map(([person, first]) =>
      hitOnRow('Roster', person, 'Email',
        `${personLabel(person)} has the same email ${person.email} as ${personLabel(first)} on row ${first.sheetRow}; both are active on ${today}.`),
    );
  },
});

/** §5: a chartering organization may appoint one co-chair, not several at once. */
export const rosterCoChairsPerOrganization = defineRule({
  id: 'roster.co-chairs-per-organization',
  severity: 'error',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today }) => {
    const chairs = rows.Roster.filter((person) => CHAIR_ROLES.has(person.role) && person.organization !== null && isActive(person, today));
    return laterRepeats(chairs, (person) => person.organization ?? '').map(([person, first]) =>
      hitOnRow('Roster', person, 'Organization',
        `${person.organization} appoints both ${personLabel(first)} (row ${first.sheetRow}) and ${personLabel(person)} as active chairs; it may appoint one.`),
    );
  },
});

/** §5: volunteer chair(s) guide the deliberations, so at least one Chair or Co-Chair is active. */
export const rosterNoChair = defineRule({
  id: 'roster.no-chair',
  severity: 'warning',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today }) =>
    rows.Roster.some((person) => CHAIR_ROLES.has(person.role) && isActive(person, today))
      ? []
      : [hitOnTab('Roster', `No Chair or Co-Chair is active on ${today}.`)],
});

/** §5: the membership is diverse, including by region: active Members span at least `diversity.minRegions` regions. */
export const rosterRegionDiversity = defineRule({
  id: 'roster.region-diversity',
  severity: 'warning',
  charter: '§5',
  needs: ['Roster'],
  check: ({ rows, today, config }) => {
    const regions = new Set<string>();
    for (const person of rows.Roster) {
      if (person.role === 'Member' && person.region !== null && isActive(person, today)) regions.add(person.region);
    }
    const minimum = config.diversity.minRegions;
    if (regions.size >= minimum) return [];
    const names = [...regions].sort().join(', ') || 'none';
    return [hitOnTab('Roster',
      `Active Members come from ${counted(regions.size, 'region')} (${names}); the group asks for at least ${counted(minimum, 'region')} (the group's setting diversity.minRegions; §5 asks for a sufficiently diverse membership).`)];
  },
});

/** The rules of this file, in catalogue order. */
export const rosterRules = [
  rosterMemberWithoutOrganization,
  rosterMembersBelowMinimum,
  rosterMembersAboveMaximum,
  rosterSoiMissing,
  rosterSoiStale,
  rosterDuplicatePerson,
  rosterCoChairsPerOrganization,
  rosterNoChair,
  rosterRegionDiversity,
];
