// Thirty real `cceg sync` processes SIGKILLed at random points: the log verifies, the workbook opens, no ID ever churns.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';
import { columnOf, editWorkbook } from '../support/workbook-snapshot.js';

const MAIN = fileURLToPath(new URL('../../functions/cli/main.ts', import.meta.url));
const PYTHON = '/usr/bin/python3';
const KILLS = 30;
const NEW_ROWS_PER_RUN = 25;
const dir = mkdtempSync(join(tmpdir(), 'cceg-kills-'));
const workbook = join(dir, 'group.xlsx');
const db = join(dir, 'group.cceg.db');
/** A one-second lease, so that the sync after a kill waits a second for the dead holder's lease, not ten minutes. */
const config = join(dir, 'short-lease.yaml');
writeFileSync(config, 'sync:\n  leaseSeconds: 1\n  waitSeconds: 20\n');
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

let added = 0;

/** Appends rows without IDs to the Roster, as a secretariat typing new participants: each sync has new IDs to give. */
async function addParticipants(count: number): Promise<void> {
  await editWorkbook(workbook, (book) => {
    const sheet = book.getWorksheet('Roster')!;
    const [name, email, role] = ['Name', 'Email', 'Role'].map((header) => columnOf(sheet, header));
    for (let i = 0; i < count; i++) {
      const row = sheet.getRow(sheet.rowCount + 1);
      added += 1;
      row.getCell(name!).value = `Participant ${added}`;
      row.getCell(email!).value = `p${added}@example.net`;
      row.getCell(role!).value = 'Observer';
      row.commit();
    }
  });
}

/**
 * Runs `cceg sync` as its own process and SIGKILLs it: `afterCommitting` ms after it says it is committing (after its
 * write-back), or, when null, `delayMs` after it starts. Resolves with whether the kill landed before the process ended.
 */
function syncKilled(delayMs: number, afterCommitting: number | null): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'sync', workbook, '--store', `sqlite:${db}`, '--today', COMPLIANT_TODAY, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    let timer: NodeJS.Timeout | undefined;
    if (afterCommitting === null) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (afterCommitting !== null && timer === undefined && text.includes('Committing')) timer = setTimeout(() => child.kill('SIGKILL'), afterCommitting);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

interface Entry { op: string; entity: string; after: Record<string, unknown> | null }

/** The audit log's entries; none while no sync has lived long enough to make the store. */
async function auditEntries(): Promise<Entry[]> {
  if (!existsSync(db)) return [];
  const listed = await cli(['audit', 'list', '--store', `sqlite:${db}`, '--format', 'json']);
  return (JSON.parse(listed.out) as { entries: Entry[] }).entries;
}

/** The Roster as the workbook holds it: each row's Name and ID. */
async function rosterRows(): Promise<{ name: string; id: string }[]> {
  const rows: { name: string; id: string }[] = [];
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet('Roster')!;
  const [nameColumn, idColumn] = [columnOf(sheet, 'Name'), columnOf(sheet, 'ID')];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push({ name: String(row.getCell(nameColumn).value ?? ''), id: String(row.getCell(idColumn).value ?? '') });
  });
  return rows;
}

/** No record was ever tombstoned, and no entity was created twice: not one ID churned. */
function expectNoChurn(entries: readonly Entry[]): void {
  expect(entries.filter((entry) => entry.op === 'tombstone').map((entry) => entry.entity)).toEqual([]);
  const created = entries.filter((entry) => entry.op === 'create').map((entry) => entry.entity);
  expect(created.length).toBe(new Set(created).size);
}

beforeAll(async () => {
  expect((await cli(['init', join(dir, 'template.xlsx')])).code).toBe(0);
  copyFileSync(join(dir, 'template.xlsx'), workbook);
  await fill(workbook, compliantWorkbookRows());
});

describe(`a sync SIGKILLed at ${KILLS} random points`, () => {
  it.skipIf(!hasOpenpyxl)('never tombstones and re-creates a row that stands unchanged, and leaves a log that verifies and a workbook that opens', async () => {
    let landed = 0;
    // How long a whole sync takes here, so that the kills "anywhere" fall within one however fast syncs get.
    await addParticipants(NEW_ROWS_PER_RUN);
    const started = performance.now();
    expect(await syncKilled(120_000, null)).toBe(false);
    const syncMs = performance.now() - started;
    for (let run = 0; run < KILLS; run++) {
      await addParticipants(NEW_ROWS_PER_RUN);
      // Half the kills anywhere in the run (start-up, read, write-back, commit), half just after the write-back.
      const killed = run % 2 === 0 ? await syncKilled(syncMs * (0.15 + Math.random() * 0.85), null) : await syncKilled(0, Math.floor(Math.random() * 10));
      if (killed) landed += 1;
      // Killed before it made its store: there is no log yet (and `audit verify` says so).
      if (existsSync(db)) expect((await cli(['audit', 'verify', '--store', `sqlite:${db}`])).code, `audit verify after kill ${run + 1}`).toBe(0);
      const opened = spawnSync(PYTHON, ['-c', 'import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])', workbook], { encoding: 'utf8' });
      expect(opened.status, `openpyxl after kill ${run + 1}: ${opened.stderr}`).toBe(0);
      expectNoChurn(await auditEntries());
    }
    // Most kills land before the process ends (a run that finished first is fine too: it must leave the same state).
    console.log(`${landed} of ${KILLS} kills landed before the sync ended`);
    expect(landed).toBeGreaterThanOrEqual(KILLS / 3);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const last = await cli(['sync', workbook, '--store', `sqlite:${db}`, '--today', COMPLIANT_TODAY, '--config', config], new Date());
    expect(last.err).toBe('');
    const entries = await auditEntries();
    expectNoChurn(entries);
    const roster = await rosterRows();
    expect(roster.length).toBe(compliantWorkbookRows().Roster!.length + (KILLS + 1) * NEW_ROWS_PER_RUN);
    expect(roster.every((row) => /^P-\d{4}$/.test(row.id))).toBe(true);
    expect(new Set(roster.map((row) => row.id)).size).toBe(roster.length);
    // Each ID's record names the person on its row: no ID landed on another row.
    const committedName = new Map(entries.filter((entry) => entry.entity.startsWith('Roster/') && entry.after).map((entry) => [entry.entity.slice('Roster/'.length), entry.after!.name]));
    for (const row of roster) expect(committedName.get(row.id), row.id).toBe(row.name);
  }, 600_000);
});
