// `cceg validate` on a 50,000-row workbook reads every row without failing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { writeBigWorkbook } from '../support/big-workbook.js';

describe('cceg validate on a 50,000-row workbook', () => {
  it('reads every row and reports charter findings without failing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cceg-big-')), 'big.xlsx');
    const counts = await writeBigWorkbook(path, 50_000);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(50_000);

    const run = await cli(['validate', path, '--format', 'json', '--today', '2018-06-01']);
    expect(run.err).toBe('');
    const { findings, summary } = JSON.parse(run.out) as { findings: { rule: string; row: number | null }[]; summary: { errors: number; warnings: number } };
    expect(findings.filter((finding) => /^(tab|cell|row|ref)\./.test(finding.rule))).toEqual([]);
    expect(findings.length).toBe(summary.errors + summary.warnings);
    expect(Math.max(...findings.map((finding) => finding.row ?? 0))).toBeGreaterThan(5_000);
    expect(run.code).toBe(summary.errors > 0 ? 1 : 0);
  });
});
