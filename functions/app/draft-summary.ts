// What a tick tells people about its drafting: a line per document, and the findings on documents still missing.
import type { Finding } from '../core/findings.js';
import type { DraftOutcome } from './draft-documents.js';

/** One line for people about what drafting did to a document. */
export function describeDraftOutcome(document: DraftOutcome): string {
  const name = `${document.kind} ${document.key}`;
  switch (document.outcome) {
    case 'drafted': return `Drafted ${name}: ${document.location}`;
    case 'updated': return `Updated ${name} in place (its data changed): ${document.location}`;
    case 'kept': return `Kept ${name} as it is, not overwritten: ${document.reason ?? 'a person changed it'} (${document.location})`;
    case 'skipped': return `Skipped (past) ${name}, not drafted: ${document.reason ?? 'its moment has passed'}`;
    case 'failed': return `Could not draft ${name}: ${document.reason ?? 'unknown error'}`;
  }
}

/** The findings that say a document the charter requires is missing, late or due soon (the `report.*` rules but length). */
export function missingDocumentFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.rule.startsWith('report.') && finding.rule !== 'report.update-length');
}

/** How many documents had each outcome. */
export function countOutcomes(documents: readonly DraftOutcome[]): Record<DraftOutcome['outcome'], number> {
  const counts = { drafted: 0, updated: 0, kept: 0, skipped: 0, failed: 0 };
  for (const document of documents) counts[document.outcome] += 1;
  return counts;
}
