// What a sync writes stays within a cell whatever is typed, and a truncated audit log is caught by the anchor kept outside the store.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { runCceg } from '../../support/cceg-process.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../../support/compliant-workbook.js';
import { fill } from '../../support/fill-workbook.js';
import type { CaseContext, CaseOutcome, ReliabilityCase } from '../reliability-case.js';

/** A workbook made by `cceg init` and filled with the compliant rows, Kim's Organization typed as 32,767 characters. */
async function hugeValueWorkbook(dir: string): Promise<string> {
  const path = join(dir, 'group.xlsx');
  await runCceg(['init', path]);
  const rows = compliantWorkbookRows();
  rows.Roster = rows.Roster!.map((row) => (row.ID === 'P-0011' ? { ...row, Organization: 'G'.repeat(32_767) } : row));
  await fill(path, rows);
  return path;
}

const boundedWrites: ReliabilityCase = {
  name: 'sync of a 32,767-character unknown reference',
  expected: 'exit 1; every Findings and Status cell <= 1,000 characters',
  async run({ dir }: CaseContext): Promise<CaseOutcome> {
    const path = await hugeValueWorkbook(dir);
    const run = await runCceg(['sync', path, '--store', `sqlite:${join(dir, 'store.db')}`, '--today', COMPLIANT_TODAY]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    let longest = 0;
    book.getWorksheet('Findings')?.eachRow((row) => row.eachCell((cell) => void (longest = Math.max(longest, String(cell.value).length))));
    const roster = book.getWorksheet('Roster')!;
    const status = roster.getRow(1).values as unknown[];
    const statusColumn = status.findIndex((value) => value === 'Status');
    roster.eachRow((row) => void (longest = Math.max(longest, String(row.getCell(statusColumn).value ?? '').length)));
    return { observed: `exit ${run.code}; longest cell written ${longest} characters`, pass: run.code === 1 && longest <= 1000, peakRssKb: run.peakRssKb };
  },
};

const truncatedLog: ReliabilityCase = {
  name: 'audit log truncated, head and records moved back',
  expected: 'verify exit 0 without the anchor (nothing inside the store tells); exit 1 with --anchor',
  async run({ dir }: CaseContext): Promise<CaseOutcome> {
    const path = join(dir, 'group.xlsx');
    await runCceg(['init', path]);
    await fill(path, compliantWorkbookRows());
    const db = join(dir, 'store.db');
    const synced = await runCceg(['sync', path, '--store', `sqlite:${db}`, '--today', COMPLIANT_TODAY, '--format', 'json']);
    const { auditHead } = JSON.parse(synced.out) as { auditHead: { seq: number; hash: string } };
    const store = new Database(db);
    const last = store.prepare('select seq, entity from audit where seq > ? order by seq').all(auditHead.seq - 3) as { seq: number; entity: string }[];
    for (const entry of last) {
      store.prepare('delete from audit where seq = ?').run(entry.seq);
      const [tab, id] = entry.entity.split('/');
      store.prepare('delete from records where tab = ? and id = ?').run(tab, id);
    }
    const kept = store.prepare('select seq, hash from audit order by seq desc limit 1').get() as { seq: number; hash: string };
    store.prepare("update meta set value = ? where key = 'head_seq'").run(String(kept.seq));
    store.prepare("update meta set value = ? where key = 'head_hash'").run(kept.hash);
    store.close();
    const plain = await runCceg(['audit', 'verify', '--store', `sqlite:${db}`]);
    const anchored = await runCceg(['audit', 'verify', '--store', `sqlite:${db}`, '--anchor', `${auditHead.seq}:${auditHead.hash}`]);
    return {
      observed: `without anchor exit ${plain.code}; with anchor exit ${anchored.code}: ${anchored.out.trim().slice(0, 90)}…`,
      pass: plain.code === 0 && anchored.code === 1 && /entries were removed/.test(anchored.out),
      peakRssKb: anchored.peakRssKb,
    };
  },
};

/** The cases of this file. */
export const cases: ReliabilityCase[] = [boundedWrites, truncatedLog];
