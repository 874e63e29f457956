// Tests of `cceg tick`: across a simulated 2018 the sample drafts each document once, on the day it falls due.
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderDocumentPublisher } from '../../functions/adapters/folder/folder-documents.js';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { draftDueDocuments } from '../../functions/app/draft-documents.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { cli } from '../support/cli.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'sheets', 'sample-workbook.xlsx');

/** Every day of 2018, as ISO dates. */
function daysOf2018(): string[] {
  const days: string[] = [];
  for (let ms = Date.UTC(2018, 0, 1); ms <= Date.UTC(2018, 11, 31); ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

/** `date` minus `days`, computed apart from the code under test. */
function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function sampleCopy(): { dir: string; workbook: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-tick-'));
  const workbook = join(dir, 'sample.xlsx');
  copyFileSync(SAMPLE, workbook);
  return { dir, workbook };
}

describe('drafting every day of a simulated year', () => {
  it('drafts each document exactly once, on the day it falls due, and never twice', async () => {
    const { dir, workbook } = sampleCopy();
    const rows = parseWorkbook(await readXlsxWorkbook(workbook)).group.rows;
    const store = openSqliteStore(join(dir, 'store.db'));
    const out = join(dir, 'documents');
    const publisher = new FolderDocumentPublisher(out);
    const draftedOn = new Map<string, string[]>();
    try {
      for (const today of daysOf2018()) {
        const { drafted } = await draftDueDocuments({ store, publisher, rows, today, config: DEFAULT_CONFIG, runId: `run-${today}`, now: () => new Date(`${today}T06:00:00Z`) });
        for (const entry of drafted) draftedOn.set(`${entry.kind} ${entry.key}`, [...(draftedOn.get(`${entry.kind} ${entry.key}`) ?? []), today]);
      }
    } finally {
      await store.close();
    }
    for (const [document, days] of draftedOn) expect(days, document).toHaveLength(1);

    // Expected independently: 21 days before each face-to-face ICANN meeting of 2018 (or January 1st if later).
    const expected = new Map<string, string>();
    for (const meeting of rows.Meetings) {
      const icann = (meeting.type === 'ICANN Public Meeting' || meeting.type === 'ICANN AGM') && meeting.faceToFace;
      if (meeting.id === null || !meeting.startDate.startsWith('2018') || meeting.startDate === '2018-01-01') continue;
      const day = [minusDays(meeting.startDate, 21), '2018-01-01'].sort().at(-1) ?? '';
      if (icann) expected.set(`update-report ${meeting.id}`, day);
      if (meeting.type === 'ICANN AGM') expected.set(`annual-report ${meeting.id}`, day);
    }
    for (const paper of rows.Papers) {
      if (paper.id !== null && paper.adoptedOn !== null && paper.adoptedOn <= '2018-12-31') {
        expected.set(`notice ${paper.id}`, [paper.adoptedOn, '2018-01-01'].sort().at(-1) ?? '');
      }
    }
    expect([...expected.keys()].filter((key) => key.startsWith('update-report')).length).toBeGreaterThan(0);
    expect([...expected.keys()].filter((key) => key.startsWith('annual-report')).length).toBeGreaterThan(0);
    for (const [document, day] of expected) expect(draftedOn.get(document), document).toEqual([day]);
    for (const kind of ['dissent', 'chair-report']) expect([...draftedOn.keys()].some((key) => key.startsWith(kind)), kind).toBe(true);
    for (const document of draftedOn.keys()) {
      const [kind = '', key = ''] = document.split(' ');
      expect(existsSync(join(out, kind, `${key}.html`)), document).toBe(true);
    }
  }, 60_000);
});

describe('cceg tick', () => {
  it('syncs, drafts what fell due that day into --out, and drafts nothing again on a re-run', async () => {
    const { dir, workbook } = sampleCopy();
    const rows = parseWorkbook(await readXlsxWorkbook(workbook)).group.rows;
    const agm = rows.Meetings.find((meeting) => meeting.type === 'ICANN AGM' && meeting.faceToFace && meeting.id !== null);
    expect(agm).toBeDefined();
    const id = agm?.id ?? '';
    const windowOpens = minusDays(agm?.startDate ?? '', 21);
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
    expect(again.out).toMatch(/0 document\(s\) drafted, [1-9]\d* drafted before/);

    const yearEnd = await tick('2018-12-31');
    expect(yearEnd.out).not.toContain(`update-report ${id}`);
  }, 60_000);

  it('drafts into a documents folder beside the workbook by default', async () => {
    const { dir, workbook } = sampleCopy();
    const run = await cli(['tick', workbook, '--today', '2018-12-31']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`Drafted notice`);
    expect(existsSync(join(dir, 'documents', 'notice'))).toBe(true);
  }, 60_000);
});
