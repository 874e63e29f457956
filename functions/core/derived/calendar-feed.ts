// The calendar feed: who a feed is for, which deadlines it shows, and its iCalendar built from the stored records.
import type { CharterConfig } from '../config.js';
import type { IsoDate } from '../dates.js';
import { CcegError } from '../errors.js';
import { recordKey, type StoredRecord } from '../records/stored-record.js';
import { storedGroupOf } from './calendar-rows.js';
import { deadlinesOf, type Deadline } from './deadlines.js';
import { deadlinesToIcs, FIRST_REVISION, revisionAt } from './deadlines-ics.js';

/** The audiences whose feed holds every deadline; any other audience is an organization's Code. */
export const WHOLE_GROUP_AUDIENCES = ['chairs', 'staff'] as const;

function sameCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True for `chairs` and `staff`, whose feed holds every deadline. */
export function seesEveryDeadline(audience: string): boolean {
  return (WHOLE_GROUP_AUDIENCES as readonly string[]).includes(audience);
}

/**
 * The organization a feed shows the deadlines of, or null for every deadline: `chairs` and `staff` see everything, or
 * one organization's with `?for=`; an organization sees its own, and FORBIDDEN when it asks for another's.
 */
export function feedScope(audience: string, forOrganization: string | null): string | null {
  if (seesEveryDeadline(audience)) return forOrganization;
  if (forOrganization !== null && !sameCode(forOrganization, audience)) {
    throw new CcegError('FORBIDDEN', `This calendar is ${audience}'s: it cannot show ${forOrganization}'s deadlines.`);
  }
  return audience;
}

/** The deadlines of `scope` (those an organization has to meet: its decisions and notices), or all of them for null. */
export function deadlinesInScope(deadlines: readonly Deadline[], scope: string | null): Deadline[] {
  return scope === null ? [...deadlines] : deadlines.filter((deadline) => sameCode(deadline.forWhom, scope));
}

/** What a feed is asked for. */
export interface CalendarRequest {
  readonly config: CharterConfig;
  readonly today: IsoDate;
  /** The organization whose deadlines are shown, or null for all. */
  readonly scope: string | null;
  /** ISO timestamp of the request: every event's DTSTAMP. */
  readonly generatedAt: string;
}

/**
 * The iCalendar of the open deadlines computed from the stored records. Each event's UID is its deadline's key, and its
 * SEQUENCE and LAST-MODIFIED come from the commit of the record its date is computed from, so that a date moved in the
 * sheet (once synced) is the same event with a higher SEQUENCE. A met deadline has no event. A date moved by a change
 * of config alone (e.g. `reports.leadDays`) keeps its SEQUENCE: clients that honour only UIDs still move it.
 */
export function calendarOfRecords(records: Iterable<StoredRecord>, request: CalendarRequest): string {
  const { rows, committedAt } = storedGroupOf(records);
  const deadlines = deadlinesInScope(deadlinesOf(rows, request.today, request.config), request.scope);
  const name = `${request.config.group.shortName} deadlines${request.scope === null ? '' : ` (${request.scope})`}`;
  return deadlinesToIcs(deadlines, {
    calendarName: name,
    generatedAt: request.generatedAt,
    revisionOf: (deadline) => {
      const at = deadline.id === null ? undefined : committedAt.get(recordKey(deadline.tab, deadline.id));
      return at === undefined ? FIRST_REVISION : revisionAt(at);
    },
  });
}
