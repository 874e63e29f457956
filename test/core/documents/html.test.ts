// Tests of the safe HTML builder and the self-contained page every document uses.
import { describe, expect, it } from 'vitest';
import {
  cappedList, clipText, ELLIPSIS, escapeHtml, fullList, html, isWebAddress, linkTo, renderDocument, shortRunId, trusted,
} from '../../../functions/core/documents/html.js';
import { expectEscaped, expectSelfContainedDocument, HOSTILE } from './expect-document.js';

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;'], ['plain', 'plain'],
  ])('turns %s into %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('html', () => {
  it('escapes every interpolated text, number and list item', () => {
    expect(html`<p>${HOSTILE}</p><p>${[HOSTILE, 3]}</p>`.text).toBe(`<p>${escapeHtml(HOSTILE)}</p><p>${escapeHtml(HOSTILE)}3</p>`);
  });

  it('keeps markup that was built by html or marked trusted', () => {
    expect(html`<div>${html`<b>${'a&b'}</b>`}${trusted('<i>x</i>')}</div>`.text).toBe('<div><b>a&amp;b</b><i>x</i></div>');
  });

  it('renders null and undefined as nothing', () => {
    expect(html`<p>${null}${undefined}</p>`.text).toBe('<p></p>');
  });
});

describe('cappedList', () => {
  const item = (n: number) => html`item ${n}`;

  it('shows every item of a list no longer than the cap', () => {
    const list = cappedList([1, 2, 3], item, 'none', 3).text;
    expect(list).toContain('item 3');
    expect(list).not.toContain('more');
  });

  it('cuts a longer list and ends it with "and N more"', () => {
    const list = cappedList([1, 2, 3, 4, 5, 6, 7], item, 'none', 5).text;
    expect(list).toContain('item 5');
    expect(list).not.toContain('item 6');
    expect(list).toContain('and 2 more');
  });

  it('says what is missing when the list is empty', () => {
    expect(cappedList([], item, 'Nothing to show.').text).toContain('Nothing to show.');
  });
});

describe('fullList', () => {
  it('shows every item, however many, and never "and N more"', () => {
    const list = fullList(Array.from({ length: 40 }, (_, n) => n), (n) => html`item ${n}`, 'none').text;
    expect(list).toContain('item 39');
    expect(list).not.toContain('more');
  });

  it('says what is missing when the list is empty', () => {
    expect(fullList([], () => html``, 'Nothing to show.').text).toBe('<p class="none">Nothing to show.</p>');
  });
});

describe('linkTo', () => {
  it('links an http or https address, escaping it and the text', () => {
    expect(linkTo('A & B', 'https://example.org/?a=1&b="2"').text).toBe('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">A &amp; B</a>');
    expect(linkTo('x', 'http://example.org').text).toBe('<a href="http://example.org">x</a>');
  });

  it.each([['javascript:alert(1)'], ['file:///etc/passwd'], ['mailto:chair@example.org'], ['//example.org'], ['not a url']])(
    'shows the text alone for %s', (address) => {
      expect(isWebAddress(address)).toBe(false);
      expect(linkTo('x', address).text).toBe('x');
    });

  it('shows the text alone when there is no address', () => {
    expect(linkTo(HOSTILE, null).text).toBe(escapeHtml(HOSTILE));
  });
});

describe('shortRunId', () => {
  it('keeps the first group of a UUID and at most 16 characters of any other ID', () => {
    expect(shortRunId('8ee74478-fb7a-4c1e-9a3b-0123456789ab')).toBe('8ee74478');
    expect(shortRunId('local-2018-10-06')).toBe('local-2018-10-06');
    expect(shortRunId('a-very-long-run-identifier')).toHaveLength(16);
  });
});

describe('clipText', () => {
  /** A UTF-16 unit of a surrogate pair without its other half. */
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const codePoints = (text: string) => Array.from(text).length;

  it('returns a text no longer than the limit unchanged', () => {
    expect(clipText('Short title', 20)).toBe('Short title');
    expect(clipText('', 5)).toBe('');
  });

  it('keeps a text of exactly the limit and cuts one character more', () => {
    expect(clipText('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(clipText('x'.repeat(11), 10)).toBe(`${'x'.repeat(9)}${ELLIPSIS}`);
  });

  it('cuts a long text at a word boundary near the end and ends it with "…"', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(clipText(text, 20)).toBe('The quick brown fox…');
    expect(clipText(text, 18)).toBe('The quick brown…');
    for (let max = 1; max <= text.length; max++) expect(codePoints(clipText(text, max))).toBeLessThanOrEqual(max);
  });

  it('cuts inside a word when no space is near the end', () => {
    expect(clipText(`a ${'x'.repeat(50)}`, 10)).toBe(`a ${'x'.repeat(7)}${ELLIPSIS}`);
    expect(clipText('abc', 1)).toBe(ELLIPSIS);
  });

  it('counts code points and never cuts a surrogate pair in half', () => {
    expect(clipText('😀'.repeat(5), 5)).toBe('😀'.repeat(5));
    for (let max = 1; max < 12; max++) {
      for (const text of ['😀'.repeat(12), `a${'😀'.repeat(12)}`, `Forum 🌍🌎🌏 ${'𝔘'.repeat(10)}`]) {
        const clipped = clipText(text, max);
        expect(clipped).not.toMatch(LONE_SURROGATE);
        expect(clipped.endsWith(ELLIPSIS)).toBe(true);
        expect(codePoints(clipped)).toBeLessThanOrEqual(max);
      }
    }
    expect(clipText('😀'.repeat(12), 5)).toBe(`${'😀'.repeat(4)}${ELLIPSIS}`);
  });

  it('leaves the escaping to html, after clipping, so markup shows literally and no entity is cut in half', () => {
    const typed = `<script>alert(1)</script> ${'policy '.repeat(40)}`;
    const item = html`<li>${clipText(typed, 40)}</li>`.text;
    expect(item).toBe('<li>&lt;script&gt;alert(1)&lt;/script&gt; policy policy…</li>');
    expect(item).not.toContain('<script>');
    const cutAtMarkup = html`<p>${clipText(`${'a'.repeat(8)}<<<<&&&&`, 10)}</p>`.text;
    expect(cutAtMarkup).toBe(`<p>${'a'.repeat(8)}&lt;${ELLIPSIS}</p>`);
  });
});

describe('renderDocument', () => {
  it('makes a self-contained page with the notice, the group name, the date and the run ID', () => {
    const { html: page } = renderDocument({ title: 'T', groupName: 'CCEG IG', date: '2018-10-06', runId: 'run-42', body: html`<p>Body</p>` });
    expectSelfContainedDocument(page, 'CCEG IG', '2018-10-06', 'run-42');
    expect(page).toContain('@page');
    expect(page).toContain('<p>Body</p>');
  });

  it('says in its footer what the records are as of and a short sync reference, and keeps the full run ID in its metadata', () => {
    const runId = '8ee74478-fb7a-4c1e-9a3b-0123456789ab';
    const { html: page } = renderDocument({ title: 'T', groupName: 'CCEG IG', date: '2018-10-01', runId, body: html`` });
    expect(page).toContain('<footer><p>CCEG IG · Records as of 2018-10-01, sync 8ee74478</p></footer>');
    expect(page).toContain(`<meta name="cceg-run" content="${runId}">`);
    expect(page.match(new RegExp(runId, 'g'))).toHaveLength(1);
  });

  it('numbers the printed pages and keeps headings with what follows them', () => {
    const { html: page } = renderDocument({ title: 'T', groupName: 'CCEG IG', date: '2018-10-01', runId: 'r', body: html`` });
    expect(page).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(page).toContain('h1, h2, h3 { break-after: avoid; break-inside: avoid; }');
    expect(page).toContain('li, tr, figure, .notice { break-inside: avoid; }');
  });

  it('escapes the title, the group name and the run ID', () => {
    const { html: page } = renderDocument({ title: HOSTILE, groupName: HOSTILE, date: '2018-10-06', runId: HOSTILE, body: html`` });
    expectEscaped(page);
  });

  it('gives the same fingerprint to pages that differ only in date and run ID, and another when the body or title changes', () => {
    const page = (title: string, date: string, runId: string, body: string) =>
      renderDocument({ title, groupName: 'CCEG IG', date, runId, body: html`<p>${body}</p>` });
    const first = page('T', '2018-10-06', 'run-1', 'Body');
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(page('T', '2018-10-07', 'run-2', 'Body').fingerprint).toBe(first.fingerprint);
    expect(page('T', '2018-10-06', 'run-1', 'Body!').fingerprint).not.toBe(first.fingerprint);
    expect(page('T2', '2018-10-06', 'run-1', 'Body').fingerprint).not.toBe(first.fingerprint);
  });
});
