// Shared assertions for rendered documents: the notice, the footer facts, no external resources, escaped text.
import { expect } from 'vitest';
import { CCEG_ONLY_NOTICE, escapeHtml } from '../../../functions/core/documents/html.js';

/** The text typed into the sheet that must appear literally in every document. */
export const HOSTILE = '<script>alert(1)</script></table>';

/** Asserts a page is complete, self-contained and carries the notice, group name, date and run ID. */
export function expectSelfContainedDocument(page: string, groupName: string, date: string, runId: string): void {
  expect(page.startsWith('<!doctype html>')).toBe(true);
  expect(page).toContain(CCEG_ONLY_NOTICE);
  expect(page).toContain(escapeHtml(groupName));
  expect(page).toContain(date);
  expect(page).toContain(`<meta name="cceg-run" content="${escapeHtml(runId)}">`);
  expect(page).not.toMatch(/<link|<script|<iframe|<img/i);
  expect(page).not.toMatch(/src\s*=|url\(/i);
  // A web address appears only in a link (its target, and its text), which loads nothing: never bare, never a resource.
  expect(page.replace(/<a href="https?:\/\/[^"<>\s]+">[^<]*<\/a>/g, '<a></a>')).not.toMatch(/https?:\/\/|href\s*=/i);
}

/** Asserts the hostile text shows escaped and never raw. */
export function expectEscaped(page: string): void {
  expect(page).not.toContain('<script>');
  expect(page).not.toContain('</table><');
  expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/table&gt;');
}
