// Membership in the reports: the titled charts (or a sentence when there is nothing to draw), the band, who sits for whom.
import type { IsoDate } from '../dates.js';
import type { GroupRows } from '../model/group.js';
import { activeMembersByOrganization, isActive, participatingOrganizations } from '../model/queries.js';
import type { Person } from '../model/tabs.js';
import { membersChartSvg, regionsChartSvg, type OrganizationCount, type RegionCount } from './charts.js';
import { fullList, html, linkTo, type DocumentContext, type SafeHtml } from './html.js';

/** Active Members of each participating organization on `today`, in sheet order. */
export function membersPerOrganization(rows: GroupRows, today: IsoDate): OrganizationCount[] {
  const counts = activeMembersByOrganization(rows, today);
  return participatingOrganizations(rows).map(({ code }) => ({ code, members: counts.get(code) ?? 0 }));
}

/** Active Members per region on `today` (those with no region under "Not stated"), most first. */
export function membersPerRegion(rows: GroupRows, today: IsoDate): RegionCount[] {
  const counts = new Map<string, number>();
  for (const person of rows.Roster) {
    if (person.role !== 'Member' || !isActive(person, today)) continue;
    const region = person.region ?? 'Not stated';
    counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  return [...counts].map(([region, members]) => ({ region, members })).sort((a, b) => b.members - a.members || (a.region < b.region ? -1 : 1));
}

function figure(caption: string, chart: SafeHtml): SafeHtml {
  return html`<figure><figcaption>${caption}</figcaption>${chart}</figure>`;
}

/**
 * Membership against the band: two titled charts (members per organization against the band, members by region) and
 * who is outside the band. With nothing to draw it says so in a sentence instead of printing a bare axis: "No
 * organization participates yet." or "No Members are active yet.".
 */
export function membershipSection(rows: GroupRows, context: DocumentContext): SafeHtml {
  const { min, max } = context.config.members;
  const counts = membersPerOrganization(rows, context.today);
  if (counts.length === 0) return html`<p class="none">No organization participates yet.</p>`;
  const outside = counts.filter((count) => count.members < min || count.members > max);
  const verdict = outside.length === 0
    ? html`<p>Every participating organization has ${min} to ${max} Members.</p>`
    : html`<p>Outside the ${min}–${max} band: ${outside.map((c, index) => `${index === 0 ? '' : ', '}${c.code} ${c.members}`)}.</p>`;
  if (counts.every((count) => count.members === 0)) return html`<p class="none">No Members are active yet.</p>${verdict}`;
  return html`<div class="charts">${figure(`Members per organization (band ${min}–${max})`, membersChartSvg(counts, min, max))}${
    figure('Members by region', regionsChartSvg(membersPerRegion(rows, context.today)))}</div>${verdict}`;
}

/** A person's name, linked to their Statement of Interest when it has an address. */
function named(person: Person): SafeHtml {
  return linkTo(person.name, person.soiUrl);
}

/**
 * Who sits in the CCEG on `today`: the Chair(s) and Co-Chairs, then every participating organization (its name linked to
 * its resolution adopting the charter) with each of its active Members (names linked to their SOI), none left out.
 */
export function membersAndChairs(rows: GroupRows, today: IsoDate, clip: (text: string) => string): SafeHtml {
  const active = rows.Roster.filter((person) => isActive(person, today));
  const chairs = active.filter((person) => person.role === 'Chair' || person.role === 'Co-Chair');
  const chairList = fullList(chairs, (p) => html`${named(p)} <em>(${p.role}${p.organization === null ? '' : `, ${p.organization}`})</em>`,
    'No Chair or Co-Chair is recorded.');
  const organizations = participatingOrganizations(rows).map((organization) => ({
    organization, members: active.filter((person) => person.role === 'Member' && person.organization === organization.code),
  }));
  const organizationList = fullList(organizations, ({ organization, members }) => html`<strong>${organization.code}</strong> ${
    linkTo(clip(organization.name), organization.adoptionResolution)}${organization.charterAdoptedOn === null ? ''
    : `, charter adopted ${organization.charterAdoptedOn}`} (${members.length}): ${members.length === 0 ? html`<em>no active Member</em>`
    : members.map((member, index) => html`${index === 0 ? '' : ', '}${named(member)}`)}`, 'No organization participates yet.');
  return html`<h3>Chairs</h3>${chairList}<h3>Members per organization</h3>${organizationList}`;
}
