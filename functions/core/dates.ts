// Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, in UTC, with no clock of its own.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Day 0 of spreadsheet serial dates (Google Sheets and Excel since 1900-03-01). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 0000-01-01 and 10000-01-01: between them `toIsoDate` computes the date itself. */
const FIRST_FOUR_DIGIT_YEAR_MS = -62_167_219_200_000;
const AFTER_LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_800_000;

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** Returns the ISO date when `text` is a real calendar date written `YYYY-MM-DD`, else null. */
export function parseIsoDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  const match = ISO_DATE.exec(trimmed);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years 0-99 are refused: Date.UTC, which this once relied on, reads them as 1900-1999.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return trimmed;
}

/** Formats a UTC timestamp (ms) as its calendar date. */
export function toIsoDate(ms: number): IsoDate {
  if (!(ms >= FIRST_FOUR_DIGIT_YEAR_MS && ms < AFTER_LAST_FOUR_DIGIT_YEAR_MS)) return new Date(ms).toISOString().slice(0, 10);
  // The civil date of a day number (Howard Hinnant's days_from_civil inverted), without a Date: validation reads many.
  // A Date drops the fraction of a millisecond toward zero.
  const days = Math.floor(Math.trunc(ms) / DAY_MS) + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The ISO date `days` days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate((dayNumber(date) + days) * DAY_MS);
}

/** The ISO date `months` calendar months after `date`, clamped to the month's last day (2017-01-31 + 1 = 2017-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return toIsoDate(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date of a spreadsheet serial number (whole days since 1899-12-30; the time of day is dropped). */
export function serialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  return toIsoDate(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/** Excel's serial for 1900-02-29, a day that never was: Lotus 1-2-3 counted 1900 as a leap year, and Excel kept its numbers. */
const EXCEL_LEAP_BUG_SERIAL = 60;
/** Days between Excel's 1900 and 1904 date systems (serial 0 of the 1904 system is 1904-01-01, serial 1,462 of the 1900 one). */
const EXCEL_1904_OFFSET = 1_462;
/** 9999-12-31, the last day Excel can show. */
const EXCEL_LAST_SERIAL = 2_958_465;

/**
 * The date Excel shows for a serial date-time of a workbook (the time of day is dropped), as `YYYY-MM-DD`; null for a
 * bare time (below 1) or past 9999-12-31. In the 1900 system serial 1 is 1900-01-01 and 59 is 1900-02-28; Excel
 * counts a 1900-02-29 as 60, and that text is what this gives for it (so `parseIsoDate` refuses it and a date column
 * reports it as `cell.invalid-date`); from 61 (1900-03-01) on, serials count days from 1899-12-30, as Google Sheets'
 * do (`serialToIsoDate`). The serial is rounded to the millisecond first, as exceljs does, so 43169.99999999999 is the
 * next day. With `date1904`, serial 0 is 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const ms = Math.round((serial + (date1904 ? EXCEL_1904_OFFSET : 0)) * DAY_MS);
  const day = Math.floor(ms / DAY_MS);
  if (day < 1 || day > EXCEL_LAST_SERIAL) return null;
  if (day === EXCEL_LEAP_BUG_SERIAL) return '1900-02-29';
  return toIsoDate(SERIAL_EPOCH_MS + ms + (day < EXCEL_LEAP_BUG_SERIAL ? DAY_MS : 0));
}

/** The spreadsheet serial number of an ISO date. */
export function isoDateToSerial(date: IsoDate): number {
  return (Date.parse(`${date}T00:00:00Z`) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
