// What the write-back will not write around: comments, CDATA sections and processing instructions inside a sheet's root element.
import { describe, expect, it } from 'vitest';
import { hasMarkupInBody } from '../../../../functions/adapters/xlsx/write-back/markup-in-body.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const sheet = (body: string, prolog = '') => Buffer.from(`${DECLARATION}${prolog}<worksheet xmlns="main"><sheetData>${body}</sheetData></worksheet>`, 'utf8');

describe('hasMarkupInBody', () => {
  it('finds nothing in a sheet as spreadsheet programs write it, escaped text included', () => {
    expect(hasMarkupInBody(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;!-- b --&gt; &lt;?c?&gt;</t></is></c></row>'))).toBe(false);
    expect(hasMarkupInBody(sheet(''))).toBe(false);
  });

  it('leaves the prolog out: its declaration, processing instructions and comments come before the rows', () => {
    expect(hasMarkupInBody(sheet('<row r="1"/>', '<?xml-stylesheet href="a.xsl"?><!-- made by a script -->\n'))).toBe(false);
  });

  it.each([
    ['a comment', '<!-- <row r="2"> -->'],
    ['a CDATA section', '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<row r="2">]]></t></is></c></row>'],
    ['a processing instruction', '<row r="1"/><?note?>'],
  ])('finds %s inside the root element', (_what, body) => {
    expect(hasMarkupInBody(sheet(body))).toBe(true);
  });

  it('finds nothing in bytes that hold no element', () => {
    expect(hasMarkupInBody(Buffer.from(DECLARATION))).toBe(false);
    expect(hasMarkupInBody(Buffer.alloc(0))).toBe(false);
  });
});
