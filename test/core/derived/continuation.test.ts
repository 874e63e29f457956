// Tests of the continuation status of the latest review year (§7).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { continuationOf } from '../../../functions/core/derived/continuation.js';
import { contextOf, org, review } from '../../support/group-builder.js';

const organizations = () => [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO', participating: false })];
const rowsOf = (reviews: ReturnType<typeof review>[]) => contextOf({ Organizations: organizations(), Reviews: reviews }).rows;

describe('continuationOf', () => {
  it('presumes every participating organization continues when no review is recorded', () => {
    expect(continuationOf(rowsOf([]), DEFAULT_CONFIG)).toEqual({
      year: null, continuing: ['GNSO', 'ALAC'], withdrawn: [], continues: true, minimum: 2,
    });
  });

  it.each([
    { name: 'continues with exactly the minimum when nobody withdraws', withdraw: [], continuing: ['GNSO', 'ALAC'], continues: true },
    { name: 'does not continue when one of two participating organizations withdraws', withdraw: ['ALAC'], continuing: ['GNSO'], continues: false },
  ])('$name', ({ withdraw, continuing, continues }) => {
    const reviews = [review({ organization: 'GNSO', decision: 'Extend' }), ...withdraw.map((code) => review({ organization: code, decision: 'Withdraw' }))];
    expect(continuationOf(rowsOf(reviews), DEFAULT_CONFIG)).toMatchObject({ year: 2018, continuing, withdrawn: withdraw, continues });
  });

  it('uses the latest Year and ignores decisions of earlier years', () => {
    const reviews = [review({ year: 2019, organization: 'GNSO' }), review({ year: 2018, organization: 'ALAC', decision: 'Withdraw' })];
    expect(continuationOf(rowsOf(reviews), DEFAULT_CONFIG)).toMatchObject({ year: 2019, continuing: ['GNSO', 'ALAC'], withdrawn: [] });
  });

  it('lists a withdrawal by an organization no longer participating, without counting it as continuing', () => {
    const reviews = [review({ organization: 'ccNSO', decision: 'Withdraw' })];
    expect(continuationOf(rowsOf(reviews), DEFAULT_CONFIG)).toMatchObject({ continuing: ['GNSO', 'ALAC'], withdrawn: ['ccNSO'], continues: true });
  });

  it.each([
    { name: 'takes the later Review Date when an organization has two rows in a year', dates: ['2018-10-25', '2018-10-26'], withdrawn: ['ALAC'] },
    { name: 'takes the lower row when two rows share the Review Date', dates: ['2018-10-25', '2018-10-25'], withdrawn: ['ALAC'] },
    { name: 'keeps the later decision even when it sits higher in the sheet', dates: ['2018-10-26', '2018-10-25'], withdrawn: [] },
  ])('$name', ({ dates, withdrawn }) => {
    const [extend, withdraw] = dates as [string, string];
    const reviews = [review({ organization: 'ALAC', decision: 'Extend', reviewDate: extend }), review({ organization: 'ALAC', decision: 'Withdraw', reviewDate: withdraw })];
    expect(continuationOf(rowsOf(reviews), DEFAULT_CONFIG).withdrawn).toEqual(withdrawn);
  });

  it('follows the configured minimum', () => {
    const config = { ...DEFAULT_CONFIG, continuation: { minOrganizations: 3 } };
    expect(continuationOf(rowsOf([review()]), config)).toMatchObject({ continues: false, minimum: 3 });
  });
});
