// Renders findings for a terminal: one line each, grouped by tab, with the counts last.
import type { Finding, FindingSummary } from '../core/findings.js';
import { counted } from '../core/plural.js';

function location(finding: Finding): string {
  let where = finding.row === null ? finding.tab : `${finding.tab} row ${finding.row}`;
  if (finding.id) where += ` (${finding.id})`;
  if (finding.column) where += `, ${finding.column}`;
  return where;
}

/** The findings as text lines a secretariat can read, then a summary line. */
export function formatFindingsText(source: string, findings: readonly Finding[], summary: FindingSummary): string {
  const lines: string[] = [];
  let tab = '';
  for (const finding of findings) {
    if (finding.tab !== tab) {
      tab = finding.tab;
      lines.push('', `${tab}`);
    }
    const charter = finding.charter ? ` [${finding.charter}]` : '';
    lines.push(`  ${finding.severity === 'error' ? 'error  ' : 'warning'}  ${location(finding)}: ${finding.message} (${finding.rule})${charter}`);
  }
  const verdict = findings.length === 0 ? 'no findings: the workbook follows the charter.' : `${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}.`;
  lines.push('', `${source}: ${verdict}`);
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}
