// Tests of membership in the reports: titled charts, a sentence when there is nothing to draw, the chairs and Members listed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { membersAndChairs, membershipSection, membersPerOrganization, membersPerRegion } from '../../../functions/core/documents/membership.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { org, person } from '../../support/group-builder.js';

const context = { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'run' };
const rowsWith = (rows: Partial<GroupRows>): GroupRows => ({ ...emptyGroupRows(), ...rows });
const gnso = org({ code: 'GNSO', adoptionResolution: 'https://example.org/gnso/resolution' });
const alac = org({ code: 'ALAC', name: 'At-Large Advisory Committee' });

describe('membersPerOrganization and membersPerRegion', () => {
  it('count the active Members of each participating organization and of each region', () => {
    const rows = rowsWith({ Organizations: [gnso, alac], Roster: [person({ id: 'P-1' }), person({ id: 'P-2', region: null }),
      person({ id: 'P-3', endDate: '2018-01-01' }), person({ id: 'P-4', role: 'Co-Chair' })] });
    expect(membersPerOrganization(rows, context.today)).toEqual([{ code: 'GNSO', members: 2 }, { code: 'ALAC', members: 0 }]);
    expect(membersPerRegion(rows, context.today)).toEqual([{ region: 'Europe', members: 1 }, { region: 'Not stated', members: 1 }]);
  });
});

describe('membershipSection', () => {
  it('draws two charts, each with a caption, and names the organizations outside the band in one sentence', () => {
    const section = membershipSection(rowsWith({ Organizations: [gnso, alac], Roster: [person()] }), context).text;
    expect(section).toContain('<figure><figcaption>Members per organization (band 2–5)</figcaption><svg');
    expect(section).toContain('<figure><figcaption>Members by region</figcaption><svg');
    expect(section).toContain('<p>Outside the 2–5 band: GNSO 1, ALAC 0.</p>');
  });

  it('says "No Members are active yet." and draws no chart when no Member is active', () => {
    const section = membershipSection(rowsWith({ Organizations: [gnso] }), context).text;
    expect(section).toContain('No Members are active yet.');
    expect(section).not.toContain('<svg');
  });

  it('says "No organization participates yet." when none does', () => {
    const section = membershipSection(rowsWith({ Organizations: [org({ participating: false })] }), context).text;
    expect(section).toBe('<p class="none">No organization participates yet.</p>');
  });
});

describe('membersAndChairs', () => {
  it('names the chairs, then every participating organization with each active Member, linked to the SOI and the resolution', () => {
    const rows = rowsWith({ Organizations: [gnso, alac], Roster: [
      person({ id: 'P-1', name: 'Ana Chair', role: 'Co-Chair', soiUrl: 'https://example.org/soi/1' }),
      person({ id: 'P-2', name: 'Bo Member', soiUrl: 'https://example.org/soi/2' }),
      person({ id: 'P-3', name: 'Cy Member', soiUrl: null }),
      person({ id: 'P-4', name: 'Old Member', endDate: '2018-01-01' }),
    ] });
    const text = membersAndChairs(rows, context.today, (name) => name).text;
    expect(text).toContain('<a href="https://example.org/soi/1">Ana Chair</a> <em>(Co-Chair, GNSO)</em>');
    expect(text).toContain('<strong>GNSO</strong> <a href="https://example.org/gnso/resolution">Generic Names Supporting Organization</a>, charter adopted 2018-03-01 (2): <a href="https://example.org/soi/2">Bo Member</a>, Cy Member');
    expect(text).toContain('<strong>ALAC</strong> At-Large Advisory Committee, charter adopted 2018-03-01 (0): <em>no active Member</em>');
    expect(text).not.toContain('Old Member');
  });
});
