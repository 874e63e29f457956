// Text in and out of SpreadsheetML: XML escaping, OOXML `_xHHHH_` escapes, characters XML 1.0 forbids, and attributes.

/** Stands in for a character XML 1.0 cannot hold (a control character or a lone surrogate). */
export const REPLACEMENT_CHARACTER = '\uFFFD';

// C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not part of a pair.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every character FORBIDDEN may match, surrogates paired or not: text without one is storable as it is (tested fast). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** What `textContent` changes: markup characters, CR and a literal `_xHHHH_` (tested for `_x`, a superset). */
const NEEDS_ESCAPING = /[&<>"'\r]|_x/;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The text as it will be stored: every character XML 1.0 forbids becomes U+FFFD, so writing it never fails. */
export function storableText(text: string): string {
  return MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, REPLACEMENT_CHARACTER) : text;
}

/**
 * The XML content of a `<t>` element holding `text` (already storable): a literal `_xHHHH_` gets its underscore
 * escaped so readers do not decode it, markup characters become entities and CR a character reference (XML parsers
 * would turn a raw CR into LF).
 */
export function textContent(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  const escaped = escapeXml(text.includes('_x') ? text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_') : text);
  return text.includes('\r') ? escaped.replace(/\r/g, '&#13;') : escaped;
}

/** Escapes the five XML markup characters, for text content and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&${char === '&' ? 'amp' : char === '<' ? 'lt' : char === '>' ? 'gt' : char === '"' ? 'quot' : 'apos'};`);
}

/** Decodes XML entities and character references. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (match, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? match;
    const code = Number.parseInt(hex ?? decimal ?? '', hex ? 16 : 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** The text a `<t>` element stands for: entities and OOXML `_xHHHH_` escapes decoded, as readers see it. */
export function decodeText(content: string): string {
  const text = unescapeXml(content);
  return text.includes('_x') ? text.replace(OOXML_ESCAPE, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

/** The attributes of a start tag (`<c r="A1" s="2">`), by qualified name, values unescaped. */
export function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const start = tag.search(/[\s/>]/);
  for (const match of tag.slice(start < 0 ? tag.length : start).matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!, unescapeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/**
 * `make` kept by its key: what is built from an element prefix or an attribute name (tags, patterns) is built once per
 * name, not once per cell. The names a workbook uses are few.
 */
export function keptByKey<T>(make: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) kept.set(key, (value = make(key)));
    return value;
  };
}

const attributePattern = keptByKey((name) => new RegExp(`\\s${escapeRegExp(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));

/** One attribute of a start tag, or undefined. */
export function attributeOf(tag: string, name: string): string | undefined {
  const match = attributePattern(name).exec(tag);
  return match ? unescapeXml(match[1] ?? match[2] ?? '') : undefined;
}

/** The start tag with `name` set to `value` (added before the tag's end when absent). */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const quoted = `"${escapeXml(value)}"`;
  if (pattern.test(tag)) return tag.replace(pattern, (_match, prefix: string) => `${prefix}${quoted}`);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${quoted}${tag.slice(end)}`;
}

/** `text` with regular-expression syntax escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression source matching a start (or empty-element) tag `<prefix:name …>`, quotes respected. */
export function startTagSource(qualifiedName: string): string {
  return `<${qualifiedName}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`;
}

/** The namespace prefix (`x:` or '') an element of the main SpreadsheetML namespace is written with in `xml`. */
export function elementPrefix(xml: string, localName: string): string | null {
  const match = new RegExp(`<([\\w.-]+:)?${localName}(?=[\\s/>])`).exec(xml);
  return match ? (match[1] ?? '') : null;
}

interface RichTextPatterns {
  readonly phonetic: RegExp;
  readonly run: RegExp;
}

const richTextPatterns = keptByKey((prefix): RichTextPatterns => ({
  phonetic: new RegExp(`<${prefix}rPh[\\s>][\\s\\S]*?</${prefix}rPh>`, 'g'), run: new RegExp(`<${prefix}t(?:\\s[^>]*[^/>])?>([\\s\\S]*?)</${prefix}t>`, 'g'),
}));

/** The text of a rich or plain string item (`<si>` or `<is>` content): its `<t>` runs joined, phonetic runs left out. */
export function richText(inner: string, prefix: string): string {
  const patterns = richTextPatterns(prefix);
  const text = inner.includes('rPh') ? inner.replace(patterns.phonetic, '') : inner;
  const plain = plainRun(text, prefix);
  if (plain !== null) return decodeText(plain);
  let joined = '';
  for (const match of text.matchAll(patterns.run)) joined += decodeText(match[1]!);
  return joined;
}

/** The content of an item that is one bare `<t>…</t>` run (as most are), or null when it is anything else. */
function plainRun(text: string, prefix: string): string | null {
  const open = `<${prefix}t>`;
  const close = `</${prefix}t>`;
  if (!text.startsWith(open) || !text.endsWith(close)) return null;
  const content = text.slice(open.length, text.length - close.length);
  return content.includes('<') ? null : content;
}

/** Beyond this length `textAt` compares a slice: `startsWith` goes character by character, several times slower on long text. */
const SLICE_COMPARED = 32;

/** `xml.startsWith(text, at)`, as fast for a long `text` (a cell's XML, a shared string) as for a short one. */
export function textAt(xml: string, text: string, at: number): boolean {
  if (text.length < SLICE_COMPARED) return xml.startsWith(text, at);
  return at >= 0 && at + text.length <= xml.length && xml.slice(at, at + text.length) === text;
}
