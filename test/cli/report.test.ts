// Tests of `cceg report`: each document of the sample workbook is written as HTML to --out; bad input exits 2.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CCEG_ONLY_NOTICE } from '../../functions/core/documents/html.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-report-'));
const workbook = join(dir, 'sample-workbook.xlsx');
copyFileSync(new URL('../../sheets/sample-workbook.xlsx', import.meta.url), workbook);
const out = join(dir, 'documents');

describe('cceg report', () => {
  it.each([
    { document: 'update', option: ['--meeting', 'ICANN63'], today: '2018-10-06', file: join('update-report', 'ICANN63.html') },
    { document: 'annual', option: ['--meeting', 'ICANN63'], today: '2018-10-20', file: join('annual-report', 'ICANN63.html') },
    { document: 'notice', option: ['--paper', 'PP-0002'], today: '2018-10-06', file: join('notice', 'PP-0002.html') },
    { document: 'dissent', option: ['--paper', 'PP-0002'], today: '2018-10-06', file: join('dissent', 'PP-0002.html') },
    { document: 'chair', option: ['--call', 'CC-0005'], today: '2018-10-06', file: join('chair-report', 'CC-0005.html') },
  ])('$document writes an HTML file carrying the notice and prints its path', async ({ document, option, today, file }) => {
    const run = await cli(['report', document, workbook, ...option, '--out', out, '--today', today]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const path = join(out, file);
    expect(run.out).toBe(`${path}\n`);
    const page = readFileSync(path, 'utf8');
    expect(page).toContain(CCEG_ONLY_NOTICE);
    expect(page).toContain(`<meta name="cceg-run" content="local-${today}">`);
  });

  it('names the run given with --run-id', async () => {
    await cli(['report', 'dissent', workbook, '--paper', 'PP-0002', '--out', out, '--run-id', 'run-77']);
    expect(readFileSync(join(out, 'dissent', 'PP-0002.html'), 'utf8')).toContain('<meta name="cceg-run" content="run-77">');
  });

  it.each([
    { name: 'an unknown meeting', argv: ['update', workbook, '--meeting', 'ICANN99'], says: 'ICANN99' },
    { name: 'an unknown paper', argv: ['notice', workbook, '--paper', 'PP-9999'], says: 'PP-9999' },
    { name: 'an unknown call', argv: ['chair', workbook, '--call', 'CC-9999'], says: 'CC-9999' },
    { name: 'a call that is not No Consensus', argv: ['chair', workbook, '--call', 'CC-0001'], says: 'not No Consensus' },
    { name: 'a missing --meeting', argv: ['annual', workbook], says: 'needs --meeting' },
    { name: 'an unknown document', argv: ['minutes', workbook], says: 'minutes' },
  ])('exits 2 with one line for $name', async ({ argv, says }) => {
    const run = await cli(['report', ...argv, '--out', out, '--today', '2018-10-06']);
    expect(run.code).toBe(2);
    expect(run.err).toContain(says);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    {
      name: 'a circulation notice for a paper never adopted', argv: ['notice', '--paper', 'PP-0005'],
      says: 'PP-0005 was never adopted (no Adopted On); a circulation notice is for an adopted paper: PP-0001, PP-0002, PP-0003, PP-0004, PP-0006.',
    },
    {
      name: 'a dissent notice for a paper nobody dissented on', argv: ['dissent', '--paper', 'PP-0001'],
      says: 'No participating organization decided Not Support on PP-0001; a dissent notice is for a paper a participating organization decided Not Support on: PP-0002, PP-0003, PP-0004.',
    },
    {
      name: 'an update report for a Zoom call', argv: ['update', '--meeting', 'CALL-2018-01'],
      says: 'CALL-2018-01 is a CCEG Call, not an ICANN meeting held face to face; an IG Update Report is for an ICANN meeting held face to face: ICANN61, ICANN62, ICANN63, ICANN64.',
    },
    {
      name: 'an annual report for a meeting that is not an AGM', argv: ['annual', '--meeting', 'ICANN61'],
      says: 'ICANN61 is an ICANN Public Meeting, not an ICANN AGM; an Annual Report is for an ICANN AGM: ICANN63.',
    },
    {
      name: "a Chair's Report for a call that reached consensus", argv: ['chair', '--call', 'CC-0001'],
      says: "Consensus call CC-0001 is designated Full Consensus, not No Consensus; a Chair's Report is for a consensus call designated No Consensus: CC-0005.",
    },
  ])('refuses $name: exit 2, one line saying why and listing the valid IDs, and no file', async ({ argv, says }) => {
    const [document = '', ...option] = argv;
    const refusedOut = join(dir, 'refused');
    const run = await cli(['report', document, workbook, ...option, '--out', refusedOut, '--today', '2018-11-01']);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toBe(`cceg: ${says}\n`);
    expect(existsSync(refusedOut)).toBe(false);
  });

  it('renders a notice the tick skipped as past, on request', async () => {
    const run = await cli(['report', 'notice', workbook, '--paper', 'PP-0001', '--out', out, '--today', '2018-11-01']);
    expect(run.code, run.err).toBe(0);
    const page = readFileSync(join(out, 'notice', 'PP-0001.html'), 'utf8');
    expect(page).toContain('<a href="https://example.org/cceg-ig/papers/pp-0001.pdf">https://example.org/cceg-ig/papers/pp-0001.pdf</a>');
    expect(page).toContain('Marta Lindqvist, CCEG IG Co-Chair — marta.lindqvist@example.org');
    expect(page).toContain('the group will send a reminder after 30 days');
  });

  it('--help lists the options', async () => {
    const run = await cli(['report', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--meeting', '--paper', '--call', '--out', '--run-id', '--today', '--config']) expect(run.out).toContain(option);
  });
});
