// Tests of the issue rules (§2, §3 Deliverables): table-driven, each with a firing case, a quiet case and the boundary day.
import { describe, expect, it } from 'vitest';
import { issueRelevanceMissing, issueResponseOverdue, issueRules } from '../../../functions/core/rules/issues.js';
import { contextOf, deliverable, issue } from '../../support/group-builder.js';

const TODAY = '2018-06-01';

describe('issue.relevance-missing', () => {
  it.each([
    { name: 'fires for an issue with no relevance', relevance: null, fires: true },
    { name: 'is quiet when the relevance is stated', relevance: 'Touches the root zone.', fires: false },
  ])('$name', ({ relevance, fires }) => {
    const row = issue({ id: 'I-0004', relevance });
    const hits = issueRelevanceMissing.check(contextOf({ Issues: [row] }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Issues', row: row.sheetRow, id: 'I-0004', column: 'Relevance' })] : []);
  });
});

describe('issue.response-overdue', () => {
  const consultation = (fields: Parameters<typeof issue>[0] = {}) => issue({ id: 'I-0002', kind: 'Consultation', title: 'WSIS+20', ...fields });
  it.each([
    { name: 'fires for a consultation due yesterday with no response', fields: { responseDue: '2018-05-31' }, deliverables: [], fires: true },
    { name: 'is quiet on the response due date itself', fields: { responseDue: TODAY }, deliverables: [], fires: false },
    { name: 'is quiet without a response due date', fields: { responseDue: null }, deliverables: [], fires: false },
    { name: 'ignores issues that are not consultations', fields: { kind: 'Forum', responseDue: '2018-05-01' }, deliverables: [], fires: false },
    {
      name: 'is quiet when an ad hoc communication responds to it', fields: { responseDue: '2018-05-01' },
      deliverables: [deliverable({ type: 'Ad Hoc Communication', related: 'I-0002' })], fires: false,
    },
    {
      name: 'is quiet when a position paper responds to it', fields: { responseDue: '2018-05-01' },
      deliverables: [deliverable({ type: 'Position Paper', related: ' I-0002 ' })], fires: false,
    },
    {
      name: 'fires when the response names another issue', fields: { responseDue: '2018-05-01' },
      deliverables: [deliverable({ type: 'Ad Hoc Communication', related: 'I-0003' })], fires: true,
    },
    {
      name: 'does not count other deliverable types', fields: { responseDue: '2018-05-01' },
      deliverables: [deliverable({ type: 'Issues List', related: 'I-0002' })], fires: true,
    },
  ] as const)('$name', ({ fields, deliverables, fires }) => {
    const row = consultation(fields);
    const hits = issueResponseOverdue.check(contextOf({ Issues: [row], Deliverables: [...deliverables] }, TODAY));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Issues', row: row.sheetRow, id: 'I-0002', column: 'Response Due' })] : []);
  });

  it('names the consultation and its due date', () => {
    const [hit] = issueResponseOverdue.check(contextOf({ Issues: [consultation({ responseDue: '2018-05-31' })] }, TODAY));
    expect(hit?.message).toContain('WSIS+20');
    expect(hit?.message).toContain('2018-05-31');
  });

  it('ends with the Deliverables row that records the response', () => {
    const [hit] = issueResponseOverdue.check(contextOf({ Issues: [consultation({ responseDue: '2018-05-31' })] }, TODAY));
    expect(hit?.message).toMatch(/ To record it, add a Deliverables row: Type Ad Hoc Communication \(or Position Paper\), Related I-0002, Delivered On\.$/);
  });
});

describe('issueRules', () => {
  it('lists the rules in catalogue order', () => {
    expect(issueRules.map((rule) => rule.id)).toEqual(['issue.relevance-missing', 'issue.response-overdue']);
  });
});
