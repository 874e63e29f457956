// Tests of the §4 paper rules: consultation, consensus at adoption, release and circulation deadlines, outcomes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { addDays } from '../../../functions/core/dates.js';
import {
  paperAdoptedBeforeConsultationClosed, paperAdoptedWithoutConsensus, paperCirculationLate, paperCommentsNotReviewed,
  paperMinorityViewMissing, paperOutcomeRequiresDissent, paperPublishedWithoutAllEndorsements, paperReleaseLate, paperRules,
  paperSupplementalWithoutOriginal,
} from '../../../functions/core/rules/papers.js';
import { contextOf, endorsement, org, paper } from '../../support/group-builder.js';

type PaperFields = Parameters<typeof paper>[0];

/** Checks a Papers-only rule against one paper: no hit, or one hit on that paper's row and the given column. */
function expectPaperRule(rule: typeof paperReleaseLate, fields: PaperFields, column: string | null, today?: string) {
  const subject = paper({ id: 'PP-0007', title: 'Digital Cooperation', ...fields });
  const hits = rule.check(contextOf({ Papers: [subject] }, today));
  if (column === null) expect(hits).toEqual([]);
  else expect(hits).toEqual([expect.objectContaining({ tab: 'Papers', row: subject.sheetRow, id: 'PP-0007', column })]);
  return hits;
}

describe('paperRules', () => {
  it('lists the nine paper rules in catalogue order', () => {
    expect(paperRules.map((rule) => rule.id)).toEqual([
      'paper.adopted-before-consultation-closed', 'paper.comments-not-reviewed', 'paper.adopted-without-consensus',
      'paper.minority-view-missing', 'paper.release-late', 'paper.circulation-late',
      'paper.published-without-all-endorsements', 'paper.outcome-requires-dissent', 'paper.supplemental-without-original',
    ]);
  });
});

describe('paper.adopted-before-consultation-closed', () => {
  it.each([
    { name: 'fires when the paper is adopted the day before the consultation closes', fields: { adoptedOn: '2018-03-01', consultationCloses: '2018-03-02' }, column: 'Adopted On' },
    { name: 'does not fire when the paper is adopted on the closing day', fields: { adoptedOn: '2018-03-02', consultationCloses: '2018-03-02' }, column: null },
    { name: 'does not fire when the paper had no consultation', fields: { adoptedOn: '2018-03-01' }, column: null },
    { name: 'does not fire before adoption', fields: { consultationCloses: '2018-03-02' }, column: null },
  ])('$name', ({ fields, column }) => {
    expectPaperRule(paperAdoptedBeforeConsultationClosed, fields, column);
  });
});

describe('paper.comments-not-reviewed', () => {
  it.each([
    { name: 'fires when an adopted paper\'s consultation comments are not reviewed', fields: { adoptedOn: '2018-03-10', consultationCloses: '2018-03-01' }, column: 'Comments Reviewed' },
    { name: 'does not fire when the comments are reviewed', fields: { adoptedOn: '2018-03-10', consultationCloses: '2018-03-01', commentsReviewed: true }, column: null },
    { name: 'does not fire when the paper had no consultation', fields: { adoptedOn: '2018-03-10' }, column: null },
    { name: 'does not fire before adoption', fields: { consultationCloses: '2018-03-01' }, column: null },
  ])('$name', ({ fields, column }) => {
    expectPaperRule(paperCommentsNotReviewed, fields, column);
  });
});

describe('paper.adopted-without-consensus', () => {
  it.each([
    { name: 'fires when an adopted paper has no designation', fields: { adoptedOn: '2018-03-10' }, column: 'Designation' },
    { name: 'fires when an adopted paper has No Consensus', fields: { adoptedOn: '2018-03-10', designation: 'No Consensus' as const }, column: 'Designation' },
    { name: 'does not fire for a paper adopted by Consensus', fields: { adoptedOn: '2018-03-10', designation: 'Consensus' as const }, column: null },
    { name: 'does not fire for a paper adopted by Full Consensus', fields: { adoptedOn: '2018-03-10', designation: 'Full Consensus' as const }, column: null },
    { name: 'does not fire before adoption', fields: {}, column: null },
  ])('$name', ({ fields, column }) => {
    expectPaperRule(paperAdoptedWithoutConsensus, fields, column);
  });
});

describe('paper.minority-view-missing', () => {
  it.each([
    { name: 'fires when a Consensus paper does not include its minority views', fields: { designation: 'Consensus' as const }, column: 'Minority Views Included' },
    { name: 'does not fire when the minority views are included', fields: { designation: 'Consensus' as const, minorityViewsIncluded: true }, column: null },
    { name: 'does not fire for Full Consensus, where no minority disagrees', fields: { designation: 'Full Consensus' as const }, column: null },
  ])('$name', ({ fields, column }) => {
    expectPaperRule(paperMinorityViewMissing, fields, column);
  });
});

describe.each([
  { rule: paperReleaseLate, field: 'releasedOn' as const, column: 'Released On' },
  { rule: paperCirculationLate, field: 'circulatedOn' as const, column: 'Circulated On' },
])('$rule.id', ({ rule, field, column }) => {
  const adoptedOn = '2018-03-01';
  it.each([
    { name: 'does not fire when done exactly 7 days after adoption', done: '2018-03-08', today: '2018-06-01', fires: false },
    { name: 'fires when done 8 days after adoption', done: '2018-03-09', today: '2018-06-01', fires: true },
    { name: 'does not fire when not done yet and today is exactly 7 days after adoption', done: null, today: '2018-03-08', fires: false },
    { name: 'fires when not done yet and today is 8 days after adoption', done: null, today: '2018-03-09', fires: true },
    { name: 'does not fire when done on the day of adoption', done: adoptedOn, today: '2018-06-01', fires: false },
  ])('$name', ({ done, today, fires }) => {
    const hits = expectPaperRule(rule, { adoptedOn, [field]: done }, fires ? column : null, today);
    if (fires) expect(hits[0]?.message).toContain('2018-03-08');
  });

  it('does not fire for a paper that is not adopted', () => {
    expectPaperRule(rule, {}, null, '2019-01-01');
  });

  it('uses the configured number of days', () => {
    const config = { ...DEFAULT_CONFIG, papers: { circulationDays: 10 } };
    const subject = paper({ adoptedOn, [field]: addDays(adoptedOn, 10) });
    expect(rule.check(contextOf({ Papers: [subject] }, '2018-06-01', config))).toEqual([]);
  });
});

describe('paper.published-without-all-endorsements', () => {
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO', participating: false })];
  const published = paper({ id: 'PP-0001', outcome: 'Published' });

  it.each([
    { name: 'fires when a participating organization has not decided', decisions: [endorsement({ organization: 'GNSO' })], fires: true },
    { name: 'fires when a participating organization does not support it', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC', decision: 'Not Support' })], fires: true },
    { name: 'fires when a participating organization\'s row still says Pending', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC', decision: 'Pending' })], fires: true },
    { name: 'does not fire when every participating organization endorses or supports it', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC', decision: 'Support' })], fires: false },
    { name: 'ignores the decision of an organization that does not participate', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC' }), endorsement({ organization: 'ccNSO', decision: 'Not Support' })], fires: false },
    { name: 'counts only the first row of an organization', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC' }), endorsement({ organization: 'ALAC', decision: 'Not Support' })], fires: false },
  ])('$name', ({ decisions, fires }) => {
    const hits = paperPublishedWithoutAllEndorsements.check(contextOf({ Organizations: organizations, Papers: [published], Endorsements: decisions }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Papers', row: published.sheetRow, id: 'PP-0001', column: 'Outcome' })] : []);
    if (fires) expect(hits[0]?.message).toContain('ALAC (');
  });

  it('does not fire for a paper whose outcome is still Pending', () => {
    const pending = paper({ id: 'PP-0001' });
    expect(paperPublishedWithoutAllEndorsements.check(contextOf({ Organizations: organizations, Papers: [pending] }))).toEqual([]);
  });

  it('names the first five organizations and counts the rest', () => {
    const many = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map((code) => org({ code }));
    const [hit] = paperPublishedWithoutAllEndorsements.check(contextOf({ Organizations: many, Papers: [published] }));
    expect(hit?.message).toContain('A1 (Pending), A2 (Pending), A3 (Pending), A4 (Pending), A5 (Pending) and 2 more');
  });
});

describe('paper.outcome-requires-dissent', () => {
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO', participating: false })];
  it.each([
    { name: 'fires when a paper is Refrained though everyone endorsed it', outcome: 'Refrained' as const, decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC' })], fires: true },
    { name: 'fires when a paper is Published With Dissent with no decisions at all', outcome: 'Published With Dissent' as const, decisions: [], fires: true },
    { name: 'fires when only a non-participating organization dissents', outcome: 'Supplemental Submitted' as const, decisions: [endorsement({ organization: 'ccNSO', decision: 'Not Support' })], fires: true },
    { name: 'does not fire when a participating organization decided Not Support', outcome: 'Published With Dissent' as const, decisions: [endorsement({ organization: 'ALAC', decision: 'Not Support' })], fires: false },
    { name: 'does not fire for a Published paper', outcome: 'Published' as const, decisions: [], fires: false },
  ])('$name', ({ outcome, decisions, fires }) => {
    const subject = paper({ id: 'PP-0001', outcome });
    const hits = paperOutcomeRequiresDissent.check(contextOf({ Organizations: organizations, Papers: [subject], Endorsements: decisions }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Papers', row: subject.sheetRow, id: 'PP-0001', column: 'Outcome' })] : []);
  });
});

describe('paper.supplemental-without-original', () => {
  it.each([
    { name: 'fires when a Supplemental paper supersedes nothing', fields: { kind: 'Supplemental' as const }, column: 'Supersedes' },
    { name: 'does not fire when the Supplemental paper names the paper it supersedes', fields: { kind: 'Supplemental' as const, supersedes: 'PP-0001' }, column: null },
    { name: 'does not fire for a Position Paper', fields: { kind: 'Position Paper' as const }, column: null },
  ])('$name', ({ fields, column }) => {
    expectPaperRule(paperSupplementalWithoutOriginal, fields, column);
  });
});
