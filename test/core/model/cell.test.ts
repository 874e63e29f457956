// Cell values as adapters hand them over: what is empty, what is a formula with no value, and how each reads.
import { describe, expect, it } from 'vitest';
import { cellText, isEmptyCell, isErrorCell, isFormulaCell, type CellValue } from '../../../functions/core/model/cell.js';

describe('cell values', () => {
  it.each<[string, CellValue, boolean, string]>([
    ['nothing', null, true, ''],
    ['spaces', '   ', true, '   '],
    ['text', 'Ana', false, 'Ana'],
    ['a number', 2018, false, '2018'],
    ['a date', { date: '2018-03-10' }, false, '2018-03-10'],
    ['an error value', { error: '#REF!' }, false, '#REF!'],
    ['a formula with no computed value', { formula: '2017+1' }, false, '=2017+1'],
  ])('reads %s as empty: %s, and as the text %j', (_name, value, empty, text) => {
    expect(isEmptyCell(value)).toBe(empty);
    expect(cellText(value)).toBe(text);
  });

  it('tells a formula with no computed value from an error value', () => {
    expect([isFormulaCell({ formula: 'B9' }), isErrorCell({ formula: 'B9' }), isFormulaCell({ error: '#N/A' })]).toEqual([true, false, false]);
  });
});
