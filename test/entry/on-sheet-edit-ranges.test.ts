// onSheetEdit over real HTTP: a range no spreadsheet can have is refused; a whole-column edit is reviewed by the rows the sheet has.
import { beforeEach, describe, expect, it } from 'vitest';
import { a1Cell } from '../../functions/core/model/a1-range.js';
import { LOCATION, PEOPLE, SECRET, type FunctionsFixture } from '../support/functions/functions-fixture.js';
import { entriesAfter, headSeq } from '../support/functions/sheet-checks.js';
import { signedEdit } from '../support/functions/signed-edits.js';
import { useFunctionsFixture } from '../support/functions/use-functions-fixture.js';

const shared = useFunctionsFixture();
let fx: FunctionsFixture;
let setupHead: number;
beforeEach(async () => {
  fx = shared.fx;
  setupHead = await headSeq(fx.store);
});

const post = (range: string, editor: string = PEOPLE.staff) => fetch(fx.functions.url.onSheetEdit, signedEdit({ tab: 'Roster', range, editor }, { secret: SECRET }));

describe('onSheetEdit refuses a range no spreadsheet can have', () => {
  it.each([
    ['more cells than a spreadsheet holds (A2:ZZ9999999, 7 billion)', 'A2:ZZ9999999', /more cells than a spreadsheet can hold/],
    ['a row past Google\'s last (A10000001)', 'A10000001', /A1 notation/],
    ['a column past ZZZ (AAAA1)', 'AAAA1', /A1 notation/],
  ])('answers 400 to %s at once, recording and reading nothing', async (_name, range, message) => {
    const response = await post(range);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringMatching(message) } });
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
    expect(fx.workbook.readCalls).toBe(0);
  });
});

describe('onSheetEdit reviews a whole-column edit by the rows the sheet has', () => {
  it('takes "select the Expertise column, Delete" sent as C2:C9999999, and commits every cleared row as its editor', async () => {
    const column = fx.workbook.columnOf('Roster', 'Expertise');
    const cleared: number[] = [];
    for (let row = 2; row <= 40; row++) {
      const old = fx.workbook.cell('Roster', row, column);
      if (old !== null && old !== '') {
        fx.workbook.setCell('Roster', row, column, '');
        cleared.push(row);
      }
    }
    const letter = a1Cell(1, column).replace(/\d+$/, '');
    const response = await post(`${letter}2:${letter}9999999`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ synced: true, refused: 0 });
    const entries = await entriesAfter(fx.store, setupHead);
    expect(cleared.length).toBeGreaterThan(20);
    expect(entries).toHaveLength(cleared.length);
    expect(entries.every((entry) => entry.op === 'update' && entry.actor === PEOPLE.staff)).toBe(true);
    expect(await fx.store.pendingEdits(LOCATION)).toEqual([]);
  });
});
