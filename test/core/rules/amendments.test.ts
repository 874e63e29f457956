// Tests of the charter modification rules (§7): adopted by every participating organization, and published.
import { describe, expect, it } from 'vitest';
import {
  amendmentEffectiveWithoutAllAdoptions, amendmentEffectiveWithoutPublication, amendmentRules,
} from '../../../functions/core/rules/amendments.js';
import { amendment, contextOf, org } from '../../support/group-builder.js';

const organizations = () => [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO', participating: false })];

describe('amendmentRules', () => {
  it('lists the amendment rules in catalogue order', () => {
    expect(amendmentRules.map((rule) => rule.id)).toEqual([
      'amendment.effective-without-all-adoptions', 'amendment.effective-without-publication',
    ]);
  });
});

describe('amendment.effective-without-all-adoptions', () => {
  it.each([
    { name: 'fires for an Effective amendment one participating organization has not adopted', state: 'Effective', adoptedBy: ['GNSO'], fires: true },
    { name: 'fires for an Effective amendment nobody adopted', state: 'Effective', adoptedBy: [], fires: true },
    { name: 'does not fire when exactly every participating organization adopted it', state: 'Effective', adoptedBy: ['ALAC', 'GNSO'], fires: false },
    { name: 'does not fire for a Proposed amendment', state: 'Proposed', adoptedBy: [], fires: false },
  ] as const)('$name', ({ state, adoptedBy, fires }) => {
    const row = amendment({ state, adoptedBy: [...adoptedBy], publishedOn: '2018-05-01' });
    const hits = amendmentEffectiveWithoutAllAdoptions.check(contextOf({ Organizations: organizations(), Amendments: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Amendments', row: row.sheetRow, id: 'A-0001', column: 'Adopted By' })] : []);
  });

  it('names the organizations that have not adopted it', () => {
    const row = amendment({ state: 'Effective', adoptedBy: ['GNSO'] });
    const [hit] = amendmentEffectiveWithoutAllAdoptions.check(contextOf({ Organizations: organizations(), Amendments: [row] }));
    expect(hit?.message).toContain('not been adopted by ALAC.');
  });
});

describe('amendment.effective-without-publication', () => {
  it.each([
    { name: 'fires for an Effective amendment with no Published On', state: 'Effective', publishedOn: null, fires: true },
    { name: 'does not fire once it is published', state: 'Effective', publishedOn: '2018-05-01', fires: false },
    { name: 'does not fire for a Withdrawn amendment', state: 'Withdrawn', publishedOn: null, fires: false },
  ] as const)('$name', ({ state, publishedOn, fires }) => {
    const row = amendment({ state, publishedOn });
    const hits = amendmentEffectiveWithoutPublication.check(contextOf({ Amendments: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Amendments', row: row.sheetRow, id: 'A-0001', column: 'Published On' })] : []);
  });
});
