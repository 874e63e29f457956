// Notices about an adopted paper (§4): its circulation to the participating organizations' chairs, and a dissent.
import { addDays } from '../dates.js';
import { CcegError } from '../errors.js';
import { DISSENT_OPTIONS, tallyPaper, type OrganizationDecision, type PaperTally } from '../derived/tally.js';
import type { GroupRows } from '../model/group.js';
import { participatingOrganizations } from '../model/queries.js';
import type { Paper } from '../model/tabs.js';
import { cappedList, html, renderDocument, type DocumentContext, type RenderedDocument, type SafeHtml } from './html.js';

/** How many organizations a notice lists in full; the charter's SO/ACs are fewer than this. */
const ORGANIZATION_CAP = 12;

function paperOf(rows: GroupRows, paperId: string): { paper: Paper; tally: PaperTally } {
  const paper = rows.Papers.find((candidate) => candidate.id === paperId);
  const tally = tallyPaper(rows, paperId);
  if (!paper || !tally) throw new CcegError('UNKNOWN_PAPER', `No paper has the ID ${paperId}.`);
  return { paper, tally };
}

function paperFacts(paper: Paper): SafeHtml {
  return html`<table><tbody>
<tr><th>Paper</th><td>${paper.id} — ${paper.title}</td></tr>
<tr><th>Kind</th><td>${paper.kind}</td></tr>
<tr><th>Consensus</th><td>${paper.designation ?? 'not designated'}${paper.minorityViewsIncluded ? '; minority views included' : ''}</td></tr>
<tr><th>Adopted on</th><td>${paper.adoptedOn ?? 'not adopted'}</td></tr>
<tr><th>Circulated on</th><td>${paper.circulatedOn ?? 'not yet circulated'}</td></tr>
</tbody></table>`;
}

function page(title: string, body: SafeHtml, context: DocumentContext): RenderedDocument {
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}

/**
 * The notice circulating an adopted paper to the chairs of the participating SOs and ACs (§4), asking each to endorse,
 * support or not support it, with the date a decision is awaited by.
 * @throws CcegError UNKNOWN_PAPER when no paper has that ID.
 */
export function renderCirculationNotice(rows: GroupRows, paperId: string, context: DocumentContext): RenderedDocument {
  const { paper, tally } = paperOf(rows, paperId);
  const chairs = participatingOrganizations(rows);
  const circulated = paper.circulatedOn ?? context.today;
  const decideBy = addDays(circulated, context.config.endorsements.reminderDays);
  const title = `Circulation of paper ${paperId}: ${paper.title}`;
  const body = html`<p>To the chairs of the participating Supporting Organizations and Advisory Committees:</p>
${cappedList(chairs, (o) => html`${o.name} (${o.code})${o.chairEmail === null ? '' : ` — ${o.chairEmail}`}`, 'No organization participates.', ORGANIZATION_CAP)}
<p>The CCEG IG has adopted the paper below and circulates it to you under §4 of its charter. Each participating
organization is asked to decide whether it endorses, supports or does not support it. An organization that does not
support it is asked to give its reasons and the parts it does support.</p>
${paperFacts(paper)}
<p>Decisions are awaited by <strong>${decideBy}</strong>. So far: Endorse ${tally.counts.endorse}, Support ${tally.counts.support},
Not Support ${tally.counts.notSupport}, Pending ${tally.counts.pending}.</p>`;
  return page(title, body, context);
}

function dissenter(decision: OrganizationDecision): SafeHtml {
  return html`<strong>${decision.name} (${decision.organization})</strong>${decision.decidedOn === null ? '' : `, on ${decision.decidedOn}`}<br>
Reasons: ${decision.reasons ?? 'none given'}<br>Parts supported: ${decision.supportedParts ?? 'none stated'}`;
}

/**
 * The dissent notice of a paper (§4 Supplemental Final Output): which participating organizations did not support it
 * and why, the parts they support, and the charter's three options for the CCEG. Renders "no dissent" when none.
 * @throws CcegError UNKNOWN_PAPER when no paper has that ID.
 */
export function renderDissentNotice(rows: GroupRows, paperId: string, context: DocumentContext): RenderedDocument {
  const { paper, tally } = paperOf(rows, paperId);
  const dissenting = tally.decisions.filter((decision) => decision.decision === 'Not Support');
  const supporting = tally.decisions.filter((decision) => decision.decision === 'Endorse' || decision.decision === 'Support');
  const title = `Dissent on paper ${paperId}: ${paper.title}`;
  const body = html`${paperFacts(paper)}
<h2>Organizations that did not support the paper</h2>
${cappedList(dissenting, dissenter, 'No participating organization has decided Not Support.', ORGANIZATION_CAP)}
<h2>Organizations that endorse or support it</h2>
${cappedList(supporting, (d) => html`${d.name} (${d.organization}): ${d.decision}`, 'None yet.', ORGANIZATION_CAP)}
<h2>What the CCEG may do, through consensus (§4)</h2>
<ol>${DISSENT_OPTIONS.map((option) => html`<li>${option}</li>`)}</ol>`;
  return page(title, body, context);
}
