// The shared string table: items by index as readers see them, found however they are written, each decoded on demand.
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../../functions/adapters/xlsx/package/shared-strings.js';

const sst = (items: string, prefix = '') =>
  `<?xml version="1.0"?><${prefix}sst xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</${prefix}sst>`;

describe('SharedStrings', () => {
  it.each([
    ['a plain item', '<si><t>Plain</t></si>', 0, 'Plain'],
    ['an item after an empty self-closing one', '<si/><si><t>Second</t></si>', 1, 'Second'],
    ['an empty self-closing item', '<si/><si><t>Second</t></si>', 0, ''],
    ['an item with attributes', '<si a="1"><t>A</t></si><si ><t>B</t></si>', 1, 'B'],
    ['rich text runs, phonetic runs left out', '<si><r><t>Ri</t></r><r><rPr><b/></rPr><t>ch</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>', 0, 'Rich'],
    ['entities and _xHHHH_ escapes', '<si><t>a &amp; b_x0041_</t></si>', 0, 'a & bA'],
    ['an element only starting like an item', '<sic/><si><t>Real</t></si>', 0, 'Real'],
  ])('reads %s', (_name, items, index, text) => {
    expect(new SharedStrings(sst(items)).get(index)).toBe(text);
  });

  it('reads items written with a namespace prefix', () => {
    expect(new SharedStrings(sst('<x:si><x:t>One</x:t></x:si><x:si><x:t>Two</x:t></x:si>', 'x:')).get(1)).toBe('Two');
  });

  it('gives undefined past the last item, before the first, and for a workbook with no table', () => {
    const strings = new SharedStrings(sst('<si><t>Only</t></si>'));
    expect([strings.get(1), strings.get(-1), new SharedStrings('').get(0)]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps only cellChars + 1 characters of a longer item', () => {
    expect(new SharedStrings(sst(`<si><t>${'x'.repeat(50)}</t></si>`), 10).get(0)).toBe('x'.repeat(11));
  });

  it('finds the 100,000th item of a large table', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => `<si><t>Item ${index}</t></si>`).join('');
    expect(new SharedStrings(sst(items)).get(99_999)).toBe('Item 99999');
  });
});

describe('SharedStrings.isText', () => {
  it.each([
    ['an item written as the run given', '<si><t>Say &quot;hi&quot;</t></si>', 'Say "hi"', '<t>Say &quot;hi&quot;</t>', true],
    ['an item escaped otherwise than the run', '<si><t>Say "hi"</t></si>', 'Say "hi"', '<t>Say &quot;hi&quot;</t>', true],
    ['a rich item reading as the text', '<si><r><t>Sa</t></r><r><t>y</t></r></si>', 'Say', '<t>Say</t>', true],
    ['an item reading otherwise', '<si><t>Sax</t></si>', 'Say', '<t>Say</t>', false],
    ['an item with a prefix the run lacks', '<x:si><x:t>Say</x:t></x:si>', 'Say', '<t>Say</t>', true],
  ])('reads %s', (_name, items, text, run, expected) => {
    const prefixed = items.startsWith('<x:');
    expect(new SharedStrings(sst(items, prefixed ? 'x:' : '')).isText(0, text, run)).toBe(expected);
  });

  it('says no item past the end reads as any text', () => {
    expect(new SharedStrings(sst('<si><t>A</t></si>')).isText(1, 'A', '<t>A</t>')).toBe(false);
  });

  it('lets only get judge a text longer than the cell limit, which it keeps cut short', () => {
    expect(new SharedStrings(sst('<si><t>abcdef</t></si>'), 3).isText(0, 'abcdef', '<t>abcdef</t>')).toBe(false);
  });
});
