// Tests of the paper tally (§4): decisions of every participating organization, counts, state and options, and its text form.
import { describe, expect, it } from 'vitest';
import { DISSENT_OPTIONS, tallyOf, tallyPaper } from '../../../functions/core/derived/tally.js';
import { formatTally, tallyStateText } from '../../../functions/core/derived/tally-text.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import type { Endorsement, Organization, Paper } from '../../../functions/core/model/tabs.js';
import { endorsement, org, paper } from '../../support/group-builder.js';

const organizations = [org({ code: 'GNSO', name: 'Generic Names Supporting Organization' }), org({ code: 'ALAC', name: 'At-Large Advisory Committee' }), org({ code: 'ccNSO', participating: false })];

/** PP-0001, adopted and circulated: decisions are awaited. */
function rowsOf(endorsements: Endorsement[], orgs: Organization[] = organizations, fields: Partial<Paper> = { adoptedOn: '2018-03-01', circulatedOn: '2018-03-05' }): GroupRows {
  return { ...emptyGroupRows(), Organizations: orgs, Papers: [paper({ id: 'PP-0001', title: 'Digital Cooperation', ...fields })], Endorsements: endorsements };
}

describe('tallyOf', () => {
  it.each([
    { name: 'may publish when every participating organization endorses or supports', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC', decision: 'Support' })], state: 'may publish', dissenters: [] },
    { name: 'awaits decisions while an organization has no row', decisions: [endorsement({ organization: 'GNSO' })], state: 'awaiting decisions', dissenters: [] },
    { name: 'awaits decisions while an organization\'s row says Pending', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC', decision: 'Pending' })], state: 'awaiting decisions', dissenters: [] },
    { name: 'is in dissent as soon as one organization does not support, even with others pending', decisions: [endorsement({ organization: 'ALAC', decision: 'Not Support', reasons: 'Scope.' })], state: 'dissent', dissenters: ['ALAC'] },
    { name: 'ignores a non-participating organization\'s dissent', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC' }), endorsement({ organization: 'ccNSO', decision: 'Not Support' })], state: 'may publish', dissenters: [] },
    { name: 'counts only the first row of an organization', decisions: [endorsement({ organization: 'GNSO' }), endorsement({ organization: 'ALAC' }), endorsement({ organization: 'ALAC', decision: 'Not Support' })], state: 'may publish', dissenters: [] },
  ])('$name', ({ decisions, state, dissenters }) => {
    const [tally] = tallyOf(rowsOf(decisions));
    expect(tally).toMatchObject({ paperId: 'PP-0001', title: 'Digital Cooperation', outcome: 'Pending', state, dissenters });
    expect(tally?.options).toEqual(state === 'dissent' ? [...DISSENT_OPTIONS] : []);
  });

  it.each([
    { name: 'not yet adopted while drafted', fields: {}, today: '2018-06-01', state: 'not yet adopted' },
    { name: 'consultation open from its opening through its closing day', fields: { consultationOpens: '2018-05-01', consultationCloses: '2018-06-01' }, today: '2018-06-01', state: 'consultation open' },
    { name: 'not yet adopted the day after its consultation closed', fields: { consultationOpens: '2018-05-01', consultationCloses: '2018-06-01' }, today: '2018-06-02', state: 'not yet adopted' },
    { name: 'not yet adopted before its consultation opens', fields: { consultationOpens: '2018-06-02', consultationCloses: '2018-06-30' }, today: '2018-06-01', state: 'not yet adopted' },
    { name: 'not yet circulated once adopted', fields: { adoptedOn: '2018-05-01' }, today: '2018-06-01', state: 'not yet circulated' },
    { name: 'decided once its Outcome is no longer Pending', fields: { adoptedOn: '2018-05-01', circulatedOn: '2018-05-02', outcome: 'Refrained' as const }, today: '2018-06-01', state: 'decided' },
  ])('says a paper is $name', ({ fields, today, state }) => {
    expect(tallyOf(rowsOf([endorsement({ organization: 'GNSO', decision: 'Pending' })], organizations, fields), today)[0]?.state).toBe(state);
  });

  it('never says consultation open without a day to check against', () => {
    expect(tallyOf(rowsOf([], organizations, { consultationCloses: '2999-01-01' }))[0]?.state).toBe('not yet adopted');
  });

  it('names the organizations awaited and since when', () => {
    const [tally] = tallyOf(rowsOf([endorsement({ organization: 'ALAC', decision: 'Support' })], [org({ code: 'GAC' }), org({ code: 'ALAC' }), org({ code: 'GNSO' })], { adoptedOn: '2018-09-26', circulatedOn: '2018-09-28' }));
    expect(tally).toMatchObject({ state: 'awaiting decisions', awaiting: ['GAC', 'GNSO'], circulatedOn: '2018-09-28' });
    expect(tally && tallyStateText(tally)).toBe('awaiting GAC, GNSO since 2018-09-28');
  });

  it('awaits decisions when no organization participates', () => {
    expect(tallyOf(rowsOf([], []))[0]).toMatchObject({ state: 'awaiting decisions', decisions: [], counts: { endorse: 0, support: 0, notSupport: 0, pending: 0 } });
  });

  it('lists every participating organization, Pending with empty details when it has no row, and counts each decision', () => {
    const [tally] = tallyOf(rowsOf([endorsement({ organization: 'GNSO', decision: 'Support', decidedOn: '2018-04-02', supportedParts: 'Sections 1-3' })]));
    expect(tally?.decisions).toEqual([
      { organization: 'GNSO', name: 'Generic Names Supporting Organization', decision: 'Support', decidedOn: '2018-04-02', reasons: null, supportedParts: 'Sections 1-3' },
      { organization: 'ALAC', name: 'At-Large Advisory Committee', decision: 'Pending', decidedOn: null, reasons: null, supportedParts: null },
    ]);
    expect(tally?.counts).toEqual({ endorse: 0, support: 1, notSupport: 0, pending: 1 });
  });

  it('words the three options as the charter does', () => {
    expect(DISSENT_OPTIONS[0]).toMatch(/^Reconsider, and submit a Supplemental Position Paper or Statement/);
    expect(DISSENT_OPTIONS[1]).toMatch(/fully supported, and which SO or AC dissents from the CCEG view$/);
    expect(DISSENT_OPTIONS[2]).toBe('Refrain from submitting the (Supplemental) Position Paper or Statement, and making it public');
  });

  it('leaves out a paper whose ID is not assigned yet', () => {
    const rows = { ...rowsOf([]), Papers: [paper({ id: null })] };
    expect(tallyOf(rows)).toEqual([]);
  });
});

describe('tallyPaper', () => {
  it('gives the same tally as tallyOf for one paper', () => {
    const rows = rowsOf([endorsement({ organization: 'GNSO' }), endorsement({ organization: 'GNSO', decision: 'Not Support' })]);
    expect(tallyPaper(rows, 'PP-0001')).toEqual(tallyOf(rows)[0]);
  });

  it('returns null for a paper that is not in the Papers tab', () => {
    expect(tallyPaper(rowsOf([]), 'PP-0099')).toBeNull();
  });
});

describe('formatTally', () => {
  it('prints each paper with its counts, one aligned line per organization and the options on dissent', () => {
    const text = formatTally(tallyOf(rowsOf([
      endorsement({ organization: 'GNSO', decidedOn: '2018-04-02' }),
      endorsement({ organization: 'ALAC', decision: 'Not Support', reasons: 'Scope too broad.' }),
    ])));
    expect(text.split('\n')).toEqual([
      'PP-0001 "Digital Cooperation" - outcome Pending - dissent',
      '  Endorse 1, Support 0, Not Support 1, Pending 0',
      '  GNSO  Endorse      2018-04-02',
      '  ALAC  Not Support  -           Reasons: Scope too broad.',
      '  Dissenting: ALAC. The CCEG may, through consensus, either:',
      ...DISSENT_OPTIONS.map((option) => `    - ${option}`),
      '',
    ]);
  });

  it('says so when there are no papers', () => {
    expect(formatTally([])).toBe('No papers to tally.\n');
  });
});
