// The calendar's use cases over the store: the feed of the open deadlines, and whose feed a person subscribes to.
import { audienceOf, organizationContactsOf } from '../core/access/authorize.js';
import type { CharterConfig } from '../core/config.js';
import { calendarOfRecords, type CalendarRequest } from '../core/derived/calendar-feed.js';
import type { RecordLog } from '../ports/record-log.port.js';

/** The iCalendar of the deadlines as the store holds them (every live record is read: the sheet is not). */
export async function readCalendar(store: Pick<RecordLog, 'loadRecords'>, request: CalendarRequest): Promise<string> {
  return calendarOfRecords((await store.loadRecords()).values(), request);
}

/**
 * The audience (`staff`, `chairs` or an organization's Code) of the person with this e-mail, or null for none, by the
 * access policy sheet edits are judged by (`audienceOf`): read from the digests and the live Organizations records only.
 */
export async function readSubscriberAudience(store: Pick<RecordLog, 'loadDigests' | 'loadRecordsByKey'>, email: string, config: CharterConfig): Promise<string | null> {
  const { digests } = await store.loadDigests();
  const keys = [...digests].filter(([, digest]) => digest.tab === 'Organizations' && !digest.tombstoned).map(([key]) => key);
  const organizations = keys.length === 0 ? [] : [...(await store.loadRecordsByKey(keys)).values()];
  return audienceOf(email, { staff: config.access.staff, chairs: config.access.chairs, organizations: organizations.map((record) => organizationContactsOf(record.data)) });
}
