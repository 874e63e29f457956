// The one-line Status of a row: `OK`, or its findings, saying when the row was not saved.
import { CELL_MAX, clipText } from '../bounded-text.js';
import type { Finding } from '../findings.js';

/** Longest Status text written into a cell. */
export const STATUS_MAX_LENGTH = CELL_MAX;

/** `OK`, or the row's findings in one line; a held-back row says its last saved version is kept. */
export function statusText(findings: readonly Finding[], heldBack: { readonly hasCommittedVersion: boolean } | null): string {
  if (findings.length === 0) return 'OK';
  const parts = findings.map((finding) => `${finding.severity === 'error' ? 'Error' : 'Warning'} ${finding.rule}: ${finding.message}`);
  const prefix = heldBack === null ? '' : heldBack.hasCommittedVersion ? 'NOT SAVED, the last saved version is kept. ' : 'NOT SAVED until fixed. ';
  return clipText(`${prefix}${parts.join(' | ')}`.replace(/\s+/g, ' '), STATUS_MAX_LENGTH);
}
