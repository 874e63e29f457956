// Tests of `cceg tick`: every day of a simulated 2018 the sample drafts each document once, on the day it falls due.
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import type { GroupRows } from '../../functions/core/model/group.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { cli } from '../support/cli.js';
import { minusDays, SAMPLE_WORKBOOK, sampleAgm } from '../support/sample-agm.js';
import { columnOf, editWorkbook } from '../support/workbook-snapshot.js';


/** Every day of 2018, as ISO dates. */
function daysOf2018(): string[] {
  const days: string[] = [];
  for (let ms = Date.UTC(2018, 0, 1); ms <= Date.UTC(2018, 11, 31); ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

function sampleCopy(): { dir: string; workbook: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-tick-'));
  const workbook = join(dir, 'sample.xlsx');
  copyFileSync(SAMPLE_WORKBOOK, workbook);
  return { dir, workbook };
}

/**
 * The day each document of the sample falls due in 2018, computed from the rows apart from the code under test. A notice
 * or dissent notice whose moment came more than reports.backfillDays (7) before the first tick is past: never drafted.
 */
function expectedDraftDays(rows: GroupRows): Map<string, string> {
  const from2018 = (day: string) => [day, '2018-01-01'].sort().at(-1) ?? '';
  const current = (day: string) => day >= minusDays('2018-01-01', 7);
  const expected = new Map<string, string>();
  for (const meeting of rows.Meetings) {
    const icann = (meeting.type === 'ICANN Public Meeting' || meeting.type === 'ICANN AGM') && meeting.faceToFace;
    if (meeting.id === null || !meeting.startDate.startsWith('2018') || meeting.startDate === '2018-01-01') continue;
    const day = from2018(minusDays(meeting.startDate, 21));
    if (icann) expected.set(`update-report ${meeting.id}`, day);
    if (meeting.type === 'ICANN AGM') expected.set(`annual-report ${meeting.id}`, day);
  }
  const participating = new Set(rows.Organizations.filter((organization) => organization.participating).map((organization) => organization.code));
  for (const paper of rows.Papers) {
    if (paper.id === null) continue;
    if (paper.adoptedOn !== null && paper.adoptedOn <= '2018-12-31' && current(paper.adoptedOn)) expected.set(`notice ${paper.id}`, from2018(paper.adoptedOn));
    const dissents = rows.Endorsements
      .filter((endorsement) => endorsement.paper === paper.id && endorsement.decision === 'Not Support' && participating.has(endorsement.organization))
      .map((endorsement) => endorsement.decidedOn ?? '2018-01-01')
      .sort();
    if (dissents[0] !== undefined && dissents[0] <= '2018-12-31' && current(dissents[0])) expected.set(`dissent ${paper.id}`, from2018(dissents[0]));
  }
  for (const call of rows.ConsensusCalls) {
    if (call.id !== null && call.designation === 'No Consensus' && call.calledOn <= '2018-12-31') expected.set(`chair-report ${call.id}`, from2018(call.calledOn));
  }
  return expected;
}

describe('cceg tick every day of a simulated year', () => {
  it('drafts each document of the sample exactly once, on the day it falls due, and never twice', async () => {
    const { dir, workbook } = sampleCopy();
    const rows = parseWorkbook(await readXlsxWorkbook(workbook)).group.rows;
    const out = join(dir, 'documents');
    const store = `sqlite:${join(dir, 'store.db')}`;
    const draftedOn = new Map<string, string[]>();
    const locations = new Map<string, string>();
    const otherLines: string[] = [];
    for (const today of daysOf2018()) {
      const run = await cli(['tick', workbook, '--store', store, '--out', out, '--today', today], new Date(`${today}T06:00:00Z`));
      expect(run.err, today).toBe('');
      expect([0, 1], `${today}: ${run.out}`).toContain(run.code);
      for (const line of run.out.split('\n')) {
        const drafted = /^Drafted (\S+ \S+): (.+)$/.exec(line);
        const updated = /^Updated (\S+ \S+) in place \(its data changed\): (.+)$/.exec(line);
        if (drafted) {
          const [, document = '', location = ''] = drafted;
          draftedOn.set(document, [...(draftedOn.get(document) ?? []), today]);
          locations.set(document, location);
        } else if (updated) {
          const [, document = '', location = ''] = updated;
          expect(location, `${today}: ${document} is re-rendered into the file it was drafted into`).toBe(locations.get(document));
        } else if (line !== '' && !line.startsWith('Tick ') && !line.startsWith('Still missing')) {
          otherLines.push(`${today}: ${line}`);
        }
      }
    }
    expect(otherLines).toEqual([]);

    const expected = expectedDraftDays(rows);
    for (const kind of ['update-report', 'annual-report', 'notice', 'dissent', 'chair-report']) {
      expect([...expected.keys()].some((key) => key.startsWith(kind)), `the sample has a ${kind} due in 2018`).toBe(true);
    }
    expect(Object.fromEntries(draftedOn)).toEqual(Object.fromEntries([...expected].map(([document, day]) => [document, [day]])));
    for (const document of draftedOn.keys()) {
      const [kind = '', key = ''] = document.split(' ');
      expect(locations.get(document)).toBe(join(out, kind, `${key}.html`));
      expect(existsSync(join(out, kind, `${key}.html`)), document).toBe(true);
    }
  }, 400_000);
});

describe('cceg tick', () => {
  it('syncs, drafts what fell due that day into --out, and drafts nothing again on a re-run', async () => {
    const { dir, workbook } = sampleCopy();
    const rows = parseWorkbook(await readXlsxWorkbook(workbook)).group.rows;
    const { id, draftDay: windowOpens } = sampleAgm(rows);
    const out = join(dir, 'out');
    const tick = (today: string) => cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', out, '--today', today]);

    const before = await tick(minusDays(windowOpens, 1));
    expect(before.err).toBe('');
    expect(before.out).not.toContain(`update-report ${id}`);

    const first = await tick(windowOpens);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain(`Drafted update-report ${id}: ${join(out, 'update-report', `${id}.html`)}`);
    expect(first.out).toContain(`Drafted annual-report ${id}`);
    expect(existsSync(join(out, 'update-report', `${id}.html`))).toBe(true);
    expect(existsSync(join(out, 'annual-report', `${id}.html`))).toBe(true);

    const again = await tick(windowOpens);
    expect(again.code, again.err).toBe(0);
    expect(again.out).not.toContain('Drafted ');
    expect(again.out).toMatch(/0 drafted, 0 updated, 0 kept, 0 failed, [1-9]\d* up to date/);

    const yearEnd = await tick('2018-12-31');
    expect(yearEnd.out).not.toContain(`update-report ${id}`);
  }, 60_000);

  it('drafts into a documents folder beside the workbook by default', async () => {
    const { dir, workbook } = sampleCopy();
    const run = await cli(['tick', workbook, '--today', '2018-09-26']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`Drafted notice PP-0006: ${join(dir, 'documents', 'notice', 'PP-0006.html')}`);
    expect(existsSync(join(dir, 'documents', 'notice'))).toBe(true);
  }, 60_000);

  it('on a fresh store, skips the notices and dissent notices whose moment has passed, says so, and drafts them never', async () => {
    const { dir, workbook } = sampleCopy();
    const out = join(dir, 'out');
    const tick = () => cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', out, '--today', '2018-11-01']);
    const run = await tick();
    expect(run.code, run.err).toBe(0);
    const skipped = run.out.split('\n').filter((line) => line.startsWith('Skipped (past) '));
    expect(skipped.map((line) => line.split(',')[0])).toEqual([
      'Skipped (past) notice PP-0001', 'Skipped (past) notice PP-0002', 'Skipped (past) dissent PP-0002', 'Skipped (past) notice PP-0003',
      'Skipped (past) dissent PP-0003', 'Skipped (past) notice PP-0004', 'Skipped (past) dissent PP-0004', 'Skipped (past) notice PP-0006',
    ]);
    expect(skipped[0]).toBe('Skipped (past) notice PP-0001, not drafted: the paper was adopted on 2018-05-23, more than 7 days before 2018-11-01 ' +
      '(the group\'s setting reports.backfillDays); cceg report renders it on request');
    expect(skipped[2]).toContain('dissent PP-0002, not drafted: the first participating organization decided Not Support on 2018-07-26,');
    expect(run.out).toMatch(/^Tick 2018-11-01: 1 drafted, 0 updated, 0 kept, 0 failed, 0 up to date, 8 skipped \(past\); sync \S+ \(0 errors\)\.$/m);
    expect(existsSync(join(out, 'notice'))).toBe(false);
    expect(existsSync(join(out, 'dissent'))).toBe(false);

    const again = await tick();
    expect(again.out).not.toContain('Drafted ');
    expect(again.out).toMatch(/0 drafted, 0 updated, 0 kept, 0 failed, 1 up to date, 8 skipped \(past\)/);
  }, 60_000);

  it('drafts a notice within reports.backfillDays of its adoption, and skips it the day after', async () => {
    const tickOn = async (today: string) => {
      const { dir, workbook } = sampleCopy();
      return cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', join(dir, 'out'), '--today', today]);
    };
    expect((await tickOn('2018-10-03')).out).toContain('Drafted notice PP-0006');
    expect((await tickOn('2018-10-04')).out).toContain('Skipped (past) notice PP-0006, not drafted: the paper was adopted on 2018-09-26, more than 7 days before 2018-10-04');
  }, 60_000);

  it('re-renders a drafted document into the same file when its data changes, and keeps a file a person edited', async () => {
    const { dir, workbook } = sampleCopy();
    const { id, windowOpens } = await firstAgm(workbook);
    const out = join(dir, 'out');
    const path = join(out, 'update-report', `${id}.html`);
    const tick = (today: string) => cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', out, '--today', today]);
    const renameMeeting = (name: string) => editWorkbook(workbook, (book) => {
      const sheet = book.getWorksheet('Meetings');
      if (!sheet) throw new Error('no Meetings tab');
      sheet.eachRow((row) => {
        if (String(row.getCell(columnOf(sheet, 'ID')).value) === id) row.getCell(columnOf(sheet, 'Name')).value = name;
      });
    });

    expect((await tick(windowOpens)).out).toContain(`Drafted update-report ${id}: ${path}`);
    await renameMeeting('ICANN AGM <Barcelona> & "friends"');
    const updated = await tick(windowOpens);
    expect(updated.out).toContain(`Updated update-report ${id} in place (its data changed): ${path}`);
    expect(updated.out).not.toContain('Drafted ');
    expect(readFileSync(path, 'utf8')).toContain('ICANN AGM &lt;Barcelona&gt; &amp; &quot;friends&quot;');

    appendFileSync(path, '<!-- The chairs added their notes here. -->');
    const edited = readFileSync(path, 'utf8');
    await renameMeeting('ICANN AGM Barcelona');
    const kept = await tick(windowOpens);
    expect(kept.out).toContain(`Kept update-report ${id} as it is, not overwritten: the file was changed since it was drafted (${path})`);
    expect(readFileSync(path, 'utf8')).toBe(edited);
  }, 60_000);

  it('says which required documents are still missing: a drafted update report is missing until it is delivered', async () => {
    const { dir, workbook } = sampleCopy();
    const { id, windowOpens } = await firstAgm(workbook);
    await editWorkbook(workbook, (book) => {
      const sheet = book.getWorksheet('Deliverables');
      if (!sheet) throw new Error('no Deliverables tab');
      const rows: number[] = [];
      sheet.eachRow((row, number) => {
        if (row.getCell(columnOf(sheet, 'Type')).value === 'IG Update Report' && String(row.getCell(columnOf(sheet, 'For Meeting')).value) === id) rows.push(number);
      });
      for (const number of rows.reverse()) sheet.spliceRows(number, 1);
    });
    const run = await cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', join(dir, 'out'), '--today', windowOpens]);
    expect(run.out).toContain(`Drafted update-report ${id}`);
    expect(run.out).toMatch(new RegExp(`Still missing \\(report\\.update-due-soon\\): The IG Update Report for .+ is due on \\d{4}-\\d{2}-\\d{2} and has not been delivered yet; ` +
      `.+ To record it, add a Deliverables row: Type IG Update Report, For Meeting ${id}, Delivered On\\.`));

    await editWorkbook(workbook, (book) => {
      const sheet = book.getWorksheet('Deliverables');
      if (!sheet) throw new Error('no Deliverables tab');
      const row = sheet.getRow(sheet.actualRowCount + 1);
      row.getCell(columnOf(sheet, 'Type')).value = 'IG Update Report';
      row.getCell(columnOf(sheet, 'For Meeting')).value = id;
      row.getCell(columnOf(sheet, 'Delivered On')).value = windowOpens;
      row.commit();
    });
    const delivered = await cli(['tick', workbook, '--store', `sqlite:${join(dir, 'store.db')}`, '--out', join(dir, 'out'), '--today', windowOpens]);
    expect(delivered.code, delivered.out).toBe(0);
    expect(delivered.out).not.toContain('Still missing');
  }, 60_000);
});

/** The sample's AGM and the day its reports fall due for drafting. */
async function firstAgm(workbook: string): Promise<{ id: string; windowOpens: string }> {
  const { id, draftDay } = sampleAgm(parseWorkbook(await readXlsxWorkbook(workbook)).group.rows);
  return { id, windowOpens: draftDay };
}
