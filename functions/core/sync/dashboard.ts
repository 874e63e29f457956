// The Dashboard tab: a to-do list (overdue, next 14 days, drafts ready), members against the band, paper states, continuation, last change.
import type { CharterConfig } from '../config.js';
import type { IsoDate } from '../dates.js';
import { continuationOf } from '../derived/continuation.js';
import { tallyOf } from '../derived/tally.js';
import { tallyStateText } from '../derived/tally-text.js';
import { todoOf, type DraftedDocument, type TodoItem, type TodoSection } from '../derived/todo.js';
import type { AuditHead } from '../audit/audit-entry.js';
import { formatAnchor } from '../audit/anchor.js';
import type { GroupRows } from '../model/group.js';
import { activeMembersByOrganization } from '../model/queries.js';

/** Header of the Dashboard tab. */
export const DASHBOARD_HEADER = ['Section', 'Item', 'Value', 'Detail'] as const;
/** What an empty to-do section says. */
const NOTHING: Readonly<Record<TodoSection, string>> = {
  Overdue: 'nothing overdue', 'Next 14 days': 'nothing due in the next 14 days', 'Drafts ready': 'no draft waiting to be sent',
};

type Row = (string | number)[];

function membersRows(rows: GroupRows, today: IsoDate, config: CharterConfig): Row[] {
  const counts = activeMembersByOrganization(rows, today);
  const { min, max } = config.members;
  return rows.Organizations.filter((organization) => organization.participating).map((organization) => {
    const count = counts.get(organization.code) ?? 0;
    const verdict = count < min ? `below the minimum of ${min}` : count > max ? `above the maximum of ${max}` : `within ${min}–${max}`;
    return ['Membership', organization.code, count, verdict];
  });
}

/** A to-do row: the section, who acts (filter the Item column by an organization Code), the date, the action and its source. */
function todoRow(item: TodoItem): Row {
  return [item.section, item.who, item.date ?? '', `${item.action}${item.link === null ? '' : `: ${item.link}`} (${item.source})`];
}

/** The to-do sections, each with one row saying so when it is empty. */
function todoRows(rows: GroupRows, today: IsoDate, config: CharterConfig, documents: readonly DraftedDocument[]): Row[] {
  return todoOf(rows, today, config, documents).flatMap(({ section, items }) => (items.length === 0 ? [[section, '', '', NOTHING[section]]] : items.map(todoRow)));
}

/**
 * The Dashboard's rows on `today`: the to-do list (`todoOf`, with the drafted `documents`), then Membership, each
 * paper's state, the continuation and the sync times. `lastChange` is when a sync last committed a change, so a sync
 * that changes nothing leaves the Dashboard as it was. The last line anchors the audit log outside the store: the seq
 * and hash of its last entry once this sync has committed (`cceg audit verify --anchor SEQ:HASH` checks the log still holds it).
 */
export function dashboardRows(
  rows: GroupRows, today: IsoDate, config: CharterConfig, lastChange: string | null, auditHead: AuditHead | null = null, documents: readonly DraftedDocument[] = [],
): Row[] {
  const papers: Row[] = tallyOf(rows, today).map((tally) => [
    'Papers', tally.paperId, tallyStateText(tally),
    `Endorse ${tally.counts.endorse}, Support ${tally.counts.support}, Not Support ${tally.counts.notSupport}, Pending ${tally.counts.pending}` +
      (tally.dissenters.length > 0 ? `; dissent: ${tally.dissenters.join(', ')}` : ''),
  ]);
  const continuation = continuationOf(rows, config);
  const continuationRow: Row = [
    'Continuation', continuation.year === null ? 'no review yet' : String(continuation.year),
    continuation.continues ? 'continues' : 'does not continue',
    `continuing: ${continuation.continuing.join(', ') || 'none'}; withdrawn: ${continuation.withdrawn.join(', ') || 'none'}; at least ${continuation.minimum} needed`,
  ];
  return [
    [...DASHBOARD_HEADER],
    ...todoRows(rows, today, config, documents),
    ...membersRows(rows, today, config),
    ...papers,
    continuationRow,
    ['Sync', 'Checked on', today, ''],
    ['Sync', 'Last change committed', lastChange ?? 'never', ''],
    ['Audit log', 'Anchor', auditHead === null ? 'empty' : formatAnchor(auditHead), 'check it with: cceg audit verify --anchor SEQ:HASH'],
  ];
}
