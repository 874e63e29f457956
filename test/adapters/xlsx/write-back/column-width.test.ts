// A new column gets a width, unless someone gave it one: a width that exists is never rewritten.
import { describe, expect, it } from 'vitest';
import { withColumnWidth } from '../../../../functions/adapters/xlsx/write-back/column-width.js';

const sheet = (cols: string) => `<worksheet><sheetViews/>${cols}<sheetData><row r="1"/></sheetData></worksheet>`;

describe('withColumnWidth', () => {
  it.each([
    ['adds <cols> before the sheet data when there is none', '', '<cols><col min="14" max="14" width="60" customWidth="1"/></cols>'],
    ['adds the column in order among the others', '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="20" max="20" width="5" customWidth="1"/></cols>',
      '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="14" max="14" width="60" customWidth="1"/><col min="20" max="20" width="5" customWidth="1"/></cols>'],
    ['adds the column after every other', '<cols><col min="1" max="2" width="9" customWidth="1"/></cols>',
      '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="14" max="14" width="60" customWidth="1"/></cols>'],
    ['splits a default width around it, as LibreOffice writes one for every column', '<cols><col collapsed="false" customWidth="false" hidden="false" max="1025" min="3" style="0" width="8.5"/></cols>',
      '<cols><col collapsed="false" customWidth="false" hidden="false" max="13" min="3" style="0" width="8.5"/>' +
      '<col collapsed="false" customWidth="1" hidden="false" max="14" min="14" style="0" width="60"/>' +
      '<col collapsed="false" customWidth="false" hidden="false" max="1025" min="15" style="0" width="8.5"/></cols>'],
  ])('%s', (_name, cols, expected) => {
    expect(withColumnWidth(sheet(cols), '', 14, 60)).toBe(sheet(expected));
  });

  it('keeps a width someone set on the column', () => {
    const xml = sheet('<cols><col min="10" max="20" width="12.5" customWidth="1"/></cols>');
    expect(withColumnWidth(xml, '', 14, 60)).toBe(xml);
  });
});
