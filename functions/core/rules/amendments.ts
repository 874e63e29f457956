// Charter rules on charter modifications: effective only once adopted by all and published (§7).
import { participatingOrganizations } from '../model/queries.js';
import { defineRule, hitOnRow } from './rule.js';

/** §7: a modification is effective only after every participating organization has adopted it. */
export const amendmentEffectiveWithoutAllAdoptions = defineRule({
  id: 'amendment.effective-without-all-adoptions',
  severity: 'error',
  charter: '§7',
  needs: ['Amendments', 'Organizations'],
  check: ({ rows }) => {
    const participating = participatingOrganizations(rows).map((organization) => organization.code);
    return rows.Amendments.flatMap((amendment) => {
      if (amendment.state !== 'Effective') return [];
      const adoptedBy = new Set(amendment.adoptedBy);
      const missing = participating.filter((code) => !adoptedBy.has(code));
      if (missing.length === 0) return [];
      return [hitOnRow('Amendments', amendment, 'Adopted By',
        `Amendment ${amendment.id ?? `on row ${amendment.sheetRow}`} ("${amendment.summary}") is Effective but has not been adopted by ${missing.join(', ')}.`)];
    });
  },
});

/** §7: a modification is effective only after the amended charter is published. */
export const amendmentEffectiveWithoutPublication = defineRule({
  id: 'amendment.effective-without-publication',
  severity: 'error',
  charter: '§7',
  needs: ['Amendments'],
  check: ({ rows }) =>
    rows.Amendments.filter((amendment) => amendment.state === 'Effective' && amendment.publishedOn === null).map((amendment) =>
      hitOnRow('Amendments', amendment, 'Published On',
        `Amendment ${amendment.id ?? `on row ${amendment.sheetRow}`} ("${amendment.summary}") is Effective but has no Published On date.`),
    ),
});

/** The rules of this file, in catalogue order. */
export const amendmentRules = [amendmentEffectiveWithoutAllAdoptions, amendmentEffectiveWithoutPublication];
