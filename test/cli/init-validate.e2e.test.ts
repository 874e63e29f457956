// `cceg init`, filled by hand, then `cceg validate`, as real processes end to end.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';

describe('cceg init, filled by hand, then cceg validate, end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-e2e-'));
  const path = join(dir, 'group.xlsx');

  it('writes a new workbook that validates with no data finding', () => {
    const init = cliProcess(['init', path]);
    expect(init.code).toBe(0);
    expect(init.out).toContain('Organizations');
    const validate = cliProcess(['validate', path, '--format', 'json', '--today', COMPLIANT_TODAY]);
    const { findings } = JSON.parse(validate.out) as { findings: { rule: string }[] };
    expect(findings.filter((f) => /^(tab|cell|row|ref)\./.test(f.rule))).toEqual([]);
  });

  it('refuses to overwrite the workbook it wrote', () => {
    const again = cliProcess(['init', path]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists/);
  });

  it('finds nothing once the workbook is filled with records that follow the charter', async () => {
    await fill(path, compliantWorkbookRows());
    const run = cliProcess(['validate', path, '--format', 'json', '--today', COMPLIANT_TODAY]);
    expect(run.err).toBe('');
    expect(JSON.parse(run.out)).toEqual({ findings: [], summary: { errors: 0, warnings: 0 } });
    expect(run.code).toBe(0);
  });

  it('reports a broken row at its tab, row and column, and exits 1', async () => {
    const rows = compliantWorkbookRows();
    rows.Roster![10] = { ...rows.Roster![10], 'SOI Date': 'last spring' };
    await fill(path, rows);
    const run = cliProcess(['validate', path, '--format', 'json', '--today', COMPLIANT_TODAY]);
    const { findings, summary } = JSON.parse(run.out) as { findings: Record<string, unknown>[]; summary: unknown };
    expect(findings).toEqual([
      { rule: 'cell.invalid-date', severity: 'error', tab: 'Roster', row: 12, column: 'SOI Date', id: 'P-0011', message: expect.stringContaining('last spring'), charter: null },
    ]);
    expect(summary).toEqual({ errors: 1, warnings: 0 });
    expect(run.code).toBe(1);
  });
});
