// The Chair(s)' Report for a consensus call designated No Consensus (§6): the call pre-filled, the rest for the chairs.
import { CcegError } from '../errors.js';
import type { GroupRows } from '../model/group.js';
import { assertDocumentSubject } from './document-subjects.js';
import { html, renderDocument, type DocumentContext, type RenderedDocument } from './html.js';

/** The sections §6 asks the chairs to complete, in order. */
export const CHAIR_REPORT_SECTIONS = [
  'Issues considered contentious',
  'Process followed',
  'Suggestions to mitigate the issues affecting consensus-building',
] as const;

/**
 * The draft Chair(s)' Report to the Chartering Organizations for the consensus call `callId` (§6): the call's subject,
 * date, paper, members involved and objections, its minority viewpoints, and the sections the chairs complete, left
 * visibly empty, with the note that a Final Chair(s)' Report follows if mitigation does not bring consensus.
 * @throws CcegError UNKNOWN_ENTITY when no consensus call has that ID; BAD_OPTION when the call is not No Consensus
 * (`assertDocumentSubject`: the line lists the No Consensus calls).
 */
export function renderChairReport(rows: GroupRows, callId: string, context: DocumentContext): RenderedDocument {
  assertDocumentSubject(rows, 'chair-report', callId);
  const call = rows.ConsensusCalls.find((candidate) => candidate.id === callId);
  if (!call) throw new CcegError('UNKNOWN_ENTITY', `No consensus call has the ID ${callId}.`);
  const paper = call.paper === null ? null : rows.Papers.find((candidate) => candidate.id === call.paper);
  const paperText = call.paper === null ? 'none' : `${call.paper}${paper ? ` — ${paper.title}` : ''}`;
  const title = `Chair's Report on consensus call ${call.id}: ${call.subject}`;
  const body = html`<p>To the Chartering Organizations: the CCEG did not reach consensus on the call below (CCEG IG Charter, §6).</p>
<table><tbody>
<tr><th>Consensus call</th><td>${call.id} — ${call.subject}</td></tr>
<tr><th>Called on</th><td>${call.calledOn}</td></tr>
<tr><th>Paper</th><td>${paperText}</td></tr>
<tr><th>Members involved</th><td>${call.membersInvolved ?? 'not recorded'}</td></tr>
<tr><th>Objections</th><td>${call.objections ?? 'not recorded'}</td></tr>
<tr><th>Designation</th><td>${call.designation}</td></tr>
</tbody></table>
<h2>Minority viewpoints</h2><p${call.minorityViewpoints === null ? html` class="none"` : null}>${call.minorityViewpoints ?? 'None recorded.'}</p>
${CHAIR_REPORT_SECTIONS.map((section) => html`<h2>${section}</h2>
<p class="none">To be completed by the Chair(s).</p>
`)}<p>If, after the mitigating measures are implemented, consensus still cannot be reached, the Chair(s) will prepare a
Final Chair's Report documenting the processes followed to reach consensus, and may ask the Chartering Organizations for
recommendations on further means of mitigating the issues preventing consensus.</p>`;
  return renderDocument({ title, groupName: context.config.group.name, date: context.today, runId: context.runId, body });
}
