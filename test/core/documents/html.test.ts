// Tests of the safe HTML builder and the self-contained page every document uses.
import { describe, expect, it } from 'vitest';
import { cappedList, escapeHtml, html, renderDocument, trusted } from '../../../functions/core/documents/html.js';
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

describe('renderDocument', () => {
  it('makes a self-contained page with the notice, the group name, the date and the run ID', () => {
    const { html: page } = renderDocument({ title: 'T', groupName: 'CCEG IG', date: '2018-10-06', runId: 'run-42', body: html`<p>Body</p>` });
    expectSelfContainedDocument(page, 'CCEG IG', '2018-10-06', 'run-42');
    expect(page).toContain('@page');
    expect(page).toContain('<p>Body</p>');
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
