// Excel's date serials as Excel shows them: 1900-01-01 is serial 1, 60 is a 1900-02-29 that never was, the 1904 system.
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseIsoDate, serialToIsoDate } from '../../functions/core/dates.js';

describe('excelSerialToDate', () => {
  it.each([
    [1, '1900-01-01'], [1.75, '1900-01-01'], [31, '1900-01-31'], [59, '1900-02-28'], [60, '1900-02-29'], [61, '1900-03-01'],
    [43169, '2018-03-10'], [43169.99999999999, '2018-03-11'], [2_958_465, '9999-12-31'],
  ])('gives serial %s of the 1900 date system as %s', (serial, expected) => {
    expect(excelSerialToDate(serial)).toBe(expected);
  });

  it.each([[0], [0.5], [-1], [2_958_466], [Number.NaN], [Number.POSITIVE_INFINITY]])('gives no date for serial %s (a bare time or out of range)', (serial) => {
    expect(excelSerialToDate(serial)).toBeNull();
  });

  it('gives serials of the 1904 date system from 1904-01-01, with no missing day', () => {
    expect([0, 1, 41_707].map((serial) => excelSerialToDate(serial, true))).toEqual(['1904-01-01', '1904-01-02', '2018-03-10']);
  });

  it('gives for serial 60 a text that is no date, so a date column refuses it', () => {
    expect(parseIsoDate(excelSerialToDate(60)!)).toBeNull();
  });

  it('agrees with Google Sheets serials from 1900-03-01 on, where Sheets has no 1900-02-29', () => {
    for (const serial of [61, 100, 43_169, 50_000]) expect(excelSerialToDate(serial)).toBe(serialToIsoDate(serial));
    expect([1, 59, 60].map(serialToIsoDate)).toEqual(['1899-12-31', '1900-02-27', '1900-02-28']);
  });
});
