// A small, strict XML scanner for worksheet parts streamed in chunks: start and end tags with their attributes, and text.

/** What the scanner reports, in document order; a self-closing tag is a start tag followed by its end tag. */
export interface XmlHandler {
  /** A start tag: its qualified name (`x:c`) and its attributes, valid only during the call (the scanner reuses them). */
  openTag(name: string, attributes: XmlAttributes): void;
  closeTag(name: string): void;
  /** Character data (only spaces outside the root element), entities decoded and line ends normalized; it may come in pieces. */
  text(text: string): void;
}

/** The attributes of a start tag by qualified name, values decoded; a tag has few, so they are looked up in order. */
export class XmlAttributes {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;

  /** The value of attribute `name`, or undefined. */
  get(name: string): string | undefined {
    for (let index = 0; index < this.count; index++) if (this.names[index] === name) return this.values[index];
    return undefined;
  }

  /** Every attribute as [name, value], in document order. */
  entries(): [string, string][] {
    return this.names.slice(0, this.count).map((name, index) => [name, this.values[index]!]);
  }

  /** @internal Empties the list for the next tag. */
  clear(): void {
    this.count = 0;
  }

  /** @internal Adds an attribute; false when the tag already has one of that name. */
  add(name: string, value: string): boolean {
    if (this.get(name) !== undefined) return false;
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.count++;
    return true;
  }
}

/** Characters XML 1.0 does not allow anywhere in a document (the text decoder leaves no lone surrogate). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*$/;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Names already found well-formed: a sheet uses a handful of element and attribute names over and over. */
const knownNames = new Set<string>();
const KNOWN_NAMES_KEPT = 1_000;

/**
 * Scans `xml`, chunk by chunk, into `handler`'s calls. What the sheet reader needs of XML and nothing more: comments,
 * processing instructions and CDATA sections are skipped (CDATA carries no cell text, as exceljs's SAX helper never
 * read it either). A document that is not well-formed (a disallowed character, an undefined entity, a mismatched end
 * tag, text outside the root, a malformed tag) fails with an Error by the end of the chunk holding the fault; a fault
 * the handler throws in that chunk comes after it. The end of the document is not checked (a truncated part reads as
 * far as it goes), as with exceljs's helper.
 */
export async function scanXml(xml: AsyncIterable<string>, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of xml) scanner.write(chunk);
}

class XmlScanner {
  /** Raw text not scanned yet: an unfinished tag, or text whose end may change with the next chunk. */
  private rest = '';
  /** Decoded text since the last tag, handed over at the next `<`. */
  private pending = '';
  private readonly open: string[] = [];
  private closedRoot = false;
  /** The first fault the handler threw in the current chunk, thrown once the chunk is scanned. */
  private fault: unknown = undefined;
  private faulted = false;
  private readonly attributes = new XmlAttributes();

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    if (DISALLOWED.test(chunk)) throw malformed('disallowed character');
    const xml = this.rest + chunk;
    this.rest = '';
    let at = 0;
    while (at < xml.length) {
      const tag = xml.indexOf('<', at);
      if (tag < 0) {
        const end = safeTextEnd(xml, at);
        this.addText(xml.slice(at, end));
        this.rest = xml.slice(end);
        break;
      }
      if (tag > at) this.addText(xml.slice(at, tag));
      this.flushText();
      const next = this.markup(xml, tag);
      if (next < 0) {
        this.rest = xml.slice(tag);
        break;
      }
      at = next;
    }
    if (this.faulted) throw this.fault;
  }

  private addText(raw: string): void {
    if (raw.includes(']]>')) throw malformed('"]]>" in text');
    const text = decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
    this.pending = this.pending === '' ? text : this.pending + text;
  }

  private flushText(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    if (this.open.length === 0 && text.trim() !== '') throw malformed('text outside the root element');
    this.emitText(text);
  }

  /** Scans the markup starting at `xml[at]` (`<`): the index past it, or -1 when it is not complete yet. */
  private markup(xml: string, at: number): number {
    const next = xml.charCodeAt(at + 1);
    if (Number.isNaN(next)) return -1;
    if (next === 0x2f /* / */) return this.endTag(xml, at);
    if (next === 0x3f /* ? */) return skipPast(xml, '?>', at + 2);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('!--', at + 1)) {
        const end = xml.indexOf('-->', at + 4);
        if (end < 0) return -1;
        const comment = xml.slice(at + 4, end);
        if (comment.includes('--') || comment.endsWith('-')) throw malformed('"--" in a comment');
        return end + 3;
      }
      if (xml.startsWith('![CDATA[', at + 1)) {
        if (this.open.length === 0) throw malformed('CDATA outside the root element');
        return skipPast(xml, ']]>', at + 9);
      }
      if (xml.length - at < 9 && ('<!--'.startsWith(xml.slice(at, at + 4)) || '<![CDATA['.startsWith(xml.slice(at)))) return -1;
      throw malformed('a declaration the sheet reader does not read');
    }
    return this.startTag(xml, at);
  }

  private endTag(xml: string, at: number): number {
    const end = xml.indexOf('>', at + 2);
    if (end < 0) return -1;
    const name = xml.slice(at + 2, end).trimEnd();
    if (!isName(name)) throw malformed('a malformed end tag');
    const open = this.open.pop();
    if (open !== name) throw malformed(open === undefined ? `an end tag </${name}> with no start tag` : `</${name}> closing <${open}>`);
    if (this.open.length === 0) this.closedRoot = true;
    this.emitClose(name);
    return end + 1;
  }

  private startTag(xml: string, at: number): number {
    const length = xml.length;
    let index = at + 1;
    while (index < length && !endsName(xml.charCodeAt(index))) index++;
    if (index >= length) return -1;
    const name = xml.slice(at + 1, index);
    if (!isName(name)) throw malformed('a malformed start tag');
    const attributes = this.attributes;
    attributes.clear();
    let spaced = false;
    for (;;) {
      while (index < length && isSpace(xml.charCodeAt(index))) {
        index++;
        spaced = true;
      }
      if (index >= length) return -1;
      const code = xml.charCodeAt(index);
      if (code === 0x3e /* > */ || code === 0x2f /* / */) {
        const selfClosing = code === 0x2f;
        if (selfClosing) {
          if (index + 1 >= length) return -1;
          if (xml.charCodeAt(index + 1) !== 0x3e) throw malformed('"/" not followed by ">" in a start tag');
        }
        if (this.open.length === 0 && this.closedRoot) throw malformed('a second root element');
        this.emitOpen(name, attributes);
        if (selfClosing) {
          if (this.open.length === 0) this.closedRoot = true;
          this.emitClose(name);
          return index + 2;
        }
        this.open.push(name);
        return index + 1;
      }
      if (!spaced) throw malformed('no space before an attribute');
      const nameStart = index;
      while (index < length && !endsAttributeName(xml.charCodeAt(index))) index++;
      const attribute = xml.slice(nameStart, index);
      while (index < length && isSpace(xml.charCodeAt(index))) index++;
      if (index >= length) return -1;
      if (xml.charCodeAt(index) !== 0x3d /* = */ || !isName(attribute)) throw malformed('an attribute with no value');
      index++;
      while (index < length && isSpace(xml.charCodeAt(index))) index++;
      if (index >= length) return -1;
      const quote = xml[index]!;
      if (quote !== '"' && quote !== "'") throw malformed('an unquoted attribute value');
      const close = xml.indexOf(quote, index + 1);
      if (close < 0) return -1;
      const raw = xml.slice(index + 1, close);
      if (!attributes.add(attribute, attributeValue(raw))) throw malformed(`a second ${attribute} attribute`);
      index = close + 1;
      spaced = false;
    }
  }

  // The handler is called only until it throws in this chunk: the rest of the chunk is still checked for faults.
  private emitOpen(name: string, attributes: XmlAttributes): void {
    if (this.faulted) return;
    try {
      this.handler.openTag(name, attributes);
    } catch (error) {
      this.faulted = true;
      this.fault = error;
    }
  }

  private emitClose(name: string): void {
    if (this.faulted) return;
    try {
      this.handler.closeTag(name);
    } catch (error) {
      this.faulted = true;
      this.fault = error;
    }
  }

  private emitText(text: string): void {
    if (this.faulted) return;
    try {
      this.handler.text(text);
    } catch (error) {
      this.faulted = true;
      this.fault = error;
    }
  }
}

/** Where text at the end of a chunk stops being safe to decode: before an unfinished entity, a CR, or `]` that may start `]]>`. */
function safeTextEnd(xml: string, from: number): number {
  let end = xml.length;
  const amp = xml.lastIndexOf('&');
  if (amp >= from && !xml.includes(';', amp)) end = amp;
  while (end > from && end > xml.length - 2 && (xml[end - 1] === ']' || xml[end - 1] === '\r')) end--;
  return end;
}

/** An attribute value as written (between its quotes): `<` refused, literal tabs and line ends as spaces, entities decoded. */
function attributeValue(raw: string): string {
  let plain = true;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code === 0x3c /* < */) throw malformed('"<" in an attribute value');
    if (code === 0x26 /* & */ || code === 0x09 || code === 0x0a || code === 0x0d) plain = false;
  }
  if (plain) return raw;
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '));
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from);
  return end < 0 ? -1 : end + terminator.length;
}

function isName(name: string): boolean {
  if (knownNames.has(name)) return true;
  if (!NAME.test(name)) return false;
  if (knownNames.size < KNOWN_NAMES_KEPT) knownNames.add(name);
  return true;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function endsName(code: number): boolean {
  return isSpace(code) || code === 0x3e /* > */ || code === 0x2f /* / */;
}

function endsAttributeName(code: number): boolean {
  return isSpace(code) || code === 0x3d /* = */ || code === 0x3e /* > */ || code === 0x2f /* / */;
}

/** Text with its entities and character references decoded; an undefined entity or a reference to a character XML does not allow fails. */
function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let decoded = '';
  let from = 0;
  while (amp >= 0) {
    const semicolon = raw.indexOf(';', amp + 1);
    if (semicolon < 0) throw malformed('an entity with no ";"');
    decoded += raw.slice(from, amp) + entity(raw.slice(amp + 1, semicolon));
    from = semicolon + 1;
    amp = raw.indexOf('&', from);
  }
  return decoded + raw.slice(from);
}

function entity(name: string): string {
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return predefined;
  const code = /^#x[0-9A-Fa-f]+$/.test(name) ? Number.parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? Number.parseInt(name.slice(1), 10) : NaN;
  if (!isXmlChar(code)) throw malformed(`the entity &${name};`);
  return String.fromCodePoint(code);
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function malformed(what: string): Error {
  return new Error(`The XML is not well-formed: ${what}.`);
}
