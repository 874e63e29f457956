// The validate use case: parse the workbook, run every charter rule on the readable rows, sort the findings.
import type { CharterConfig } from './config.js';
import type { IsoDate } from './dates.js';
import { type Finding, type FindingSummary, sortFindings, summarize } from './findings.js';
import type { RawWorkbook } from './model/raw-workbook.js';
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

/** Checks a workbook against the data rules and the charter rules on `today`. */
export function validateWorkbook(workbook: RawWorkbook, today: IsoDate, config: CharterConfig): Validation {
  const parsed = parseWorkbook(workbook);
  const charterFindings = runCharterRules(CHARTER_RULES, parsed.group, today, config);
  const findings = sortFindings([...parsed.findings, ...charterFindings]);
  return { parsed, findings, summary: summarize(findings) };
}
