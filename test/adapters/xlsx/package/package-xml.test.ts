// Edits of workbook.xml, relationships and content types keep to the prefixes each file declares.
import { describe, expect, it } from 'vitest';
import { usesDate1904, withContentType, withFilterDatabase, withFullCalcOnLoad, withRelationship, withSheet } from '../../../../functions/adapters/xlsx/package/package-xml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('withSheet', () => {
  it.each([
    ['the root binds r, as Excel and LibreOffice write', `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      '<sheet name="Findings" sheetId="2" r:id="rId9"/></sheets>'],
    ['the root binds another prefix', `<workbook xmlns="${MAIN}" xmlns:rel="${RELS}"><sheets><sheet name="Roster" sheetId="1" rel:id="rId1"/></sheets></workbook>`,
      '<sheet name="Findings" sheetId="2" rel:id="rId9"/></sheets>'],
    ['each sheet declares its own prefix, as openpyxl writes', `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:r="${RELS}" name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      `<sheet name="Findings" sheetId="2" xmlns:r="${RELS}" r:id="rId9"/></sheets>`],
    ['r means something else at the root', `<workbook xmlns="${MAIN}" xmlns:r="urn:other"><sheets><sheet xmlns:x="${RELS}" name="Roster" sheetId="4" x:id="rId1"/></sheets></workbook>`,
      `<sheet name="Findings" sheetId="5" xmlns:r="${RELS}" r:id="rId9"/></sheets>`],
    ['the main namespace has a prefix', `<x:workbook xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:sheets><x:sheet name="Roster" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      '<x:sheet name="Findings" sheetId="2" r:id="rId9"/></x:sheets>'],
  ])('adds a sheet whose id uses a prefix in scope when %s', (_name, workbook, expected) => {
    expect(withSheet(workbook, 'Findings', 'rId9')).toContain(expected);
  });
});

describe('withRelationship and withContentType', () => {
  it('write their element with the prefix the part uses', () => {
    expect(withRelationship('<p:Relationships xmlns:p="urn:rels"><p:Relationship Id="rId1"/></p:Relationships>', 'rId2', 'urn:t', 'worksheets/sheet2.xml'))
      .toBe('<p:Relationships xmlns:p="urn:rels"><p:Relationship Id="rId1"/><p:Relationship Id="rId2" Type="urn:t" Target="worksheets/sheet2.xml"/></p:Relationships>');
    expect(withContentType('<Types xmlns="urn:ct"></Types>', 'xl/worksheets/sheet2.xml', 'text/x'))
      .toBe('<Types xmlns="urn:ct"><Override PartName="/xl/worksheets/sheet2.xml" ContentType="text/x"/></Types>');
  });
});

describe('withFullCalcOnLoad', () => {
  it.each([
    ['sets the attribute on an existing calcPr', `<workbook xmlns="${MAIN}"><sheets/><calcPr calcId="171027"/></workbook>`, '<calcPr calcId="171027" fullCalcOnLoad="1"/>'],
    ['adds calcPr before the elements that follow it', `<workbook xmlns="${MAIN}"><sheets/><definedNames/><extLst/></workbook>`, '<definedNames/><calcPr fullCalcOnLoad="1"/><extLst/>'],
    ['adds calcPr at the end when nothing follows it', `<x:workbook xmlns:x="${MAIN}"><x:sheets/></x:workbook>`, '<x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>'],
  ])('%s', (_name, workbook, expected) => {
    expect(withFullCalcOnLoad(workbook)).toContain(expected);
  });

  it('leaves a workbook that already recalculates on opening as it is', () => {
    const workbook = `<workbook xmlns="${MAIN}"><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;
    expect(withFullCalcOnLoad(workbook)).toBe(workbook);
  });
});

describe('usesDate1904', () => {
  it.each([['1', true], ['true', true], ['false', false], ['0', false]])('reads date1904="%s" as %s', (value, expected) => {
    expect(usesDate1904(`<workbook xmlns="${MAIN}"><workbookPr date1904="${value}"/></workbook>`)).toBe(expected);
  });

  it('says the 1900 date system when the workbook does not say', () => {
    expect(usesDate1904(`<workbook xmlns="${MAIN}"><workbookPr defaultThemeVersion="164011"/></workbook>`)).toBe(false);
  });
});

describe('withFilterDatabase', () => {
  const sheets = `<sheets><sheet name="Roster" sheetId="1" r:id="rId1"/><sheet name="Findings" sheetId="7" r:id="rId2"/></sheets>`;
  const workbook = (names: string) => `<workbook xmlns="${MAIN}" xmlns:r="${RELS}">${sheets}${names}<calcPr calcId="1"/></workbook>`;
  const filterName = (range: string) => `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Findings'!${range}</definedName>`;

  it.each([
    ['adds the name of a tab\'s filter, numbering the tab by its place', workbook(''), workbook(`<definedNames>${filterName('$A$1:$G$3')}</definedNames>`)],
    ['adds it among the other names', workbook('<definedNames><definedName name="Area">Roster!$A$1</definedName></definedNames>'),
      workbook(`<definedNames><definedName name="Area">Roster!$A$1</definedName>${filterName('$A$1:$G$3')}</definedNames>`)],
    ['moves it to the filter\'s new range', workbook(`<definedNames>${filterName('$A$1:$G$9')}</definedNames>`), workbook(`<definedNames>${filterName('$A$1:$G$3')}</definedNames>`)],
  ])('%s', (_name, before, after) => {
    expect(withFilterDatabase(before, 'Findings', 'A1:G3')).toBe(after);
  });

  it('leaves a workbook without that tab as it is', () => {
    expect(withFilterDatabase(workbook(''), 'Dashboard', 'A1:D2')).toBe(workbook(''));
  });
});
