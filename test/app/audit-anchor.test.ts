// The audit log against an anchor outside the store (the Dashboard's last line) and against the records it made.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashEntry } from '../../functions/core/audit/chain.js';
import type { AuditEntry } from '../../functions/core/audit/audit-entry.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-anchor-'));
const pristine = join(dir, 'pristine.xlsx');
let groups = 0;

beforeAll(async () => {
  expect((await cli(['init', pristine])).code).toBe(0);
  await fill(pristine, compliantWorkbookRows());
});

/** A synced group: its workbook, its SQLite file, and the anchor the sync left on the Dashboard's last line. */
async function syncedGroup(): Promise<{ path: string; db: string; store: string; anchor: string }> {
  const path = join(dir, `group-${++groups}.xlsx`);
  const db = join(dir, `group-${groups}.db`);
  copyFileSync(pristine, path);
  const run = await cli(['sync', path, '--store', `sqlite:${db}`, '--today', COMPLIANT_TODAY, '--format', 'json']);
  expect(run.code, run.err).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const dashboard = book.getWorksheet('Dashboard')!;
  const last = dashboard.getRow(dashboard.rowCount);
  expect([last.getCell(1).value, last.getCell(2).value]).toEqual(['Audit log', 'Anchor']);
  const anchor = String(last.getCell(3).value);
  expect(anchor).toBe(`${(JSON.parse(run.out) as { auditHead: { seq: number; hash: string } }).auditHead.seq}:${(JSON.parse(run.out) as { auditHead: { hash: string } }).auditHead.hash}`);
  return { path, db, store: `sqlite:${db}`, anchor };
}

const verify = (store: string, ...extra: string[]) => cli(['audit', 'verify', '--store', store, ...extra]);

/** The entries as the SQLite file holds them. */
function entriesOf(db: Database.Database): AuditEntry[] {
  return (db.prepare('select * from audit order by seq').all() as Record<string, string | number>[]).map((row) => ({
    seq: Number(row.seq), at: String(row.at), actor: String(row.actor), source: row.source as AuditEntry['source'], entity: String(row.entity),
    op: row.op as AuditEntry['op'], before: JSON.parse(String(row.before)) as AuditEntry['before'], after: JSON.parse(String(row.after)) as AuditEntry['after'],
    prevHash: String(row.prev_hash), hash: String(row.hash),
  }));
}

function setHead(db: Database.Database, seq: number, hash: string): void {
  db.prepare("update meta set value = ? where key = 'head_seq'").run(String(seq));
  db.prepare("update meta set value = ? where key = 'head_hash'").run(hash);
}

describe('cceg audit verify --anchor SEQ:HASH', () => {
  it('passes on an untouched log, through the anchor the Dashboard shows', async () => {
    const { store, anchor } = await syncedGroup();
    const run = await verify(store, '--anchor', anchor);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/through the anchor at seq \d+, every record matches it/);
  });

  it('fails when the last entries were deleted and the head moved back, even with their records deleted too', async () => {
    const { db: path, store, anchor } = await syncedGroup();
    const db = new Database(path);
    const entries = entriesOf(db);
    const kept = entries.at(-4)!;
    for (const entry of entries.slice(-3)) {
      db.prepare('delete from audit where seq = ?').run(entry.seq);
      const [tab, id] = entry.entity.split('/');
      db.prepare('delete from records where tab = ? and id = ?').run(tab, id);
    }
    setHead(db, kept.seq, kept.hash);
    db.close();

    expect((await verify(store)).code).toBe(0);
    const anchored = await verify(store, '--anchor', anchor);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain(`the log ends at seq ${kept.seq}, before the anchor's seq ${entries.at(-1)!.seq}: entries were removed`);
  });

  it('fails when the chain was rewritten from an entry on, with the records made to match', async () => {
    const { db: path, store, anchor } = await syncedGroup();
    const db = new Database(path);
    const entries = entriesOf(db);
    const at = entries.findIndex((entry) => entry.entity === 'Roster/P-0002');
    let prevHash = entries[at - 1]!.hash;
    for (const entry of entries.slice(at)) {
      const after = entry.seq === entries[at]!.seq ? { ...(entry.after as Record<string, unknown>), name: 'Mallory' } : entry.after;
      const rewritten = { ...entry, after, prevHash };
      const hash = hashEntry(rewritten);
      db.prepare('update audit set after = ?, prev_hash = ?, hash = ? where seq = ?').run(JSON.stringify(after), prevHash, hash, entry.seq);
      prevHash = hash;
    }
    db.prepare("update records set data = json_set(data, '$.name', 'Mallory') where tab = 'Roster' and id = 'P-0002'").run();
    setHead(db, entries.at(-1)!.seq, prevHash);
    db.close();

    expect((await verify(store)).code).toBe(0);
    const anchored = await verify(store, '--anchor', anchor);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toMatch(/entry \d+ is not the one anchored .*: the log was rewritten from there or earlier/);
  });

  it('refuses an anchor that is not SEQ:HASH, in one line', async () => {
    const { store } = await syncedGroup();
    const run = await verify(store, '--anchor', '12:nothex');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^cceg: --anchor "12:nothex" is not SEQ:HASH/);
  });
});

describe('cceg audit verify recomputes every record from the log', () => {
  it('names a record changed in the store without an audit entry', async () => {
    const { db: path, store } = await syncedGroup();
    const db = new Database(path);
    db.prepare("update records set data = json_set(data, '$.name', 'Mallory') where tab = 'Roster' and id = 'P-0003'").run();
    db.close();
    const run = await verify(store);
    expect(run.code).toBe(1);
    expect(run.out).toContain('record Roster/P-0003 disagrees with the log');
  });

  it('names a record the store lost, and one no entry created', async () => {
    const { db: path, store } = await syncedGroup();
    const db = new Database(path);
    db.prepare("delete from records where tab = 'Roster' and id = 'P-0004'").run();
    db.close();
    expect((await verify(store)).out).toContain('record Roster/P-0004 is missing from the store');

    const second = await syncedGroup();
    const other = new Database(second.db);
    other.prepare("insert into records select tab, 'P-0999', hash, data, tombstoned, committed_at, run_id from records where tab = 'Roster' and id = 'P-0001'").run();
    other.close();
    expect((await verify(second.store)).out).toContain('record Roster/P-0999 is in the store but no audit entry created it');
  });
});
