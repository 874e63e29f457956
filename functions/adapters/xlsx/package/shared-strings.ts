// The shared string table, parsed only when a compared cell uses it (status cells are inline strings or empty).
import { elementPrefix, richText } from './xml-text.js';

/** The workbook's shared strings as plain text, by index. */
export interface SharedStringTable {
  get(index: number): string | undefined;
}

/** The shared strings of `xl/sharedStrings.xml` as plain text (rich text runs joined, phonetic runs left out). */
export class SharedStrings implements SharedStringTable {
  private items: readonly string[] | undefined;

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
    this.items ??= parseSharedStrings(this.xml, this.cellChars);
    return this.items[index];
  }
}

/** Every `<si>` item's text, in order, each cut after `cellChars + 1` characters. */
function parseSharedStrings(xml: string, cellChars: number): string[] {
  const prefix = elementPrefix(xml, 'sst') ?? '';
  const items = new RegExp(`<${prefix}si(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, 'g');
  return Array.from(xml.matchAll(items), (match) => {
    const text = richText(match[1] ?? '', prefix);
    return text.length > cellChars ? text.slice(0, cellChars + 1) : text;
  });
}
