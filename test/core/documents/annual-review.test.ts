// Tests of the §7 part of the Annual Report: amendments with their state, the review decisions and continuation.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { amendmentsSection, annualReviewSection } from '../../../functions/core/documents/annual-review.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { amendment, org, review } from '../../support/group-builder.js';

const organizations = ['ALAC', 'GNSO', 'GAC'].map((code) => org({ code }));
const rowsWith = (rows: Partial<GroupRows>): GroupRows => ({ ...emptyGroupRows(), Organizations: organizations, ...rows });
const same = (text: string) => text;

describe('amendmentsSection', () => {
  it.each([
    [amendment({ state: 'Proposed', proposedOn: '2018-09-19', adoptedBy: ['ALAC'] }),
      '<strong>Proposed</strong> <em>(proposed on 2018-09-19; adopted by 1 of 3 participating organizations (ALAC); awaiting GNSO, GAC)</em>'],
    [amendment({ state: 'Effective', adoptedBy: ['ALAC', 'GNSO', 'GAC'], publishedOn: '2018-12-01' }),
      '<strong>Effective</strong> <em>(adopted by 3 of 3 participating organizations (ALAC, GNSO, GAC); published on 2018-12-01)</em>'],
    [amendment({ state: 'Withdrawn' }), '<strong>Withdrawn</strong> <em>(adopted by 0 of 3 participating organizations)</em>'],
  ])('states where an amendment stands (%#)', (row, state) => {
    expect(amendmentsSection(rowsWith({ Amendments: [row] }), same).text).toContain(state);
  });

  it('says so when no amendment has been proposed', () => {
    expect(amendmentsSection(rowsWith({}), same).text).toContain('No amendment of the charter has been proposed.');
  });
});

describe('annualReviewSection', () => {
  it('gives each organization\'s latest decision of the year, presumes the silent ones continue, and says the CCEG continues', () => {
    const text = annualReviewSection(rowsWith({ Reviews: [
      review({ id: 'R-1', organization: 'ALAC', notifiedOn: '2018-10-29' }),
      review({ id: 'R-2', organization: 'GNSO', decision: 'Extend' }),
      review({ id: 'R-3', organization: 'GNSO', decision: 'Withdraw', reviewDate: '2018-10-26' }),
      review({ id: 'R-4', organization: 'GAC', decision: 'Withdraw', year: 2017 }),
    ] }), 2018, DEFAULT_CONFIG).text;
    expect(text).toContain('to be notified to the other organizations by 2018-11-26');
    expect(text).toContain('<strong>ALAC</strong>: <strong>Extend</strong> <em>(reviewed 2018-10-25, notified 2018-10-29)</em>');
    expect(text).toContain('<strong>GNSO</strong>: <strong>Withdraw</strong> <em>(reviewed 2018-10-26, not yet notified)</em>');
    expect(text).toContain('<strong>GAC</strong>: <em>no notification: presumed to continue (§7)</em>');
    expect(text).toContain('<strong>The CCEG continues in 2019</strong> with 2 participating organizations (ALAC, GAC); at least 2 must extend its mandate. GNSO withdrew.');
  });

  it('says the CCEG does not continue when fewer than continuation.minOrganizations do', () => {
    const reviews = ['ALAC', 'GNSO'].map((organization, n) => review({ id: `R-${n}`, organization, decision: 'Withdraw' }));
    const text = annualReviewSection(rowsWith({ Reviews: reviews }), 2018, DEFAULT_CONFIG).text;
    expect(text).toContain('<strong>The CCEG does not continue in 2019</strong>: 1 participating organization continues (GAC), fewer than the 2 required.');
  });

  it('says no decision is recorded yet for a year with no review', () => {
    const text = annualReviewSection(rowsWith({}), 2018, DEFAULT_CONFIG).text;
    expect(text).toContain('No decision of the 2018 annual review is recorded yet');
    expect(text).toContain('<strong>The CCEG continues in 2019</strong> with 3 participating organizations');
  });
});
