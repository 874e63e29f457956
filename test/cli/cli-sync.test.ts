// A CLI sync names its workbook by its real path, and refuses a workbook it could not write before committing anything.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { readingAhead } from '../../functions/cli/cli-sync.js';
import { editWorkbook } from '../support/workbook-snapshot.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';

const root = mkdtempSync(join(tmpdir(), 'cceg-cli-sync-'));
const pristine = join(root, 'pristine.xlsx');
const rowCount = Object.values(compliantWorkbookRows()).reduce((n, rows) => n + rows.length, 0);
/** A charter config whose second sync does not wait at all for a running one. */
const noWaitConfig = join(root, 'no-wait.yaml');

beforeAll(async () => {
  expect((await cli(['init', pristine])).code).toBe(0);
  await fill(pristine, compliantWorkbookRows());
  writeFileSync(noWaitConfig, 'sync:\n  waitSeconds: 0\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder of its own holding a copy of the filled workbook as `group.xlsx`. */
function freshWorkbook(): { dir: string; path: string; store: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  const path = join(dir, 'group.xlsx');
  copyFileSync(pristine, path);
  return { dir, path, store: join(dir, 'store.cceg.db') };
}

const sync = (path: string, ...options: string[]) => cli(['sync', path, '--today', COMPLIANT_TODAY, '--format', 'json', ...options]);
const auditCount = async (store: string) => (JSON.parse((await cli(['audit', 'list', '--store', `sqlite:${store}`, '--format', 'json'])).out) as { entries: unknown[] }).entries.length;

describe('a CLI sync names its workbook by the real path of the file', () => {
  it('serializes two syncs of one file named by different paths, and both runs name the real path', async () => {
    const { dir, path, store } = freshWorkbook();
    const other = `${relative(process.cwd(), dir)}/./group.xlsx`;

    const [first, second] = await Promise.all([sync(path, '--store', `sqlite:${store}`), sync(other, '--store', `sqlite:${store}`)]);

    expect([first.err, second.err]).toEqual(['', '']);
    expect([first.code, second.code]).toEqual([0, 0]);
    const runs = [first, second].map((run) => (JSON.parse(run.out) as { run: { workbook: string; counts: { created: number } } }).run);
    expect(runs.map((run) => run.counts.created).sort((a, b) => a - b)).toEqual([0, rowCount]);
    expect(await auditCount(store)).toBe(rowCount);
    expect(runs.map((run) => run.workbook)).toEqual([realpathSync(path), realpathSync(path)]);
  });

  it('tells a sync by any spelling of the path that another sync of the file is running', async () => {
    const { dir, path, store } = freshWorkbook();
    symlinkSync(path, join(dir, 'link.xlsx'));
    const held = openSqliteStore(store);
    expect(await held.acquireLease(`sync:${realpathSync(path)}`, 'a sync elsewhere', 60_000, new Date())).toBe(true);
    try {
      for (const spelling of [path, join(relative(process.cwd(), dir), 'x', '..', 'group.xlsx'), join(dir, 'link.xlsx')]) {
        const run = await sync(spelling, '--store', `sqlite:${store}`, '--config', noWaitConfig);
        expect(run.code, spelling).toBe(2);
        expect(run.err).toBe(`cceg: Another sync of ${realpathSync(path)} is running; try again when it has finished (a crashed one's lease expires within 10 minutes).\n`);
      }
    } finally {
      await held.close();
    }
  });

  it('keeps the default store beside the real file when a symbolic link names it', async () => {
    const { dir, path } = freshWorkbook();
    mkdirSync(join(dir, 'links'));
    symlinkSync(path, join(dir, 'links', 'group.xlsx'));

    expect((await sync(join(dir, 'links', 'group.xlsx'))).code).toBe(0);

    expect(existsSync(join(dir, 'group.cceg.db'))).toBe(true);
    expect(existsSync(join(dir, 'links', 'group.cceg.db'))).toBe(false);
  });
});

describe('a CLI sync refuses a workbook open in a spreadsheet program, before reading it', () => {
  it.each([
    ['Excel', '~$group.xlsx'],
    ['LibreOffice', '.~lock.group.xlsx#'],
  ])('exits 2 with one line when the lock file of %s stands beside it, and touches nothing', async (program, lockFile) => {
    const { dir, path, store } = freshWorkbook();
    writeFileSync(join(dir, lockFile), 'someone,host,2018-06-01');
    const bytes = readFileSync(path);

    const run = await sync(path, '--store', `sqlite:${store}`);

    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(`cceg: ${path} is open in ${program}; close it and sync again (if ${program} is not running, delete its lock file ${lockFile}).\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(store)).toBe(false);
  });

  it('lets validate check the version last saved, with a note on stderr', async () => {
    const { dir, path } = freshWorkbook();
    writeFileSync(join(dir, '~$group.xlsx'), '');

    const run = await cli(['validate', path, '--today', COMPLIANT_TODAY]);

    expect(run.code).toBe(0);
    expect(run.err).toBe(`cceg: note: ${path} is open in Excel; checking the version last saved.\n`);
  });
});

describe('a CLI sync refuses a read-only workbook before committing anything', () => {
  it('exits 2 with one line, leaves the file as it was and commits nothing, even for root', async () => {
    const { path, store } = freshWorkbook();
    chmodSync(path, 0o444);
    const bytes = readFileSync(path);

    const run = await sync(path, '--store', `sqlite:${store}`);

    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(`cceg: ${path} is read-only; make it writable and sync again.\n`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(store)).toBe(false);
  });
});

describe('a CLI sync reads its workbook while its store opens', () => {
  it('begins reading at once and gives that read to the sync when the file is still the same, else reads it again', async () => {
    const { path } = freshWorkbook();
    const reader = new XlsxWorkbookReader(path);
    let reads = 0;
    const counted = Object.assign(Object.create(reader) as XlsxWorkbookReader, { read: () => (reads++, reader.read()) });

    const same = readingAhead(counted);
    expect(reads).toBe(1);
    const first = await same.read();
    expect(reads).toBe(1);
    expect(await reader.isCurrent()).toBe(true);

    const changed = readingAhead(counted);
    expect(reads).toBe(2);
    // Saved by someone between the early read and the sync's lease: that read does not stand.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await editWorkbook(path, (workbook) => void (workbook.getWorksheet('Roster')!.getCell('B2').value = 'Renamed meanwhile'));
    const second = await changed.read();
    expect(reads).toBe(3);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(await reader.isCurrent()).toBe(true);
    // What the store is told to expect, before the sync reads: the file as the reader last opened it.
    expect(changed.fingerprintAhead?.()).toBe(second.fingerprint);
  });

  it('leaves a reader that cannot tell whether the workbook changed as it is', () => {
    const reader = { read: async () => ({ tabs: [] }) };
    expect(readingAhead(reader)).toBe(reader);
  });
});
