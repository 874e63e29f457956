// `cceg demo`: the whole job on the sample, from validation to the documents drafted once, in a folder of its own.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

describe('cceg demo', () => {
  it('validates, syncs twice, verifies the log, tallies, lists deadlines and drafts the documents due once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cceg-demo-test-'));
    const run = await cli(['demo', '--dir', dir]);
    expect(run.code, run.err).toBe(0);
    expect(run.err).toBe('');
    for (const verb of ['validate', 'sync', 'audit verify', 'audit list', 'tally', 'deadlines', 'tick', 'report update']) {
      expect(run.out).toContain(`$ cceg ${verb} `);
    }
    const ticks = [...run.out.matchAll(/^Tick 2018-11-01: (\d+) drafted, 0 updated, 0 kept, 0 failed, (\d+) up to date/gm)].map((match) => [Number(match[1]), Number(match[2])]);
    expect(ticks).toHaveLength(2);
    const [first, second] = ticks;
    expect(first?.[0]).toBeGreaterThan(0);
    expect(second).toEqual([0, first?.[0]]);
    // On 2018-11-01 every notice and dissent notice of the sample is months past: the tick skips them; the Chair's Report is drafted.
    expect(run.out).toContain('Skipped (past) notice PP-0001, not drafted: the paper was adopted on 2018-05-23');
    expect(readdirSync(join(dir, 'documents')).sort()).toEqual(['chair-report', 'update-report']);
    expect(existsSync(join(dir, 'documents', 'update-report', 'ICANN64.html'))).toBe(true);
  }, 60_000);
});
