// The one-line Status of a row: `OK`, or its findings without their rule IDs, saying once when the row was not saved.
import { CELL_MAX, clipText } from '../bounded-text.js';
import type { Finding } from '../findings.js';

/** Longest Status text written into a cell. */
export const STATUS_MAX_LENGTH = CELL_MAX;

/**
 * What a sync adds to the message of a data finding on a held-back row (the Findings tab and `validate` show it), and
 * the Status of that row says once, in front: the last saved version is kept, or nothing is saved until it is fixed.
 */
export const NOT_SAVED_NOTE = {
  kept: ' Not saved: the last saved version is kept.',
  untilFixed: ' Not saved until fixed.',
} as const;

const STATUS_PREFIX = { kept: 'NOT SAVED, the last saved version is kept. ', untilFixed: 'NOT SAVED until fixed. ' } as const;

/**
 * `OK`, or the row's findings in one line ("Error: …", "Warning: …"; the Findings tab keeps the rule IDs). A held-back
 * row starts with NOT SAVED, and its findings' own "Not saved" notes are left out so that it is said once.
 */
export function statusText(findings: readonly Finding[], heldBack: { readonly hasCommittedVersion: boolean } | null): string {
  if (findings.length === 0) return 'OK';
  const note = heldBack === null ? null : heldBack.hasCommittedVersion ? 'kept' : 'untilFixed';
  const parts = findings.map((finding) => {
    const message = note !== null && finding.message.endsWith(NOT_SAVED_NOTE[note]) ? finding.message.slice(0, -NOT_SAVED_NOTE[note].length) : finding.message;
    return `${finding.severity === 'error' ? 'Error' : 'Warning'}: ${message}`;
  });
  return clipText(`${note === null ? '' : STATUS_PREFIX[note]}${parts.join(' | ')}`.replace(/\s+/g, ' '), STATUS_MAX_LENGTH);
}
