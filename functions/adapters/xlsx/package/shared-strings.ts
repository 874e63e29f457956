// The shared string table, parsed only when a compared cell uses it (status cells are inline strings or empty).
import { elementPrefix, richText } from './xml-text.js';

/** The workbook's shared strings as plain text, by index. */
export interface SharedStringTable {
  get(index: number): string | undefined;
}

/** The shared strings of `xl/sharedStrings.xml` as plain text (rich text runs joined, phonetic runs left out). */
export class SharedStrings implements SharedStringTable {
  private items: readonly string[] | undefined;

  /** `xml` is the part's text, or '' when the workbook has none. */
  constructor(private readonly xml: string) {}

  /** The text of item `index`; undefined when there is no such item. */
  get(index: number): string | undefined {
    this.items ??= parseSharedStrings(this.xml);
    return this.items[index];
  }
}

/** Every `<si>` item's text, in order. */
function parseSharedStrings(xml: string): string[] {
  const prefix = elementPrefix(xml, 'sst') ?? '';
  const items = new RegExp(`<${prefix}si(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${prefix}si>)`, 'g');
  return Array.from(xml.matchAll(items), (match) => richText(match[1] ?? '', prefix));
}
