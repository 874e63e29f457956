// A write-back that fails on a read-only file system or a full disk commits nothing, and the next sync gives the same IDs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { fileHash } from '../support/workbook-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-write-fails-'));
const filled = join(dir, 'filled.xlsx');
const mounted: string[] = [];

/** Whether this process may mount file systems (root in CI); the tests need a real read-only mount and a full tmpfs. */
function canMount(): boolean {
  const probe = join(dir, 'probe');
  mkdirSync(probe, { recursive: true });
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
}
const mountable = canMount();

function mount(...args: string[]): void {
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${args.join(' ')}: ${result.stderr}`);
  mounted.push(args.at(-1)!);
}

afterEach(() => {
  for (const point of mounted.splice(0).reverse()) spawnSync('umount', [point]);
});

/** The compliant workbook with its Roster IDs left empty: each sync that commits gives them P-0001 onwards. */
beforeAll(async () => {
  expect((await cli(['init', filled])).code).toBe(0);
  const rows = compliantWorkbookRows();
  rows.Roster = rows.Roster!.map((row) => ({ ...row, ID: null }));
  await fill(filled, rows);
});

const sync = (workbook: string, store: string) => cli(['sync', workbook, '--store', `sqlite:${store}`, '--today', COMPLIANT_TODAY, '--format', 'json']);

async function auditOps(store: string): Promise<string[]> {
  if (!existsSync(store)) return [];
  const listed = await cli(['audit', 'list', '--store', `sqlite:${store}`, '--format', 'json']);
  return (JSON.parse(listed.out) as { entries: { op: string; entity: string }[] }).entries.map((entry) => `${entry.op} ${entry.entity}`);
}

function opensInOpenpyxl(path: string): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])', path]).status === 0;
}

/** The audit log of a sync that went through at once: what the failed-then-retried sync must end with. */
let control: string[] = [];
beforeAll(async () => {
  const workbook = join(dir, 'control.xlsx');
  copyFileSync(filled, workbook);
  expect((await sync(workbook, join(dir, 'control.db'))).code).toBe(0);
  control = await auditOps(join(dir, 'control.db'));
});

describe.skipIf(!mountable)('a write-back that fails commits nothing', () => {
  it('on a read-only file system: exit 2 in one line, no record, the same IDs once it can be written', async () => {
    const folder = join(dir, 'rw');
    const readOnly = join(dir, 'ro');
    mkdirSync(folder);
    mkdirSync(readOnly);
    copyFileSync(filled, join(folder, 'group.xlsx'));
    mount('--bind', '-o', 'ro', folder, readOnly);
    const store = join(dir, 'ro.db');
    const bytes = fileHash(join(folder, 'group.xlsx'));

    const failed = await sync(join(readOnly, 'group.xlsx'), store);
    expect(failed.code).toBe(2);
    expect(failed.err.trim().split('\n')).toEqual([expect.stringMatching(/^cceg: .*group\.xlsx/)]);
    expect(await auditOps(store)).toEqual([]);
    expect(fileHash(join(folder, 'group.xlsx'))).toBe(bytes);

    expect((await sync(join(folder, 'group.xlsx'), store)).code).toBe(0);
    expect(await auditOps(store)).toEqual(control);
    expect((await cli(['audit', 'verify', '--store', `sqlite:${store}`])).code).toBe(0);
    expect(opensInOpenpyxl(join(folder, 'group.xlsx'))).toBe(true);
  });

  it('on a full disk: exit 2 with "no space left", no record, the workbook as it was, the same IDs once there is room', async () => {
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    mount('-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk);
    const workbook = join(disk, 'group.xlsx');
    copyFileSync(filled, workbook);
    const filler = join(disk, 'filler');
    const fd = openSync(filler, 'w');
    try {
      for (;;) writeSync(fd, Buffer.alloc(4096, 1));
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      closeSync(fd);
    }
    const store = join(dir, 'full.db');
    const bytes = fileHash(workbook);

    const failed = await sync(workbook, store);
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/no space left on the device/);
    expect(await auditOps(store)).toEqual([]);
    expect(fileHash(workbook)).toBe(bytes);
    expect(opensInOpenpyxl(workbook)).toBe(true);

    rmSync(filler);
    expect((await sync(workbook, store)).code).toBe(0);
    expect(await auditOps(store)).toEqual(control);
    expect(opensInOpenpyxl(workbook)).toBe(true);
  });
});
