// Renders the open deadlines as an RFC 5545 iCalendar file that calendar applications import.
import { addDays } from '../dates.js';
import { CcegError } from '../errors.js';
import type { Deadline } from './deadlines.js';

/** When a deadline's event last changed: a calendar client replaces its copy of an event whose SEQUENCE rose. */
export interface EventRevision {
  /** RFC 5545 SEQUENCE: never lower than any earlier revision of the same UID. */
  readonly sequence: number;
  /** ISO timestamp of the change (LAST-MODIFIED), or null when it is not known. */
  readonly lastModified: string | null;
}

/** How the calendar is named and when it was generated. */
export interface IcsOptions {
  readonly calendarName: string;
  /** ISO timestamp of the run, e.g. `2018-06-01T06:00:00Z`; becomes every event's DTSTAMP. */
  readonly generatedAt: string;
  /** Each event's revision; without it every event is SEQUENCE:0 with no LAST-MODIFIED (a file imported once). */
  readonly revisionOf?: (deadline: Deadline) => EventRevision;
}

/** The revision of nothing known: what `cceg deadlines --format ics` writes from the sheet alone. */
export const FIRST_REVISION: EventRevision = { sequence: 0, lastModified: null };

/** 2000-01-01T00:00:00Z: SEQUENCE counts seconds from here (below 2^31 until 2068). */
const SEQUENCE_EPOCH_MS = Date.UTC(2000, 0, 1);

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const PRINTABLE_ASCII = /^[\t -~]*$/;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line (RFC 5545 §3.1): no physical line longer than 75 octets, never splitting a character. */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS && PRINTABLE_ASCII.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = MAX_OCTETS;
  for (let index = 0; index < line.length;) {
    const codePoint = line.codePointAt(index) ?? 0;
    const size = utf8Length(codePoint);
    if (octets + size > limit) {
      parts.push(line.slice(start, index));
      start = index;
      octets = 0;
      limit = MAX_OCTETS - 1; // continuation lines start with a space
    }
    octets += size;
    index += codePoint > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

function utcStamp(timestamp: string, name: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new CcegError('BAD_OPTION', `${name} "${timestamp}" is not an ISO timestamp.`);
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The UID of a deadline's event: its key (kind, record and, for an endorsement decision, organization), without the
 * date, so that a date moved in the sheet moves the event instead of adding another.
 */
export function eventUid(deadline: Pick<Deadline, 'key'>): string {
  return `${deadline.key}@cceg-ig`.replace(/[^A-Za-z0-9@._-]/g, '_');
}

/**
 * The revision of an event computed from records last committed at `committedAt` (ISO): SEQUENCE is the seconds from
 * 2000-01-01 to that commit, so it rises with every commit that can move the date; LAST-MODIFIED is the commit.
 */
export function revisionAt(committedAt: string): EventRevision {
  const ms = Date.parse(committedAt);
  if (Number.isNaN(ms)) throw new CcegError('BAD_OPTION', `committedAt "${committedAt}" is not an ISO timestamp.`);
  return { sequence: Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 1000)), lastModified: committedAt };
}

function eventLines(deadline: Deadline, stamp: string, revision: EventRevision): string[] {
  const source = `${deadline.tab} ${deadline.id ?? '(new row)'}`;
  const description = [`For: ${deadline.forWhom}`, `Source: ${source}`, ...(deadline.overdue ? ['Overdue.'] : [])].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${eventUid(deadline)}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${revision.sequence}`,
    ...(revision.lastModified === null ? [] : [`LAST-MODIFIED:${utcStamp(revision.lastModified, 'lastModified')}`]),
    `DTSTART;VALUE=DATE:${basicDate(deadline.date)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(deadline.date, 1))}`,
    `SUMMARY:${escapeText(deadline.what)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `CATEGORIES:${escapeText(deadline.kind)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/**
 * An iCalendar (RFC 5545) of the deadlines not yet done: one all-day event each, CRLF lines folded at 75 octets. A met
 * deadline has no event: a client that subscribed drops it on its next fetch.
 */
export function deadlinesToIcs(deadlines: readonly Deadline[], options: IcsOptions): string {
  const stamp = utcStamp(options.generatedAt, 'generatedAt');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ICANN CCEG IG//cceg deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    foldLine(`X-WR-CALNAME:${escapeText(options.calendarName)}`),
  ];
  for (const deadline of deadlines) {
    if (deadline.done) continue;
    for (const line of eventLines(deadline, stamp, options.revisionOf?.(deadline) ?? FIRST_REVISION)) lines.push(foldLine(line));
  }
  lines.push('END:VCALENDAR', '');
  return lines.join(CRLF);
}
