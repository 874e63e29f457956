// Notices about an adopted paper (§4): its circulation to the participating organizations' chairs, and a dissent.
import { addDays } from '../dates.js';
import { CcegError } from '../errors.js';
import { DISSENT_OPTIONS, tallyPaper, type OrganizationDecision, type PaperTally } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { isActive, participatingOrganizations } from '../model/queries.js';
import type { Paper, Person } from '../model/tabs.js';
import { counted } from '../plural.js';
import { assertDocumentSubject } from './document-subjects.js';
import { cappedList, html, linkTo, renderDocument, type DocumentContext, type RenderedDocument, type SafeHtml } from './html.js';

/** How many organizations a notice lists in full; the charter's SO/ACs are fewer than this. */
const ORGANIZATION_CAP = 12;

/** The charter's words on when the organizations decide (§4 Decision Making by the Chartering Organizations). */
export const DECISION_TIMING_QUOTE =
  'The chair(s) of the participating SOs and ACs shall notify the Co-Chairs of the CCEG accordingly of the result of their deliberations as soon as feasible.';

function paperOf(rows: GroupRows, paperId: string): { paper: Paper; tally: PaperTally } {
  const paper = rows.Papers.find((candidate) => candidate.id === paperId);
  const tally = tallyPaper(rows, paperId);
  if (!paper || !tally) throw new CcegError('UNKNOWN_PAPER', `No paper has the ID ${paperId}.`);
  return { paper, tally };
}

/** The Supersedes line: the paper a supplemental one replaces; "nothing recorded" for a supplemental naming none; else none. */
function supersedesRow(rows: GroupRows, paper: Paper): SafeHtml | null {
  if (paper.supersedes !== null) {
    const original = rows.Papers.find((candidate) => candidate.id === paper.supersedes);
    return html`<tr><th>Supersedes</th><td>${paper.supersedes}${original ? ` — ${original.title}` : ''}</td></tr>`;
  }
  return paper.kind === 'Supplemental' ? html`<tr><th>Supersedes</th><td>nothing recorded</td></tr>` : null;
}

function paperFacts(rows: GroupRows, paper: Paper): SafeHtml {
  return html`<table><tbody>
<tr><th>Paper</th><td>${paper.id} — ${paper.title}</td></tr>
<tr><th>Kind</th><td>${paper.kind}</td></tr>
${supersedesRow(rows, paper)}<tr><th>Document</th><td>${paper.documentUrl === null ? 'no Document URL recorded' : linkTo(paper.documentUrl, paper.documentUrl)}</td></tr>
<tr><th>Consensus</th><td>${paper.designation ?? 'not designated'}${paper.minorityViewsIncluded ? '; minority views included' : ''}</td></tr>
<tr><th>Adopted on</th><td>${paper.adoptedOn ?? 'not adopted'}</td></tr>
<tr><th>Released publicly on</th><td>${paper.releasedOn ?? 'not yet released'}</td></tr>
<tr><th>Circulated on</th><td>${paper.circulatedOn ?? 'not yet circulated'}</td></tr>
</tbody></table>`;
}

/** The CCEG's chairs the organizations reply to: Roster rows with Role Chair or Co-Chair, active on `today`. */
function ccegChairs(rows: GroupRows, context: DocumentContext): Person[] {
  return rows.Roster.filter((person) => (person.role === 'Chair' || person.role === 'Co-Chair') && isActive(person, context.today));
}

function page(title: string, body: SafeHtml, context: DocumentContext): RenderedDocument {
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}

/**
 * The notice circulating an adopted paper to the chairs of the participating SOs and ACs (§4), asking each to endorse,
 * support or not support it: the paper's facts (a link to it, when it was released, what it supersedes), who to send
 * the decision to (the CCEG's active chairs), the charter's "as soon as feasible" and the day the group will send a
 * reminder (`endorsements.reminderDays` after circulation: the group's setting, not a charter deadline).
 * @throws CcegError UNKNOWN_PAPER when no paper has that ID; BAD_OPTION when it was never adopted.
 */
export function renderCirculationNotice(rows: GroupRows, paperId: string, context: DocumentContext): RenderedDocument {
  assertDocumentSubject(rows, 'notice', paperId);
  const { paper, tally } = paperOf(rows, paperId);
  const organizations = participatingOrganizations(rows);
  const reminderDays = context.config.endorsements.reminderDays;
  const remindOn = addDays(paper.circulatedOn ?? context.today, reminderDays);
  const title = `Circulation of paper ${paperId}: ${paper.title}`;
  const body = html`<p>To the chairs of the participating Supporting Organizations and Advisory Committees:</p>
${cappedList(organizations, (o) => html`${o.name} (${o.code})${o.chairEmail === null ? '' : ` — ${o.chairEmail}`}`, 'No organization participates.', ORGANIZATION_CAP)}
<p>The CCEG IG adopted the paper below on ${paper.adoptedOn} and circulates it to you under §4 of its charter. Each
participating organization is asked to decide, by its own rules and procedures, whether it endorses, supports or does
not support it. An organization that does not support it is asked to give its reasons and the parts it does support.</p>
${paperFacts(rows, paper)}
<h2>Where to send your decision</h2>
${cappedList(ccegChairs(rows, context), (chair) => html`${chair.name}, CCEG IG ${chair.role} — ${chair.email}`, 'No CCEG IG Chair or Co-Chair is on the roster today.', ORGANIZATION_CAP)}
<h2>When</h2>
<p>The charter sets no deadline: “${DECISION_TIMING_QUOTE}” (§4). If an organization has not decided by <strong>${remindOn}</strong>,
the group will send a reminder after ${counted(reminderDays, 'day')} (the group's setting endorsements.reminderDays).</p>
<p>So far: Endorse ${tally.counts.endorse}, Support ${tally.counts.support}, Not Support ${tally.counts.notSupport}, Pending ${tally.counts.pending}.</p>`;
  return page(title, body, context);
}

function dissenter(decision: OrganizationDecision): SafeHtml {
  return html`<strong>${decision.name} (${decision.organization})</strong>${decision.decidedOn === null ? '' : `, on ${decision.decidedOn}`}<br>
Reasons: ${decision.reasons ?? 'none given'}<br>Parts supported: ${decision.supportedParts ?? 'none stated'}`;
}

/**
 * The dissent notice of a paper (§4 Supplemental Final Output): which participating organizations did not support it
 * and why, the parts they support, and the charter's three options for the CCEG.
 * @throws CcegError UNKNOWN_PAPER when no paper has that ID; BAD_OPTION when no participating organization decided Not Support.
 */
export function renderDissentNotice(rows: GroupRows, paperId: string, context: DocumentContext): RenderedDocument {
  assertDocumentSubject(rows, 'dissent', paperId);
  const { paper, tally } = paperOf(rows, paperId);
  const dissenting = tally.decisions.filter((decision) => decision.decision === 'Not Support');
  const supporting = tally.decisions.filter((decision) => decision.decision === 'Endorse' || decision.decision === 'Support');
  const title = `Dissent on paper ${paperId}: ${paper.title}`;
  const body = html`${paperFacts(rows, paper)}
<h2>Organizations that did not support the paper</h2>
${cappedList(dissenting, dissenter, 'No participating organization has decided Not Support.', ORGANIZATION_CAP)}
<h2>Organizations that endorse or support it</h2>
${cappedList(supporting, (d) => html`${d.name} (${d.organization}): ${d.decision}`, 'None yet.', ORGANIZATION_CAP)}
<h2>What the CCEG may do, through consensus (§4)</h2>
<ol>${DISSENT_OPTIONS.map((option) => html`<li>${option}</li>`)}</ol>`;
  return page(title, body, context);
}
