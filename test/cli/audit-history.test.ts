// `cceg audit history Tab/ID` and `audit list --entity`: a row edited and synced again reads as field-level changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';

const root = mkdtempSync(join(tmpdir(), 'cceg-audit-history-'));
const workbook = join(root, 'group.xlsx');
const store = `sqlite:${join(root, 'group.cceg.db')}`;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Sets cells of the Roster row with `id`, by header, as a secretariat would in a spreadsheet program. */
async function editRosterRow(id: string, cells: Record<string, ExcelJS.CellValue>): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(workbook);
  const sheet = book.getWorksheet('Roster')!;
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => columnOf.set(String(cell.value), column));
  sheet.eachRow((row) => {
    if (row.getCell(columnOf.get('ID')!).value !== id) return;
    for (const [header, value] of Object.entries(cells)) row.getCell(columnOf.get(header)!).value = value;
    row.commit();
  });
  await book.xlsx.writeFile(workbook);
}

beforeAll(async () => {
  expect((await cli(['init', workbook])).code).toBe(0);
  await fill(workbook, compliantWorkbookRows());
  expect((await cli(['sync', workbook, '--today', COMPLIANT_TODAY])).code).toBeLessThan(2);
  await editRosterRow('P-0002', { 'SOI Date': new Date('2018-10-30T00:00:00Z'), Role: 'Participant', Expertise: 'DNS abuse' });
  expect((await cli(['sync', workbook, '--today', '2018-11-01'], new Date('2018-10-30T09:12:00Z'))).code).toBeLessThan(2);
}, 120_000);

describe('cceg audit history, as a real process', () => {
  it('tells the row\'s creation and then its edit field by field, with time, actor and source', () => {
    const run = cliProcess(['audit', 'history', 'Roster/P-0002', '--store', store]);

    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('History of Roster/P-0002:');
    expect(lines).toContain('    Name: Bo Lindqvist');
    expect(run.out).toMatch(/\n\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}update {2}by \S+ \(cli\)\n {4}Role: Member → Participant\n {4}Expertise: \(empty\) → DNS abuse\n {4}SOI Date: 2018-01-15 → 2018-10-30\n2 changes\.\n$/);
  });

  it('answers the same changes as JSON with --format json', () => {
    const run = cliProcess(['audit', 'history', 'Roster/P-0002', '--store', store, '--format', 'json']);
    const { entity, changes } = JSON.parse(run.out) as { entity: string; changes: { op: string; fields: unknown[] }[] };

    expect(entity).toBe('Roster/P-0002');
    expect(changes.map((change) => change.op)).toEqual(['create', 'update']);
    expect(changes[1]!.fields).toEqual([
      { field: 'Role', before: 'Member', after: 'Participant' },
      { field: 'Expertise', before: '', after: 'DNS abuse' },
      { field: 'SOI Date', before: '2018-01-15', after: '2018-10-30' },
    ]);
  });

  it('says so when the log holds nothing about the record, and refuses what is no Tab/ID', async () => {
    expect((await cli(['audit', 'history', 'Roster/P-0999', '--store', store])).out).toBe('The audit log holds no change of Roster/P-0999.\n');
    const refused = await cli(['audit', 'history', 'P-0002', '--store', store]);
    expect(refused).toEqual({ code: 2, out: '', err: 'cceg: "P-0002" is not a record: write Tab/ID, e.g. Roster/P-0001.\n' });
  });
});

describe('cceg audit list --entity', () => {
  it('lists the changes of a record field by field, naming the record', async () => {
    const run = await cli(['audit', 'list', '--entity', 'Roster/P-0002', '--store', store]);

    expect(run.code).toBe(0);
    expect(run.out).toMatch(/ {2}create {2}Roster\/P-0002 {2}by \S+ \(cli\)\n {4}ID: P-0002\n {4}Name: Bo Lindqvist\n/);
    expect(run.out).toContain('  update  Roster/P-0002  by ');
    expect(run.out).toContain('    SOI Date: 2018-01-15 → 2018-10-30\n');
    expect(run.out.endsWith('2 changes.\n')).toBe(true);
  });

  it('keeps one line per entry for the whole log', async () => {
    const run = await cli(['audit', 'list', '--store', store]);
    expect(run.out).not.toContain('→');
    expect(run.out).toMatch(/\d+ entries\.\n$/);
  });
});
