// The §7 part of the Annual Report: charter amendments and their state, the year's review decisions and what they mean.
import { counted } from '../plural.js';
import type { CharterConfig } from '../config.js';
import { addMonths } from '../dates.js';
import { continuationOf } from '../derived/continuation.js';
import type { GroupRows } from '../model/group.js';
import { participatingOrganizations } from '../model/queries.js';
import type { Amendment, Review } from '../model/tabs.js';
import { fullList, html, type SafeHtml } from './html.js';

function amendmentState(amendment: Amendment, participating: readonly string[]): SafeHtml {
  const adopted = participating.filter((code) => amendment.adoptedBy.includes(code));
  const awaited = participating.filter((code) => !amendment.adoptedBy.includes(code));
  const proposed = amendment.proposedOn === null ? '' : `proposed on ${amendment.proposedOn}; `;
  const adoption = `adopted by ${adopted.length} of ${participating.length} participating organizations${
    adopted.length === 0 ? '' : ` (${adopted.join(', ')})`}`;
  if (amendment.state === 'Effective') {
    return html`<strong>Effective</strong> <em>(${proposed}${adoption}${amendment.publishedOn === null ? '' : `; published on ${amendment.publishedOn}`})</em>`;
  }
  if (amendment.state === 'Withdrawn') return html`<strong>Withdrawn</strong> <em>(${proposed}${adoption})</em>`;
  return html`<strong>Proposed</strong> <em>(${proposed}${adoption}${awaited.length === 0 ? '; to be published'
    : `; awaiting ${awaited.join(', ')}`})</em>`;
}

/**
 * Every charter amendment (§7 Modification of the Charter, §8 history) with its state: a modification is effective
 * only once every chartering organization has adopted it and it is published, so a proposed one names who is awaited.
 */
export function amendmentsSection(rows: GroupRows, clip: (text: string) => string): SafeHtml {
  const participating = participatingOrganizations(rows).map((organization) => organization.code);
  return fullList(rows.Amendments, (a) => html`${a.id === null ? '' : html`<strong>${a.id}</strong> `}${clip(a.summary)}: ${
    amendmentState(a, participating)}`, 'No amendment of the charter has been proposed.');
}

/** The latest review row of each organization for one year: by Review Date, then sheet row. */
function decisionsOf(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    const previous = latest.get(review.organization);
    const later = !previous || review.reviewDate > previous.reviewDate ||
      (review.reviewDate === previous.reviewDate && review.sheetRow > previous.sheetRow);
    if (later) latest.set(review.organization, review);
  }
  return latest;
}

function decisionText(review: Review | undefined): SafeHtml {
  if (review === undefined) return html`<em>no notification: presumed to continue (§7)</em>`;
  return html`<strong>${review.decision}</strong> <em>(reviewed ${review.reviewDate}${
    review.notifiedOn === null ? ', not yet notified' : `, notified ${review.notifiedOn}`})</em>`;
}

/**
 * §7 Working Group Self Assessment for `year`: each participating organization's decision at the annual review (its
 * latest Reviews row that year, or none: continued involvement is presumed), and what that means for the next year
 * (derived/continuation): the CCEG continues while at least `continuation.minOrganizations` organizations do.
 */
export function annualReviewSection(rows: GroupRows, year: number, config: Pick<CharterConfig, 'continuation'>): SafeHtml {
  const reviews = rows.Reviews.filter((review) => review.year === year);
  const decisions = decisionsOf(reviews);
  const participating = participatingOrganizations(rows);
  const list = fullList(participating, (o) => html`<strong>${o.code}</strong>: ${decisionText(decisions.get(o.code))}`,
    'No organization participates.');
  const outcome = continuationOf({ Organizations: rows.Organizations, Reviews: reviews }, config);
  const reviewDates = [...new Set(reviews.map((review) => review.reviewDate))].sort();
  const notify = reviewDates.length === 0 ? null : addMonths(reviewDates[reviewDates.length - 1] ?? '', 1);
  const recorded = outcome.year === null
    ? html`<p>No decision of the ${year} annual review is recorded yet; without a formal notification each participating organization is presumed to continue.</p>`
    : html`<p>Decisions of the ${year} annual review${notify === null ? '' : `, to be notified to the other organizations by ${notify}`}:</p>`;
  const withdrawn = outcome.withdrawn.length === 0 ? '' : ` ${outcome.withdrawn.join(', ')} withdrew.`;
  const meaning = outcome.continues
    ? html`<p><strong>The CCEG continues in ${year + 1}</strong> with ${counted(outcome.continuing.length, 'participating organization')} (${
      outcome.continuing.join(', ')}); at least ${outcome.minimum} must extend its mandate.${withdrawn}</p>`
    : html`<p><strong>The CCEG does not continue in ${year + 1}</strong>: ${counted(outcome.continuing.length, 'participating organization')} ${outcome.continuing.length === 1 ? 'continues' : 'continue'}${
      outcome.continuing.length === 0 ? '' : ` (${outcome.continuing.join(', ')})`}, fewer than the ${outcome.minimum} required.${withdrawn}</p>`;
  return html`${recorded}${list}${meaning}`;
}
