// The .xlsx reader against hostile and huge workbooks, with the shipped limits: zip bombs, a million rows, encrypted, DOCTYPE, damaged, 100,000 rows within 1 GB.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigWorkbook } from '../../support/big-workbook.js';
import {
  doctypeRoster, hugeCellBomb, hugeSharedStringBomb, longCellRoster, manyRowsRoster, ROSTER_HEADER, rowXml, smallRowsBomb, whitespaceBomb,
  writeDamagedZip, writeEncryptedWorkbook, writeWorkbook, type BookSpec,
} from '../../support/hostile-workbooks.js';
import { runCceg, type CcegRun } from '../../support/cceg-process.js';
import type { CaseContext, CaseOutcome, ReliabilityCase } from '../reliability-case.js';

const GB = 1_000_000_000;
const KB_PER_MB = 1024;
/** A refusal must cost less than the smallest Cloud Function that could run cceg. */
const REFUSAL_RSS_MB = 512;
/** The memory a 100,000-row workbook must validate and sync in. */
const BIG_RSS_MB = 1024;
const TODAY = '2018-06-01';

/** The exit code and the last line on stderr, the temporary folder left out. */
function briefly(run: CcegRun, dir: string): string {
  const line = run.err.trim().split('\n').at(-1) ?? '';
  const text = line.replaceAll(`${dir}/`, '').replace(/^cceg: /, '');
  return `exit ${run.code}: ${text}`;
}

const underMb = (run: CcegRun, mb: number) => run.peakRssKb !== undefined && run.peakRssKb < mb * KB_PER_MB;

/** A case: `cceg validate` on the file `write` makes is refused with exit 2 and a line matching `says`, within 512 MB. */
function refusal(name: string, write: (path: string) => Promise<unknown> | void, says: RegExp, expected: string): ReliabilityCase {
  return {
    name,
    expected: `exit 2: ${expected}; < ${REFUSAL_RSS_MB} MB`,
    async run({ dir }: CaseContext): Promise<CaseOutcome> {
      const path = join(dir, 'book.xlsx');
      await write(path);
      const run = await runCceg(['validate', path, '--today', TODAY]);
      const oneLine = run.err.trim().split('\n').length === 1;
      return { observed: briefly(run, dir), pass: run.code === 2 && oneLine && says.test(run.err) && underMb(run, REFUSAL_RSS_MB), peakRssKb: run.peakRssKb };
    },
  };
}

const book = (spec: () => BookSpec) => (path: string) => writeWorkbook(path, spec());
/** The same bomb with sizes in its zip headers that lie (1 KB), so only counting while inflating can stop it. */
const hidden = (spec: () => BookSpec) => (path: string) => {
  const { sheets, sharedStrings } = spec();
  return writeWorkbook(path, { sheets: sheets.map((sheet) => ({ ...sheet, declaredSize: 1_000 })), ...(sharedStrings ? { sharedStrings, sharedStringsDeclaredSize: 1_000 } : {}) });
};

const TOO_BIG = /inflates to more than 200 MB \(limits\.inflatedBytes\)\.$/m;
const TOO_COMPRESSED = /is compressed more than 100:1 \(limits\.compressionRatio\)\.$/m;

/** A 100,000-row workbook (the big-workbook mix of every tab) validated, synced, and synced again with no change, each within 1 GB. */
function hundredThousandRows(): ReliabilityCase[] {
  let source: Promise<string> | undefined;
  // Written once, into a folder of its own that outlives the cases, and copied into each case's folder.
  const workbook = () => {
    if (source === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'cceg-reliability-100000-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const path = join(dir, 'big-100000.xlsx');
      source = writeBigWorkbook(path, 100_000).then(() => path);
    }
    return source;
  };
  const copyInto = async (dir: string) => {
    const path = join(dir, 'group.xlsx');
    copyFileSync(await workbook(), path);
    return path;
  };
  const within = (run: CcegRun, dir: string, what: string): CaseOutcome => ({
    observed: `exit ${run.code}, ${run.seconds.toFixed(0)} s: ${what || briefly(run, dir)}`,
    pass: run.code !== null && run.code <= 1 && underMb(run, BIG_RSS_MB),
    peakRssKb: run.peakRssKb,
  });
  const summary = (run: CcegRun) => run.out.trim().split('\n').at(-1)?.replace(/^.*group\.xlsx: /, '').slice(0, 90) ?? '';
  return [
    {
      name: '100,000 rows: validate',
      expected: `exit 0 or 1 (findings); < ${BIG_RSS_MB} MB`,
      async run({ dir }) {
        const run = await runCceg(['validate', await copyInto(dir), '--today', TODAY]);
        return within(run, dir, summary(run));
      },
    },
    {
      name: '100,000 rows: first sync, then one with no change',
      expected: `exit 0 or 1, twice; 100,000 created, then 0; < ${BIG_RSS_MB} MB`,
      async run({ dir }) {
        const path = await copyInto(dir);
        const store = `sqlite:${join(dir, 'group.db')}`;
        const first = await runCceg(['sync', path, '--store', store, '--today', TODAY, '--format', 'json']);
        const again = await runCceg(['sync', path, '--store', store, '--today', TODAY, '--format', 'json']);
        const counts = (run: CcegRun) => (run.code !== null && run.code <= 1 ? (JSON.parse(run.out) as { run: { counts: { created: number } } }).run.counts.created : NaN);
        const peak = Math.max(first.peakRssKb ?? Infinity, again.peakRssKb ?? Infinity);
        const outcome = within({ ...first, peakRssKb: peak }, dir, `created ${counts(first)}, then ${counts(again)} (${again.seconds.toFixed(0)} s); peak of both`);
        return { ...outcome, pass: outcome.pass && again.code !== null && again.code <= 1 && counts(first) === 100_000 && counts(again) === 0 };
      },
    },
  ];
}

/** Every case of the .xlsx reader. */
export const cases: ReliabilityCase[] = [
  refusal('1 GB of small rows in a 3 MB zip', book(() => smallRowsBomb(GB)), TOO_BIG, 'Roster … inflates to more than 200 MB (limits.inflatedBytes)'),
  refusal('1 GB of small rows, sizes hidden', hidden(() => smallRowsBomb(GB)), TOO_COMPRESSED, '… is compressed more than 100:1 (limits.compressionRatio)'),
  refusal('one 1 GB cell', book(() => hugeCellBomb(GB)), TOO_BIG, '… inflates to more than 200 MB (limits.inflatedBytes)'),
  refusal('one 1 GB cell, sizes hidden', hidden(() => hugeCellBomb(GB)), TOO_COMPRESSED, '… compressed more than 100:1 (limits.compressionRatio)'),
  refusal('1 GB of whitespace', book(() => whitespaceBomb(GB)), TOO_BIG, '… inflates to more than 200 MB (limits.inflatedBytes)'),
  refusal('1 GB of whitespace, sizes hidden', hidden(() => whitespaceBomb(GB)), TOO_COMPRESSED, '… compressed more than 100:1 (limits.compressionRatio)'),
  refusal('a 1 GB shared string', book(() => hugeSharedStringBomb(GB)), /xl\/sharedStrings\.xml inflates to more than 200 MB/, 'xl/sharedStrings.xml inflates to more than 200 MB'),
  refusal('a 1 GB shared string, sizes hidden', hidden(() => hugeSharedStringBomb(GB)), /xl\/sharedStrings\.xml is compressed more than 100:1/, 'xl/sharedStrings.xml is compressed more than 100:1'),
  refusal('1,000,000-row Roster (shared strings, as Excel writes)', book(() => manyRowsRoster(1_000_000, { sharedStrings: true })), TOO_BIG, 'Roster … inflates to more than 200 MB (limits.inflatedBytes)'),
  refusal('1,000,000-row Roster of two columns (inline, under 200 MB)', book(() => manyRowsRoster(1_000_000, { columns: 2 })), /Roster has more than 100,000 rows \(limits\.rowsPerTab\)\.$/m, 'Roster has more than 100,000 rows (limits.rowsPerTab)'),
  refusal('a workbook encrypted with a password', writeEncryptedWorkbook, /is encrypted \(password-protected\); save it without a password and try again\.$/m, '… is encrypted (password-protected); save it without a password …'),
  refusal('a sheet with a DOCTYPE', book(doctypeRoster), /holds a DOCTYPE declaration in xl\/worksheets\/sheet1\.xml, which cceg refuses to read\.$/m, '… holds a DOCTYPE declaration …, which cceg refuses to read'),
  refusal('a damaged zip', writeDamagedZip, /is a damaged zip file: xl\/worksheets\/sheet1\.xml does not inflate \(.+\)\.$/m, '… is a damaged zip file: xl/worksheets/sheet1.xml does not inflate (…)'),
  refusal('a 32,768-character cell', book(() => longCellRoster(32_768)), /Roster row 2, column B holds more than 32,767 characters \(limits\.cellChars\)\.$/m, 'Roster row 2, column B holds more than 32,767 characters (limits.cellChars)'),
  {
    name: 'date serial 60 (1900-02-29)',
    expected: 'exit 1: one cell.invalid-date, Roster row 2, SOI Date "1900-02-29"',
    async run({ dir }) {
      const path = join(dir, 'serial.xlsx');
      const row = rowXml(2, ['P-0001', 'Ana', 'ana@example.org', 'Member', 'ALAC', 'Europe', 'Org', 'DNS', 'https://example.org/soi', { serial: 60 }, { serial: 43101 }]);
      await writeWorkbook(path, { sheets: [{ name: 'Roster', rows: [{ text: ROSTER_HEADER }, { text: row }] }] });
      const run = await runCceg(['validate', path, '--today', TODAY, '--format', 'json']);
      const invalid = run.code === 1 ? (JSON.parse(run.out) as { findings: { rule: string; row: number; column: string; message: string }[] }).findings.filter((finding) => finding.rule === 'cell.invalid-date') : [];
      const observed = invalid.map((finding) => `${finding.rule}, row ${finding.row}, ${finding.column}: ${finding.message}`).join('; ') || briefly(run, dir);
      return { observed: `exit ${run.code}: ${observed.slice(0, 100)}`, pass: invalid.length === 1 && invalid[0]!.row === 2 && invalid[0]!.message.includes('"1900-02-29"'), peakRssKb: run.peakRssKb };
    },
  },
  ...hundredThousandRows(),
];
