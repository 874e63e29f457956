// Tests of ID assignment: rows with an empty ID get the next number of their tab, never one used before.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { DataTabName } from '../../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { rawTab, rawWorkbook, tabOf } from '../../support/raw-workbook.js';

const person = (id: CellValue, name = 'Ana') => ({ ID: id, Name: name, Email: `${name.toLowerCase()}@example.org`, Role: 'Observer' });
const issue = (id: CellValue) => ({ ID: id, Title: 'IGF', Kind: 'Event' });

function assignRoster(ids: CellValue[], stored: string[] = []) {
  const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', ids.map((id, index) => person(id, `Person${index}`)))));
  return Object.fromEntries(assignIds(parsed, new Map([['Roster', stored]])).get('Roster') ?? []);
}

describe('assignIds', () => {
  it.each([
    { name: 'starts at 0001 in an empty tab with an empty store', ids: [null], stored: [], assigned: { 2: 'P-0001' } },
    { name: 'counts on from the highest ID in the workbook', ids: ['P-0003', null, 'P-0001'], stored: [], assigned: { 3: 'P-0004' } },
    { name: 'counts on from the highest ID in the store', ids: ['P-0001', null], stored: ['P-0001', 'P-0007'], assigned: { 3: 'P-0008' } },
    { name: 'counts on from a tombstoned ID that is no longer in the workbook', ids: [null], stored: ['P-0012'], assigned: { 2: 'P-0013' } },
    { name: 'takes the higher of the workbook and the store', ids: ['P-0020', null], stored: ['P-0009'], assigned: { 3: 'P-0021' } },
    { name: 'reads IDs case-insensitively', ids: ['p-0005', null], stored: [], assigned: { 3: 'P-0006' } },
    { name: 'ignores IDs that do not follow the tab\'s pattern', ids: ['ICANN-9999', 'P-12a', 'PP-0050', null], stored: ['X-0100'], assigned: { 5: 'P-0001' } },
    { name: 'gives rows in sheet order consecutive numbers', ids: [null, 'P-0002', null, null], stored: [], assigned: { 2: 'P-0003', 4: 'P-0004', 5: 'P-0005' } },
    { name: 'pads numbers to four digits', ids: ['P-0099', null], stored: [], assigned: { 3: 'P-0100' } },
    { name: 'widens past four digits instead of wrapping', ids: ['P-9999', null], stored: [], assigned: { 3: 'P-10000' } },
    { name: 'counts on from an unpadded ID typed by a person', ids: ['P-41', null], stored: [], assigned: { 3: 'P-0042' } },
  ])('$name', ({ ids, stored, assigned }) => {
    expect(assignRoster(ids, stored)).toEqual(assigned);
  });

  it('gives an ID to a row with an empty ID that has a data finding, so its finding can name it', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001'), { ...person(null), Email: 'not an address' }])));
    expect(parsed.tabs.Roster.rows[1]?.values).toBeNull();
    expect(Object.fromEntries(assignIds(parsed, new Map()).get('Roster') ?? [])).toEqual({ 3: 'P-0002' });
  });

  it.each([
    { name: 'an error value', cell: { error: '#REF!' } },
    { name: 'an error typed as text', cell: '#N/A' },
  ])('gives no ID to a row whose ID cell holds $name, as only an empty ID cell may be written', ({ cell }) => {
    expect(assignRoster(['P-0001', cell])).toEqual({});
  });

  it('assigns nothing in a tab where every row has an ID', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person('P-0001')])));
    expect(assignIds(parsed, new Map()).has('Roster')).toBe(false);
  });

  it('uses each tab\'s own prefix and numbering', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Roster', [person(null)]), tabOf('Issues', [issue('I-0004'), issue(null)])));
    const assigned = assignIds(parsed, new Map<DataTabName, string[]>([['Roster', ['P-0002']], ['Issues', ['P-0050']]]));
    expect([...assigned].map(([tab, ids]) => [tab, [...ids]])).toEqual([
      ['Roster', [[2, 'P-0003']]],
      ['Issues', [[3, 'I-0005']]],
    ]);
  });

  it('never assigns an Organizations Code: a missing Code is the secretariat\'s to type', () => {
    const parsed = parseWorkbook(rawWorkbook(tabOf('Organizations', [{ Code: null, Name: 'Generic Names Supporting Organization', Type: 'SO', Participating: 'Yes' }])));
    expect(parsed.tabs.Organizations.rows.map((row) => row.id)).toEqual([null]);
    expect(assignIds(parsed, new Map()).has('Organizations')).toBe(false);
  });

  it.each([
    { name: 'missing', tabs: [] },
    { name: 'without a required column', tabs: [rawTab('Roster', ['ID', 'Name', 'Role'], [[null, 'Ana', 'Observer']])] },
  ])('skips a tab that is $name', ({ tabs }) => {
    const workbook = rawWorkbook(...tabs);
    const parsed = parseWorkbook(tabs.length === 0 ? { tabs: workbook.tabs.filter((tab) => tab.name !== 'Roster') } : workbook);
    expect(parsed.tabs.Roster.available).toBe(false);
    expect(assignIds(parsed, new Map()).has('Roster')).toBe(false);
  });

  it('assigns the same IDs when run twice on the same input', () => {
    const ids = [null, 'P-0002', null];
    expect(assignRoster(ids, ['P-0004'])).toEqual(assignRoster(ids, ['P-0004']));
  });
});
