// Reviewing a sync's pending edits: attribution, deferral, held-back rows, refusals and the cells put back.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import type { SheetEdit } from '../../../functions/core/records/sheet-edit.js';
import { recordKey, type StoredRecord } from '../../../functions/core/records/stored-record.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { diffRecords } from '../../../functions/core/sync/diff.js';
import { planWriteBack } from '../../../functions/core/sync/plan-write-back.js';
import { accessPolicyOf, cellValueOf, reviewEdits } from '../../../functions/core/sync/review-edits.js';
import { validateWorkbook } from '../../../functions/core/validate.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import { rawWorkbook, tabOf } from '../../support/raw-workbook.js';

const GNSO_SEC = 'sec@gnso.example.org';
const STAFF = 'staff@icann.example.org';
const config = { ...DEFAULT_CONFIG, access: { ...DEFAULT_CONFIG.access, staff: [STAFF], chairs: [] } };
const organizations = tabOf('Organizations', [
  { Code: 'GNSO', Name: 'GNSO', Type: 'SO', Participating: 'Yes', 'Secretariat Emails': GNSO_SEC },
  { Code: 'ALAC', Name: 'ALAC', Type: 'AC', Participating: 'Yes' },
]);
const person = (id: string, name: string, organization: string, extra: Record<string, CellValue> = {}) =>
  ({ ID: id, Name: name, Email: `${id.toLowerCase()}@example.org`, Role: 'Member', Organization: organization, ...extra });
const BASE = [person('P-0001', 'Ana', 'GNSO'), person('P-0002', 'Bo', 'ALAC'), person('P-0003', 'Cy', 'GNSO')];
const NAME_COLUMN = 2;

/** The store after committing BASE, then the workbook with `roster` rows, diffed, and what reviewing `edits` takes. */
function reviewInput(roster: Record<string, CellValue>[], edits: SheetEdit[], onlyEditedRows = true, unattributed: 'commit' | 'hold' = 'commit') {
  const parse = (rows: Record<string, CellValue>[]) => {
    const raw = rawWorkbook(organizations, tabOf('Roster', rows));
    return { raw, parsed: validateWorkbook(raw, '2018-06-01', config).parsed };
  };
  const first = parse(BASE).parsed;
  const context = { runId: 'run-1', at: '2018-06-01T00:00:00.000Z', actor: 'cli', source: 'cli' as const };
  const stored = new Map<string, StoredRecord>(diffRecords(first, new Map(), new Map(), context).changes.map((change) => [recordKey(change.after.tab, change.after.id), change.after]));
  const { raw, parsed } = parse(roster);
  const assigned = assignIds(parsed, new Map());
  const diff = diffRecords(parsed, assigned, stored, { ...context, runId: 'run-2' });
  return { raw, parsed, assigned, diff, input: { parsed, assigned, stored, diff, edits, policy: accessPolicyOf(config, stored, parsed), onlyEditedRows, unattributed } };
}

/** The store after committing BASE, then the workbook with `roster` rows, diffed and reviewed with `edits`. */
function review(roster: Record<string, CellValue>[], edits: SheetEdit[], onlyEditedRows = true, unattributed: 'commit' | 'hold' = 'commit') {
  const { input, ...rest } = reviewInput(roster, edits, onlyEditedRows, unattributed);
  return { ...rest, result: reviewEdits(input) };
}

/** Runs `work`, failing as soon as it has written more than `limit` Map entries (a walk over rows the tab does not have). */
function withinMapEntries<T>(limit: number, work: () => T): T {
  const set = Map.prototype.set;
  const spy = vi.spyOn(Map.prototype, 'set').mockImplementation(function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
    if (spy.mock.calls.length > limit) throw new Error(`more than ${limit} Map entries written: the review walks rows the tab does not have`);
    return set.call(this, key, value);
  });
  try {
    return work();
  } finally {
    spy.mockRestore();
  }
}

let n = 0;
const edit = (sheetRow: number, editor: string, column = NAME_COLUMN): SheetEdit => ({
  id: `e${++n}`, workbook: 'book', spreadsheetId: 'book', tab: 'Roster', range: `${String.fromCharCode(64 + column)}${sheetRow}`, row: sheetRow, column,
  editor, oldValue: null, newValue: 'x', receivedAt: '2018-06-01T00:00:00.000Z',
});

describe('reviewEdits', () => {
  it('commits an edited row as its editors, and in a sheet-edit sync defers a changed row no edit has touched yet', () => {
    const edits = [edit(2, GNSO_SEC), edit(2, STAFF)];
    const { result } = review([person('P-0001', 'Ana B', 'GNSO'), person('P-0002', 'Bo B', 'ALAC'), BASE[2]!], edits);

    expect(result.changes.map((change) => change.after.id)).toEqual(['P-0001']);
    expect(result.actors.get('Roster/P-0001')).toBe(`${GNSO_SEC}, ${STAFF}`);
    expect(result.deferred).toBe(1);
    expect(result.settled).toEqual(edits.map((e) => e.id));
  });

  it('commits every changed row when not a sheet-edit sync (the tick), those no named edit covers as "unattributed" with a warning', () => {
    const { result } = review([person('P-0001', 'Ana B', 'GNSO'), person('P-0002', 'Bo B', 'ALAC'), BASE[2]!], [edit(2, STAFF)], false);
    expect(result.changes.map((change) => change.after.id)).toEqual(['P-0001', 'P-0002']);
    expect(result.actors.get('Roster/P-0001')).toBe(STAFF);
    expect(result.actors.get('Roster/P-0002')).toBe('unattributed');
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'access.unattributed', severity: 'warning', tab: 'Roster', row: 3, id: 'P-0002' })]);
    expect(result.deferred).toBe(0);
  });

  it('commits a row only an unnamed edit (editor "") touched as "unattributed" in a sheet-edit sync, instead of refusing it', () => {
    const { result } = review([person('P-0001', 'Ana B', 'GNSO'), ...BASE.slice(1)], [edit(2, '')]);
    expect(result.changes.map((change) => change.after.id)).toEqual(['P-0001']);
    expect(result.actors.get('Roster/P-0001')).toBe('unattributed');
    expect(result.refused).toEqual([]);
    expect(result.settled).toEqual([expect.any(String)]);
  });

  it('holds back a change no named editor is behind when the group says access.unattributed: hold, and keeps its edit pending', () => {
    const unnamed = edit(2, '');
    const { result } = review([person('P-0001', 'Ana B', 'GNSO'), ...BASE.slice(1)], [unnamed], true, 'hold');
    expect(result.changes).toEqual([]);
    expect(result.held).toEqual([expect.objectContaining({ tab: 'Roster', sheetRow: 2 })]);
    expect(result.findings[0]).toMatchObject({ rule: 'access.unattributed', row: 2, message: expect.stringMatching(/was not saved: the group holds such changes back \(access\.unattributed: hold\)/) });
    expect(result.settled).not.toContain(unnamed.id);
  });

  it('keeps the edits of a row held back by a data finding pending, so its editors are checked when it can be committed', () => {
    const held = edit(2, GNSO_SEC, 11);
    const { result } = review([person('P-0001', 'Ana', 'GNSO', { 'SOI Date': 'next week' }), ...BASE.slice(1)], [held]);

    expect(result.refused).toEqual([]);
    expect(result.settled).toEqual([]);
  });

  it('refuses only the editor who may not, puts back only that editor\'s cells, and leaves the co-editor\'s edit pending', () => {
    const allowed = edit(3, STAFF, 6);
    const refusedEdit = edit(3, GNSO_SEC);
    const { raw, parsed, assigned, diff, result } = review([BASE[0]!, person('P-0002', 'Hijacked', 'ALAC', { 'Stakeholder Group': 'NCSG' }), BASE[2]!], [allowed, refusedEdit]);

    expect(result.changes).toEqual([]);
    expect(result.refused).toMatchObject([{ editor: GNSO_SEC, id: 'P-0002', before: { name: 'Bo' }, attempted: { name: 'Hijacked', stakeholderGroup: 'NCSG' } }]);
    expect(result.reverts).toEqual([{ tab: 'Roster', row: 3, column: NAME_COLUMN - 1, value: 'Bo' }]);
    expect(result.settled).toEqual([refusedEdit.id]);
    expect(result.findings).toMatchObject([{ rule: 'access.refused', tab: 'Roster', row: 3, column: 'Name', id: 'P-0002' }]);
    const plan = planWriteBack({ raw, parsed, findings: result.findings, assigned, heldBack: diff.heldBack, dashboard: [], reverts: result.reverts });
    expect(plan.cells.filter((cell) => cell.revert)).toEqual([{ tab: 'Roster', row: 3, column: 1, value: 'Bo', revert: true }]);
  });

  it('clears the cells of a refused new row, which has no committed value', () => {
    const { result } = review([...BASE, person('', 'Zed', 'ALAC', { Email: 'zed@example.org' })], [edit(5, GNSO_SEC)]);
    expect(result.refused).toMatchObject([{ id: 'P-0004', before: null }]);
    expect(result.reverts).toEqual([{ tab: 'Roster', row: 5, column: NAME_COLUMN - 1, value: '' }]);
  });
});

describe('reviewEdits walks only the rows and columns the tab has', () => {
  const block = (range: string, editor: string): SheetEdit => ({ ...edit(2, editor), range });
  const changed = [person('P-0001', 'Ana B', 'GNSO'), ...BASE.slice(1)];

  it.each([
    ['a named editor', STAFF],
    ['an editor the sheet did not name', ''],
  ])('reviews a whole-sheet block (B2:ZZZ9999999) by %s as it reviews the block of the rows that exist', (_name, editor) => {
    const whole = reviewInput(changed, [block('B2:ZZZ9999999', editor)]);
    const rows = review(changed, [block('B2:ZZZ4', editor)]).result;

    const result = withinMapEntries(1_000, () => reviewEdits(whole.input));
    expect({ ...result, settled: [] }).toEqual({ ...rows, settled: [] });
    expect(result.changes.map((change) => change.after.id)).toEqual(['P-0001']);
  });

  it('puts back only the known columns of a refused whole-sheet block', () => {
    const hijacked = [BASE[0]!, person('P-0002', 'Hijacked', 'ALAC'), BASE[2]!];
    const { input } = reviewInput(hijacked, [block('A3:ZZZ9999999', GNSO_SEC)]);

    const result = withinMapEntries(1_000, () => reviewEdits(input));
    expect(result.refused).toMatchObject([{ editor: GNSO_SEC, id: 'P-0002' }]);
    expect(result.reverts.every((revert) => revert.row === 3)).toBe(true);
    expect(result.reverts).toContainEqual({ tab: 'Roster', row: 3, column: NAME_COLUMN - 1, value: 'Bo' });
  });
});

describe('cellValueOf', () => {
  it.each([[null, ''], [true, 'Yes'], [false, 'No'], [3, 3], ['2018-01-15', '2018-01-15'], [['GNSO', 'ALAC'], 'GNSO, ALAC']] as const)('types %j back as %j', (value, cell) => {
    expect(cellValueOf(value)).toEqual(cell);
  });
});
