// Tests of the §4 endorsement rules: reasons, duplicates, participation, timing and reminders.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { addDays } from '../../../functions/core/dates.js';
import {
  endorsementAwaiting, endorsementBeforeCirculation, endorsementDuplicate, endorsementNotParticipating, endorsementReasonsMissing,
  endorsementRules,
} from '../../../functions/core/rules/endorsements.js';
import { contextOf, endorsement, org, paper } from '../../support/group-builder.js';

describe('endorsementRules', () => {
  it('lists the five endorsement rules in catalogue order', () => {
    expect(endorsementRules.map((rule) => rule.id)).toEqual([
      'endorsement.reasons-missing', 'endorsement.duplicate', 'endorsement.not-participating', 'endorsement.before-circulation', 'endorsement.awaiting',
    ]);
  });
});

describe('endorsement.reasons-missing', () => {
  it.each([
    { name: 'fires when Not Support gives no reasons', fields: { decision: 'Not Support' as const }, fires: true },
    { name: 'does not fire when Not Support gives its reasons', fields: { decision: 'Not Support' as const, reasons: 'Scope too broad.' }, fires: false },
    { name: 'does not fire for an endorsement without reasons', fields: { decision: 'Endorse' as const }, fires: false },
  ])('$name', ({ fields, fires }) => {
    const subject = endorsement({ id: 'E-0003', organization: 'ALAC', ...fields });
    const hits = endorsementReasonsMissing.check(contextOf({ Papers: [paper({ title: 'Digital Cooperation' })], Endorsements: [subject] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Endorsements', row: subject.sheetRow, id: 'E-0003', column: 'Reasons' })] : []);
    if (fires) expect(hits[0]?.message).toBe('ALAC decided Not Support on PP-0001 "Digital Cooperation" (E-0003) without giving its reasons.');
  });
});

describe('endorsement.duplicate', () => {
  it('reports the later row for the same paper and organization, not the first', () => {
    const first = endorsement({ id: 'E-0001', organization: 'GNSO' });
    const second = endorsement({ id: 'E-0002', organization: 'GNSO', decision: 'Not Support', reasons: 'Changed mind.' });
    const hits = endorsementDuplicate.check(contextOf({ Endorsements: [first, second] }));
    expect(hits).toEqual([expect.objectContaining({ tab: 'Endorsements', row: second.sheetRow, id: 'E-0002', column: 'Organization' })]);
    expect(hits[0]?.message).toContain(`E-0001 on row ${first.sheetRow}`);
  });

  it.each([
    { name: 'does not fire for two organizations on the same paper', other: { organization: 'ALAC' } },
    { name: 'does not fire for the same organization on two papers', other: { paper: 'PP-0002' } },
  ])('$name', ({ other }) => {
    const rows = [endorsement({ id: 'E-0001' }), endorsement({ id: 'E-0002', ...other })];
    expect(endorsementDuplicate.check(contextOf({ Endorsements: rows }))).toEqual([]);
  });
});

describe('endorsement.not-participating', () => {
  it.each([
    { name: 'fires for an organization that does not participate', organization: org({ code: 'ALAC', participating: false }), fires: true },
    { name: 'does not fire for a participating organization', organization: org({ code: 'ALAC' }), fires: false },
    { name: 'says nothing when the organization row is not readable', organization: null, fires: false },
  ])('$name', ({ organization, fires }) => {
    const subject = endorsement({ id: 'E-0004', organization: 'ALAC' });
    const hits = endorsementNotParticipating.check(contextOf({ Organizations: organization ? [organization] : [], Endorsements: [subject] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Endorsements', row: subject.sheetRow, id: 'E-0004', column: 'Organization' })] : []);
  });
});

describe('endorsement.before-circulation', () => {
  it.each([
    { name: 'fires when decided the day before circulation', circulatedOn: '2018-03-05', decidedOn: '2018-03-04', fires: true },
    { name: 'does not fire when decided on the day of circulation', circulatedOn: '2018-03-05', decidedOn: '2018-03-05', fires: false },
    { name: 'does not fire when decided after circulation', circulatedOn: '2018-03-05', decidedOn: '2018-04-01', fires: false },
    { name: 'does not fire without a decision date', circulatedOn: '2018-03-05', decidedOn: null, fires: false },
    { name: 'does not fire when the paper is not circulated', circulatedOn: null, decidedOn: '2018-03-04', fires: false },
  ])('$name', ({ circulatedOn, decidedOn, fires }) => {
    const subject = endorsement({ id: 'E-0005', decidedOn });
    const hits = endorsementBeforeCirculation.check(contextOf({ Papers: [paper({ circulatedOn })], Endorsements: [subject] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Endorsements', row: subject.sheetRow, id: 'E-0005', column: 'Decided On' })] : []);
  });
});

describe('endorsement.awaiting', () => {
  const today = '2018-06-01';
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO', participating: false })];
  const gnsoEndorses = endorsement({ organization: 'GNSO' });

  it.each([
    { name: 'does not fire exactly 30 days after circulation', daysAgo: 30, outcome: 'Pending' as const, decisions: [gnsoEndorses], fires: false },
    { name: 'fires 31 days after circulation with an organization undecided', daysAgo: 31, outcome: 'Pending' as const, decisions: [gnsoEndorses], fires: true },
    { name: 'fires when an organization\'s row still says Pending', daysAgo: 31, outcome: 'Pending' as const, decisions: [gnsoEndorses, endorsement({ organization: 'ALAC', decision: 'Pending' })], fires: true },
    { name: 'does not fire when every participating organization has decided', daysAgo: 90, outcome: 'Pending' as const, decisions: [gnsoEndorses, endorsement({ organization: 'ALAC', decision: 'Not Support' })], fires: false },
    { name: 'does not fire once the paper has an outcome', daysAgo: 90, outcome: 'Published' as const, decisions: [gnsoEndorses], fires: false },
  ])('$name', ({ daysAgo, outcome, decisions, fires }) => {
    const subject = paper({ id: 'PP-0001', circulatedOn: addDays(today, -daysAgo), outcome });
    const hits = endorsementAwaiting.check(contextOf({ Organizations: organizations, Papers: [subject], Endorsements: decisions }, today));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Papers', row: subject.sheetRow, id: 'PP-0001', column: 'Circulated On' })] : []);
    if (fires) expect(hits[0]?.message).toContain('1 participating organization has not decided yet: ALAC. The group reminds them after 30 days (its setting endorsements.reminderDays); the charter asks for decisions "as soon as feasible" (§4).');
  });

  it('does not fire for a paper that is not circulated', () => {
    expect(endorsementAwaiting.check(contextOf({ Organizations: organizations, Papers: [paper()] }, today))).toEqual([]);
  });

  it('uses the configured reminder period', () => {
    const config = { ...DEFAULT_CONFIG, endorsements: { reminderDays: 60 } };
    const subject = paper({ circulatedOn: addDays(today, -45) });
    expect(endorsementAwaiting.check(contextOf({ Organizations: organizations, Papers: [subject] }, today, config))).toEqual([]);
  });
});
