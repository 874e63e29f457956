// The group's records as the charter rules see them: typed rows per tab, and which tabs could be read.
import type { DataTabName, RowOf } from './tabs.js';

/** The typed rows of every editable tab (rows with data findings already left out). */
export type GroupRows = { readonly [T in DataTabName]: readonly RowOf<T>[] };

/** The group's records, plus the tabs that were present and complete enough to read. */
export interface GroupData {
  readonly rows: GroupRows;
  /** Tabs that were present with every required column; rules needing another tab are skipped. */
  readonly available: ReadonlySet<DataTabName>;
}

/** Group data with no rows, every tab available: the base for building test fixtures. */
export function emptyGroupRows(): GroupRows {
  return {
    Organizations: [], Roster: [], Meetings: [], WorkPlan: [], Papers: [], Endorsements: [],
    ConsensusCalls: [], Deliverables: [], Issues: [], Conduct: [], Amendments: [], Reviews: [],
  };
}
