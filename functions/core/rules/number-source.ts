// Whose number a finding cites: the charter's own (2 to 5 Members, seven days, two weeks…) or a setting the group chose.

/** The config keys whose default is a number the charter itself states, with that number. */
export const CHARTER_NUMBERS = {
  'members.min': 2,
  'members.max': 5,
  'papers.circulationDays': 7,
  'reports.leadDays': 14,
  'review.noticeMonths': 1,
  'continuation.minOrganizations': 2,
} as const;

/** A config key whose default is the charter's own number. */
export type CharterNumberKey = keyof typeof CHARTER_NUMBERS;

/**
 * Where `value` (the config's `key`) comes from, for a message: "the charter's number, §5" when it is the charter's
 * own, else "the group's setting members.min; the charter's number is 2, §5" (the group changed it).
 */
export function numberSource(key: CharterNumberKey, value: number, section: string): string {
  return value === CHARTER_NUMBERS[key] ? `the charter's number, ${section}` : `the group's setting ${key}; the charter's number is ${CHARTER_NUMBERS[key]}, ${section}`;
}
