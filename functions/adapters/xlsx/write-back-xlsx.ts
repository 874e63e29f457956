// Writes a sync's results into an .xlsx file by patching only the sheet XML that changes; every other byte stays.
import { CcegError } from '../../core/errors.js';
import type { CellWrite, TableWrite, WriteBackPlan } from '../../core/sync/write-back-plan.js';
import type { WorkbookWriter } from '../../ports/workbook.port.js';
import { patchCells, type CellEdit } from './write-back/patch-cells.js';
import { newTableSheet, rewriteTable } from './write-back/rewrite-table.js';
import { changedDuringSync, readWorkbookFile, replaceWorkbookFile, sameStamp, type FileStamp } from './write-back/workbook-file.js';
import { XlsxPackage } from './write-back/xlsx-package.js';
import { storableText } from './write-back/xml-text.js';

/**
 * Applies a write-back plan to the .xlsx file at `path`: cells are set as text (inline strings, never formulas) or
 * numbers keeping their style, Findings and Dashboard are rewritten or added, and the file is replaced atomically only
 * when some cell differs. Returns how many cells changed (0: the file was not touched). With `asRead`, the stamp of
 * the file when the sync read it, a file saved since (rows may have moved) is refused before anything is written.
 */
export async function applyXlsxWriteBack(path: string, plan: WriteBackPlan, asRead?: FileStamp | null): Promise<{ cellsChanged: number }> {
  const file = await readWorkbookFile(path);
  if (asRead && !sameStamp(asRead, file.stamp)) throw changedDuringSync(path);
  const book = await XlsxPackage.load(file.bytes, path);
  const sharedStrings = await book.sharedStrings();
  let cellsChanged = 0;
  let overwroteFormula = false;
  for (const [part, edits] of editsBySheet(book, plan.cells)) {
    const result = patchCells(await book.read(part), edits, sharedStrings);
    if (result.changed === 0) continue;
    book.write(part, result.xml);
    cellsChanged += result.changed;
    overwroteFormula ||= result.overwroteFormula;
  }
  for (const table of lastOfEachTab(plan.tables)) {
    const sheet = book.sheet(table.tab);
    if (!sheet) {
      const created = newTableSheet(table.rows);
      if (created.cells > 0) await book.addWorksheet(table.tab, created.xml);
      cellsChanged += created.cells;
      continue;
    }
    const result = rewriteTable(await book.read(sheet.part), table.rows, sharedStrings);
    if (result.changed === 0) continue;
    book.write(sheet.part, result.xml);
    cellsChanged += result.changed;
    overwroteFormula ||= result.overwroteFormula;
  }
  if (cellsChanged === 0) return { cellsChanged };
  if (overwroteFormula) await book.dropCalcChain();
  await replaceWorkbookFile(path, await book.generate(), file.stamp);
  return { cellsChanged };
}

/**
 * The workbook port's writer over a local .xlsx file. Given the reader the sync read with, it writes only into the
 * file that reader read: a file saved in between (by Excel, LibreOffice, a script) is refused, since its rows may no
 * longer be where the plan says.
 */
export class XlsxWorkbookWriter implements WorkbookWriter {
  constructor(
    private readonly path: string,
    private readonly reader?: { readonly lastRead: FileStamp | null },
  ) {}

  /** Writes what differs; throws FILE_NOT_FOUND, NOT_A_WORKBOOK, UNREADABLE_WORKBOOK, or INTERNAL for a plan naming no tab. */
  applyWriteBack(plan: WriteBackPlan): Promise<{ readonly cellsChanged: number }> {
    return applyXlsxWriteBack(this.path, plan, this.reader?.lastRead ?? null);
  }
}

/** The cell writes as 1-based edits with storable values, grouped by sheet part. */
function editsBySheet(book: XlsxPackage, cells: readonly CellWrite[]): Map<string, CellEdit[]> {
  const bySheet = new Map<string, CellEdit[]>();
  for (const cell of cells) {
    const sheet = book.sheet(cell.tab);
    if (!sheet) throw new CcegError('INTERNAL', `The workbook has no tab named "${cell.tab}" to write to.`);
    const value = typeof cell.value === 'number' ? (Number.isFinite(cell.value) ? cell.value : String(cell.value)) : storableText(cell.value);
    const edit = { row: cell.row, column: cell.column + 1, value };
    const edits = bySheet.get(sheet.part);
    if (edits) edits.push(edit);
    else bySheet.set(sheet.part, [edit]);
  }
  return bySheet;
}

/** One table per tab: the last one planned wins. */
function lastOfEachTab(tables: readonly TableWrite[]): TableWrite[] {
  return [...new Map(tables.map((table) => [table.tab, table])).values()];
}
