// How the system tabs look when the write-back creates them: column widths, wrapped text, a filter, severity colours.

/** The layout of a new system tab; columns are 1-based. */
export interface TableLayout {
  /** Each column's width, in characters. */
  readonly widths: readonly number[];
  /** Columns whose long text wraps (every row below the header). */
  readonly wrapped?: readonly number[];
  /** A filter over the whole table (kept over it each time the tab is rewritten). */
  readonly filter?: boolean;
  /** A column saying `error` or `warning`, coloured red or amber. */
  readonly severityColumn?: number;
}

/** The layouts by tab. Findings: Severity, Rule, Tab, Row, Column, Message, Charter; Dashboard: Section, Item, Value, Detail. */
export const TABLE_LAYOUTS: Readonly<Record<'Findings' | 'Dashboard', TableLayout>> = {
  Findings: { widths: [10, 34, 16, 6, 22, 90, 16], wrapped: [6], filter: true, severityColumn: 1 },
  Dashboard: { widths: [16, 26, 30, 60], wrapped: [4] },
};

/** The width of a Status column the write-back creates, in characters (its text is one line of findings). */
export const STATUS_COLUMN_WIDTH = 60;
