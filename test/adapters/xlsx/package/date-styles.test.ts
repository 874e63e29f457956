// Cell styles that show dates: built-in date formats and custom ones, told apart from numbers and text.
import { describe, expect, it } from 'vitest';
import { dateStyles } from '../../../../functions/adapters/xlsx/package/date-styles.js';

const STYLES = '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><x:numFmt numFmtId="165" formatCode="&quot;Day&quot; 0"/></x:numFmts>' +
  '<x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs>' +
  '<x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/><x:xf numFmtId="164"><x:alignment wrapText="1"/></x:xf><x:xf numFmtId="165"/><x:xf numFmtId="49"/></x:cellXfs>' +
  '</x:styleSheet>';

describe('dateStyles', () => {
  it('tells which cell styles show a date, in a style sheet written with a prefix', () => {
    const isDate = dateStyles(STYLES);
    expect([0, 1, 2, 3, 4, 5].map(isDate)).toEqual([false, true, true, false, false, false]);
  });

  it('has no date style in a workbook without a style sheet', () => {
    expect(dateStyles('')(0)).toBe(false);
  });
});
