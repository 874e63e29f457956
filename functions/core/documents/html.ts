// Safe HTML for the documents: escaping, a tagged template that escapes every value, and the printable page.
import { createHash } from 'node:crypto';
import type { CharterConfig } from '../config.js';
import type { IsoDate } from '../dates.js';
import { PRINT_CSS } from './print-css.js';

/** The §2 Specifications notice every document carries. */
export const CCEG_ONLY_NOTICE =
  'This document comes from the CCEG IG only and not from the ICANN community (CCEG IG Charter, §2 Specifications).';

/** How many items a list of the IG Update Report shows before it ends with "and N more". */
export const LIST_CAP = 4;

/**
 * How many characters (code points) of a name, title, activity or subject typed into the sheet the IG Update Report
 * shows before {@link clipText} cuts it with "…", so that the report stays within two pages whatever is typed.
 * Measured by printing to A4 PDF in headless Chromium (test/documents/print.test.ts) the ten-times-larger sample with
 * every list full (LIST_CAP items, then "and N more") and every free-text value 5,000 characters long, in lower-case
 * words and in capitals: with its eight sections, the address line and the titled charts, the report prints on 2
 * pages at 120 (details at {@link UPDATE_REPORT_DETAIL_MAX}) with LIST_CAP 4; with LIST_CAP 5 capitals need a third.
 */
export const UPDATE_REPORT_TEXT_MAX = 120;

/** How many characters of a detail shown beside such a value (a location, a consultation's body, an owner) the report keeps. */
export const UPDATE_REPORT_DETAIL_MAX = 40;

/** The mark that ends a text shortened by {@link clipText}. */
export const ELLIPSIS = '…';

const WHITESPACE = /\s/u;

/**
 * `text` shortened to at most `max` characters, ending with "…" when it was cut; a text no longer than `max` is
 * returned unchanged. Characters are Unicode code points, so a surrogate pair (an emoji, say) is never cut in half.
 * The cut falls at the last space in the final third of the kept text when there is one, otherwise inside the word.
 * Clip the raw text, then interpolate it into {@link html}, which escapes it: an entity such as `&lt;` is never cut.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text; // never more code points than UTF-16 units
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  if (max < 1) return '';
  const kept = characters.slice(0, max - 1);
  let cut = kept.length;
  for (let index = kept.length; index > 0 && index >= Math.ceil((2 * kept.length) / 3); index--) {
    if (WHITESPACE.test(characters[index] ?? '')) {
      cut = index;
      break;
    }
  }
  return `${kept.slice(0, cut).join('').trimEnd()}${ELLIPSIS}`;
}

/** HTML that is already safe: built by {@link html} or explicitly marked with {@link trusted}. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A value {@link html} accepts: text and numbers are escaped, SafeHtml is kept, lists are joined, null is empty. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '` so that text shows literally in an element or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Marks markup written in code (never data) as safe; the only way around escaping. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are markup, every interpolated value is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A bulleted list of at most `cap` items, then "and N more"; `empty` when there are none. */
export function cappedList<T>(items: readonly T[], item: (value: T) => SafeHtml, empty: string, cap = LIST_CAP): SafeHtml {
  if (items.length === 0) return html`<p class="none">${empty}</p>`;
  const rest = items.length - cap;
  return html`<ul>${items.slice(0, cap).map((value) => html`<li>${item(value)}</li>`)}${
    rest > 0 ? html`<li class="more">and ${rest} more</li>` : null}</ul>`;
}

/** A bulleted list of every item, never cut; `empty` when there are none. For documents with no page limit. */
export function fullList<T>(items: readonly T[], item: (value: T) => SafeHtml, empty: string): SafeHtml {
  if (items.length === 0) return html`<p class="none">${empty}</p>`;
  return html`<ul>${items.map((value) => html`<li>${item(value)}</li>`)}</ul>`;
}

/** True for an absolute http or https address: the only ones a document links to. */
export function isWebAddress(address: string): boolean {
  if (!/^https?:\/\//i.test(address)) return false;
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `content` as a link to `address` (escaped) when it is an http or https address; otherwise `content` alone. */
export function linkTo(content: HtmlValue, address: string | null): SafeHtml {
  return address !== null && isWebAddress(address) ? html`<a href="${address}">${content}</a>` : html`${content}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a footer names a sync run: the first group of a UUID (`8ee74478`), any other ID clipped to 16 characters. */
export function shortRunId(runId: string): string {
  return UUID.test(runId) ? runId.slice(0, 8) : clipText(runId, 16);
}

/** What a document is drawn with: the day it is rendered, the charter parameters and the sync run of the records. */
export interface DocumentContext {
  readonly today: IsoDate;
  readonly config: CharterConfig;
  readonly runId: string;
}

/** A rendered document: its title, the complete HTML page and the fingerprint of what it says. */
export interface RenderedDocument {
  readonly title: string;
  readonly html: string;
  /**
   * SHA-256 (hex) of the title and body: what the document says, leaving out the date and sync run it was drawn on.
   * Two renders with the same fingerprint say the same thing, so a re-run need not write the document again.
   */
  readonly fingerprint: string;
}

/** What every document page needs besides its body. */
export interface DocumentPage {
  readonly title: string;
  readonly groupName: string;
  readonly date: IsoDate;
  /** ID of the sync run whose records the document was drawn from. */
  readonly runId: string;
  readonly body: SafeHtml;
}


/**
 * A complete, self-contained HTML page: inline print CSS (A4, page numbers, no heading left at the foot of a page), the
 * §2 notice, the body, and a footer saying what the records are as of; the full sync run ID is in `<meta name="cceg-run">`.
 */
export function renderDocument(page: DocumentPage): RenderedDocument {
  const { title, groupName, body } = page;
  const fingerprint = createHash('sha256').update(JSON.stringify([title, groupName, body.text])).digest('hex');
  return { title, html: renderPage(page), fingerprint };
}

function renderPage({ title, groupName, date, runId, body }: DocumentPage): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="cceg-run" content="${runId}">
<title>${title} — ${groupName}</title>
<style>${trusted(PRINT_CSS)}</style>
</head>
<body>
<header><h1>${title}</h1><p>${groupName} · ${date}</p></header>
<p class="notice" role="note">${CCEG_ONLY_NOTICE}</p>
<main>
${body}
</main>
<footer><p>${groupName} · Records as of ${date}, sync ${shortRunId(runId)}</p></footer>
</body>
</html>
`.text;
}
