// Charter rules on the chartering organizations themselves (§1 Annex A, §5, §7).
import { defineRule, hitOnRow, hitOnTab } from './rule.js';
import { participatingOrganizations } from '../model/queries.js';
import { counted } from '../plural.js';
import { numberSource } from './number-source.js';

/** §7: the CCEG needs at least `continuation.minOrganizations` participating organizations to exist at all. */
export const orgTooFewParticipating = defineRule({
  id: 'org.too-few-participating',
  severity: 'error',
  charter: '§7',
  needs: ['Organizations'],
  check: ({ rows, config }) => {
    const participating = participatingOrganizations(rows);
    const minimum = config.continuation.minOrganizations;
    if (participating.length >= minimum) return [];
    const names = participating.map((organization) => organization.code).join(', ') || 'none';
    return [hitOnTab('Organizations',
      `Only ${counted(participating.length, 'organization')} ${participating.length === 1 ? 'participates' : 'participate'} (${names}); the CCEG needs at least ${minimum} (${numberSource('continuation.minOrganizations', minimum, '§7')}).`)];
  },
});

/** §1 and Annex A: every participating organization records when it adopted the charter. */
export const orgCharterAdoptionMissing = defineRule({
  id: 'org.charter-adoption-missing',
  severity: 'warning',
  charter: '§1, Annex A',
  needs: ['Organizations'],
  check: ({ rows }) =>
    participatingOrganizations(rows)
      .filter((organization) => organization.charterAdoptedOn === null)
      .map((organization) =>
        hitOnRow('Organizations', organization, 'Charter Adopted On', `${organization.code} participates but has no Charter Adopted On date (Annex A).`),
      ),
});

/** The rules of this file, in catalogue order. */
export const organizationRules = [orgTooFewParticipating, orgCharterAdoptionMissing];
