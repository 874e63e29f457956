// What a sync writes back into the workbook: empty ID cells, Status cells, and the Findings and Dashboard tabs.

/** One cell to write in an editable tab (only an empty ID cell or a system-owned status cell). */
export interface CellWrite {
  /** The tab's name as written in the workbook. */
  readonly tab: string;
  /** 1-based sheet row (1 is the header row: used only to add a missing status header). */
  readonly row: number;
  /** 0-based column index. */
  readonly column: number;
  /** Always written as plain text or a number, never as a formula. */
  readonly value: string | number;
}

/** A system-owned tab rewritten whole: its header row and data rows. */
export interface TableWrite {
  readonly tab: 'Findings' | 'Dashboard';
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Everything a sync writes into the workbook. Adapters write only what differs from the workbook's contents. */
export interface WriteBackPlan {
  readonly cells: readonly CellWrite[];
  readonly tables: readonly TableWrite[];
}
