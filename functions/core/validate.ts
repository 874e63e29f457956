// The validate use case: parse the workbook, run every charter rule on the rows that count, sort the findings.
import type { CharterConfig } from './config.js';
import type { IsoDate } from './dates.js';
import { boundFindings, type Finding, type FindingSummary, sortFindings, summarize } from './findings.js';
import type { GroupData } from './model/group.js';
import type { RawWorkbook } from './model/raw-workbook.js';
import type { DataTabName } from './model/tabs.js';
import { parseWorkbook } from './parse/parse-workbook.js';
import type { ParsedWorkbook } from './parse/parsed.js';
import { CHARTER_RULES } from './rules/catalogue.js';
import { runCharterRules } from './rules/rule.js';

/** What validation returns: the parsed workbook, every finding in order, and the counts. */
export interface Validation {
  readonly parsed: ParsedWorkbook;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
}

/** Rows the charter rules could not count (a data finding, and no committed version to count instead), by tab. */
export type LeftOutRows = ReadonlyMap<DataTabName, readonly number[]>;

const NEEDS = new Map<string, readonly DataTabName[]>(CHARTER_RULES.map((rule) => [rule.id, rule.needs]));
const LISTED_ROWS = 5;

/** Every row with a data finding, by tab: what `validate` (which reads no store) cannot count. */
export function rowsWithDataFindings(parsed: ParsedWorkbook): LeftOutRows {
  const byTab = new Map<DataTabName, number[]>();
  for (const tab of Object.values(parsed.tabs)) {
    const rows = tab.rows.filter((row) => row.values === null).map((row) => row.sheetRow);
    if (rows.length > 0) byTab.set(tab.name, rows);
  }
  return byTab;
}

/** "Roster row 4 is not counted until its data error is fixed." (or rows 4, 7 and 9 … their errors). */
function leftOutNote(tab: DataTabName, rows: readonly number[]): string {
  const listed = rows.slice(0, LISTED_ROWS);
  const more = rows.length - listed.length;
  if (rows.length === 1) return `${tab} row ${listed[0]} is not counted until its data error is fixed.`;
  const names = more > 0 ? `${listed.join(', ')} and ${more} more` : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  return `${tab} rows ${names} are not counted until their data errors are fixed.`;
}

/**
 * Adds to each charter finding that left-out rows could change (a rule reading their tab, whose finding is about the
 * tab as a whole or about another tab's row: a count, a minimum) the note that those rows are not counted.
 */
function noteLeftOutRows(findings: readonly Finding[], leftOut: LeftOutRows): Finding[] {
  if (leftOut.size === 0) return [...findings];
  return findings.map((finding) => {
    const notes = (NEEDS.get(finding.rule) ?? [])
      .filter((tab) => leftOut.has(tab) && (finding.tab !== tab || finding.row === null))
      .map((tab) => leftOutNote(tab, leftOut.get(tab) ?? []));
    return notes.length === 0 ? finding : { ...finding, message: `${finding.message} (${notes.join(' ')})` };
  });
}

/**
 * Runs the charter rules on `group` (the rows that count: in a sync, a held-back row as its last committed version)
 * and returns them with the parsed workbook's data findings, sorted.
 */
export function validateParsed(parsed: ParsedWorkbook, group: GroupData, today: IsoDate, config: CharterConfig, leftOut: LeftOutRows): Validation {
  const charterFindings = noteLeftOutRows(runCharterRules(CHARTER_RULES, group, today, config), leftOut);
  const findings = boundFindings(sortFindings([...parsed.findings, ...charterFindings]));
  return { parsed, findings, summary: summarize(findings) };
}

/** Checks a workbook against the data rules and the charter rules on `today` (rows with data findings are not counted). */
export function validateWorkbook(workbook: RawWorkbook, today: IsoDate, config: CharterConfig): Validation {
  const parsed = parseWorkbook(workbook);
  return validateParsed(parsed, parsed.group, today, config, rowsWithDataFindings(parsed));
}
