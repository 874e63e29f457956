// A row a sync does not commit because of its data findings.
import type { DataTabName } from '../model/tabs.js';

/** A row that has a data finding and therefore is not committed: its last committed version stays. */
export interface HeldBackRow {
  readonly tab: DataTabName;
  readonly sheetRow: number;
  readonly id: string | null;
  /** True when an earlier version of the record is in the store. */
  readonly hasCommittedVersion: boolean;
}
