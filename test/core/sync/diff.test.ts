// Tests of the record diff: what a sync creates, updates, tombstones or holds back, and the audit drafts it leaves.
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../functions/core/canonical-json.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { RawTab } from '../../../functions/core/model/raw-workbook.js';
import type { DataTabName } from '../../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import type { StoredRecord } from '../../../functions/core/records/stored-record.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { type CommitContext, type RecordDiff, auditDraftsOf, diffRecords } from '../../../functions/core/sync/diff.js';
import type { RowHashes } from '../../../functions/core/sync/row-hashes.js';
import { rawTab, rawWorkbook, tabOf } from '../../support/raw-workbook.js';

type Cells = Record<string, CellValue>;

const FIRST: CommitContext = { runId: 'run-1', at: '2018-06-01T09:00:00.000Z', actor: 'staff@icann.example.org', source: 'cli' };
const SECOND: CommitContext = { runId: 'run-2', at: '2018-06-02T09:00:00.000Z', actor: 'sec@gnso.example.org', source: 'sheet-edit' };

const ana: Cells = { ID: 'P-0001', Name: 'Ana Costa', Email: 'ana@example.org', Role: 'Member' };
const bo: Cells = { ID: 'P-0002', Name: 'Bo Lindqvist', Email: 'bo@example.org', Role: 'Observer' };
const igf: Cells = { ID: 'I-0001', Title: 'IGF 2018', Kind: 'Event' };

/** Parses tabs (the other tabs present and empty), assigns IDs against the store, and diffs. */
function diffOf(
  tabs: RawTab[], stored: ReadonlyMap<string, StoredRecord> = new Map(), context = SECOND, workbook = rawWorkbook(...tabs), remembered?: RowHashes,
): RecordDiff {
  const parsed = parseWorkbook(workbook);
  const ids = new Map<DataTabName, string[]>();
  for (const record of stored.values()) ids.set(record.tab as DataTabName, [...(ids.get(record.tab as DataTabName) ?? []), record.id]);
  return diffRecords(parsed, assignIds(parsed, ids), stored, context, remembered);
}

/** What a diff changes, leaves and holds back, its row hashes aside. */
function outcomeOf(diff: RecordDiff): Omit<RecordDiff, 'rowHashes'> {
  const { rowHashes: _rowHashes, ...outcome } = diff;
  return outcome;
}

/** The store after a diff's changes are committed. */
function committed(diff: RecordDiff, stored: ReadonlyMap<string, StoredRecord> = new Map()): Map<string, StoredRecord> {
  const next = new Map(stored);
  for (const change of diff.changes) next.set(`${change.after.tab}/${change.after.id}`, change.after);
  return next;
}

/** The store after a first sync of these tabs. */
function storeOf(...tabs: RawTab[]): Map<string, StoredRecord> {
  return committed(diffOf(tabs, new Map(), FIRST));
}

const summary = (diff: RecordDiff) => diff.changes.map((change) => [change.op, `${change.after.tab}/${change.after.id}`]);

describe('diffRecords', () => {
  it('creates a record for every new row, keyed by tab and ID, with its typed data and content hash', () => {
    const diff = diffOf([tabOf('Roster', [ana])]);
    expect(summary(diff)).toEqual([['create', 'Roster/P-0001']]);
    const [change] = diff.changes;
    expect(change?.before).toBeNull();
    expect(change?.after).toMatchObject({ tab: 'Roster', id: 'P-0001', tombstoned: false, committedAt: SECOND.at, runId: SECOND.runId });
    expect(change?.after.data).toMatchObject({ id: 'P-0001', name: 'Ana Costa', email: 'ana@example.org', role: 'Member', organization: null });
    expect(change?.after.data).not.toHaveProperty('sheetRow');
    expect(change?.after.hash).toBe(contentHash(change?.after.data));
  });

  it('keys an organization by its Code', () => {
    const diff = diffOf([tabOf('Organizations', [{ Code: 'GNSO', Name: 'Generic Names Supporting Organization', Type: 'SO', Participating: 'Yes' }])]);
    expect(summary(diff)).toEqual([['create', 'Organizations/GNSO']]);
    expect(diff.changes[0]?.after.data).toMatchObject({ code: 'GNSO', participating: true });
  });

  it.each([
    { name: 'identical rows', rows: [ana, bo] },
    { name: 'the same rows in another order, on other sheet rows', rows: [bo, ana] },
    { name: 'the same values typed another way (case of a choice, spaces around text)', rows: [{ ...ana, Role: ' member ', Name: ' Ana Costa ' }, bo] },
  ])('leaves records unchanged for $name', ({ rows }) => {
    const diff = diffOf([tabOf('Roster', rows)], storeOf(tabOf('Roster', [ana, bo])));
    expect(outcomeOf(diff)).toEqual({ changes: [], unchanged: 2, heldBack: [] });
  });

  it('updates a record whose content changed, keeping the stored version as before', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const diff = diffOf([tabOf('Roster', [{ ...ana, Role: 'Participant' }, bo])], stored);
    expect(summary(diff)).toEqual([['update', 'Roster/P-0001']]);
    expect(diff.unchanged).toBe(1);
    expect(diff.changes[0]?.before).toBe(stored.get('Roster/P-0001'));
    expect(diff.changes[0]?.after).toMatchObject({ runId: 'run-2', tombstoned: false, data: { role: 'Participant' } });
  });

  it('tombstones a record whose ID disappeared from a readable tab, keeping its last data', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const diff = diffOf([tabOf('Roster', [ana])], stored);
    expect(summary(diff)).toEqual([['tombstone', 'Roster/P-0002']]);
    const before = stored.get('Roster/P-0002');
    expect(diff.changes[0]).toEqual({
      op: 'tombstone', before,
      after: { ...before, tombstoned: true, committedAt: SECOND.at, runId: SECOND.runId },
    });
  });

  it('tombstones every record of a tab whose rows were all deleted', () => {
    const diff = diffOf([tabOf('Roster', [])], storeOf(tabOf('Roster', [ana, bo])));
    expect(summary(diff)).toEqual([['tombstone', 'Roster/P-0001'], ['tombstone', 'Roster/P-0002']]);
  });

  it('does not tombstone a record that is already tombstoned', () => {
    const once = storeOf(tabOf('Roster', [ana, bo]));
    const tombstoned = committed(diffOf([tabOf('Roster', [ana])], once), once);
    expect(outcomeOf(diffOf([tabOf('Roster', [ana])], tombstoned))).toEqual({ changes: [], unchanged: 1, heldBack: [] });
  });

  it.each([
    { name: 'the tab is missing', workbook: { tabs: rawWorkbook(tabOf('Issues', [igf])).tabs.filter((tab) => tab.name !== 'Roster') } },
    { name: 'the tab lacks a required column', workbook: rawWorkbook(tabOf('Issues', [igf]), rawTab('Roster', ['ID', 'Name', 'Role'], [['P-0001', 'Ana Costa', 'Member']])) },
  ])('tombstones nothing when $name', ({ workbook }) => {
    const diff = diffOf([], storeOf(tabOf('Roster', [ana, bo]), tabOf('Issues', [igf])), SECOND, workbook);
    expect(outcomeOf(diff)).toEqual({ changes: [], unchanged: 1, heldBack: [] });
  });

  it('still diffs the readable tabs when another tab is unreadable', () => {
    const stored = storeOf(tabOf('Roster', [ana]), tabOf('Issues', [igf]));
    const workbook = { tabs: rawWorkbook(tabOf('Issues', [])).tabs.filter((tab) => tab.name !== 'Roster') };
    expect(summary(diffOf([], stored, SECOND, workbook))).toEqual([['tombstone', 'Issues/I-0001']]);
  });

  it.each([
    { name: 'a stored version', stored: () => storeOf(tabOf('Roster', [ana])), hasCommittedVersion: true },
    { name: 'no stored version', stored: () => new Map<string, StoredRecord>(), hasCommittedVersion: false },
  ])('holds back a row with a data finding, which has $name, and neither changes nor tombstones its record', ({ stored, hasCommittedVersion }) => {
    const diff = diffOf([tabOf('Roster', [{ ...ana, Email: 'ana@' }])], stored());
    expect(outcomeOf(diff)).toEqual({ changes: [], unchanged: 0, heldBack: [{ tab: 'Roster', sheetRow: 2, id: 'P-0001', hasCommittedVersion }] });
  });

  it('holds back a row with a data finding whose record was tombstoned, as having no committed version', () => {
    const once = storeOf(tabOf('Roster', [ana]));
    const tombstoned = committed(diffOf([tabOf('Roster', [])], once), once);
    const diff = diffOf([tabOf('Roster', [{ ...ana, Role: 'Boss' }])], tombstoned);
    expect(diff.heldBack).toEqual([{ tab: 'Roster', sheetRow: 2, id: 'P-0001', hasCommittedVersion: false }]);
    expect(diff.changes).toEqual([]);
  });

  it('holds back a row with a data finding and an empty ID under the ID it is given now', () => {
    const diff = diffOf([tabOf('Roster', [ana, { ...bo, ID: null, Email: 'bo@' }])]);
    expect(diff.heldBack).toEqual([{ tab: 'Roster', sheetRow: 3, id: 'P-0002', hasCommittedVersion: false }]);
  });

  it('holds back an organization without a Code, with no ID', () => {
    const diff = diffOf([tabOf('Organizations', [{ Code: null, Name: 'Generic Names Supporting Organization', Type: 'SO', Participating: 'Yes' }])]);
    expect(outcomeOf(diff)).toEqual({ changes: [], unchanged: 0, heldBack: [{ tab: 'Organizations', sheetRow: 2, id: null, hasCommittedVersion: false }] });
  });

  it('revives a tombstoned record whose ID reappears, as an update', () => {
    const once = storeOf(tabOf('Roster', [ana]));
    const tombstoned = committed(diffOf([tabOf('Roster', [])], once), once);
    const diff = diffOf([tabOf('Roster', [ana])], tombstoned);
    expect(summary(diff)).toEqual([['update', 'Roster/P-0001']]);
    expect(diff.changes[0]?.before?.tombstoned).toBe(true);
    expect(diff.changes[0]?.after).toMatchObject({ tombstoned: false, data: once.get('Roster/P-0001')?.data });
  });

  it('creates a row with an empty ID under the ID assigned to it, with that ID in its data', () => {
    const diff = diffOf([tabOf('Roster', [{ ...ana, ID: null }, bo])], storeOf(tabOf('Roster', [bo])));
    expect(summary(diff)).toEqual([['create', 'Roster/P-0003']]);
    expect(diff.changes[0]?.after.data).toMatchObject({ id: 'P-0003', name: 'Ana Costa' });
    expect(diff.unchanged).toBe(1);
  });

  it('tombstones the records no row names in the order the store lists them, across tabs', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]), tabOf('Issues', [igf]));
    const listed = new Map([...stored].reverse());
    expect(summary(diffOf([tabOf('Roster', [bo]), tabOf('Issues', [])], listed))).toEqual([
      ['tombstone', 'Issues/I-0001'], ['tombstone', 'Roster/P-0001'],
    ]);
  });

  it('tombstones a live record no row names beside a tombstoned one no row names either, and only it', () => {
    const carol: Cells = { ID: 'P-0003', Name: 'Carol Ng', Email: 'carol@example.org', Role: 'Member' };
    const once = storeOf(tabOf('Roster', [ana, bo, carol]));
    const boGone = committed(diffOf([tabOf('Roster', [ana, carol])], once), once);
    expect(summary(diffOf([tabOf('Roster', [ana])], boGone))).toEqual([['tombstone', 'Roster/P-0003']]);
  });

  it('lists changes tab by tab in workbook order, tombstones last', () => {
    const stored = storeOf(tabOf('Roster', [bo]));
    expect(summary(diffOf([tabOf('Issues', [igf]), tabOf('Roster', [ana])], stored))).toEqual([
      ['create', 'Roster/P-0001'], ['create', 'Issues/I-0001'], ['tombstone', 'Roster/P-0002'],
    ]);
  });
});

describe('auditDraftsOf', () => {
  it('gives one draft per change, in order, with who, when, how and the entity', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const diff = diffOf([tabOf('Roster', [{ ...ana, Name: 'Ana Costa Silva' }]), tabOf('Issues', [igf])], stored);
    const drafts = auditDraftsOf(diff.changes, SECOND);
    expect(drafts.map((draft) => [draft.op, draft.entity, draft.at, draft.actor, draft.source])).toEqual([
      ['update', 'Roster/P-0001', SECOND.at, SECOND.actor, 'sheet-edit'],
      ['create', 'Issues/I-0001', SECOND.at, SECOND.actor, 'sheet-edit'],
      ['tombstone', 'Roster/P-0002', SECOND.at, SECOND.actor, 'sheet-edit'],
    ]);
  });

  it.each([
    { name: 'a create has no before and the new data after', op: 'create' },
    { name: 'an update has the stored data before and the new data after', op: 'update' },
    { name: 'a tombstone has the stored data before and nothing after', op: 'tombstone' },
  ])('$name', ({ op }) => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const diff = diffOf([tabOf('Roster', [{ ...ana, Name: 'Ana Costa Silva' }]), tabOf('Issues', [igf])], stored);
    const change = diff.changes.find((candidate) => candidate.op === op);
    const [draft] = auditDraftsOf(change ? [change] : [], SECOND);
    expect(draft).toMatchObject({
      before: op === 'create' ? null : change?.before?.data,
      after: op === 'tombstone' ? null : change?.after.data,
    });
    if (op === 'update') expect(draft?.after).toMatchObject({ name: 'Ana Costa Silva' });
    if (op !== 'create') expect(draft?.before).not.toBeNull();
  });

  it('gives a revived record no before, as it had no live version', () => {
    const once = storeOf(tabOf('Roster', [ana]));
    const tombstoned = committed(diffOf([tabOf('Roster', [])], once), once);
    const [draft] = auditDraftsOf(diffOf([tabOf('Roster', [ana])], tombstoned).changes, SECOND);
    expect(draft).toMatchObject({ op: 'update', before: null, after: once.get('Roster/P-0001')?.data });
  });

  it('gives no drafts for no changes', () => {
    expect(auditDraftsOf([], SECOND)).toEqual([]);
  });
});

describe('diffRecords with the row hashes a store remembered for the file', () => {
  const roster = (...rows: Cells[]) => [tabOf('Roster', rows)];
  const diffRemembering = (rows: Cells[], stored: ReadonlyMap<string, StoredRecord>, remembered: RowHashes) =>
    diffOf(roster(...rows), stored, SECOND, rawWorkbook(...roster(...rows)), remembered);

  it('gives the hash of each row whose values are its record data, none for a held-back row or one given its ID', () => {
    const diff = diffOf(roster(ana, { ...bo, ID: null }, { ...ana, ID: 'P-0003', Email: 'ana@' }));
    const created = diff.changes.find((change) => change.after.id === 'P-0001')!.after;
    expect(diff.rowHashes.get('Roster')).toEqual([created.hash, null, null]);
    expect(created.hash).toBe(contentHash(created.data));
  });

  it('takes a row whose remembered hash is its record hash as unchanged, without hashing it (the same bytes give the same row)', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const remembered = diffOf(roster(ana, bo), stored).rowHashes;
    // Row 2 is not among the rows sampled: its remembered hash is believed, so even a row that differs passes as unchanged.
    const diff = diffRemembering([ana, { ...bo, Role: 'Member' }], stored, remembered);
    expect(outcomeOf(diff)).toEqual({ changes: [], unchanged: 2, heldBack: [] });
  });

  it('hashes every row of a tab when a sampled row is not what its remembered hash says (hashes of another cceg)', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const remembered = diffOf(roster(ana, bo), stored).rowHashes;
    const diff = diffRemembering([{ ...ana, Role: 'Observer' }, { ...bo, Role: 'Member' }], stored, remembered);
    expect(summary(diff)).toEqual([['update', 'Roster/P-0001'], ['update', 'Roster/P-0002']]);
  });

  it('hashes every row of a tab whose remembered hashes do not line up with its rows', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const [anaHash, boHash] = diffOf(roster(ana, bo), stored).rowHashes.get('Roster')!;
    const cases: RowHashes[] = [new Map([['Roster', [anaHash!]]]), new Map([['Roster', [anaHash!, boHash!, anaHash!]]]), new Map([['Roster', [anaHash!, null]]])];
    for (const remembered of cases) expect(summary(diffRemembering([ana, { ...bo, Role: 'Member' }], stored, remembered))).toEqual([['update', 'Roster/P-0002']]);
  });

  it('gives back the remembered hashes it was given for a file that did not change', () => {
    const stored = storeOf(tabOf('Roster', [ana, bo]));
    const remembered = diffOf(roster(ana, bo), stored).rowHashes;
    expect(diffRemembering([ana, bo], stored, remembered).rowHashes).toEqual(remembered);
  });
});
