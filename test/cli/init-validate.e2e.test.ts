import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDateCell, type CellValue } from '../../functions/core/model/cell.js';
import { TABS, type DataTabName } from '../../functions/core/model/tabs.js';
import { cliProcess } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows, type WorkbookRows } from '../support/compliant-workbook.js';

const DATE_HEADERS = new Set(Object.values(TABS).flatMap((tab) => Object.values(tab.columns).filter((c) => c.kind === 'date').map((c) => c.header)));

/** Fills a workbook made by `cceg init` the way a secretariat would: dates typed as real date cells. */
async function fill(path: string, rows: WorkbookRows): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const [tab, tabRows] of Object.entries(rows)) {
    const sheet = workbook.getWorksheet(tab as DataTabName);
    if (!sheet) throw new Error(`cceg init wrote no ${tab} tab`);
    const columnOf = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, column) => columnOf.set(String(cell.value), column));
    tabRows.forEach((values, index) => {
      const row = sheet.getRow(index + 2);
      for (const [header, value] of Object.entries(values) as [string, CellValue][]) {
        const column = columnOf.get(header);
        if (column === undefined) throw new Error(`${tab} has no ${header} column`);
        const typed = typeof value === 'string' && DATE_HEADERS.has(header) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : isDateCell(value) ? new Date(`${value.date}T00:00:00Z`) : value;
        row.getCell(column).value = typed as ExcelJS.CellValue;
      }
      row.commit();
    });
  }
  await workbook.xlsx.writeFile(path);
}

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
