// Parsing raw workbooks: cells by column kind, tabs and headers by name, and every data rule.
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import { rawTab, rawWorkbook, tabOf } from '../../support/raw-workbook.js';

const gnso = { Code: 'GNSO', Name: 'Generic Names Supporting Organization', Type: 'SO', Participating: 'Yes' };
const alac = { Code: 'ALAC', Name: 'At-Large Advisory Committee', Type: 'AC', Participating: 'No' };

function rosterFinding(cells: Record<string, CellValue | undefined>) {
  const person = { ID: 'P-0001', Name: 'Ana', Email: 'ana@example.org', Role: 'Member', Organization: 'GNSO', ...cells } as Record<string, CellValue>;
  const parsed = parseWorkbook(rawWorkbook(tabOf('Organizations', [gnso]), tabOf('Roster', [person])));
  return { findings: parsed.findings.map((f) => ({ rule: f.rule, row: f.row, column: f.column })), rows: parsed.group.rows.Roster };
}

describe('parseWorkbook reads cells by column kind', () => {
  it.each([
    { name: 'accepts a date cell', cells: { 'Start Date': { date: '2018-03-01' } }, field: 'startDate', value: '2018-03-01' },
    { name: 'accepts ISO text', cells: { 'Start Date': ' 2018-03-01 ' }, field: 'startDate', value: '2018-03-01' },
    { name: 'reads choices case-insensitively in their listed spelling', cells: { Role: ' member ' }, field: 'role', value: 'Member' },
    { name: 'resolves an organization code in its own spelling', cells: { Organization: 'gnso' }, field: 'organization', value: 'GNSO' },
    { name: 'reads an empty optional cell as null', cells: { Region: '  ' }, field: 'region', value: null },
  ])('$name', ({ cells, field, value }) => {
    const { findings, rows } = rosterFinding(cells);
    expect(findings).toEqual([]);
    expect(rows[0]?.[field as 'startDate']).toEqual(value);
  });

  it.each([
    { name: 'a date written 03/04/2018', cells: { 'Start Date': '03/04/2018' }, rule: 'cell.invalid-date', column: 'Start Date' },
    { name: 'a date written next week', cells: { 'End Date': 'next week' }, rule: 'cell.invalid-date', column: 'End Date' },
    { name: 'a plain number typed in a date column', cells: { 'Start Date': 2018 }, rule: 'cell.invalid-date', column: 'Start Date' },
    { name: 'an impossible date 2018-02-30', cells: { 'SOI Date': '2018-02-30' }, rule: 'cell.invalid-date', column: 'SOI Date' },
    { name: 'an address without a domain', cells: { Email: 'ana@' }, rule: 'cell.invalid-email', column: 'Email' },
    { name: 'a role that is not listed', cells: { Role: 'Boss' }, rule: 'cell.invalid-choice', column: 'Role' },
    { name: 'an empty required cell', cells: { Name: '' }, rule: 'cell.required', column: 'Name' },
    { name: 'a relative link', cells: { 'SOI URL': 'www.example.org/soi' }, rule: 'cell.invalid-url', column: 'SOI URL' },
    { name: 'an ftp link', cells: { 'SOI URL': 'ftp://example.org/soi' }, rule: 'cell.invalid-url', column: 'SOI URL' },
    { name: 'an error cell', cells: { Name: { error: '#REF!' } }, rule: 'cell.formula-error', column: 'Name' },
    { name: 'an error value typed as text', cells: { Region: '#N/A' }, rule: 'cell.formula-error', column: 'Region' },
    { name: 'a formula with no computed value in a required column', cells: { Name: { formula: 'A1&" "&B1' } }, rule: 'cell.formula-not-computed', column: 'Name' },
    { name: 'a formula with no computed value in an optional column', cells: { 'Start Date': { formula: 'TODAY()' } }, rule: 'cell.formula-not-computed', column: 'Start Date' },
    { name: 'an unknown organization code', cells: { Organization: 'XYZ' }, rule: 'ref.unknown', column: 'Organization' },
  ])('reports $name as $rule on its row and column, and keeps the row out', ({ cells, rule, column }) => {
    const { findings, rows } = rosterFinding(cells);
    expect(findings).toEqual([{ rule, row: 2, column }]);
    expect(rows).toEqual([]);
  });

  it('says where a formula with no computed value is and how to give it one, and gives its row no ID', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('WorkPlan', [{ ID: { formula: '"W-"&"0001"' }, Year: { formula: '2017+1' }, Activity: 'A', Type: 'Other', Status: 'Planned' }])));
    const row = parsed.tabs.WorkPlan.rows[0]!;
    expect(row.id).toBeNull();
    expect(row.values).toBeNull();
    expect(row.findings.map((finding) => [finding.rule, finding.column, finding.message])).toEqual([
      ['cell.formula-not-computed', 'ID', 'WorkPlan row 2, ID (cell A2) holds a formula with no computed value: open and save the workbook in a spreadsheet program, or type the value.'],
      ['cell.formula-not-computed', 'Year', 'WorkPlan row 2, Year (cell B2) holds a formula with no computed value: open and save the workbook in a spreadsheet program, or type the value.'],
    ]);
  });

  it('reports a negative count and a non-number', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('ConsensusCalls', [
      { ID: 'CC-0001', Subject: 'S', 'Called On': '2018-01-01', Objections: -1 },
      { ID: 'CC-0002', Subject: 'S', 'Called On': '2018-01-01', 'Members Involved': 'twelve' },
    ])));
    expect(parsed.findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['cell.invalid-number', 2, 'Objections'],
      ['cell.invalid-number', 3, 'Members Involved'],
    ]);
  });

  it('reads an empty Yes/No as No, and an invalid time zone as an invalid choice', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Meetings', [
      { ID: 'ICANN61', Name: 'ICANN61', Type: 'ICANN Public Meeting', 'Start Date': '2018-03-10', 'End Date': '2018-03-15' },
      { ID: 'ICANN62', Name: 'ICANN62', Type: 'ICANN Public Meeting', 'Start Date': '2018-06-25', 'End Date': '2018-06-28', 'Time Zone': 'Mars/Olympus' },
    ])));
    expect(parsed.group.rows.Meetings[0]).toMatchObject({ faceToFace: false, timeZone: 'UTC' });
    expect(parsed.findings.map((f) => [f.rule, f.row, f.column])).toEqual([['cell.invalid-choice', 3, 'Time Zone']]);
  });
});

describe('parseWorkbook reads tabs and headers as WORKBOOK.md says', () => {
  it('matches tab names and headers whatever their case, spacing, underscores and order', () => {
    const parsed = parseWorkbook(rawWorkbook(
      rawTab(' organizations ', ['participating', 'TYPE', 'name', ' code '], [['yes', 'so', 'GNSO council', 'GNSO']]),
      rawTab('ROSTER', ['e_mail', 'Role', 'NAME', 'start_date', 'Organization', 'Unknown Column'], [['a@example.org', 'Member', 'Ana', '2018-01-01', 'GNSO', 'ignored']]),
    ));
    expect(parsed.findings).toEqual([]);
    expect(parsed.group.rows.Roster[0]).toMatchObject({ email: 'a@example.org', startDate: '2018-01-01', sheetRow: 2 });
  });

  it('reports a missing tab once, with no row, and skips rules on it', () => {
    const workbook = rawWorkbook();
    const parsed = parseWorkbook({ tabs: workbook.tabs.filter((tab) => tab.name !== 'Conduct') });
    expect(parsed.findings.map((f) => [f.rule, f.tab, f.row])).toEqual([['tab.missing', 'Conduct', null]]);
    expect(parsed.group.available.has('Conduct')).toBe(false);
  });

  it('reports a missing required column on row 1 and skips the tab', () => {
    const parsed = parseWorkbook(rawWorkbook(rawTab('Issues', ['ID', 'Title'], [['I-0001', 'IGF']])));
    expect(parsed.findings.map((f) => [f.rule, f.tab, f.row, f.column])).toEqual([['tab.missing-column', 'Issues', 1, 'Kind']]);
    expect(parsed.group.available.has('Issues')).toBe(false);
    expect(parsed.group.rows.Issues).toEqual([]);
  });

  it('reports a duplicated column on row 1 and reads the first one', () => {
    const parsed = parseWorkbook(rawWorkbook(rawTab('Issues', ['ID', 'Title', 'Kind', 'Title'], [['I-0001', 'IGF', 'Event', 'other']])));
    expect(parsed.findings.map((f) => [f.rule, f.row, f.column])).toEqual([['tab.duplicate-column', 1, 'Title']]);
    expect(parsed.group.rows.Issues[0]).toMatchObject({ title: 'IGF' });
  });

  it('skips empty rows and keeps the sheet row numbers a person sees', () => {
    const parsed = parseWorkbook(rawWorkbook(rawTab('Issues', ['ID', 'Title', 'Kind'], [['I-0001', 'IGF', 'Event'], [null, '', '  '], ['I-0002', 'WSIS', 'Nope']])));
    expect(parsed.findings.map((f) => [f.rule, f.row])).toEqual([['cell.invalid-choice', 4]]);
  });

  it('reports a repeated ID on the later row, case-insensitively, and keeps the first', () => {
    const parsed = parseWorkbook(rawWorkbook(rawTab('Issues', ['ID', 'Title', 'Kind'], [['I-0001', 'IGF', 'Event'], ['i-0001', 'WSIS', 'Event']])));
    expect(parsed.findings.map((f) => [f.rule, f.row, f.column, f.id])).toEqual([['row.duplicate-id', 3, 'ID', 'i-0001']]);
    expect(parsed.group.rows.Issues.map((row) => row.title)).toEqual(['IGF']);
  });

  it('reports a repeated organization Code on the later row', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Organizations', [gnso, { ...alac, Code: 'GNSO' }])));
    expect(parsed.findings.map((f) => [f.rule, f.row, f.column])).toEqual([['row.duplicate-id', 3, 'Code']]);
  });

  it('lets a row point at a row that has a data finding of its own', () => {
    const parsed = parseWorkbook(rawWorkbook(
      tabOf('Organizations', [{ ...gnso, Type: 'XX' }]),
      tabOf('Roster', [{ ID: 'P-0001', Name: 'Ana', Email: 'ana@example.org', Role: 'Member', Organization: 'GNSO' }]),
    ));
    expect(parsed.findings.map((f) => [f.rule, f.tab])).toEqual([['cell.invalid-choice', 'Organizations']]);
    expect(parsed.group.rows.Roster).toHaveLength(1);
  });

  it('checks every code of a list and names the unknown ones', () => {
    const parsed = parseWorkbook(rawWorkbook(
      tabOf('Organizations', [gnso, alac]),
      tabOf('Amendments', [{ ID: 'A-0001', Summary: 'S', State: 'Proposed', 'Adopted By': 'gnso, XYZ' }]),
    ));
    expect(parsed.findings).toEqual([expect.objectContaining({ rule: 'ref.unknown', row: 2, column: 'Adopted By', message: expect.stringContaining('"XYZ"') })]);
  });

  it('does not check references into a tab that could not be read', () => {
    const parsed = parseWorkbook(rawWorkbook(
      rawTab('Organizations', ['Code']),
      tabOf('Roster', [{ ID: 'P-0001', Name: 'Ana', Email: 'ana@example.org', Role: 'Member', Organization: 'XYZ' }]),
    ));
    expect(parsed.findings.map((f) => f.rule)).toEqual(['tab.missing-column', 'tab.missing-column', 'tab.missing-column']);
  });
});
