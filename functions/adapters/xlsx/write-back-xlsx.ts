// Writes a sync's results into an .xlsx file by patching only the sheet XML that changes; every other byte stays.
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../core/config.js';
import { CcegError } from '../../core/errors.js';
import type { CellWrite, TableWrite, WriteBackPlan } from '../../core/sync/write-back-plan.js';
import type { WorkbookWriter } from '../../ports/workbook.port.js';
import { withFilterDatabase, withFullCalcOnLoad } from './package/package-xml.js';
import { XlsxPackage } from './package/xlsx-package.js';
import { storableText } from './package/xml-text.js';
import { placeNewColumns, withNewColumnWidths } from './write-back/new-column.js';
import { ReadAhead } from './write-back/read-ahead.js';
import { patchCells, type CellEdit } from './write-back/patch-cells.js';
import { patchSheetBytes } from './write-back/patch-sheet-bytes.js';
import { hasMarkupInBody } from './write-back/markup-in-body.js';
import type { SharedStringTable } from './package/shared-strings.js';
import { newTableSheet, rewriteTable } from './write-back/rewrite-table.js';
import { withTableStyles, type TableStyles } from './write-back/styles-xml.js';
import { TABLE_LAYOUTS } from './table-layouts.js';
import { changedDuringSync, readWorkbookFile, replaceWorkbookFile, sameStamp, stampOf, type FileStamp } from './write-back/workbook-file.js';

/**
 * Applies a write-back plan to the .xlsx file at `path`: cells are set as text (inline strings, never formulas) or
 * numbers keeping their style (a new ID never goes over a formula), a new Status column goes where no cell holds
 * anything and gets a width, Findings and Dashboard are rewritten or added (laid out to be read), and the file is
 * replaced atomically only when some cell differs, asking spreadsheet programs to recalculate its formulas on opening.
 * Returns how many cells changed (0: the file was not touched). With `asRead`, the stamp of the file when the sync
 * read it, a file saved since (rows may have moved) is refused before anything is written. The package is opened
 * within `limits`, those the sync read it with; `readPackage`, the package the sync read (the file `asRead` stamps),
 * is written into instead of opening the file again.
 */
export async function applyXlsxWriteBack(
  path: string, plan: WriteBackPlan, asRead?: FileStamp | null, limits: WorkbookLimits = DEFAULT_LIMITS, readPackage?: XlsxPackage | null,
): Promise<{ cellsChanged: number }> {
  const { book, stamp } = await packageToWrite(path, asRead ?? null, limits, readPackage ?? null);
  const bySheet = editsBySheet(book, plan.cells);
  const tables = lastOfEachTab(plan.tables);
  // Parts inflate on zlib's threads: the shared strings and the next sheet inflate while a sheet is patched.
  const sharedStrings = book.sharedStrings();
  sharedStrings.catch(() => undefined);
  const tableParts = tables.flatMap((table) => book.sheet(table.tab)?.part ?? []).filter((part) => !bySheet.has(part));
  const parts = new ReadAhead({ read: (part) => book.readBytes(part) }, [...bySheet.keys(), ...tableParts]);
  let cellsChanged = 0;
  let overwroteFormula = false;
  for (const [part, planned] of bySheet) {
    const bytes = await parts.take(part);
    refuseMarkupInBody(path, book, part, bytes);
    const result = patchSheet(book, part, bytes, planned, await sharedStrings);
    cellsChanged += result.changed;
    overwroteFormula ||= result.overwroteFormula;
  }
  let styles: Promise<TableStyles | null> | undefined;
  for (const table of tables) {
    const sheet = book.sheet(table.tab);
    if (!sheet) {
      if (table.rows.length === 0) continue;
      const created = newTableSheet(table.rows, TABLE_LAYOUTS[table.tab], await (styles ??= addTableStyles(book)));
      await book.addWorksheet(table.tab, created.xml);
      if (created.filter !== undefined) await nameFilter(book, table.tab, created.filter);
      cellsChanged += created.cells;
      continue;
    }
    const bytes = await parts.take(sheet.part);
    refuseMarkupInBody(path, book, sheet.part, bytes);
    const result = rewriteTable(bytes.toString('utf8'), table.rows, await sharedStrings, table.heldRows);
    if (result.changed === 0) continue;
    book.write(sheet.part, result.xml);
    if (result.filter !== undefined) await nameFilter(book, sheet.name, result.filter);
    cellsChanged += result.changed;
    overwroteFormula ||= result.overwroteFormula;
  }
  if (cellsChanged === 0) return { cellsChanged };
  if (overwroteFormula) await book.dropCalcChain();
  await recalculateOnOpening(book);
  await replaceWorkbookFile(path, await book.generate(), stamp);
  return { cellsChanged };
}

/**
 * Throws UNREADABLE_WORKBOOK, naming the tab, for a sheet to be written whose XML holds a comment, CDATA section or
 * processing instruction (`hasMarkupInBody`): rows and cells are found by their tags, and text that looks like one
 * would be written into instead of the cell. Thrown before anything is written, so nothing is written or committed.
 */
function refuseMarkupInBody(path: string, book: XlsxPackage, part: string, bytes: Buffer): void {
  if (!hasMarkupInBody(bytes)) return;
  const tab = book.tabs.find((sheet) => sheet.part === part)?.name ?? part;
  throw new CcegError('UNREADABLE_WORKBOOK', `${path}: the ${tab} tab's XML holds a comment, CDATA section or processing instruction (a script wrote it, `
    + 'not a spreadsheet program), which cceg does not write into; nothing was written or committed. Open and save the workbook in a spreadsheet program, then sync again.');
}

/**
 * Writes the planned cells into one sheet, given as read (bytes): in its bytes when the edits are of rows it has
 * (`patchSheetBytes`: a Status cell of a 50,000-row sheet costs the rows it is in), else in its decoded text, where a
 * new Status column is placed and rows are added. Writes the part when a cell changed.
 */
function patchSheet(book: XlsxPackage, part: string, bytes: Buffer, planned: readonly CellEdit[], sharedStrings: SharedStringTable): { changed: number; overwroteFormula: boolean } {
  const newColumnPlanned = planned.some((edit) => edit.row === 1);
  const inPlace = newColumnPlanned ? null : patchSheetBytes(bytes, planned, sharedStrings);
  if (inPlace !== null) {
    if (inPlace.changed > 0) book.writeBytes(part, inPlace.bytes);
    return inPlace;
  }
  const xml = bytes.toString('utf8');
  const { edits, newColumns } = placeNewColumns(xml, planned);
  const result = patchCells(xml, edits, sharedStrings);
  if (result.changed > 0) book.write(part, withNewColumnWidths(result.xml, newColumns));
  return result;
}

/**
 * The package to write into and the stamp the file must still have when it is replaced: the package the sync read
 * when the file is still the one it read, else the file opened afresh (refused when it is no longer the one read).
 */
async function packageToWrite(path: string, asRead: FileStamp | null, limits: WorkbookLimits, readPackage: XlsxPackage | null): Promise<{ book: XlsxPackage; stamp: FileStamp }> {
  if (asRead !== null && readPackage !== null) {
    const stamp = await stampOf(path);
    if (!sameStamp(asRead, stamp)) throw changedDuringSync(path);
    return { book: readPackage, stamp };
  }
  const file = await readWorkbookFile(path);
  if (asRead && !sameStamp(asRead, file.stamp)) throw changedDuringSync(path);
  return { book: await XlsxPackage.load(file.bytes, path, limits), stamp: file.stamp };
}

/** Adds the styles of new system tabs to the workbook's style sheet, once; null when it has none to add to. */
async function addTableStyles(book: XlsxPackage): Promise<TableStyles | null> {
  const part = await book.relatedPart('/styles');
  const added = part === undefined ? null : withTableStyles(await book.read(part));
  if (part === undefined || added === null) return null;
  book.write(part, added.xml);
  return added.styles;
}

/** Names the range a tab's filter covers, as Excel does (LibreOffice shows no filter without the name). */
async function nameFilter(book: XlsxPackage, tab: string, range: string): Promise<void> {
  const workbook = await book.read(book.workbookPart);
  const named = withFilterDatabase(workbook, tab, range);
  if (named !== workbook) book.write(book.workbookPart, named);
}

/** Sets `<calcPr fullCalcOnLoad="1"/>`, so that formulas over the cells the sync wrote show their new values when the file is opened. */
async function recalculateOnOpening(book: XlsxPackage): Promise<void> {
  const workbook = await book.read(book.workbookPart);
  const recalculated = withFullCalcOnLoad(workbook);
  if (recalculated !== workbook) book.write(book.workbookPart, recalculated);
}

/**
 * The workbook port's writer over a local .xlsx file. Given the reader the sync read with, it writes only into the
 * file that reader read: a file saved in between (by Excel, LibreOffice, a script) is refused, since its rows may no
 * longer be where the plan says.
 */
export class XlsxWorkbookWriter implements WorkbookWriter {
  constructor(
    private readonly path: string,
    private readonly reader?: { readonly lastRead: FileStamp | null; readonly limits?: WorkbookLimits; takeReadPackage?(): XlsxPackage | null },
  ) {}

  /** The package the reader read, taken from it once (null when there is none to write into). */
  private readPackage: XlsxPackage | null | undefined;

  /** Writes what differs; throws FILE_NOT_FOUND, NOT_A_WORKBOOK, UNREADABLE_WORKBOOK, or INTERNAL for a plan naming no tab. */
  applyWriteBack(plan: WriteBackPlan): Promise<{ readonly cellsChanged: number }> {
    const book = this.takenPackage();
    // Written into once: a second write-back opens the file again.
    this.readPackage = null;
    return applyXlsxWriteBack(this.path, plan, this.reader?.lastRead ?? null, this.reader?.limits, book);
  }

  /** Starts inflating the sheets of these tabs in the package the reader read, for the write-back to come. */
  prepare(tabs: readonly string[]): void {
    const book = this.takenPackage();
    for (const tab of tabs) {
      const part = book?.sheet(tab)?.part;
      if (part !== undefined) book!.prefetch(part);
    }
  }

  private takenPackage(): XlsxPackage | null {
    if (this.readPackage === undefined) this.readPackage = this.reader?.takeReadPackage?.() ?? null;
    return this.readPackage;
  }
}

/** The cell writes as 1-based edits with storable values, grouped by sheet part. */
function editsBySheet(book: XlsxPackage, cells: readonly CellWrite[]): Map<string, CellEdit[]> {
  const bySheet = new Map<string, CellEdit[]>();
  for (const cell of cells) {
    const sheet = book.sheet(cell.tab);
    if (!sheet) throw new CcegError('INTERNAL', `The workbook has no tab named "${cell.tab}" to write to.`);
    const value = typeof cell.value === 'number' ? (Number.isFinite(cell.value) ? cell.value : String(cell.value)) : storableText(cell.value);
    const edit: CellEdit = { row: cell.row, column: cell.column + 1, value, ...(cell.newId ? { unlessFormula: true } : {}) };
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
