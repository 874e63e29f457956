// The Dashboard tab: members per organization against the band, tallies, next deadlines, continuation, last change.
import type { CharterConfig } from '../config.js';
import type { IsoDate } from '../dates.js';
import { continuationOf } from '../derived/continuation.js';
import { deadlinesOf } from '../derived/deadlines.js';
import { tallyOf } from '../derived/tally.js';
import type { AuditHead } from '../audit/audit-entry.js';
import { formatAnchor } from '../audit/anchor.js';
import type { GroupRows } from '../model/group.js';
import { activeMembersByOrganization } from '../model/queries.js';

/** Header of the Dashboard tab. */
export const DASHBOARD_HEADER = ['Section', 'Item', 'Value', 'Detail'] as const;
/** How many open deadlines the Dashboard lists. */
const NEXT_DEADLINES = 10;

type Row = (string | number)[];

function membersRows(rows: GroupRows, today: IsoDate, config: CharterConfig): Row[] {
  const counts = activeMembersByOrganization(rows, today);
  const { min, max } = config.members;
  return rows.Organizations.filter((organization) => organization.participating).map((organization) => {
    const count = counts.get(organization.code) ?? 0;
    const verdict = count < min ? `below the minimum of ${min}` : count > max ? `above the maximum of ${max}` : `within ${min}–${max}`;
    return ['Members', organization.code, count, verdict];
  });
}

/**
 * The Dashboard's rows on `today`. `lastChange` is when a sync last committed a change, so a sync that changes
 * nothing leaves the Dashboard as it was. The last line anchors the audit log outside the store: the seq and hash of
 * its last entry once this sync has committed (`cceg audit verify --anchor SEQ:HASH` checks the log still holds it).
 */
export function dashboardRows(rows: GroupRows, today: IsoDate, config: CharterConfig, lastChange: string | null, auditHead: AuditHead | null = null): Row[] {
  const tallies: Row[] = tallyOf(rows).map((tally) => [
    'Tally', tally.paperId, tally.state,
    `Endorse ${tally.counts.endorse}, Support ${tally.counts.support}, Not Support ${tally.counts.notSupport}, Pending ${tally.counts.pending}` +
      (tally.dissenters.length > 0 ? `; dissent: ${tally.dissenters.join(', ')}` : ''),
  ]);
  const deadlines: Row[] = deadlinesOf(rows, today, config)
    .filter((deadline) => !deadline.done && deadline.date >= today)
    .slice(0, NEXT_DEADLINES)
    .map((deadline) => ['Next deadline', deadline.date, deadline.what, `for ${deadline.forWhom}`]);
  const continuation = continuationOf(rows, config);
  const continuationRow: Row = [
    'Continuation', continuation.year === null ? 'no review yet' : String(continuation.year),
    continuation.continues ? 'continues' : 'does not continue',
    `continuing: ${continuation.continuing.join(', ') || 'none'}; withdrawn: ${continuation.withdrawn.join(', ') || 'none'}; at least ${continuation.minimum} needed`,
  ];
  return [
    [...DASHBOARD_HEADER],
    ...membersRows(rows, today, config),
    ...tallies,
    ...deadlines,
    continuationRow,
    ['Sync', 'Checked on', today, ''],
    ['Sync', 'Last change committed', lastChange ?? 'never', ''],
    ['Audit log', 'Anchor', auditHead === null ? 'empty' : formatAnchor(auditHead), 'check it with: cceg audit verify --anchor SEQ:HASH'],
  ];
}
