// The shared string table: its items found once by a cheap scan, each decoded only when a cell asks for it.
import { elementPrefix, richText, textAt } from './xml-text.js';

/** The workbook's shared strings as plain text, by index. */
export interface SharedStringTable {
  get(index: number): string | undefined;
  /**
   * Whether item `index` reads as `text` (not empty), as `get` would give it; `run` is a `<t>` element that reads as
   * `text` (as the write-back writes it), which a plain item's XML is compared with before anything is decoded.
   */
  isText(index: number, text: string, run: string): boolean;
}

/** Where each `<si>` item's content lies in the part's text: `[starts[i], ends[i])`. */
interface ItemSpans {
  readonly prefix: string;
  readonly starts: number[];
  readonly ends: number[];
}

/** The shared strings of `xl/sharedStrings.xml` as plain text (rich text runs joined, phonetic runs left out). */
export class SharedStrings implements SharedStringTable {
  private spans: ItemSpans | undefined;
  // A map, not an array: items are decoded in any order, and an array written out of order becomes a slow dictionary.
  private readonly decoded = new Map<number, string>();

  /**
   * `xml` is the part's text, or '' when the workbook has none. An item longer than `cellChars` keeps only its first
   * `cellChars + 1` characters: enough for the cell that uses it to be refused (limits.cellChars), and no more.
   */
  constructor(
    private readonly xml: string,
    private readonly cellChars = Number.POSITIVE_INFINITY,
  ) {}

  /** The text of item `index`; undefined when there is no such item. */
  get(index: number): string | undefined {
    const known = this.decoded.get(index);
    if (known !== undefined) return known;
    const spans = (this.spans ??= itemSpans(this.xml));
    if (!(index >= 0 && index < spans.starts.length)) return undefined;
    const text = richText(this.xml.slice(spans.starts[index], spans.ends[index]), spans.prefix);
    const kept = text.length > this.cellChars ? text.slice(0, this.cellChars + 1) : text;
    this.decoded.set(index, kept);
    return kept;
  }

  /** Whether item `index` reads as `text`: an item whose XML is `run` does, found without decoding it. */
  isText(index: number, text: string, run: string): boolean {
    const known = this.decoded.get(index);
    if (known !== undefined) return known === text;
    const spans = (this.spans ??= itemSpans(this.xml));
    if (!(index >= 0 && index < spans.starts.length)) return false;
    const start = spans.starts[index]!;
    // A text longer than `cellChars` is kept cut short by `get`, so only `get` can say.
    if (text.length <= this.cellChars && spans.ends[index]! - start === run.length && textAt(this.xml, run, start)) return true;
    return this.get(index) === text;
  }
}

/**
 * The content span of every `<si>` item, in order, as `<si(?:\s[^>]*?)?(?:/>|>([\s\S]*?)</si>)` would match them
 * one after another (a self-closing item is empty), found with `indexOf` instead: a table of 100,000 items is
 * scanned in a few milliseconds, and no item is decoded before it is used.
 */
function itemSpans(xml: string): ItemSpans {
  const prefix = elementPrefix(xml, 'sst') ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at)) {
    const after = at + open.length;
    const next = xml[after];
    let tagEnd = -1;
    if (next === '>') tagEnd = after;
    else if (next === '/' && xml[after + 1] === '>') tagEnd = after + 1;
    else if (next !== undefined && /\s/.test(next)) tagEnd = xml.indexOf('>', after);
    if (tagEnd < 0) {
      at = after;
      continue;
    }
    if (tagEnd > after && xml[tagEnd - 1] === '/') {
      starts.push(tagEnd + 1);
      ends.push(tagEnd + 1);
      at = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd + 1);
    if (end < 0) {
      at = after;
      continue;
    }
    starts.push(tagEnd + 1);
    ends.push(end);
    at = end + close.length;
  }
  return { prefix, starts, ends };
}
