// Reads every cell of a workbook (value, formula, style) with exceljs, to prove a sync touched nothing it should not.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** Every cell of every tab: `Tab!A1` → value, formula and number format as JSON. */
export async function snapshotCells(path: string): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells = new Map<string, string>();
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.set(`${sheet.name}!${cell.address}`, JSON.stringify({ value: cell.value, format: cell.numFmt, font: cell.font, fill: cell.fill }));
      });
    });
  });
  return cells;
}

/** SHA-256 of a file's bytes. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Edits a workbook as a person would in a spreadsheet program: `edit` gets the exceljs workbook. */
export async function editWorkbook(path: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  edit(workbook);
  await workbook.xlsx.writeFile(path);
}

/** The column number (1-based) of a header in row 1 of a tab. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (String(cell.value).trim().toLowerCase() === header.toLowerCase()) found = column;
  });
  if (found === 0) throw new Error(`${sheet.name} has no ${header} column`);
  return found;
}
