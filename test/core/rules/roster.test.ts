// Tests of the roster rules (§5): one table per rule, with the case that fires, the one that must not, and the boundary.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import type { Person } from '../../../functions/core/model/tabs.js';
import {
  rosterCoChairsPerOrganization, rosterDuplicatePerson, rosterMemberWithoutOrganization, rosterMembersAboveMaximum,
  rosterMembersBelowMinimum, rosterNoChair, rosterRegionDiversity, rosterRules, rosterSoiMissing, rosterSoiStale,
} from '../../../functions/core/rules/roster.js';
import { contextOf, org, person } from '../../support/group-builder.js';

const TODAY = '2018-06-01';

/** `n` active Members appointed by `code`, with distinct IDs and emails. */
function members(code: string, n: number, fields: Parameters<typeof person>[0] = {}): Person[] {
  return Array.from({ length: n }, (_, i) =>
    person({ id: `P-${code}-${i}`, email: `${code}-${i}@example.org`, organization: code, ...fields }));
}

describe('rosterRules', () => {
  it('lists the roster rules in catalogue order', () => {
    expect(rosterRules.map((rule) => rule.id)).toEqual([
      'roster.member-without-organization', 'roster.members-below-minimum', 'roster.members-above-maximum',
      'roster.soi-missing', 'roster.soi-stale', 'roster.duplicate-person', 'roster.co-chairs-per-organization',
      'roster.no-chair', 'roster.region-diversity',
    ]);
  });
});

describe('roster.member-without-organization', () => {
  it.each([
    { name: 'fires for a Member with no organization', fields: { role: 'Member', organization: null }, fires: true },
    { name: 'fires for a Co-Chair with no organization', fields: { role: 'Co-Chair', organization: null }, fires: true },
    { name: 'fires even for a Member who has left', fields: { organization: null, endDate: '2018-01-01' }, fires: true },
    { name: 'does not fire for a Participant with no organization', fields: { role: 'Participant', organization: null }, fires: false },
    { name: 'does not fire for a Member with an organization', fields: { role: 'Member', organization: 'GNSO' }, fires: false },
  ] as const)('$name', ({ fields, fires }) => {
    const ana = person(fields);
    const hits = rosterMemberWithoutOrganization.check(contextOf({ Roster: [ana] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: ana.sheetRow, id: 'P-0001', column: 'Organization' })] : []);
  });
});

describe('roster.members-below-minimum', () => {
  it.each([
    { name: 'fires for a participating organization with one active Member', count: 1, fires: true },
    { name: 'fires for a participating organization with none', count: 0, fires: true },
    { name: 'does not fire at exactly the minimum of two', count: 2, fires: false },
  ])('$name', ({ count, fires }) => {
    const gnso = org({ code: 'GNSO' });
    const hits = rosterMembersBelowMinimum.check(contextOf({ Organizations: [gnso], Roster: members('GNSO', count) }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Organizations', row: gnso.sheetRow, id: 'GNSO', column: null })] : []);
  });

  it('counts neither chairs, nor Members who left, nor Members not yet started', () => {
    const gnso = org({ code: 'GNSO' });
    const roster = [
      person({ id: 'P-1', role: 'Member' }),
      person({ id: 'P-2', role: 'Co-Chair' }),
      person({ id: 'P-3', endDate: '2018-05-31' }),
      person({ id: 'P-4', startDate: '2018-06-02' }),
    ];
    const hits = rosterMembersBelowMinimum.check(contextOf({ Organizations: [gnso], Roster: roster }, TODAY));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toBe('GNSO has 1 active Member on 2018-06-01; each participating organization appoints at least 2 (the charter\'s number, §5).');
  });

  it('counts a Member whose End Date is today', () => {
    const gnso = org({ code: 'GNSO' });
    const roster = [person({ id: 'P-1' }), person({ id: 'P-2', endDate: TODAY })];
    expect(rosterMembersBelowMinimum.check(contextOf({ Organizations: [gnso], Roster: roster }, TODAY))).toEqual([]);
  });

  it('ignores an organization that does not participate', () => {
    const alac = org({ code: 'ALAC', participating: false });
    expect(rosterMembersBelowMinimum.check(contextOf({ Organizations: [alac] }, TODAY))).toEqual([]);
  });
});

describe('roster.members-above-maximum', () => {
  it.each([
    { name: 'fires for six active Members', count: 6, participating: true, fires: true },
    { name: 'fires for a non-participating organization too', count: 6, participating: false, fires: true },
    { name: 'does not fire at exactly the maximum of five', count: 5, participating: true, fires: false },
  ])('$name', ({ count, participating, fires }) => {
    const gnso = org({ code: 'GNSO', participating });
    const hits = rosterMembersAboveMaximum.check(contextOf({ Organizations: [gnso], Roster: members('GNSO', count) }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Organizations', row: gnso.sheetRow, id: 'GNSO', column: null })] : []);
  });

  it('does not count a sixth appointee who is a Chair', () => {
    const gnso = org({ code: 'GNSO' });
    const roster = [...members('GNSO', 5), person({ id: 'P-chair', role: 'Chair' })];
    expect(rosterMembersAboveMaximum.check(contextOf({ Organizations: [gnso], Roster: roster }, TODAY))).toEqual([]);
  });
});

describe('roster.soi-missing', () => {
  it.each([
    { name: 'fires for an active Member with no SOI and no statement', fields: { soiUrl: null }, fires: true },
    { name: 'fires for a Participant with only an Affiliation', fields: { role: 'Participant', soiUrl: null, affiliation: 'ISOC' }, fires: true },
    { name: 'does not fire when Affiliation and Expertise are both given', fields: { soiUrl: null, affiliation: 'ISOC', expertise: 'DNS' }, fires: false },
    { name: 'does not fire when an SOI URL is given', fields: {}, fires: false },
    { name: 'does not fire for an Observer', fields: { role: 'Observer', soiUrl: null }, fires: false },
    { name: 'does not fire for a Member who left yesterday', fields: { soiUrl: null, endDate: '2018-05-31' }, fires: false },
  ] as const)('$name', ({ fields, fires }) => {
    const ana = person(fields);
    const hits = rosterSoiMissing.check(contextOf({ Roster: [ana] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: ana.sheetRow, id: 'P-0001', column: 'SOI URL' })] : []);
  });
});

describe('roster.soi-stale', () => {
  it.each([
    { name: 'fires one day past twelve months', soiDate: '2017-05-31', maxAgeMonths: 12, fires: true },
    { name: 'does not fire at exactly twelve months', soiDate: '2017-06-01', maxAgeMonths: 12, fires: false },
    { name: 'does not fire for a recent SOI', soiDate: '2018-01-15', maxAgeMonths: 12, fires: false },
    { name: 'does not fire when no SOI Date is recorded', soiDate: null, maxAgeMonths: 12, fires: false },
    { name: 'follows the configured age', soiDate: '2017-11-30', maxAgeMonths: 6, fires: true },
  ])('$name', ({ soiDate, maxAgeMonths, fires }) => {
    const ana = person({ soiDate });
    const config = { ...DEFAULT_CONFIG, soi: { maxAgeMonths } };
    const hits = rosterSoiStale.check(contextOf({ Roster: [ana] }, TODAY, config));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: ana.sheetRow, id: 'P-0001', column: 'SOI Date' })] : []);
  });

  it('ignores a stale SOI of an Observer', () => {
    expect(rosterSoiStale.check(contextOf({ Roster: [person({ role: 'Observer', soiDate: '2015-01-01' })] }, TODAY))).toEqual([]);
  });
});

describe('roster.duplicate-person', () => {
  it('reports the later of two active rows with the same email, ignoring case', () => {
    const first = person({ id: 'P-0001', email: 'ana@example.org' });
    const later = person({ id: 'P-0002', email: 'Ana@Example.ORG', role: 'Participant' });
    expect(rosterDuplicatePerson.check(contextOf({ Roster: [later, first] }, TODAY))).toEqual([
      expect.objectContaining({ tab: 'Roster', row: later.sheetRow, id: 'P-0002', column: 'Email' }),
    ]);
  });

  it.each([
    { name: 'does not fire when the earlier row ended yesterday', endDate: '2018-05-31', fires: false },
    { name: 'fires when the earlier row ends today', endDate: TODAY, fires: true },
  ])('$name', ({ endDate, fires }) => {
    const roster = [person({ id: 'P-0001', endDate }), person({ id: 'P-0002' })];
    expect(rosterDuplicatePerson.check(contextOf({ Roster: roster }, TODAY))).toHaveLength(fires ? 1 : 0);
  });

  it('does not fire for different emails', () => {
    const roster = [person({ id: 'P-0001' }), person({ id: 'P-0002', email: 'bo@example.org' })];
    expect(rosterDuplicatePerson.check(contextOf({ Roster: roster }, TODAY))).toEqual([]);
  });
});

describe('roster.co-chairs-per-organization', () => {
  it('reports the later of two active chairs appointed by the same organization', () => {
    const first = person({ id: 'P-0001', role: 'Chair', organization: 'GNSO' });
    const later = person({ id: 'P-0002', role: 'Co-Chair', organization: 'GNSO', email: 'bo@example.org' });
    expect(rosterCoChairsPerOrganization.check(contextOf({ Roster: [first, later] }, TODAY))).toEqual([
      expect.objectContaining({ tab: 'Roster', row: later.sheetRow, id: 'P-0002', column: 'Organization' }),
    ]);
  });

  it.each([
    { name: 'does not fire for co-chairs of different organizations', first: {}, second: { organization: 'ALAC' }, fires: false },
    { name: 'does not fire when the first co-chair ended yesterday', first: { endDate: '2018-05-31' }, second: {}, fires: false },
    { name: 'fires when the first co-chair ends today', first: { endDate: TODAY }, second: {}, fires: true },
    { name: 'does not count a Member as a chair', first: {}, second: { role: 'Member' }, fires: false },
  ] as const)('$name', ({ first, second, fires }) => {
    const roster = [
      person({ id: 'P-0001', role: 'Co-Chair', ...first }),
      person({ id: 'P-0002', role: 'Co-Chair', email: 'bo@example.org', ...second }),
    ];
    expect(rosterCoChairsPerOrganization.check(contextOf({ Roster: roster }, TODAY))).toHaveLength(fires ? 1 : 0);
  });
});

describe('roster.no-chair', () => {
  it.each([
    { name: 'fires when nobody is Chair or Co-Chair', roster: () => [person()], fires: true },
    { name: 'fires when the only Chair ended yesterday', roster: () => [person({ role: 'Chair', endDate: '2018-05-31' })], fires: true },
    { name: 'does not fire when a Co-Chair is active', roster: () => [person({ role: 'Co-Chair' })], fires: false },
    { name: 'does not fire when the Chair starts today', roster: () => [person({ role: 'Chair', startDate: TODAY })], fires: false },
  ])('$name', ({ roster, fires }) => {
    const hits = rosterNoChair.check(contextOf({ Roster: roster() }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: null, id: null, column: null })] : []);
  });
});

describe('roster.region-diversity', () => {
  const inRegions = (regions: (Person['region'])[], role: Person['role'] = 'Member') =>
    regions.map((region, i) => person({ id: `P-${i}`, email: `p${i}@example.org`, region, role }));

  it.each([
    { name: 'fires for active Members from two regions', roster: inRegions(['Europe', 'Africa', 'Europe']), fires: true },
    { name: 'fires when nobody has a region', roster: inRegions([null, null, null]), fires: true },
    { name: 'fires when the third region is only a Participant', roster: [...inRegions(['Europe', 'Africa']), ...inRegions(['North America'], 'Participant')], fires: true },
    { name: 'does not fire at exactly three regions', roster: inRegions(['Europe', 'Africa', 'North America']), fires: false },
  ])('$name', ({ roster, fires }) => {
    const hits = rosterRegionDiversity.check(contextOf({ Roster: roster }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: null, id: null, column: null })] : []);
  });

  it('names the regions it found', () => {
    const [hit] = rosterRegionDiversity.check(contextOf({ Roster: inRegions(['Europe', 'Africa']) }, TODAY));
    expect(hit?.message).toBe('Active Members come from 2 regions (Africa, Europe); the group asks for at least 3 regions ' +
      '(the group\'s setting diversity.minRegions; §5 asks for a sufficiently diverse membership).');
  });

  it('counts one region in the singular', () => {
    const [hit] = rosterRegionDiversity.check(contextOf({ Roster: inRegions(['Europe']) }, TODAY));
    expect(hit?.message).toContain('Active Members come from 1 region (Europe);');
  });
});
