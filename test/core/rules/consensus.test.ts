// Tests of the §6 consensus rules: designations, objections, minority views, involvement, polls and Chair's Reports.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { isActive } from '../../../functions/core/model/queries.js';
import {
  activeCounter, consensusChairReportMissing, consensusFullWithObjections, consensusMembersNotInvolved, consensusMinorityMissing,
  consensusNotSmallMinority, consensusPollWithoutRationale, consensusRules,
} from '../../../functions/core/rules/consensus.js';
import type { CharterRule } from '../../../functions/core/rules/rule.js';
import { consensusCall, contextOf, deliverable, person } from '../../support/group-builder.js';

type CallFields = Parameters<typeof consensusCall>[0];

/** Checks a rule against one call: no hit, or one hit on that call's row and the given column. */
function expectCallRule(rule: CharterRule, fields: CallFields, column: string | null, rows: Parameters<typeof contextOf>[0] = {}, config = DEFAULT_CONFIG) {
  const call = consensusCall({ id: 'CC-0002', subject: 'Digital Cooperation', ...fields });
  const hits = rule.check(contextOf({ ...rows, ConsensusCalls: [call] }, '2018-06-01', config));
  if (column === null) expect(hits).toEqual([]);
  else expect(hits).toEqual([expect.objectContaining({ tab: 'ConsensusCalls', row: call.sheetRow, id: 'CC-0002', column })]);
  return hits;
}

describe('consensusRules', () => {
  it('lists the six consensus rules in catalogue order', () => {
    expect(consensusRules.map((rule) => rule.id)).toEqual([
      'consensus.full-with-objections', 'consensus.minority-missing', 'consensus.not-small-minority',
      'consensus.members-not-involved', 'consensus.poll-without-rationale', 'consensus.chair-report-missing',
    ]);
  });
});

describe('consensus.full-with-objections', () => {
  it.each([
    { name: 'fires when Full Consensus records an objection', fields: { designation: 'Full Consensus' as const, objections: 1 }, column: 'Objections' },
    { name: 'does not fire when Full Consensus records zero objections', fields: { designation: 'Full Consensus' as const, objections: 0 }, column: null },
    { name: 'does not fire when Full Consensus leaves Objections empty', fields: { designation: 'Full Consensus' as const }, column: null },
    { name: 'does not fire for Consensus with objections', fields: { designation: 'Consensus' as const, objections: 2 }, column: null },
  ])('$name', ({ fields, column }) => {
    expectCallRule(consensusFullWithObjections, fields, column);
  });
});

describe('consensus.minority-missing', () => {
  it.each([
    { name: 'fires when Consensus with objections records no minority viewpoints', fields: { designation: 'Consensus' as const, objections: 1 }, column: 'Minority Viewpoints' },
    { name: 'fires when Full Consensus with objections records no minority viewpoints', fields: { designation: 'Full Consensus' as const, objections: 1 }, column: 'Minority Viewpoints' },
    { name: 'does not fire when the minority viewpoints are recorded', fields: { designation: 'Consensus' as const, objections: 1, minorityViewpoints: 'https://example.org/minority' }, column: null },
    { name: 'does not fire without objections', fields: { designation: 'Consensus' as const, objections: 0 }, column: null },
    { name: 'does not fire for No Consensus', fields: { designation: 'No Consensus' as const, objections: 3 }, column: null },
  ])('$name', ({ fields, column }) => {
    expectCallRule(consensusMinorityMissing, fields, column);
  });
});

describe('consensus.not-small-minority', () => {
  it.each([
    { name: 'does not fire when the objections are exactly a quarter of the Members involved', involved: 4, objections: 1, column: null },
    { name: 'fires when the objections are more than a quarter', involved: 7, objections: 2, column: 'Objections' },
    { name: 'fires when a third of the Members object', involved: 3, objections: 1, column: 'Objections' },
    { name: 'does not fire when no Members are recorded as involved', involved: 0, objections: 2, column: null },
    { name: 'does not fire when Members Involved is empty', involved: null, objections: 2, column: null },
  ])('$name', ({ involved, objections, column }) => {
    expectCallRule(consensusNotSmallMinority, { designation: 'Consensus', membersInvolved: involved, objections }, column);
  });

  it('does not fire for Full Consensus, which has its own rule', () => {
    expectCallRule(consensusNotSmallMinority, { designation: 'Full Consensus', membersInvolved: 4, objections: 2 }, null);
  });

  it('uses the configured small-minority share', () => {
    const config = { ...DEFAULT_CONFIG, consensus: { smallMinorityMaxShare: 0.5 } };
    expectCallRule(consensusNotSmallMinority, { designation: 'Consensus', membersInvolved: 7, objections: 2 }, null, {}, config);
  });
});

describe('consensus.members-not-involved', () => {
  const calledOn = '2018-02-01';
  const roster = [
    person({ id: 'P-0001' }),
    person({ id: 'P-0002', startDate: calledOn }),
    person({ id: 'P-0003', endDate: calledOn }),
    person({ id: 'P-0004', endDate: '2018-01-31' }),
    person({ id: 'P-0005', startDate: '2018-02-02' }),
    person({ id: 'P-0006', role: 'Participant' }),
    person({ id: 'P-0007', role: 'Chair' }),
  ];

  it.each([
    { name: 'does not fire when every Member active on the call date was involved', fields: { designation: 'Consensus' as const, membersInvolved: 3 }, column: null },
    { name: 'fires when fewer Members were involved than were active', fields: { designation: 'Consensus' as const, membersInvolved: 2 }, column: 'Members Involved' },
    { name: 'fires when a designated call leaves Members Involved empty (counted as none)', fields: { designation: 'No Consensus' as const }, column: 'Members Involved' },
    { name: 'does not fire for an open call with no designation', fields: { membersInvolved: 0 }, column: null },
  ])('$name', ({ fields, column }) => {
    const hits = expectCallRule(consensusMembersNotInvolved, { calledOn, ...fields }, column, { Roster: roster });
    if (column) expect(hits[0]?.message).toContain('3 Members were active on 2018-02-01');
  });
});

describe('activeCounter', () => {
  const people = [
    person({ startDate: null, endDate: null }), person({ startDate: '2018-01-01', endDate: null }),
    person({ startDate: null, endDate: '2018-03-01' }), person({ startDate: '2018-02-01', endDate: '2018-02-01' }),
    person({ startDate: '2018-05-01', endDate: '2018-04-01' }), person({ startDate: '2018-01-15', endDate: '2018-02-15' }),
  ];
  it.each(['2017-12-31', '2018-01-01', '2018-01-15', '2018-02-01', '2018-02-16', '2018-03-02', '2018-04-15', '2018-06-01'])(
    'counts the same people as isActive on %s',
    (date) => {
      expect(activeCounter(people)(date)).toBe(people.filter((p) => isActive(p, date)).length);
    },
  );
});

describe('consensus.poll-without-rationale', () => {
  it.each([
    { name: 'fires when a poll was used without a rationale', fields: { pollUsed: true }, column: 'Poll Rationale' },
    { name: 'does not fire when the rationale is given', fields: { pollUsed: true, pollRationale: 'Members were split on wording.' }, column: null },
    { name: 'does not fire when no poll was used', fields: { pollUsed: false }, column: null },
  ])('$name', ({ fields, column }) => {
    expectCallRule(consensusPollWithoutRationale, fields, column);
  });
});

describe('consensus.chair-report-missing', () => {
  const noConsensus = { designation: 'No Consensus' as const, paper: 'PP-0004' };
  it.each([
    { name: 'fires when No Consensus has no Chair\'s Report', fields: noConsensus, reports: [], column: 'Designation' },
    { name: 'does not fire when a Chair\'s Report is related to the call', fields: noConsensus, reports: [deliverable({ type: "Chair's Report", related: 'CC-0002' })], column: null },
    { name: 'does not fire when a Chair\'s Report is related to the call\'s paper', fields: noConsensus, reports: [deliverable({ type: "Chair's Report", related: 'PP-0004' })], column: null },
    { name: 'fires when only a Final Chair\'s Report is related', fields: noConsensus, reports: [deliverable({ type: "Final Chair's Report", related: 'CC-0002' })], column: 'Designation' },
    { name: 'fires when the Chair\'s Report is about another call', fields: noConsensus, reports: [deliverable({ type: "Chair's Report", related: 'CC-0009' })], column: 'Designation' },
    { name: 'does not fire when consensus was reached', fields: { designation: 'Consensus' as const }, reports: [], column: null },
  ])('$name', ({ fields, reports, column }) => {
    expectCallRule(consensusChairReportMissing, fields, column, { Deliverables: reports });
  });
});
