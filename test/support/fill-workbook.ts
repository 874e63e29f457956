// Fills a workbook made by `cceg init` the way a secretariat would, with exceljs: ISO dates typed as real date cells.
import ExcelJS from 'exceljs';
import { isDateCell, type CellValue } from '../../functions/core/model/cell.js';
import { TABS, type DataTabName } from '../../functions/core/model/tabs.js';
import type { WorkbookRows } from './compliant-workbook.js';

const DATE_HEADERS = new Set(Object.values(TABS).flatMap((tab) => Object.values(tab.columns).filter((c) => c.kind === 'date').map((c) => c.header)));

/** Fills a workbook made by `cceg init` the way a secretariat would: dates typed as real date cells. */
export async function fill(path: string, rows: WorkbookRows): Promise<void> {
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

