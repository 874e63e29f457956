// Who may change what, case by case (PRODUCT.md "Who may change what").
import { describe, expect, it } from 'vitest';
import { audienceOf, authorizeEdit, organizationContactsOf, type AccessPolicy, type EditAttempt } from '../../../functions/core/access/authorize.js';
import type { DataTabName } from '../../../functions/core/model/tabs.js';

const policy: AccessPolicy = {
  staff: ['Staff@ICANN.example.org'],
  chairs: ['cochair@cceg.example.org'],
  organizations: [
    { code: 'GNSO', chairEmail: 'chair@gnso.example.org', secretariatEmails: ['sec@gnso.example.org', 'sec2@gnso.example.org'] },
    { code: 'ALAC', chairEmail: 'chair@alac.example.org', secretariatEmails: ['sec@alac.example.org'] },
    { code: 'ccNSO', chairEmail: null, secretariatEmails: [] },
  ],
};

const person = (organization: string | null, extra: Record<string, unknown> = {}) => ({ id: 'P-0001', name: 'Ana', organization, ...extra });
const decision = (organization: string, value: string) => ({ id: 'E-0001', paper: 'PP-0001', organization, decision: value });
const attempt = (editor: string, tab: DataTabName, before: EditAttempt['before'], after: EditAttempt['after']): EditAttempt => ({ editor, tab, before, after });

describe('authorizeEdit', () => {
  const allowed: [string, EditAttempt][] = [
    ['staff change any row (e-mails compare case-insensitively)', attempt('staff@icann.example.org', 'Papers', { id: 'PP-0001', title: 'A' }, { id: 'PP-0001', title: 'B' })],
    ['staff enter any organization\'s decision', attempt('staff@icann.example.org', 'Endorsements', decision('GNSO', 'Pending'), decision('GNSO', 'Endorse'))],
    ['a CCEG chair changes the work plan', attempt('cochair@cceg.example.org', 'WorkPlan', { id: 'W-0001', status: 'Planned' }, { id: 'W-0001', status: 'Done' })],
    ['an organization\'s chair changes another organization\'s Roster row', attempt('chair@alac.example.org', 'Roster', person('GNSO'), person('GNSO', { name: 'Ana B' }))],
    ['a secretariat changes its own organization\'s Roster row', attempt('SEC@gnso.example.org ', 'Roster', person('GNSO'), person('GNSO', { name: 'Ana B' }))],
    ['a second secretariat of the same organization does too', attempt('sec2@gnso.example.org', 'Roster', person('GNSO'), person('GNSO', { name: 'Ana B' }))],
    ['a secretariat adds a row of its own organization', attempt('sec@gnso.example.org', 'Roster', null, person('GNSO'))],
    ['a secretariat enters its own organization\'s decision', attempt('sec@alac.example.org', 'Endorsements', decision('ALAC', 'Pending'), decision('ALAC', 'Not Support'))],
    ['an organization\'s chair enters its own organization\'s decision', attempt('chair@gnso.example.org', 'Endorsements', null, decision('GNSO', 'Endorse'))],
    ['a secretariat changes its own organization\'s review', attempt('sec@gnso.example.org', 'Reviews', { id: 'R-0001', organization: 'GNSO', decision: 'Extend' }, { id: 'R-0001', organization: 'gnso', decision: 'Withdraw' })],
    ['a secretariat fixes the paper of its own organization\'s endorsement row, not its decision', attempt('sec@gnso.example.org', 'Endorsements', decision('GNSO', 'Endorse'), { ...decision('GNSO', 'Endorse'), paper: 'PP-0002' })],
  ];

  it.each(allowed)('allows: %s', (_name, edit) => {
    expect(authorizeEdit(edit, policy)).toEqual({ allowed: true });
  });

  const refused: [string, EditAttempt, RegExp][] = [
    ['a secretariat changes another organization\'s Roster row', attempt('sec@gnso.example.org', 'Roster', person('ALAC'), person('ALAC', { name: 'X' })), /own organization \(GNSO\), not of ALAC/],
    ['a secretariat moves its own row to another organization', attempt('sec@gnso.example.org', 'Roster', person('GNSO'), person('ALAC')), /not of ALAC/],
    ['a secretariat takes another organization\'s row over', attempt('sec@gnso.example.org', 'Roster', person('ALAC'), person('GNSO')), /not of ALAC/],
    ['a secretariat adds a row of another organization', attempt('sec@gnso.example.org', 'Roster', null, person('ccNSO')), /not of ccNSO/],
    ['a secretariat changes a Roster row of no organization', attempt('sec@gnso.example.org', 'Roster', person(null), person(null, { name: 'X' })), /names none/],
    ['a secretariat changes the Papers tab', attempt('sec@gnso.example.org', 'Papers', { id: 'PP-0001', title: 'A' }, { id: 'PP-0001', title: 'B' }), /only Roster, Endorsements and Reviews rows, not Papers/],
    ['a secretariat changes the Organizations tab (its own row included)', attempt('sec@gnso.example.org', 'Organizations', { code: 'GNSO', secretariatEmails: [] }, { code: 'GNSO', secretariatEmails: ['x@example.org'] }), /not Organizations/],
    ['a secretariat enters another organization\'s decision', attempt('sec@gnso.example.org', 'Endorsements', decision('ALAC', 'Pending'), decision('ALAC', 'Endorse')), /decision of ALAC counts only when entered by ALAC's secretariat or chair, or by staff/],
    ['another organization\'s chair enters a decision', attempt('chair@alac.example.org', 'Endorsements', decision('GNSO', 'Pending'), decision('GNSO', 'Endorse')), /decision of GNSO/],
    ['a CCEG chair enters an organization\'s decision', attempt('cochair@cceg.example.org', 'Endorsements', decision('GNSO', 'Pending'), decision('GNSO', 'Endorse')), /decision of GNSO/],
    ['a secretariat moves its decision to another organization', attempt('sec@gnso.example.org', 'Endorsements', decision('GNSO', 'Endorse'), decision('ALAC', 'Endorse')), /decision of ALAC/],
    ['someone with no role changes anything', attempt('mallory@example.net', 'Roster', person('GNSO'), person('GNSO', { name: 'X' })), /only staff, chairs and the organizations' secretariats/],
    ['an editor the sheet did not name', attempt('  ', 'Roster', person('GNSO'), person('GNSO', { name: 'X' })), /editor is unknown/],
  ];

  it.each(refused)('refuses: %s', (_name, edit, reason) => {
    const verdict = authorizeEdit(edit, policy);
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed ? '' : verdict.reason).toMatch(reason);
  });

  it('checks a row that cannot be read (after null) by its committed organization alone', () => {
    expect(authorizeEdit(attempt('sec@gnso.example.org', 'Roster', person('GNSO'), null), policy)).toEqual({ allowed: true });
    expect(authorizeEdit(attempt('sec@gnso.example.org', 'Roster', person('ALAC'), null), policy).allowed).toBe(false);
  });
});

describe('audienceOf', () => {
  it.each([
    { email: 'staff@icann.example.org', audience: 'staff' },
    { email: ' CoChair@CCEG.example.org ', audience: 'chairs' },
    { email: 'chair@gnso.example.org', audience: 'GNSO' },
    { email: 'sec2@gnso.example.org', audience: 'GNSO' },
    { email: 'mallory@example.net', audience: null },
    { email: '', audience: null },
  ])('finds "$email" to be $audience, by the lists sheet edits are judged by', ({ email, audience }) => {
    expect(audienceOf(email, policy)).toBe(audience);
  });

  it('takes the first organization by Code when two name the same person', () => {
    const both = { ...policy, organizations: [{ code: 'GNSO', chairEmail: 'same@example.org', secretariatEmails: [] }, { code: 'ALAC', chairEmail: null, secretariatEmails: ['same@example.org'] }] };

    expect(audienceOf('same@example.org', both)).toBe('ALAC');
  });
});

describe('organizationContactsOf', () => {
  it('reads the code, chair and secretariats of an Organizations row, leaving out what is not text', () => {
    expect(organizationContactsOf({ code: 'GAC', chairEmail: 'chair@gac.example.org', secretariatEmails: ['sec@gac.example.org', 7] })).toEqual(
      { code: 'GAC', chairEmail: 'chair@gac.example.org', secretariatEmails: ['sec@gac.example.org'] });
    expect(organizationContactsOf({})).toEqual({ code: '', chairEmail: null, secretariatEmails: [] });
  });
});
