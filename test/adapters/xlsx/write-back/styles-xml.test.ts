// The system tabs' styles are appended to the style sheet, so the styles cells already use keep their indexes.
import { describe, expect, it } from 'vitest';
import { withTableStyles } from '../../../../functions/adapters/xlsx/write-back/styles-xml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (prefix: string, dxfs: string) => {
  const p = prefix === '' ? '' : `${prefix}:`;
  return `<${p}styleSheet xmlns${prefix === '' ? '' : `:${prefix}`}="${MAIN}"><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0"/><${p}xf numFmtId="14" fontId="0"/></${p}cellXfs>${dxfs}<${p}tableStyles count="0"/></${p}styleSheet>`;
};

describe('withTableStyles', () => {
  it('appends a bold font, a bold and a wrapped cell format, and the error and warning colours, with their indexes', () => {
    const added = withTableStyles(sheet('', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>'))!;
    expect(added.styles).toEqual({ header: 2, wrapped: 3, error: 1, warning: 2 });
    expect(added.xml).toContain('<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>');
    expect(added.xml).toContain('<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>');
    expect(added.xml).toMatch(/<dxfs count="3"><dxf><font><b\/><\/font><\/dxf><dxf><font><color rgb="FF9C0006"\/>.*<bgColor rgb="FFFFEB9C"\/><\/patternFill><\/fill><\/dxf><\/dxfs><tableStyles/);
  });

  it.each([
    ['no dxfs at all', ''],
    ['an empty dxfs', '<dxfs count="0"/>'],
  ])('adds the colours to a style sheet with %s, where the schema wants them', (_name, dxfs) => {
    const added = withTableStyles(sheet('', dxfs))!;
    expect(added.styles).toMatchObject({ error: 0, warning: 1 });
    expect(added.xml).toMatch(/<\/cellXfs><dxfs count="2"><dxf>.*<\/dxfs><tableStyles count="0"\/>/);
  });

  it('writes its elements with the prefix of a style sheet that uses one', () => {
    const added = withTableStyles(sheet('x', ''))!;
    expect(added.xml).toContain('<x:font><x:b/><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts>');
    expect(added.xml).toContain('<x:dxfs count="2"><x:dxf><x:font><x:color rgb="FF9C0006"/></x:font>');
    expect(added.xml).not.toMatch(/<(?!\/?x:)[a-z]/);
  });

  it('adds nothing to a part that is not a style sheet', () => {
    expect(withTableStyles('<other/>')).toBeNull();
  });
});
