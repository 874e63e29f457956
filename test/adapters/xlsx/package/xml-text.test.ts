// Text into SpreadsheetML and back: escaping, OOXML escapes and characters XML 1.0 forbids.
import { describe, expect, it } from 'vitest';
import { decodeText, keptByKey, storableText, textAt, textContent, withAttribute } from '../../../../functions/adapters/xlsx/package/xml-text.js';

describe('storableText', () => {
  it.each([
    ['keeps tab, line feed and carriage return', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['replaces other control characters', 'a\u0000b\u0007c\u001bd\u000be', 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe'],
    ['replaces U+FFFE and U+FFFF', 'a\uFFFEb\uFFFF', 'a\uFFFDb\uFFFD'],
    ['replaces lone surrogates and keeps pairs', 'a\uD800b\uDC00c🗳', 'a\uFFFDb\uFFFDc🗳'],
  ])('%s', (_name, text, expected) => {
    expect(storableText(text)).toBe(expected);
  });
});

describe('textContent and decodeText', () => {
  it.each([
    ['=IMPORTXML("x")', '=IMPORTXML(&quot;x&quot;)'],
    ['a <b> & c', 'a &lt;b&gt; &amp; c'],
    [']]>', ']]&gt;'],
    [`'single'`, '&apos;single&apos;'],
    ['line\r\nbreak', 'line&#13;\nbreak'],
    ['_x0041_', '_x005F_x0041_'],
    ['_x0041__x0042_', '_x005F_x0041__x005F_x0042_'],
    ['_x41_ is no escape', '_x41_ is no escape'],
  ])('writes %j so that it reads back the same', (text, content) => {
    expect(textContent(text)).toBe(content);
    expect(decodeText(content)).toBe(text);
  });

  it('decodes the OOXML escapes other writers use', () => {
    expect(decodeText('a_x000D_b&#x41;&#66;')).toBe('a\rbAB');
  });
});

describe('withAttribute', () => {
  it.each([
    ['replaces a value', '<dimension ref="A1:B2"/>', 'ref', 'A1:C9', '<dimension ref="A1:C9"/>'],
    ['adds a missing attribute to an empty element', '<row r="2"/>', 'spans', '1:3', '<row r="2" spans="1:3"/>'],
    ['adds a missing attribute to a start tag', '<row r="2">', 'spans', '1:3', '<row r="2" spans="1:3">'],
    ['does not take a longer name for the one asked', '<c rr="1" r="A1">', 'r', 'B2', '<c rr="1" r="B2">'],
  ])('%s', (_name, tag, name, value, expected) => {
    expect(withAttribute(tag, name, value)).toBe(expected);
  });
});

describe('textAt', () => {
  const long = 'a long text, longer than a slice is worth taking';
  const xml = `<t>${long}</t><t>short</t>`;
  it.each<[string, string, number, boolean]>([
    ['a long text where it is', long, 3, true],
    ['a long text one character off', long, 4, false],
    ['a long text running past the end', long, xml.length - 10, false],
    ['a short text where it is', 'short', xml.indexOf('short'), true],
    ['a short text elsewhere', 'short', 0, false],
    ['a long text at a negative position', long, -1, false],
  ])('finds %s as startsWith does', (_name, text, at, expected) => {
    expect(textAt(xml, text, at)).toBe(expected);
    expect(textAt(xml, text, at)).toBe(xml.startsWith(text, at));
  });
});

describe('keptByKey', () => {
  it('builds what a key makes once, and hands the same back for that key', () => {
    const made: string[] = [];
    const tagOf = keptByKey((prefix) => {
      made.push(prefix);
      return { open: `<${prefix}c` };
    });

    expect(tagOf('x:')).toBe(tagOf('x:'));
    expect(tagOf('')).toEqual({ open: '<c' });
    expect(made).toEqual(['x:', '']);
  });
});
