// Questions many rules ask of the records: who is active, which organizations participate, what each decided.
import type { IsoDate } from '../dates.js';
import type { Endorsement, Meeting, Organization, Person } from './tabs.js';
import type { GroupRows } from './group.js';
import type { DECISIONS } from './tabs.js';

/** True when the person is active on `date`: Start Date empty or ≤ date, End Date empty or ≥ date. */
export function isActive(person: Pick<Person, 'startDate' | 'endDate'>, date: IsoDate): boolean {
  return (person.startDate === null || person.startDate <= date) && (person.endDate === null || person.endDate >= date);
}

/** Active Members on `today` (Role `Member` only: chairs are not counted in the 2–5 band) per organization code. */
export function activeMembersByOrganization(rows: GroupRows, today: IsoDate): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of rows.Roster) {
    if (person.role !== 'Member' || person.organization === null || !isActive(person, today)) continue;
    counts.set(person.organization, (counts.get(person.organization) ?? 0) + 1);
  }
  return counts;
}

/** True for an ICANN meeting: an `ICANN Public Meeting` or `ICANN AGM` held face to face. */
export function isIcannMeeting(meeting: Pick<Meeting, 'type' | 'faceToFace'>): boolean {
  return (meeting.type === 'ICANN Public Meeting' || meeting.type === 'ICANN AGM') && meeting.faceToFace;
}

/** The organizations with `Participating = Yes`, in sheet order. */
export function participatingOrganizations(rows: GroupRows): Organization[] {
  return rows.Organizations.filter((organization) => organization.participating);
}

/** An organization's decision on a paper. */
export type Decision = (typeof DECISIONS)[number];

/** The index of each Endorsements tab already indexed: the rules, the to-do list and the tally ask of the same rows. */
const endorsementIndexes = new WeakMap<readonly Endorsement[], ReadonlyMap<string, ReadonlyMap<string, Endorsement>>>();

/**
 * Indexes endorsements by paper, then organization code; the first row for a pair wins (later ones are duplicates).
 * Built once per Endorsements array (rows are never changed in place), so the rules, the deadlines and the Dashboard share it.
 */
export function endorsementsByPaper(rows: GroupRows): ReadonlyMap<string, ReadonlyMap<string, Endorsement>> {
  const known = endorsementIndexes.get(rows.Endorsements);
  if (known !== undefined) return known;
  const byPaper = new Map<string, Map<string, Endorsement>>();
  for (const endorsement of rows.Endorsements) {
    let byOrganization = byPaper.get(endorsement.paper);
    if (!byOrganization) byPaper.set(endorsement.paper, (byOrganization = new Map()));
    if (!byOrganization.has(endorsement.organization)) byOrganization.set(endorsement.organization, endorsement);
  }
  endorsementIndexes.set(rows.Endorsements, byPaper);
  return byPaper;
}

/** The decision of an organization on a paper: its Endorsements row's, or `Pending` when it has none. */
export function decisionOf(index: ReadonlyMap<string, ReadonlyMap<string, Endorsement>>, paperId: string, organizationCode: string): Decision {
  return index.get(paperId)?.get(organizationCode)?.decision ?? 'Pending';
}
