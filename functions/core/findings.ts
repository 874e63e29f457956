// Findings: what a rule says about the workbook, as data, in the public shape of RULES.md.
import { boundedMessage, clipText, QUOTED_MAX } from './bounded-text.js';
import type { RuleId } from './rule-ids.js';
import { TAB_ORDER, type TabName } from './model/tabs.js';

/** How serious a finding is. */
export type Severity = 'error' | 'warning';

/** One finding, in the public shape of RULES.md (`validate --format json`, the Findings tab, the audit log). */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly tab: TabName;
  /** Sheet row number a person sees, or null when the finding concerns the whole tab or group. */
  readonly row: number | null;
  /** Column header name, or null. */
  readonly column: string | null;
  /** The record's ID (an organization's Code), or null. */
  readonly id: string | null;
  readonly message: string;
  /** The charter § reference, or null for data rules. */
  readonly charter: string | null;
}

/**
 * The findings with every message within a cell and every quoted value short (`boundedMessage`), and IDs of at most
 * QUOTED_MAX characters: what a person typed, however long, never makes a Findings or Status cell too long to write.
 */
export function boundFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const message = boundedMessage(finding.message);
    const id = finding.id === null ? null : clipText(finding.id, QUOTED_MAX);
    return message === finding.message && id === finding.id ? finding : { ...finding, message, id };
  });
}

/** Error and warning counts. */
export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
}

/** Orders findings by tab (workbook order), row (whole-tab findings first), rule, then column. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    TAB_ORDER.indexOf(a.tab) - TAB_ORDER.indexOf(b.tab) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    a.rule.localeCompare(b.rule) ||
    (a.column ?? '').localeCompare(b.column ?? '') ||
    a.message.localeCompare(b.message)
  );
}

/** Counts errors and warnings. */
export function summarize(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
