// `cceg sync` on an .xlsx workbook with a SQLite store: commits, audit, write-back, idempotence and bad input.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnLetter } from '../../functions/core/parse/headers.js';
import { workbookTemplate } from '../../functions/core/template.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { columnOf, editWorkbook, fileHash, snapshotCells } from '../support/workbook-snapshot.js';

const ACTOR = 'sec@gnso.example.org';
const dir = mkdtempSync(join(tmpdir(), 'cceg-sync-'));
const pristine = join(dir, 'pristine.xlsx');

async function freshWorkbook(name: string): Promise<{ path: string; store: string }> {
  const path = join(dir, `${name}.xlsx`);
  copyFileSync(pristine, path);
  return { path, store: `sqlite:${join(dir, `${name}.db`)}` };
}

const sync = (path: string, store: string, today = COMPLIANT_TODAY) => cli(['sync', path, '--store', store, '--actor', ACTOR, '--today', today, '--format', 'json']);
const auditList = async (store: string, ...filters: string[]) =>
  (JSON.parse((await cli(['audit', 'list', '--store', store, '--format', 'json', ...filters])).out) as { entries: { seq: number; op: string; entity: string; actor: string; before: unknown; after: unknown }[] }).entries;

beforeAll(async () => {
  expect((await cli(['init', pristine])).code).toBe(0);
  await fill(pristine, compliantWorkbookRows());
});

describe('cceg sync on an .xlsx workbook with a SQLite store', () => {
  it('commits every row once, with one audit entry each, and the chain verifies', async () => {
    const { path, store } = await freshWorkbook('first');
    const run = await sync(path, store);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const rowCount = Object.values(compliantWorkbookRows()).reduce((n, rows) => n + rows.length, 0);
    expect(JSON.parse(run.out).run.counts).toMatchObject({ created: rowCount, updated: 0, tombstoned: 0 });
    const entries = await auditList(store);
    expect(entries).toHaveLength(rowCount);
    expect(new Set(entries.map((entry) => entry.entity)).size).toBe(rowCount);
    expect(entries.every((entry) => entry.op === 'create' && entry.actor === ACTOR)).toBe(true);
    expect((await cli(['audit', 'verify', '--store', store])).code).toBe(0);
  });

  it('writes no record, no audit entry and not a byte of the workbook on a second sync with no change', async () => {
    const { path, store } = await freshWorkbook('idempotent');
    await sync(path, store);
    const dbPath = store.slice('sqlite:'.length);
    const recordsBefore = new Database(dbPath, { readonly: true }).prepare('select tab, id, hash, committed_at from records order by tab, id').all();
    const workbookBefore = fileHash(path);
    const second = JSON.parse((await sync(path, store)).out);
    expect(second.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0 });
    expect(second.cellsChanged).toBe(0);
    expect(fileHash(path)).toBe(workbookBefore);
    expect(new Database(dbPath, { readonly: true }).prepare('select tab, id, hash, committed_at from records order by tab, id').all()).toEqual(recordsBefore);
    expect(await auditList(store)).toHaveLength(recordsBefore.length);
  });

  it('touches no user cell: only Status cells and the Findings and Dashboard tabs change', async () => {
    const { path, store } = await freshWorkbook('untouched');
    const before = await snapshotCells(path);
    await sync(path, store);
    const after = await snapshotCells(path);
    const statusCells = new Set(workbookTemplate().tabs.filter((tab) => !tab.systemOwned).map((tab) => `${tab.name}!${columnLetter(tab.columns.length - 1)}`));
    const systemOwned = (key: string) => /^(Findings|Dashboard)!/.test(key) || statusCells.has(key.replace(/\d+$/, ''));
    let compared = 0;
    for (const [key, value] of before) {
      if (systemOwned(key)) continue;
      expect(after.get(key), key).toBe(value);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
    for (const key of after.keys()) if (!before.has(key)) expect(systemOwned(key), key).toBe(true);
    expect(after.get('Roster!N2')).toContain('OK');
  });

  it('records an edit as one update with before and after, and a deleted row as a tombstone that stays in the store', async () => {
    const { path, store } = await freshWorkbook('edits');
    await sync(path, store);
    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      roster.getRow(3).getCell(columnOf(roster, 'Name')).value = 'Bo Lindqvist-Berg';
      const issues = workbook.getWorksheet('Issues')!;
      issues.spliceRows(3, 1);
    });
    const run = JSON.parse((await sync(path, store)).out);
    expect(run.run.counts).toMatchObject({ created: 0, updated: 1, tombstoned: 1 });
    const history = await auditList(store, '--entity', 'Roster/P-0002');
    expect(history.map((entry) => entry.op)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ before: expect.objectContaining({ name: 'Bo Lindqvist' }), after: expect.objectContaining({ name: 'Bo Lindqvist-Berg' }) });
    const tombstones = (await auditList(store)).filter((entry) => entry.op === 'tombstone');
    expect(tombstones.map((entry) => entry.entity)).toEqual(['Issues/I-0002']);
    const db = new Database(store.slice('sqlite:'.length), { readonly: true });
    expect(db.prepare("select tombstoned from records where tab = 'Issues' and id = 'I-0002'").get()).toEqual({ tombstoned: 1 });
  });

  it('holds back a row with a data finding: its last committed version stays and Status says so', async () => {
    const { path, store } = await freshWorkbook('held-back');
    await sync(path, store);
    await editWorkbook(path, (workbook) => {
      const issues = workbook.getWorksheet('Issues')!;
      issues.getRow(2).getCell(columnOf(issues, 'Date')).value = 'next week';
    });
    const run = JSON.parse((await sync(path, store)).out);
    expect(run.run.counts).toMatchObject({ updated: 0, notCommitted: 1 });
    expect(run.findings).toEqual([expect.objectContaining({ rule: 'cell.invalid-date', tab: 'Issues', row: 2, message: expect.stringContaining('last saved version is kept') })]);
    const cells = await snapshotCells(path);
    expect(cells.get('Issues!J2')).toContain('NOT SAVED');
    expect(cells.get('Issues!E2')).toContain('next week');
  });

  it('gives a row with an empty ID the next ID of its tab, written into its ID cell', async () => {
    const { path, store } = await freshWorkbook('new-id');
    await editWorkbook(path, (workbook) => {
      const issues = workbook.getWorksheet('Issues')!;
      const row = issues.getRow(4);
      row.getCell(columnOf(issues, 'Title')).value = 'WSIS Forum 2019';
      row.getCell(columnOf(issues, 'Kind')).value = 'Event';
      row.getCell(columnOf(issues, 'Relevance')).value = 'Touches the DNS.';
    });
    await sync(path, store);
    const cells = await snapshotCells(path);
    expect(JSON.parse(cells.get('Issues!A4')!).value).toBe('I-0003');
    expect((await auditList(store, '--entity', 'Issues/I-0003')).map((entry) => entry.op)).toEqual(['create']);
  });
});

describe('cceg audit verify', () => {
  it.each([
    { name: 'one altered entry', sql: "update audit set after = json_set(after, '$.name', 'Mallory') where seq = 3", seq: 3 },
    { name: 'one deleted entry', sql: 'delete from audit where seq = 5', seq: 5 },
    { name: 'the last entry deleted', sql: 'delete from audit where seq = (select max(seq) from audit)', seq: null },
  ])('fails and names the seq after $name', async ({ sql, seq }) => {
    const { path, store } = await freshWorkbook(`tamper-${seq ?? 'last'}`);
    await sync(path, store);
    const db = new Database(store.slice('sqlite:'.length));
    const last = (db.prepare('select max(seq) as seq from audit').get() as { seq: number }).seq;
    db.exec(sql);
    db.close();
    const verify = await cli(['audit', 'verify', '--store', store]);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`seq ${seq ?? last}`);
  });

  it('exports every entry as JSON lines and as CSV', async () => {
    const { path, store } = await freshWorkbook('export');
    await sync(path, store);
    const count = (await auditList(store)).length;
    const jsonl = (await cli(['audit', 'export', '--store', store, '--format', 'jsonl'])).out.trim().split('\n');
    expect(jsonl).toHaveLength(count);
    expect(JSON.parse(jsonl[0]!)).toMatchObject({ seq: 1, op: 'create' });
    const csv = (await cli(['audit', 'export', '--store', store, '--format', 'csv'])).out.trim().split('\r\n');
    expect(csv[0]).toBe('seq,at,actor,source,entity,op,before,after,prevHash,hash');
    expect(csv.length).toBeGreaterThan(count);
  });
});

describe('cceg sync on a locked database', () => {
  it('exits 2 with one line after the busy timeout, and writes nothing', async () => {
    const { path, store } = await freshWorkbook('locked');
    await sync(path, store);
    await editWorkbook(path, (workbook) => {
      const roster = workbook.getWorksheet('Roster')!;
      roster.getRow(3).getCell(columnOf(roster, 'Name')).value = 'Bo Lindqvist-Berg';
    });
    const workbookBefore = fileHash(path);
    const holder = new Database(store.slice('sqlite:'.length));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const run = await cli(['sync', path, '--store', store, '--today', COMPLIANT_TODAY]);
      expect(run.code).toBe(2);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toContain('locked');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(fileHash(path)).toBe(workbookBefore);
    expect((await auditList(store)).filter((entry) => entry.op === 'update')).toEqual([]);
  }, 60_000);
});

describe('cceg sync on bad input', () => {
  it.each([
    { name: 'a workbook that is not an xlsx', setup: (path: string) => writeFileSync(path, 'not a workbook'), store: undefined, says: 'is not an .xlsx workbook' },
    { name: 'a store URL that does not parse', setup: () => undefined, store: 'postgres://db', says: 'is not a store' },
    { name: 'a corrupt database file', setup: (_: string, db: string) => writeFileSync(db, 'this is not a database'), store: 'corrupt', says: 'corrupt' },
  ])('exits 2 with one line and writes nothing for $name', async ({ name, setup, store, says }) => {
    const { path } = await freshWorkbook(name.replace(/\W+/g, '-'));
    const db = join(dir, `${name.replace(/\W+/g, '-')}.db`);
    setup(path, db);
    const workbookBefore = fileHash(path);
    const dbBefore = existsSync(db) ? readFileSync(db) : null;
    const run = await cli(['sync', path, '--store', store === 'corrupt' ? `sqlite:${db}` : store ?? `sqlite:${db}`, '--today', COMPLIANT_TODAY]);
    expect(run.code).toBe(2);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err.toLowerCase()).toContain(says.toLowerCase());
    expect(fileHash(path)).toBe(workbookBefore);
    if (dbBefore) expect(readFileSync(db)).toEqual(dbBefore);
    else expect(existsSync(db)).toBe(false);
  });
});
