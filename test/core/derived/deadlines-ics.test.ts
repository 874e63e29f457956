// Tests of the iCalendar rendering of deadlines: structure, all-day events, UIDs, escaping, folding and CRLF.
import { describe, expect, it } from 'vitest';
import { deadlinesToIcs, escapeText, eventUid, foldLine, revisionAt } from '../../../functions/core/derived/deadlines-ics.js';
import type { Deadline } from '../../../functions/core/derived/deadlines.js';

const OPTIONS = { calendarName: 'CCEG IG deadlines', generatedAt: '2018-06-01T06:30:00Z' };

function deadline(fields: Partial<Deadline> = {}): Deadline {
  return { date: '2018-06-11', kind: 'update-report', what: 'IG Update Report for ICANN62', forWhom: 'Co-Chairs', tab: 'Meetings',
    id: 'ICANN62', key: 'update-report-ICANN62', done: false, overdue: false, ...fields };
}

/** The logical content lines: CRLF split, continuation lines (leading space) joined back. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter((line) => line !== '');
}

describe('deadlinesToIcs', () => {
  it('writes a calendar with its version, product, scale and name', () => {
    const lines = contentLines(deadlinesToIcs([], OPTIONS));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toEqual(expect.arrayContaining(['VERSION:2.0', 'CALSCALE:GREGORIAN', 'X-WR-CALNAME:CCEG IG deadlines']));
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('writes one all-day event per deadline not done, ending the next day', () => {
    const lines = contentLines(deadlinesToIcs([deadline(), deadline({ key: 'x', done: true })], OPTIONS));
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toEqual(expect.arrayContaining([
      'UID:update-report-ICANN62@cceg-ig', 'DTSTAMP:20180601T063000Z', 'SEQUENCE:0',
      'DTSTART;VALUE=DATE:20180611', 'DTEND;VALUE=DATE:20180612', 'SUMMARY:IG Update Report for ICANN62',
    ]));
  });

  it.each([
    { name: 'a month', date: '2018-06-30', end: '20180701' },
    { name: 'a year', date: '2018-12-31', end: '20190101' },
  ])('ends an event on the last day of $name on the next day', ({ date, end }) => {
    expect(contentLines(deadlinesToIcs([deadline({ date })], OPTIONS))).toContain(`DTEND;VALUE=DATE:${end}`);
  });

  it('keeps the UID stable across runs on different days', () => {
    const uid = (generatedAt: string) => contentLines(deadlinesToIcs([deadline()], { ...OPTIONS, generatedAt })).find((line) => line.startsWith('UID:'));
    expect(uid('2018-06-01T00:00:00Z')).toBe(uid('2018-06-05T12:00:00Z'));
  });

  it('gives a deadline whose date moved the same UID', () => {
    expect(eventUid(deadline({ date: '2018-06-11' }))).toBe(eventUid(deadline({ date: '2018-06-20' })));
    expect(eventUid(deadline({ key: 'endorsement-decision-PP-0006-GAC' }))).toBe('endorsement-decision-PP-0006-GAC@cceg-ig');
    expect(eventUid(deadline({ key: 'workplan-due-W 1/2' }))).toBe('workplan-due-W_1_2@cceg-ig');
  });

  it('writes each event\'s SEQUENCE and LAST-MODIFIED when revisions are given, and SEQUENCE:0 alone without', () => {
    const revised = contentLines(deadlinesToIcs([deadline()], { ...OPTIONS, revisionOf: () => revisionAt('2018-05-30T10:15:00.123Z') }));
    const plain = contentLines(deadlinesToIcs([deadline()], OPTIONS));
    expect(revised).toEqual(expect.arrayContaining([`SEQUENCE:${revisionAt('2018-05-30T10:15:00.123Z').sequence}`, 'LAST-MODIFIED:20180530T101500Z']));
    expect(plain).toContain('SEQUENCE:0');
    expect(plain.some((line) => line.startsWith('LAST-MODIFIED:'))).toBe(false);
  });

  it('leaves out a met deadline, so that a subscribed calendar drops its event', () => {
    expect(deadlinesToIcs([deadline({ done: true })], OPTIONS)).not.toContain('BEGIN:VEVENT');
  });

  it('escapes the summary and description', () => {
    const lines = contentLines(deadlinesToIcs([deadline({ what: 'Paper "A, B; C"', forWhom: 'GNSO\\ALAC' })], OPTIONS));
    expect(lines).toContain('SUMMARY:Paper "A\\, B\\; C"');
    expect(lines).toContain('DESCRIPTION:For: GNSO\\\\ALAC\\nSource: Meetings ICANN62');
  });

  it('notes an overdue deadline in the description', () => {
    const lines = contentLines(deadlinesToIcs([deadline({ overdue: true })], OPTIONS));
    expect(lines.find((line) => line.startsWith('DESCRIPTION:'))).toContain('Overdue.');
  });

  it('ends every line with CRLF and has no bare line feed', () => {
    const ics = deadlinesToIcs([deadline({ what: 'Two\nlines' })], OPTIONS);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds long lines so that none is longer than 75 octets, without losing text', () => {
    const what = `Réponse à la consultation « ${'gouvernance de l’Internet '.repeat(8)}» 🌐 done`;
    const ics = deadlinesToIcs([deadline({ what })], OPTIONS);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(contentLines(ics)).toContain(`SUMMARY:${what}`);
  });

  it.each([
    { name: 'the turn of the century', at: '2000-01-01T00:00:00Z', sequence: 0 },
    { name: 'a second later', at: '2000-01-01T00:00:01.999Z', sequence: 1 },
    { name: 'a commit in 2018', at: '2018-06-01T00:00:00Z', sequence: 581_126_400 },
    { name: 'a commit before 2000', at: '1999-12-31T23:59:59Z', sequence: 0 },
  ])('counts the SEQUENCE of $name in seconds since 2000', ({ at, sequence }) => {
    expect(revisionAt(at)).toEqual({ sequence, lastModified: at });
  });

  it('keeps the SEQUENCE below 2^31 for decades and rising with the commit time', () => {
    expect(revisionAt('2060-01-01T00:00:00Z').sequence).toBeLessThan(2 ** 31);
    expect(revisionAt('2018-06-01T00:00:01Z').sequence).toBeGreaterThan(revisionAt('2018-06-01T00:00:00Z').sequence);
  });

  it('refuses a commit time that is not a timestamp', () => {
    expect(() => revisionAt('later')).toThrow(/committedAt/);
  });

  it('refuses a generatedAt that is not a timestamp', () => {
    expect(() => deadlinesToIcs([], { ...OPTIONS, generatedAt: 'yesterday' })).toThrow(/generatedAt/);
  });
});

describe('escapeText', () => {
  it.each([
    { input: 'a\\b', output: 'a\\\\b' },
    { input: 'a;b', output: 'a\\;b' },
    { input: 'a,b', output: 'a\\,b' },
    { input: 'a\nb', output: 'a\\nb' },
    { input: 'a\r\nb', output: 'a\\nb' },
    { input: 'a:b "c"', output: 'a:b "c"' },
  ])('escapes $input as $output', ({ input, output }) => {
    expect(escapeText(input)).toBe(output);
  });
});

describe('foldLine', () => {
  it.each([
    { name: 'leaves a line of exactly 75 octets whole', line: 'x'.repeat(75), parts: 1 },
    { name: 'folds a line of 76 octets in two', line: 'x'.repeat(76), parts: 2 },
    { name: 'never splits a multi-byte character', line: 'é'.repeat(60), parts: 2 },
  ])('$name', ({ line, parts }) => {
    const folded = foldLine(line).split('\r\n');
    expect(folded).toHaveLength(parts);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});
