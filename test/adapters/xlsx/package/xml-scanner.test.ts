import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scanXml } from '../../../../functions/adapters/xlsx/package/xml-scanner.js';

type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };

// exceljs's SAX helper (saxes), which the sheet reader used before: the scanner must see what it saw.
const parseSax = createRequire(import.meta.url)('exceljs/lib/utils/parse-sax.js') as (xml: AsyncIterable<string>) => AsyncIterable<SaxEvent[]>;

async function* chunked(xml: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < xml.length; at += size) yield xml.slice(at, at + size);
}

/** Events as one list: adjacent texts joined (both readers may split text anywhere). */
function joined(events: string[]): string[] {
  const out: string[] = [];
  for (const event of events) {
    if (event.startsWith('text ') && out.at(-1)?.startsWith('text ')) out[out.length - 1] += event.slice(5);
    else out.push(event);
  }
  return out.filter((event) => event !== 'text ');
}

async function scanned(xml: string, size: number): Promise<string[]> {
  const events: string[] = [];
  await scanXml(chunked(xml, size), {
    openTag: (name, attributes) => events.push(`open ${name} ${JSON.stringify(Object.fromEntries(attributes.entries()))}`),
    closeTag: (name) => events.push(`close ${name}`),
    text: (text) => events.push(`text ${text}`),
  });
  return joined(events);
}

async function saxed(xml: string, size: number): Promise<string[]> {
  const events: string[] = [];
  for await (const batch of parseSax(chunked(xml, size))) {
    for (const event of batch) {
      if (event.eventType === 'opentag') events.push(`open ${event.value.name} ${JSON.stringify({ ...event.value.attributes })}`);
      else if (event.eventType === 'closetag') events.push(`close ${event.value.name}`);
      else events.push(`text ${event.value}`);
    }
  }
  return joined(events);
}

const SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r=\'B1\' s="2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#x41;&#66; </t></is></c></row>\n' +
  '<!-- a comment --><?pi body?><row r="2"><c r="A2"><f t="shared" ref="A2:A9" si="0">SUM(B1:B2)</f><v>3</v></c>' +
  '<c r="B2" t="str"><v>line\r\none\rtwo&#13;</v></c><c r="C2"><v>1<![CDATA[<ignored>]]>2</v></c><c r="D2" t="e"/></row>' +
  '<x:row x:r="3" a = "tab\there\nand&#10;ref"><x:c r="A3" t="b"><x:v>1</x:v></x:c></x:row>' +
  '<row r="4"><c r="A4" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><i/></rPr><t>text 😀 é</t></r><rPh><t>ふり</t></rPh></is></c></row>' +
  '</sheetData></worksheet>\n';

describe('scanXml', () => {
  it.each([1, 2, 3, 7, 16, 64, 100_000])('reports the tags, attributes and text exceljs\'s SAX helper reported, in chunks of %i characters', async (size) => {
    expect(await scanned(SHEET, size)).toEqual(await saxed(SHEET, 100_000));
  });

  it.each([
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a reference to a character XML does not allow', '<a>&#0;</a>'],
    ['an entity with no semicolon', '<r><a>AT&T</a><b>&amp;</b></r>'],
    ['a control character', '<a>\u0001</a>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an end tag with no start tag', '<a></a></b>'],
    ['text outside the root element', '<a/>text<!-- -->'],
    ['a second root element', '<a/><b/>'],
    ['"<" in an attribute value', '<a b="<"/>'],
    ['an unquoted attribute value', '<a b=c/>'],
    ['an attribute with no value', '<a b/>'],
    ['two attributes with no space between them', '<a b="1"c="2"/>'],
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['"--" in a comment', '<a><!-- a -- b --></a>'],
    ['a slash not closing a start tag', '<a / >'],
  ])('refuses %s, as exceljs\'s SAX helper did', async (_name, xml) => {
    await expect(saxed(xml, 100_000)).rejects.toThrow();
    for (const size of [1, 3, 100_000]) await expect(scanned(xml, size)).rejects.toThrow(/not well-formed/);
  });

  it('reads a document cut short as far as it goes, as exceljs\'s SAX helper did', async () => {
    const cut = '<a><b x="1">text</b><c y="';
    expect(await scanned(cut, 5)).toEqual(await saxed(cut, 100_000));
  });

  it('throws a fault the handler raised only once the rest of its chunk is found well-formed', async () => {
    const handler = { openTag: () => { throw new Error('limit'); }, closeTag: () => undefined, text: () => undefined };
    await expect(scanXml(chunked('<a><b/>&bad;</a>', 100), handler)).rejects.toThrow(/not well-formed/);
    await expect(scanXml(chunked('<a><b/></a>', 100), handler)).rejects.toThrow('limit');
  });
});
