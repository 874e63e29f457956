// What a sync writes back into the workbook: empty ID cells, Status cells, and the Findings and Dashboard tabs.

/**
 * One cell to write in an editable tab: an empty ID cell, a system-owned status cell, or (`revert`) a cell whose
 * refused change is put back to the committed value: the only case in which a user cell is written.
 */
export interface CellWrite {
  /** The tab's name as written in the workbook. */
  readonly tab: string;
  /** 1-based sheet row (1 is the header row: used only to add a missing status header). */
  readonly row: number;
  /** 0-based column index. */
  readonly column: number;
  /** Always written as plain text or a number, never as a formula. */
  readonly value: string | number;
  /** True when this puts a refused change back to the committed value. */
  readonly revert?: boolean;
  /** True when this fills an empty ID cell with a new ID: an adapter that finds a formula in the cell leaves it as it is. */
  readonly newId?: boolean;
}

/** A system-owned tab rewritten whole: its header row and data rows. */
export interface TableWrite {
  readonly tab: 'Findings' | 'Dashboard';
  readonly rows: readonly (readonly (string | number)[])[];
  /**
   * The 1-based sheet rows where the tab, as the sync read it, already holds (by text) what `rows` puts there: an
   * adapter may keep those rows as they are instead of comparing them cell by cell. None known when absent.
   */
  readonly heldRows?: ReadonlySet<number>;
}

/** Everything a sync writes into the workbook. Adapters write only what differs from the workbook's contents. */
export interface WriteBackPlan {
  readonly cells: readonly CellWrite[];
  readonly tables: readonly TableWrite[];
}
