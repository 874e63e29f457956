// Renders paper tallies as plain text for a terminal: one block per paper, one aligned line per organization.
import type { OrganizationDecision, PaperTally } from './tally.js';

/**
 * The state of a paper in plain words: "consultation open", "not yet circulated", "awaiting GAC, GNSO since
 * 2018-09-28", "decided"… An awaited paper names the organizations whose decision is still pending.
 */
export function tallyStateText(tally: PaperTally): string {
  if (tally.state !== 'awaiting decisions' || tally.awaiting.length === 0) return tally.state;
  return `awaiting ${tally.awaiting.join(', ')}${tally.circulatedOn === null ? '' : ` since ${tally.circulatedOn}`}`;
}

/** Formats the tallies as plain text, one block per paper separated by a blank line. */
export function formatTally(tallies: readonly PaperTally[]): string {
  if (tallies.length === 0) return 'No papers to tally.\n';
  return `${tallies.map(formatPaper).join('\n\n')}\n`;
}

function formatPaper(tally: PaperTally): string {
  const { counts } = tally;
  const lines = [
    `${tally.paperId} "${tally.title}" - outcome ${tally.outcome} - ${tallyStateText(tally)}`,
    `  Endorse ${counts.endorse}, Support ${counts.support}, Not Support ${counts.notSupport}, Pending ${counts.pending}`,
  ];
  if (tally.decisions.length === 0) lines.push('  No participating organizations.');
  const codeWidth = Math.max(0, ...tally.decisions.map((d) => d.organization.length));
  for (const decision of tally.decisions) lines.push(formatDecision(decision, codeWidth));
  if (tally.state === 'dissent') {
    lines.push(`  Dissenting: ${tally.dissenters.join(', ')}. The CCEG may, through consensus, either:`);
    for (const option of tally.options) lines.push(`    - ${option}`);
  }
  return lines.join('\n');
}

function formatDecision(decision: OrganizationDecision, codeWidth: number): string {
  const notes = [
    decision.reasons === null ? null : `Reasons: ${decision.reasons}`,
    decision.supportedParts === null ? null : `Supported parts: ${decision.supportedParts}`,
  ].filter((note) => note !== null);
  const cells = [decision.organization.padEnd(codeWidth), decision.decision.padEnd('Not Support'.length), (decision.decidedOn ?? '-').padEnd(10), notes.join('; ')];
  return `  ${cells.join('  ')}`.trimEnd();
}
