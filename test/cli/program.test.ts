// Every verb's --help, and one clear line with exit 2 for every command that cannot run.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-cli-'));

describe('every verb of cceg', () => {
  it.each(['init', 'validate', 'tally', 'deadlines', 'tick'])('%s --help lists --today, --config and exits 0', async (verb) => {
    const run = await cli([verb, '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('--today');
    expect(run.out).toContain('--config');
    expect(run.out).toContain('--help');
  });

  it.each(['validate', 'tally', 'deadlines'])('%s --help lists --format', async (verb) => {
    expect((await cli([verb, '--help'])).out).toContain('--format');
  });
});

describe('a command that cannot run', () => {
  const notXlsx = join(dir, 'notes.xlsx');
  writeFileSync(notXlsx, 'just some text, not a workbook');
  const badConfig = join(dir, 'bad.yaml');
  writeFileSync(badConfig, 'members:\n  max: lots\n');

  it.each([
    { name: 'an unknown option', argv: ['validate', notXlsx, '--colour'], says: "unknown option '--colour'" },
    { name: 'an unknown verb', argv: ['vaildate'], says: 'unknown command' },
    { name: 'a missing file', argv: ['validate', join(dir, 'nope.xlsx')], says: 'no such file' },
    { name: 'a file that is not an xlsx', argv: ['validate', notXlsx], says: 'is not an .xlsx workbook' },
    { name: 'a bad --today', argv: ['validate', notXlsx, '--today', '01/06/2018'], says: '--today "01/06/2018" is not a date' },
    { name: 'a bad --format', argv: ['deadlines', notXlsx, '--format', 'pdf'], says: "'pdf' is invalid" },
    { name: 'a config with a bad value', argv: ['validate', notXlsx, '--config', badConfig], says: 'members.max: expected number' },
    { name: 'a missing config file', argv: ['validate', notXlsx, '--config', join(dir, 'none.yaml')], says: 'Cannot read the config file' },
  ])('exits 2 with one clear line and no stack trace for $name', async ({ argv, says }) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(says);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(run.out).toBe('');
  });
});
