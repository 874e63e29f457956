// `cceg --version`, every verb's --help listing just the options the verb reads, and one clear line with exit 2 for every command that cannot run.
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-cli-'));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** The long options a --help lists, --help itself aside, in the order listed. */
function optionsListed(help: string): string[] {
  const options = help.slice(help.indexOf('\nOptions:\n'));
  return [...options.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((match) => match[1] ?? '').filter((option) => option !== '--help');
}

describe('cceg --version', () => {
  it.each(['--version', '-V'])('%s prints the version in package.json and exits 0', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe('every verb of cceg', () => {
  it.each([
    { verb: 'init', options: ['--title'] },
    { verb: 'validate', options: ['--format', '--today', '--config'] },
    { verb: 'sync', options: ['--store', '--actor', '--format', '--today', '--config'] },
    { verb: 'tally', options: ['--format', '--today', '--config'] },
    { verb: 'todo', options: ['--for', '--store', '--format', '--today', '--config'] },
    { verb: 'deadlines', options: ['--format', '--all', '--today', '--config'] },
    { verb: 'report', options: ['--meeting', '--paper', '--call', '--out', '--run-id', '--today', '--config'] },
    { verb: 'tick', options: ['--store', '--out', '--actor', '--today', '--config'] },
    { verb: 'audit list', options: ['--store', '--since', '--actor', '--entity', '--format'] },
    { verb: 'audit history', options: ['--store', '--format'] },
    { verb: 'audit verify', options: ['--anchor', '--store'] },
    { verb: 'audit export', options: ['--store', '--format'] },
    { verb: 'demo', options: ['--today', '--dir'] },
  ])('$verb --help lists just the options the verb reads, and exits 0', async ({ verb, options }) => {
    const run = await cli([...verb.split(' '), '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('--help');
    expect(optionsListed(run.out).sort()).toEqual([...options].sort());
  });

  it('init --help lists no --today, for a new workbook has no date to check', async () => {
    expect((await cli(['init', '--help'])).out).not.toContain('--today');
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
    { name: 'an option the verb does not take', argv: ['init', join(dir, 'dated.xlsx'), '--today', '2018-01-01'], says: "unknown option '--today'" },
  ])('exits 2 with one clear line and no stack trace for $name', async ({ argv, says }) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^cceg: /);
    expect(run.err).toContain(says);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(run.out).toBe('');
  });

  it('writes no workbook when init is given an option it does not take', async () => {
    const path = join(dir, 'refused.xlsx');
    expect((await cli(['init', path, '--today', '2018-01-01'])).code).toBe(2);
    expect(existsSync(path)).toBe(false);
  });
});
