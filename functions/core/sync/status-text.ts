// The one-line Status of a row: `OK`, or its findings, saying when the row was not saved.
import type { Finding } from '../findings.js';

/** Longest Status text written into a cell. */
export const STATUS_MAX_LENGTH = 1000;

/** `OK`, or the row's findings in one line; a held-back row says its last saved version is kept. */
export function statusText(findings: readonly Finding[], heldBack: { readonly hasCommittedVersion: boolean } | null): string {
  if (findings.length === 0) return 'OK';
  const parts = findings.map((finding) => `${finding.severity === 'error' ? 'Error' : 'Warning'} ${finding.rule}: ${finding.message}`);
  const prefix = heldBack === null ? '' : heldBack.hasCommittedVersion ? 'NOT SAVED, the last saved version is kept. ' : 'NOT SAVED until fixed. ';
  const text = `${prefix}${parts.join(' | ')}`.replace(/\s+/g, ' ');
  if (text.length <= STATUS_MAX_LENGTH) return text;
  // Never cut between the two halves of a surrogate pair (an emoji, say): a lone half is not valid text.
  const cut = text.slice(0, STATUS_MAX_LENGTH - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
