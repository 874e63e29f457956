// Tests of the conduct rules (§6 Problem/Issue Escalation): warnings, extreme circumstances, restrictions in force.
import { describe, expect, it } from 'vitest';
import type { ConductAction } from '../../../functions/core/model/tabs.js';
import {
  conductExtremeWithoutReason, conductRestrictedButActive, conductRestrictionWithoutWarnings, conductRules, restrictionsInForce,
} from '../../../functions/core/rules/conduct.js';
import { conduct, contextOf, person } from '../../support/group-builder.js';

const TODAY = '2018-06-01';
type Step = [ConductAction['action'], string];

/** P-0001's conduct log, one row per [action, date] step, in sheet order. */
function log(steps: Step[], extremeCircumstances = false): ConductAction[] {
  return steps.map(([action, date], i) => conduct({ id: `C-${i + 1}`, action, date, extremeCircumstances }));
}

describe('conductRules', () => {
  it('lists the conduct rules in catalogue order', () => {
    expect(conductRules.map((rule) => rule.id)).toEqual([
      'conduct.restriction-without-warnings', 'conduct.extreme-without-reason', 'conduct.restricted-but-active',
    ]);
  });
});

describe('conduct.restriction-without-warnings', () => {
  it.each<{ name: string; steps: Step[]; extreme?: boolean; fires: boolean }>([
    { name: 'fires for a restriction with no warning at all', steps: [['Restriction', '2018-03-01']], fires: true },
    { name: 'fires with only a private warning', steps: [['Private Warning', '2018-01-01'], ['Restriction', '2018-03-01']], fires: true },
    { name: 'fires with only a public warning', steps: [['Public Warning', '2018-01-01'], ['Restriction', '2018-03-01']], fires: true },
    {
      name: 'fires when the public warning came before the private one',
      steps: [['Public Warning', '2018-01-01'], ['Private Warning', '2018-02-01'], ['Restriction', '2018-03-01']], fires: true,
    },
    {
      name: 'fires when the warnings are dated after the restriction',
      steps: [['Restriction', '2018-03-01'], ['Private Warning', '2018-03-02'], ['Public Warning', '2018-03-03']], fires: true,
    },
    {
      name: 'does not fire after a private and then a public warning',
      steps: [['Private Warning', '2018-01-01'], ['Public Warning', '2018-02-01'], ['Restriction', '2018-03-01']], fires: false,
    },
    {
      name: 'does not fire when all three are on the same day in sheet order',
      steps: [['Private Warning', '2018-03-01'], ['Public Warning', '2018-03-01'], ['Restriction', '2018-03-01']], fires: false,
    },
    {
      name: 'fires when a same-day warning is entered below the restriction',
      steps: [['Private Warning', '2018-03-01'], ['Restriction', '2018-03-01'], ['Public Warning', '2018-03-01']], fires: true,
    },
    { name: 'does not fire in extreme circumstances', steps: [['Restriction', '2018-03-01']], extreme: true, fires: false },
  ])('$name', ({ steps, extreme, fires }) => {
    const rows = log(steps, extreme);
    const restriction = rows.find((row) => row.action === 'Restriction') as ConductAction;
    const hits = conductRestrictionWithoutWarnings.check(contextOf({ Conduct: rows }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Conduct', row: restriction.sheetRow, id: restriction.id, column: 'Action' })] : []);
  });

  it('does not count warnings given to someone else', () => {
    const rows = [
      conduct({ id: 'C-1', person: 'P-0002', action: 'Private Warning', date: '2018-01-01' }),
      conduct({ id: 'C-2', person: 'P-0002', action: 'Public Warning', date: '2018-02-01' }),
      conduct({ id: 'C-3', person: 'P-0001', action: 'Restriction', date: '2018-03-01' }),
    ];
    expect(conductRestrictionWithoutWarnings.check(contextOf({ Conduct: rows }, TODAY))).toHaveLength(1);
  });

  it('orders by date even when the sheet is not in date order', () => {
    const restriction = conduct({ id: 'C-1', action: 'Restriction', date: '2018-03-01' });
    const rows = [restriction, conduct({ id: 'C-2', date: '2018-01-01' }), conduct({ id: 'C-3', action: 'Public Warning', date: '2018-02-01' })];
    expect(conductRestrictionWithoutWarnings.check(contextOf({ Conduct: rows }, TODAY))).toEqual([]);
  });

  it('names the person from the Roster', () => {
    const rows = log([['Restriction', '2018-03-01']]);
    const [hit] = conductRestrictionWithoutWarnings.check(contextOf({ Conduct: rows, Roster: [person()] }, TODAY));
    expect(hit?.message).toContain('Ana Member (P-0001) on 2018-03-01');
  });
});

describe('conduct.extreme-without-reason', () => {
  it.each([
    { name: 'fires for extreme circumstances with no reason', fields: { extremeCircumstances: true, reason: null }, fires: true },
    { name: 'does not fire when a reason is given', fields: { extremeCircumstances: true, reason: 'Threats to staff.' }, fires: false },
    { name: 'does not fire without extreme circumstances', fields: { extremeCircumstances: false, reason: null }, fires: false },
  ])('$name', ({ fields, fires }) => {
    const row = conduct({ action: 'Restriction', ...fields });
    const hits = conductExtremeWithoutReason.check(contextOf({ Conduct: [row] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Conduct', row: row.sheetRow, id: 'C-0001', column: 'Reason' })] : []);
  });
});

describe('conduct.restricted-but-active', () => {
  it.each<{ name: string; steps: Step[]; fires: boolean }>([
    { name: 'fires for an active Member under a restriction', steps: [['Restriction', '2018-03-01']], fires: true },
    { name: 'fires when the appeal was denied', steps: [['Restriction', '2018-03-01'], ['Appeal Denied', '2018-04-01']], fires: true },
    { name: 'fires when an appeal was granted before a new restriction', steps: [['Restriction', '2018-01-01'], ['Appeal Granted', '2018-02-01'], ['Restriction', '2018-03-01']], fires: true },
    { name: 'does not fire once an appeal is granted', steps: [['Restriction', '2018-03-01'], ['Appeal', '2018-03-05'], ['Appeal Granted', '2018-04-01']], fires: false },
    { name: 'does not fire when the appeal is granted the same day, below it', steps: [['Restriction', '2018-03-01'], ['Appeal Granted', '2018-03-01']], fires: false },
    { name: 'does not fire for warnings only', steps: [['Private Warning', '2018-03-01'], ['Public Warning', '2018-03-02']], fires: false },
  ])('$name', ({ steps, fires }) => {
    const ana = person();
    const hits = conductRestrictedButActive.check(contextOf({ Roster: [ana], Conduct: log(steps) }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Roster', row: ana.sheetRow, id: 'P-0001', column: 'Role' })] : []);
  });

  it.each([
    { name: 'fires for an active Co-Chair', fields: { role: 'Co-Chair' }, fires: true },
    { name: 'does not fire for a Participant', fields: { role: 'Participant' }, fires: false },
    { name: 'does not fire for a Member who left yesterday', fields: { endDate: '2018-05-31' }, fires: false },
    { name: 'fires for a Member whose End Date is today', fields: { endDate: TODAY }, fires: true },
  ] as const)('$name', ({ fields, fires }) => {
    const hits = conductRestrictedButActive.check(contextOf({ Roster: [person(fields)], Conduct: log([['Restriction', '2018-03-01']]) }, TODAY));
    expect(hits).toHaveLength(fires ? 1 : 0);
  });

  it('keeps the latest restriction in force per person', () => {
    const rows = [
      conduct({ id: 'C-1', person: 'P-0001', action: 'Restriction', date: '2018-03-01' }),
      conduct({ id: 'C-2', person: 'P-0002', action: 'Restriction', date: '2018-03-01' }),
      conduct({ id: 'C-3', person: 'P-0002', action: 'Appeal Granted', date: '2018-04-01' }),
    ];
    expect([...restrictionsInForce(contextOf({ Conduct: rows }).rows).keys()]).toEqual(['P-0001']);
  });
});
