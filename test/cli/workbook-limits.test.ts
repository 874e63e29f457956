// `cceg validate` refuses, in one line and exit 2, a workbook past the config's limits, and each kind of file it cannot read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import {
  doctypeRoster, hugeCellBomb, hugeSharedStringBomb, longCellRoster, manyRowsRoster, ROSTER_HEADER, rowXml, smallRowsBomb, whitespaceBomb,
  wideRowRoster, writeDamagedZip, writeEncryptedWorkbook, writeWorkbook, type BookSpec,
} from '../support/hostile-workbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = (name: string) => join(dir, `${name}-${++files}.xlsx`);

/** A config file with small limits, so that bombs of a few MB stand for bombs of a few GB. */
function configWith(limits: Record<string, number>): string {
  const path = join(dir, `charter-${++files}.yaml`);
  writeFileSync(path, `limits:\n${Object.entries(limits).map(([key, value]) => `  ${key}: ${value}\n`).join('')}`);
  return path;
}

const SMALL = { inflatedBytes: 5_000_000, rowsPerTab: 1_000, cellsPerRow: 50 };
const MB20 = 20_000_000;

async function validate(path: string, limits: Record<string, number> = SMALL) {
  return cli(['validate', path, '--today', '2018-06-01', '--config', configWith(limits)]);
}

/** Writes the workbook and validates it; what stderr said and the exit code. */
async function refusalOf(book: BookSpec, limits: Record<string, number> = SMALL): Promise<{ path: string; code: number; err: string }> {
  const path = newPath('book');
  await writeWorkbook(path, book);
  const run = await validate(path, limits);
  return { path, code: run.code, err: run.err };
}

describe('cceg validate on a zip bomb', () => {
  it.each([
    ['20 MB of small rows', () => smallRowsBomb(MB20), 'xl/worksheets/sheet1.xml (tab Roster) inflates to more than 5 MB (limits.inflatedBytes).'],
    ['one 20 MB cell', () => hugeCellBomb(MB20), 'xl/worksheets/sheet1.xml (tab Roster) inflates to more than 5 MB (limits.inflatedBytes).'],
    ['20 MB of whitespace', () => whitespaceBomb(MB20), 'xl/worksheets/sheet1.xml (tab Roster) inflates to more than 5 MB (limits.inflatedBytes).'],
    ['a 20 MB shared string', () => hugeSharedStringBomb(MB20), 'xl/sharedStrings.xml inflates to more than 5 MB (limits.inflatedBytes).'],
  ])('refuses %s by the size its zip declares, naming the part and limits.inflatedBytes', async (_name, book, says) => {
    const { path, code, err } = await refusalOf(book());
    expect(err).toBe(`cceg: ${path}: ${says}\n`);
    expect(code).toBe(2);
  });

  it('refuses a bomb whose zip declares a small size once it is compressed more than limits.compressionRatio allows', async () => {
    const { path, code, err } = await refusalOf(smallRowsBomb(MB20, 1_000), { ...SMALL, rowsPerTab: 10_000_000 });
    expect(err).toBe(`cceg: ${path}: xl/worksheets/sheet1.xml (tab Roster) is compressed more than 100:1 (limits.compressionRatio).\n`);
    expect(code).toBe(2);
  });

  it('refuses a bomb whose zip declares a small size by what it really inflates to, when the ratio would let it through', async () => {
    const { path, code, err } = await refusalOf(smallRowsBomb(MB20, 1_000), { ...SMALL, compressionRatio: 100_000, rowsPerTab: 10_000_000 });
    expect(err).toBe(`cceg: ${path}: xl/worksheets/sheet1.xml (tab Roster) inflates to more than 5 MB (limits.inflatedBytes).\n`);
    expect(code).toBe(2);
  });

  it('refuses parts that each fit but together inflate past limits.inflatedBytes', async () => {
    const tab = (name: string) => ({ name, rows: [{ text: ROSTER_HEADER }, { text: rowXml(2, ['P-0001', 'x'.repeat(3_000_000)]) }] });
    const { path, code, err } = await refusalOf({ sheets: [tab('Roster'), tab('Notes')] }, { ...SMALL, compressionRatio: 100_000, cellChars: 5_000_000 });
    expect(err).toBe(`cceg: ${path} inflates to more than 5 MB in all (limits.inflatedBytes).\n`);
    expect(code).toBe(2);
  });
});

describe('cceg validate on a workbook past the limits of rows and cells', () => {
  it('refuses a tab with more rows than limits.rowsPerTab, and reads one with exactly that many', async () => {
    const over = await refusalOf(manyRowsRoster(1_001));
    expect(over.err).toBe(`cceg: ${over.path}: Roster has more than 1,000 rows (limits.rowsPerTab).\n`);
    expect(over.code).toBe(2);
    const at = await refusalOf(manyRowsRoster(1_000));
    expect(at.err).not.toContain('limits.');
    expect(at.code).toBeLessThan(2);
  });

  it('reads more rows than limits.rowsPerTab on the Findings tab, which cceg writes itself', async () => {
    const path = newPath('findings');
    const findings = Array.from({ length: 1_001 }, (_, index) => ({ text: rowXml(index + 2, ['error', 'roster.soi-stale', 'Roster']) }));
    await writeWorkbook(path, { sheets: [...manyRowsRoster(10).sheets, { name: 'Findings', rows: [{ text: rowXml(1, ['Severity', 'Rule', 'Tab']) }, ...findings] }] });
    const run = await validate(path);
    expect(run.err).toBe('');
    expect(run.code).toBeLessThan(2);
  });

  it('refuses a row with something right of limits.cellsPerRow cells, and reads one that stops there', async () => {
    const over = await refusalOf(wideRowRoster(51));
    expect(over.err).toBe(`cceg: ${over.path}: Roster row 2 has more than 50 cells (limits.cellsPerRow).\n`);
    expect(over.code).toBe(2);
    expect((await refusalOf(wideRowRoster(50))).code).toBeLessThan(2);
  });

  it('refuses a cell of 32,768 characters (limits.cellChars, Excel\'s own limit by default), and reads one of 32,767', async () => {
    const over = await refusalOf(longCellRoster(32_768));
    expect(over.err).toBe(`cceg: ${over.path}: Roster row 2, column B holds more than 32,767 characters (limits.cellChars).\n`);
    expect(over.code).toBe(2);
    expect((await refusalOf(longCellRoster(32_767))).code).toBeLessThan(2);
  });

  it('refuses a shared string longer than limits.cellChars where a cell uses it', async () => {
    const { path, code, err } = await refusalOf(hugeSharedStringBomb(40_000));
    expect(err).toBe(`cceg: ${path}: Roster row 2, column B holds more than 32,767 characters (limits.cellChars).\n`);
    expect(code).toBe(2);
  });

  it('names limits.rowsPerTab when the config sets it to something that is not a count', async () => {
    const path = newPath('rows');
    await writeWorkbook(path, manyRowsRoster(1));
    const run = await validate(path, { rowsPerTab: 0 });
    expect(run.err).toMatch(/^cceg: .*charter-\d+\.yaml: limits\.rowsPerTab: expected a value of at least 1\.\n$/);
    expect(run.code).toBe(2);
  });
});

describe('cceg validate on a file it cannot read', () => {
  it('says an encrypted workbook is encrypted, and how to open it', async () => {
    const path = newPath('encrypted');
    writeEncryptedWorkbook(path);
    const run = await validate(path);
    expect(run.err).toBe(`cceg: ${path} is encrypted (password-protected); save it without a password and try again.\n`);
    expect(run.code).toBe(2);
  });

  it('refuses a workbook whose sheet declares a DOCTYPE', async () => {
    const { path, code, err } = await refusalOf(doctypeRoster());
    expect(err).toBe(`cceg: ${path} holds a DOCTYPE declaration in xl/worksheets/sheet1.xml, which cceg refuses to read.\n`);
    expect(code).toBe(2);
  });

  it('says a zip whose sheet does not inflate is a damaged zip file', async () => {
    const path = newPath('damaged');
    await writeDamagedZip(path);
    const run = await validate(path);
    expect(run.err).toMatch(new RegExp(`^cceg: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a damaged zip file: xl/worksheets/sheet1\\.xml does not inflate \\(.+\\)\\.\\n$`));
    expect(run.code).toBe(2);
  });
});

describe('cceg validate on date serials', () => {
  it('reads serials 1 to 59 as the dates Excel shows, and reports serial 60 (1900-02-29, a day that never was) as cell.invalid-date', async () => {
    const path = newPath('serials');
    const rows = [1, 59, 60, 61].map((serial, index) => rowXml(index + 2, [`P-000${index + 1}`, `Person ${index + 1}`, `p${index + 1}@example.org`, 'Member', 'ALAC', 'Europe', 'Org', 'DNS', 'https://example.org/soi', { serial }, { serial: 43101 }]));
    await writeWorkbook(path, { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, ...rows.map((text) => ({ text }))] }] });
    const run = await cli(['validate', path, '--today', '2018-06-01', '--format', 'json']);
    const { findings } = JSON.parse(run.out) as { findings: { rule: string; row: number | null; column: string | null; message: string }[] };
    const invalid = findings.filter((finding) => finding.rule === 'cell.invalid-date');
    expect(invalid.map((finding) => [finding.row, finding.column])).toEqual([[4, 'SOI Date']]);
    expect(invalid[0]!.message).toContain('"1900-02-29" is not a date');
    const stale = findings.filter((finding) => finding.rule === 'roster.soi-stale').map((finding) => finding.message);
    expect(stale.join('\n')).toContain('1900-01-01');
    expect(stale.join('\n')).toContain('1900-02-28');
    expect(stale.join('\n')).toContain('1900-03-01');
  });
});
