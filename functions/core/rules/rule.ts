// The shape of a charter rule: one small pure function over the group's records, named by its catalogue ID.
import type { CharterConfig } from '../config.js';
import type { IsoDate } from '../dates.js';
import type { Finding, Severity } from '../findings.js';
import type { GroupData, GroupRows } from '../model/group.js';
import type { DataTabName, RowLocation } from '../model/tabs.js';
import type { CharterRuleId } from '../rule-ids.js';

/** What a rule is given: the records, the run's date and the charter parameters. */
export interface RuleContext {
  readonly rows: GroupRows;
  readonly today: IsoDate;
  readonly config: CharterConfig;
}

/** Where and why a rule fired; the engine adds rule, severity and charter §. */
export interface RuleHit {
  readonly tab: DataTabName;
  readonly row: number | null;
  readonly column: string | null;
  readonly id: string | null;
  readonly message: string;
}

/** A charter rule of RULES.md. */
export interface CharterRule {
  readonly id: CharterRuleId;
  readonly severity: Severity;
  /** The charter section, e.g. `§5` or `§2 item 4`. */
  readonly charter: string;
  /** Tabs the rule reads; it is skipped when one of them is missing or unreadable. */
  readonly needs: readonly DataTabName[];
  readonly check: (context: RuleContext) => RuleHit[];
}

/** Declares a charter rule (identity function that checks the shape). */
export function defineRule(rule: CharterRule): CharterRule {
  return rule;
}

/** A hit on one row of a tab; `id` is the row's ID (or Code) when it has one. */
export function hitOnRow(
  tab: DataTabName,
  row: RowLocation & ({ readonly id: string | null } | { readonly code: string }),
  column: string | null,
  message: string,
): RuleHit {
  const id = 'code' in row ? row.code : row.id;
  return { tab, row: row.sheetRow, column, id, message };
}

/** A hit on a whole tab or the whole group: row, column and ID are null. */
export function hitOnTab(tab: DataTabName, message: string): RuleHit {
  return { tab, row: null, column: null, id: null, message };
}

/** Runs the rules whose tabs are available and turns their hits into findings. */
export function runCharterRules(rules: readonly CharterRule[], group: GroupData, today: IsoDate, config: CharterConfig): Finding[] {
  const context: RuleContext = { rows: group.rows, today, config };
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.needs.every((tab) => group.available.has(tab))) continue;
    for (const hit of rule.check(context)) {
      findings.push({ rule: rule.id, severity: rule.severity, charter: rule.charter, ...hit });
    }
  }
  return findings;
}
