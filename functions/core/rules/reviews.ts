// Charter rules on the annual review: timely notification and whether the mandate is extended (§7).
import { addMonths } from '../dates.js';
import { continuationOf } from '../derived/continuation.js';
import { counted } from '../plural.js';
import { numberSource } from './number-source.js';
import { defineRule, hitOnRow, hitOnTab } from './rule.js';

/** §7: an organization notifies its decision at most `review.noticeMonths` month(s) after the review date. */
export const reviewLateNotification = defineRule({
  id: 'review.late-notification',
  severity: 'warning',
  charter: '§7',
  needs: ['Reviews'],
  check: ({ rows, config }) => {
    const months = config.review.noticeMonths;
    return rows.Reviews.flatMap((review) => {
      if (review.notifiedOn === null) return [];
      const deadline = addMonths(review.reviewDate, months);
      if (review.notifiedOn <= deadline) return [];
      return [hitOnRow('Reviews', review, 'Notified On',
        `${review.organization} notified its ${review.year} decision (${review.decision}) on ${review.notifiedOn}, after the deadline of ${deadline} ` +
        `(${counted(months, 'month')} after the review of ${review.reviewDate}; ${numberSource('review.noticeMonths', months, '§7')}).`)];
    });
  },
});

/** §7: the CCEG continues only if at least `continuation.minOrganizations` participating organizations extend its mandate. */
export const reviewMandateNotExtended = defineRule({
  id: 'review.mandate-not-extended',
  severity: 'error',
  charter: '§7',
  needs: ['Reviews', 'Organizations'],
  check: ({ rows, config }) => {
    const { year, continuing, withdrawn, continues, minimum } = continuationOf(rows, config);
    if (year === null || continues) return [];
    const names = (codes: string[]) => codes.join(', ') || 'none';
    return [hitOnTab('Reviews',
      `After the ${year} review only ${counted(continuing.length, 'participating organization')} ${continuing.length === 1 ? 'continues' : 'continue'} ` +
      `(${names(continuing)}; withdrawn: ${names(withdrawn)}); the CCEG continues only if at least ${minimum} do (${numberSource('continuation.minOrganizations', minimum, '§7')}).`)];
  },
});

/** The rules of this file, in catalogue order. */
export const reviewRules = [reviewLateNotification, reviewMandateNotExtended];
