// Tests of the annual review rules (§7): notification within a month, and the mandate extended by enough organizations.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { reviewLateNotification, reviewMandateNotExtended, reviewRules } from '../../../functions/core/rules/reviews.js';
import { contextOf, org, review } from '../../support/group-builder.js';

describe('reviewRules', () => {
  it('lists the review rules in catalogue order', () => {
    expect(reviewRules.map((rule) => rule.id)).toEqual(['review.late-notification', 'review.mandate-not-extended']);
  });
});

describe('review.late-notification', () => {
  it.each([
    { name: 'fires one day after a month has passed', reviewDate: '2018-10-25', notifiedOn: '2018-11-26', noticeMonths: 1, fires: true },
    { name: 'does not fire at exactly one month', reviewDate: '2018-10-25', notifiedOn: '2018-11-25', noticeMonths: 1, fires: false },
    { name: 'uses the last day of a shorter month', reviewDate: '2018-01-31', notifiedOn: '2018-03-01', noticeMonths: 1, fires: true },
    { name: 'does not fire when no notification is recorded', reviewDate: '2018-10-25', notifiedOn: null, noticeMonths: 1, fires: false },
    { name: 'follows the configured notice period', reviewDate: '2018-10-25', notifiedOn: '2018-12-20', noticeMonths: 2, fires: false },
  ])('$name', ({ reviewDate, notifiedOn, noticeMonths, fires }) => {
    const row = review({ reviewDate, notifiedOn });
    const config = { ...DEFAULT_CONFIG, review: { noticeMonths } };
    const hits = reviewLateNotification.check(contextOf({ Reviews: [row] }, '2018-12-31', config));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Reviews', row: row.sheetRow, id: 'R-0001', column: 'Notified On' })] : []);
  });
});

describe('review.mandate-not-extended', () => {
  const organizations = () => [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO' })];

  it.each([
    { name: 'fires when only one of three organizations continues', withdraw: ['GNSO', 'ALAC'], fires: true },
    { name: 'does not fire when exactly two continue', withdraw: ['GNSO'], fires: false },
    { name: 'does not fire when nobody withdraws (silence presumes continued involvement)', withdraw: [], fires: false },
  ])('$name', ({ withdraw, fires }) => {
    const reviews = withdraw.map((code, i) => review({ id: `R-${i}`, organization: code, decision: 'Withdraw' }));
    const hits = reviewMandateNotExtended.check(contextOf({ Organizations: organizations(), Reviews: reviews }));
    expect(hits).toEqual(fires ? [expect.objectContaining({ tab: 'Reviews', row: null, id: null, column: null })] : []);
  });

  it('does not fire when no review has been recorded', () => {
    expect(reviewMandateNotExtended.check(contextOf({ Organizations: [org({ code: 'GNSO' })] }))).toEqual([]);
  });

  it('looks only at the latest review year', () => {
    const reviews = [
      review({ id: 'R-1', year: 2018, organization: 'GNSO', decision: 'Withdraw' }),
      review({ id: 'R-2', year: 2018, organization: 'ALAC', decision: 'Withdraw' }),
      review({ id: 'R-3', year: 2019, organization: 'ccNSO', decision: 'Extend', reviewDate: '2019-10-25' }),
    ];
    expect(reviewMandateNotExtended.check(contextOf({ Organizations: organizations(), Reviews: reviews }))).toEqual([]);
  });

  it('names who continues and who withdrew', () => {
    const reviews = ['GNSO', 'ALAC'].map((code) => review({ organization: code, decision: 'Withdraw' }));
    const [hit] = reviewMandateNotExtended.check(contextOf({ Organizations: organizations(), Reviews: reviews }));
    expect(hit?.message).toBe(
      'After the 2018 review only 1 participating organization continues (ccNSO; withdrawn: GNSO, ALAC); the CCEG continues only if at least 2 do (the charter\'s number, §7).',
    );
  });
});
