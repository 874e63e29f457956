// Tests of `cceg report`: each document of the sample workbook is written as HTML to --out; bad input exits 2.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
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
    expect(page).toContain(`Drawn from sync run local-${today}`);
  });

  it('names the run given with --run-id', async () => {
    await cli(['report', 'dissent', workbook, '--paper', 'PP-0002', '--out', out, '--run-id', 'run-77']);
    expect(readFileSync(join(out, 'dissent', 'PP-0002.html'), 'utf8')).toContain('Drawn from sync run run-77');
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

  it('--help lists the options', async () => {
    const run = await cli(['report', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--meeting', '--paper', '--call', '--out', '--run-id', '--today', '--config']) expect(run.out).toContain(option);
  });
});
