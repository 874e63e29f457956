// Continuation of the CCEG after the latest annual review (§7): who continues, who withdrew, whether it goes on.
import type { CharterConfig } from '../config.js';
import type { GroupRows } from '../model/group.js';
import type { Review } from '../model/tabs.js';

/** The continuation status of the latest review year. */
export interface Continuation {
  /** The latest review `Year`, or null when no review has been recorded. */
  readonly year: number | null;
  /** Codes of participating organizations that continue (all of them when no review exists), in sheet order. */
  readonly continuing: string[];
  /** Codes of organizations whose decision that year is `Withdraw`, in sheet order (participating or not). */
  readonly withdrawn: string[];
  /** True when at least `minimum` participating organizations continue. */
  readonly continues: boolean;
  /** `continuation.minOrganizations`: how many must continue. */
  readonly minimum: number;
}

/** Later review rows replace earlier ones: by Review Date, then sheet row. */
function isLater(a: Review, b: Review): boolean {
  return a.reviewDate > b.reviewDate || (a.reviewDate === b.reviewDate && a.sheetRow > b.sheetRow);
}

/**
 * §7: for the latest review year, a participating organization continues unless its decision that year is
 * `Withdraw` (no notification presumes continued involvement); the CCEG continues when at least
 * `continuation.minOrganizations` do. When an organization has several rows that year, its latest decides.
 */
export function continuationOf(
  rows: Pick<GroupRows, 'Organizations' | 'Reviews'>,
  config: Pick<CharterConfig, 'continuation'>,
): Continuation {
  let year: number | null = null;
  for (const review of rows.Reviews) if (year === null || review.year > year) year = review.year;

  const decisions = new Map<string, Review>();
  for (const review of rows.Reviews) {
    if (review.year !== year) continue;
    const previous = decisions.get(review.organization);
    if (!previous || isLater(review, previous)) decisions.set(review.organization, review);
  }
  const withdrew = (code: string) => decisions.get(code)?.decision === 'Withdraw';

  const continuing = rows.Organizations.filter((organization) => organization.participating && !withdrew(organization.code))
    .map((organization) => organization.code);
  const withdrawn = rows.Organizations.filter((organization) => withdrew(organization.code)).map((organization) => organization.code);
  const minimum = config.continuation.minOrganizations;
  return { year, continuing, withdrawn, continues: continuing.length >= minimum, minimum };
}
