// Reads the documents' own HTML (as the renderer writes it) into a tree of elements, texts and raw <svg> sources.

/** An element with its lower-case name, its attributes and its children. */
export interface HtmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: HtmlNode[];
}

/** Text, with its entities decoded. */
export interface HtmlText {
  readonly kind: 'text';
  readonly text: string;
}

/** An inline `<svg>…</svg>`, kept as its source. */
export interface HtmlSvg {
  readonly kind: 'svg';
  readonly source: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** One node of the tree. */
export type HtmlNode = HtmlElement | HtmlText | HtmlSvg;

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'wbr']);
/** Elements whose content is not text to show. */
const SKIPPED = new Set(['head', 'style', 'script', 'title', 'template']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|<!--[\s\S]*?-->|<![^>]*>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references of HTML text: `&amp;`, `&#39;`, `&#x2013;` and a few named ones. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

function attributesOf(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name = '', double, single, bare] of source.matchAll(ATTRIBUTE)) attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
  return attributes;
}

/**
 * The children of the page's `<body>` (of the whole text when it has none), with `<head>`, `<style>`, `<script>` and
 * comments left out and each `<svg>` kept whole. Meant for well-formed markup such as the renderer's; an unclosed
 * element ends with its parent.
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', name: '#root', attributes: {}, children: [] };
  const open: HtmlElement[] = [root];
  let skipping: string | null = null;
  let at = 0;
  const top = () => open[open.length - 1] ?? root;
  const tags = new RegExp(TAG.source, 'g');
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    const [whole, closing = '', rawName, rawAttributes = '', selfClosing = ''] = match;
    const start = match.index;
    if (skipping === null && start > at) top().children.push({ kind: 'text', text: decodeEntities(html.slice(at, start)) });
    at = start + whole.length;
    if (rawName === undefined) continue; // a comment or a doctype
    const name = rawName.toLowerCase();
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (closing) {
      const index = open.map((element) => element.name).lastIndexOf(name);
      if (index > 0) open.length = index;
      continue;
    }
    if (SKIPPED.has(name)) {
      if (!selfClosing) skipping = name;
      continue;
    }
    if (name === 'svg') {
      const end = html.indexOf('</svg>', at);
      const stop = end < 0 ? html.length : end + '</svg>'.length;
      top().children.push({ kind: 'svg', source: html.slice(start, stop), attributes: attributesOf(rawAttributes) });
      at = stop;
      tags.lastIndex = stop;
      continue;
    }
    const element: HtmlElement = { kind: 'element', name, attributes: attributesOf(rawAttributes), children: [] };
    top().children.push(element);
    if (!selfClosing && !VOID.has(name)) open.push(element);
  }
  if (skipping === null && at < html.length) top().children.push({ kind: 'text', text: decodeEntities(html.slice(at)) });
  const body = findElement(root.children, 'body');
  return body?.children ?? root.children;
}

function findElement(nodes: readonly HtmlNode[], name: string): HtmlElement | null {
  for (const node of nodes) {
    if (node.kind !== 'element') continue;
    if (node.name === name) return node;
    const found = findElement(node.children, name);
    if (found !== null) return found;
  }
  return null;
}
