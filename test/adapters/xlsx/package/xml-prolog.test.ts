// The DOCTYPE watch: finds a declaration in the prolog however the text is cut, and reads nothing past the root element.
import { describe, expect, it } from 'vitest';
import { hasDoctype, PrologWatch } from '../../../../functions/adapters/xlsx/package/xml-prolog.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

describe('PrologWatch', () => {
  it.each([
    ['a DOCTYPE after the XML declaration', `${DECLARATION}<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet/>`, true],
    ['a DOCTYPE after a comment and a processing instruction', `${DECLARATION}<!-- made by hand --><?pi x?>\n<!doctype worksheet><worksheet/>`, true],
    ['a DOCTYPE after a byte order mark', `\uFEFF<!DOCTYPE worksheet><worksheet/>`, true],
    ['no DOCTYPE', `${DECLARATION}<worksheet><sheetData/></worksheet>`, false],
    ['"<!DOCTYPE" inside a comment', `${DECLARATION}<!-- <!DOCTYPE x> --><worksheet/>`, false],
    ['"<!DOCTYPE" in a cell, after the root element', `${DECLARATION}<worksheet><c><v>&lt;!DOCTYPE</v></c><!DOCTYPE x></worksheet>`, false],
  ])('says whether the prolog holds a DOCTYPE: %s', (_name, xml, expected) => {
    expect(hasDoctype(xml)).toBe(expected);
  });

  it('finds a DOCTYPE cut into pieces of every length, at every place', () => {
    const xml = `${DECLARATION}<!-- a -- comment --><!DOCTYPE worksheet><worksheet/>`;
    for (let size = 1; size <= 12; size++) {
      const watch = new PrologWatch();
      let seen = false;
      for (let at = 0; at < xml.length && !seen; at += size) seen = watch.seesDoctype(xml.slice(at, at + size));
      expect(seen, `pieces of ${size}`).toBe(true);
    }
  });

  it('stops reading at the root element, so the rows cost it nothing', () => {
    const watch = new PrologWatch();
    expect(watch.seesDoctype(`${DECLARATION}<worksheet>`)).toBe(false);
    expect(watch.seesDoctype('<!DOCTYPE x>')).toBe(false);
  });
});
