// Charter rules on the chartering organizations (org.*).
import { describe, expect, it } from 'vitest';
import { orgCharterAdoptionMissing, orgTooFewParticipating } from '../../../functions/core/rules/organizations.js';
import { contextOf, org } from '../../support/group-builder.js';

describe('org.too-few-participating', () => {
  it.each([
    { name: 'fires with one participating organization', orgs: [org({ code: 'GNSO' }), org({ code: 'ALAC', participating: false })], fires: true },
    { name: 'fires with none', orgs: [], fires: true },
    { name: 'does not fire at exactly the minimum of two', orgs: [org({ code: 'GNSO' }), org({ code: 'ALAC' })], fires: false },
  ])('$name', ({ orgs, fires }) => {
    const hits = orgTooFewParticipating.check(contextOf({ Organizations: orgs }));
    expect(hits).toHaveLength(fires ? 1 : 0);
    if (fires) expect(hits[0]).toMatchObject({ tab: 'Organizations', row: null });
  });
});

describe('org.charter-adoption-missing', () => {
  it('reports a participating organization with no adoption date on its own row', () => {
    const gnso = org({ code: 'GNSO', charterAdoptedOn: null });
    expect(orgCharterAdoptionMissing.check(contextOf({ Organizations: [gnso] }))).toEqual([
      expect.objectContaining({ tab: 'Organizations', row: gnso.sheetRow, id: 'GNSO', column: 'Charter Adopted On' }),
    ]);
  });

  it('ignores an organization that does not participate', () => {
    const alac = org({ code: 'ALAC', participating: false, charterAdoptedOn: null });
    expect(orgCharterAdoptionMissing.check(contextOf({ Organizations: [alac] }))).toEqual([]);
  });
});
