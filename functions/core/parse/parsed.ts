// The shapes of a parsed workbook: each tab's rows with their typed values and data findings.
import type { Finding } from '../findings.js';
import type { GroupData } from '../model/group.js';
import type { DataTabName } from '../model/tabs.js';
import type { DataRuleId } from '../rule-ids.js';

/** One data row as read: its typed values (null when a data finding keeps it out), and its data findings. */
export interface ParsedRow {
  readonly sheetRow: number;
  /** The row's ID (or Code) as typed, or null when empty. */
  readonly id: string | null;
  /** The typed row, or null when the row has a data finding and cannot be committed. */
  values: Record<string, unknown> | null;
  readonly findings: Finding[];
}

/** One tab as read. */
export interface ParsedTab {
  readonly name: DataTabName;
  /** Present with every required column. */
  readonly available: boolean;
  /** The tab's name as written in the workbook, when present. */
  readonly sheetName: string | null;
  /** 0-based cell index of each known column, by field name. */
  readonly positions: ReadonlyMap<string, number>;
  readonly rows: ParsedRow[];
}

/** The whole workbook as read: tabs, data findings, and the group data the charter rules see. */
export interface ParsedWorkbook {
  readonly tabs: Readonly<Record<DataTabName, ParsedTab>>;
  readonly findings: readonly Finding[];
  readonly group: GroupData;
}

/** A data finding on a row. */
export function rowFinding(tab: DataTabName, sheetRow: number, rule: DataRuleId, column: string | null, id: string | null, message: string): Finding {
  return { rule, severity: 'error', tab, row: sheetRow, column, id, message, charter: null };
}

