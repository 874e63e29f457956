// The records and the workbook agree: one sync settles, typos accuse nobody, IDs never churn, a failed write commits nothing.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryWorkbook } from '../../functions/adapters/memory/memory-workbook.js';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { charterConfigSchema } from '../../functions/core/config.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows, type WorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { workbookOf } from '../support/raw-workbook.js';
import { columnOf, editWorkbook, fileHash } from '../support/workbook-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-sync-agrees-'));
const template = join(dir, 'template.xlsx');
let workbooks = 0;

beforeAll(async () => {
  expect((await cli(['init', template])).code).toBe(0);
});

/** A new workbook made by `cceg init` and filled with `rows`, and a store of its own. */
async function workbookWith(rows: WorkbookRows): Promise<{ path: string; store: string }> {
  const path = join(dir, `group-${++workbooks}.xlsx`);
  copyFileSync(template, path);
  await fill(path, rows);
  return { path, store: `sqlite:${join(dir, `group-${workbooks}.db`)}` };
}

interface SyncOutput {
  run: { counts: Record<string, number> };
  cellsChanged: number;
  findings: { rule: string; tab: string; row: number | null; message: string }[];
}

async function sync(path: string, store: string): Promise<SyncOutput> {
  const run = await cli(['sync', path, '--store', store, '--today', COMPLIANT_TODAY, '--format', 'json']);
  expect(run.err).toBe('');
  return JSON.parse(run.out) as SyncOutput;
}

async function auditOps(store: string): Promise<string[]> {
  const listed = await cli(['audit', 'list', '--store', store, '--format', 'json']);
  return (JSON.parse(listed.out) as { entries: { op: string; entity: string }[] }).entries.map((entry) => `${entry.op} ${entry.entity}`);
}

/** Sets one cell of a tab, found by its ID in column ID (or Code), as a person would. */
async function setCell(path: string, tab: string, id: string, header: string, value: string): Promise<void> {
  await editWorkbook(path, (workbook) => {
    const sheet = workbook.getWorksheet(tab)!;
    const idColumn = columnOf(sheet, tab === 'Organizations' ? 'Code' : 'ID');
    sheet.eachRow((row) => {
      if (String(row.getCell(idColumn).value) === id) row.getCell(columnOf(sheet, header)).value = value;
    });
  });
}

/** The compliant rows with every Roster and Papers ID left empty: the sync gives them; other rows refer to PP-0001. */
function rowsWithoutIds(): WorkbookRows {
  const rows = compliantWorkbookRows();
  for (const tab of ['Roster', 'Papers']) rows[tab] = rows[tab]!.map((row) => ({ ...row, ID: null }));
  return rows;
}

describe('one sync settles everything', () => {
  it('assigns IDs before it checks references: a reference to a row given its ID in the same sync resolves', async () => {
    const { path, store } = await workbookWith(rowsWithoutIds());
    const first = await sync(path, store);
    expect(first.findings.filter((finding) => finding.rule === 'ref.unknown')).toEqual([]);
    expect(first.run.counts).toMatchObject({ created: Object.values(rowsWithoutIds()).reduce((n, rows) => n + rows.length, 0), notCommitted: 0 });
    expect(await auditOps(store)).toContain('create Papers/PP-0001');
  });

  it('writes nothing at all on the second sync: no record, no audit entry, not a byte of the workbook', async () => {
    const { path, store } = await workbookWith(rowsWithoutIds());
    await sync(path, store);
    const bytes = fileHash(path);
    const entries = (await auditOps(store)).length;
    const second = await sync(path, store);
    expect(second.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0 });
    expect(second.cellsChanged).toBe(0);
    expect(fileHash(path)).toBe(bytes);
    expect(await auditOps(store)).toHaveLength(entries);
  });
});

describe('a typo accuses nobody', () => {
  it('counts a held-back Member as the committed version in a sync: no false "too few Members" for ALAC', async () => {
    const { path, store } = await workbookWith(compliantWorkbookRows());
    await sync(path, store);
    await setCell(path, 'Roster', 'P-0005', 'SOI Date', '2018-13-45');
    const after = await sync(path, store);
    expect(after.findings.map((finding) => finding.rule)).toContain('cell.invalid-date');
    expect(after.findings.filter((finding) => finding.rule === 'roster.members-below-minimum')).toEqual([]);
  });

  it('in validate, which reads no store, says that the row is not counted until its data error is fixed', async () => {
    const { path } = await workbookWith(compliantWorkbookRows());
    await setCell(path, 'Roster', 'P-0005', 'SOI Date', '2018-13-45');
    const run = await cli(['validate', path, '--today', COMPLIANT_TODAY, '--format', 'json']);
    const below = (JSON.parse(run.out) as SyncOutput).findings.find((finding) => finding.rule === 'roster.members-below-minimum');
    expect(below?.message).toMatch(/\(Roster row 6 is not counted until its data error is fixed\.\)$/);
  });
});

describe('IDs never churn', () => {
  it('keeps the record of a row whose ID was retyped as another row\'s: no tombstone while the duplicate stands', async () => {
    const { path, store } = await workbookWith(compliantWorkbookRows());
    await sync(path, store);
    await setCell(path, 'Roster', 'P-0010', 'ID', 'P-0009');
    const after = await sync(path, store);
    expect(after.findings.map((finding) => finding.rule)).toContain('row.duplicate-id');
    expect(after.run.counts).toMatchObject({ tombstoned: 0 });
    expect((await auditOps(store)).filter((entry) => entry.startsWith('tombstone'))).toEqual([]);
  });

  it('gives the rows of a stale copy saved over the synced workbook (open in Excel meanwhile) their committed IDs back', async () => {
    const { path, store } = await workbookWith(rowsWithoutIds());
    const stale = join(dir, `stale-${workbooks}.xlsx`);
    copyFileSync(path, stale);
    await sync(path, store);
    const entries = await auditOps(store);
    // Excel saves the copy it opened before the sync: every ID the sync wrote is gone from the file.
    copyFileSync(stale, path);
    const after = await sync(path, store);
    expect(after.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0 });
    expect(await auditOps(store)).toEqual(entries);
    const ids: string[] = [];
    await editWorkbook(path, (workbook) => {
      const sheet = workbook.getWorksheet('Roster')!;
      sheet.eachRow((row, number) => void (number > 1 && ids.push(String(row.getCell(columnOf(sheet, 'ID')).value))));
    });
    expect(ids).toEqual(compliantWorkbookRows().Roster!.map((row) => row.ID));
  });

  it('reads an ID retyped in another case as the same record: nothing created, nothing tombstoned', async () => {
    const { path, store } = await workbookWith(compliantWorkbookRows());
    await sync(path, store);
    const entries = (await auditOps(store)).length;
    await setCell(path, 'Roster', 'P-0001', 'ID', 'p-0001');
    const after = await sync(path, store);
    expect(after.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0 });
    expect(await auditOps(store)).toHaveLength(entries);
  });
});

describe('a write-back that fails commits nothing', () => {
  it('refuses a workbook saved with a row inserted between the sync\'s read and its write, and the next sync gives each row its own ID', async () => {
    const { path, store } = await workbookWith(rowsWithoutIds());
    const storePath = store.slice('sqlite:'.length);
    const reader = new XlsxWorkbookReader(path);
    // A person inserts a row above the others and saves while the sync is between its read and its write.
    const readThenInsert = {
      read: async () => {
        const raw = await reader.read();
        await editWorkbook(path, (workbook) => {
          const sheet = workbook.getWorksheet('Roster')!;
          sheet.spliceRows(2, 0, []);
          sheet.getCell(2, columnOf(sheet, 'Name')).value = 'Zoe Inserted';
          sheet.getCell(2, columnOf(sheet, 'Email')).value = 'zoe@example.net';
          sheet.getCell(2, columnOf(sheet, 'Role')).value = 'Observer';
        });
        return raw;
      },
    };
    const config = charterConfigSchema().parse({});
    const opened = openSqliteStore(storePath);
    try {
      const ports = { reader: readThenInsert, writer: new XlsxWorkbookWriter(path, reader), store: opened, now: () => new Date(), newId: randomUUID };
      await expect(syncWorkbook(ports, { workbook: path, actor: 'sec@gnso.example.org', source: 'cli', today: COMPLIANT_TODAY, config }))
        .rejects.toMatchObject({ code: 'WORKBOOK_CHANGED', message: expect.stringContaining('changed while it was being synced') });
      expect((await opened.loadRecords()).size).toBe(0);
      expect(await opened.auditHead()).toBeNull();
    } finally {
      await opened.close();
    }

    await sync(path, store);
    const names = new Map<string, string>();
    await editWorkbook(path, (workbook) => {
      const sheet = workbook.getWorksheet('Roster')!;
      sheet.eachRow((row, number) => {
        if (number > 1) names.set(String(row.getCell(columnOf(sheet, 'Name')).value), String(row.getCell(columnOf(sheet, 'ID')).value));
      });
    });
    expect(names.get('Zoe Inserted')).toBe('P-0001');
    expect(names.get('Ana Costa')).toBe('P-0002');
    expect(new Set(names.values()).size).toBe(names.size);
  });
});

describe('a look-alike tab', () => {
  it('is tab.duplicate: an empty copy "ROSTER " (headers, no rows) before the real Roster commits and tombstones nothing of it', async () => {
    const config = charterConfigSchema().parse({});
    const store = openSqliteStore(join(dir, 'look-alike.db'));
    try {
      const real = workbookOf(compliantWorkbookRows());
      const ports = (workbook: MemoryWorkbook) => ({ reader: workbook, writer: workbook, store, now: () => new Date(), newId: randomUUID });
      const request = { workbook: 'look-alike', actor: 'staff@icann.example.org', source: 'cli' as const, today: COMPLIANT_TODAY, config };
      await syncWorkbook(ports(new MemoryWorkbook(real)), request);
      const roster = (await store.loadRecords()).size;

      const header = real.tabs.find((tab) => tab.name === 'Roster')!.header;
      const lookAlike = { ...real, tabs: [{ name: 'ROSTER ', header, rows: [] }, ...real.tabs] };
      const result = await syncWorkbook(ports(new MemoryWorkbook(lookAlike)), request);
      expect(result.findings.filter((finding) => finding.rule === 'tab.duplicate')).toEqual([
        expect.objectContaining({ tab: 'Roster', severity: 'error', message: expect.stringContaining('2 tabs named like "Roster" ("ROSTER ", "Roster")') }),
      ]);
      expect(result.run.counts).toMatchObject({ created: 0, updated: 0, tombstoned: 0 });
      expect([...(await store.loadRecords()).values()].filter((record) => record.tombstoned)).toEqual([]);
      expect((await store.loadRecords()).size).toBe(roster);
    } finally {
      await store.close();
    }
  });
});
