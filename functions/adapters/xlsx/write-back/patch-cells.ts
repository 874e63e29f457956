// Writes single cells into a worksheet's XML in one pass, leaving every other byte of the sheet as it was.
import { CcegError } from '../../../core/errors.js';
import { growRange, type CellPosition } from '../package/cell-reference.js';
import type { SharedStringTable } from '../package/shared-strings.js';
import {
  cellContent, cellsOf, cellXml, columnStyles, findSheetData, hasFormula, holds, newCellStyle, rowsOf,
  type ElementXml, type WriteValue,
} from './sheet-xml.js';
import { attributeOf, escapeRegExp, startTagSource, withAttribute } from '../package/xml-text.js';

/** One cell to write: 1-based row and column, and its value (text already storable). */
export interface CellEdit {
  readonly row: number;
  readonly column: number;
  readonly value: WriteValue;
  /** Leave the cell as it is when it holds a formula (a new ID never goes over a person's formula). */
  readonly unlessFormula?: boolean;
}

/** The patched sheet: its XML (the same string when nothing changed), how many cells changed, and whether a formula went. */
export interface PatchResult {
  readonly xml: string;
  readonly changed: number;
  readonly overwroteFormula: boolean;
}

/** A span of the sheet's XML, `[start, end)`, to be replaced by `xml` (an insertion when start equals end). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly xml: string;
}

/** What patching a sheet needs besides its XML: `written` and `removedSharedFormulas` gather what the patch did. */
export interface Patch {
  readonly xml: string;
  readonly prefix: string;
  readonly sharedStrings: SharedStringTable;
  readonly columnStyle: (column: number) => string | undefined;
  readonly written: CellPosition[];
  readonly removedSharedFormulas: Set<string>;
  overwroteFormula: boolean;
}

/**
 * Sets each cell to its value (the last edit of a cell wins), keeping the cell's style; missing rows and cells are
 * created in sorted position with the style Excel would give them. Cells already holding their value are left alone.
 */
export function patchCells(original: string, edits: readonly CellEdit[], sharedStrings: SharedStringTable): PatchResult {
  const { xml, sheetData } = findSheetData(original);
  const patch: Patch = {
    xml, prefix: sheetData.prefix, sharedStrings, columnStyle: columnStyles(xml, sheetData.prefix),
    written: [], removedSharedFormulas: new Set(), overwroteFormula: false,
  };
  const splices: Splice[] = [];
  const rows = rowsOf(xml, sheetData);
  let row = rows.next().value;
  for (const [rowNumber, rowEdits] of editsByRow(edits)) {
    while (row && row.position < rowNumber) row = rows.next().value;
    if (row && row.position === rowNumber) {
      splices.push(...patchRow(patch, row, rowEdits));
      row = rows.next().value;
      continue;
    }
    const created = newRow(patch, rowNumber, rowEdits);
    const at = row?.start ?? sheetData.contentEnd;
    if (created !== null) splices.push({ start: at, end: at, xml: created });
  }
  if (splices.length === 0) return { xml: original, changed: 0, overwroteFormula: false };
  const patched = withDimension(applySplices(xml, splices), patch.prefix, patch.written);
  assertNoOrphanedSharedFormula(patched, patch);
  return { xml: patched, changed: patch.written.length, overwroteFormula: patch.overwroteFormula };
}

/** The XML with each splice's span replaced by its text; splices are in document order and do not overlap. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const chunks: string[] = [];
  let copied = 0;
  for (const splice of splices) {
    chunks.push(xml.slice(copied, splice.start), splice.xml);
    copied = splice.end;
  }
  chunks.push(xml.slice(copied));
  return chunks.join('');
}

/** Edits grouped by row in ascending order, each row's edits by ascending column, one edit per cell. */
export function editsByRow(edits: readonly CellEdit[]): Map<number, CellEdit[]> {
  const unique = new Map<string, CellEdit>();
  for (const edit of edits) {
    if (!Number.isInteger(edit.row) || edit.row < 1 || !Number.isInteger(edit.column) || edit.column < 1) {
      throw new CcegError('INTERNAL', `Cannot write to row ${edit.row}, column ${edit.column}.`);
    }
    unique.set(`${edit.row}:${edit.column}`, edit);
  }
  const sorted = [...unique.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const byRow = new Map<number, CellEdit[]>();
  for (const edit of sorted) {
    const row = byRow.get(edit.row);
    if (row) row.push(edit);
    else byRow.set(edit.row, [edit]);
  }
  return byRow;
}

/** The splices that apply the edits to an existing row (none when every edited cell already holds its value). */
export function patchRow(patch: Patch, row: ElementXml, edits: readonly CellEdit[]): Splice[] {
  const { xml, prefix } = patch;
  const cellSplices: Splice[] = [];
  const cells = cellsOf(xml, row, prefix);
  let cell = cells.next().value;
  for (const edit of edits) {
    while (cell && cell.position < edit.column) cell = cells.next().value;
    const found = cell && cell.position === edit.column ? cell : undefined;
    if (holds(found ? cellContent(xml, found, prefix, patch.sharedStrings) : null, edit.value)) continue;
    if (found && edit.unlessFormula && hasFormula(xml.slice(found.contentStart, found.contentEnd), prefix)) continue;
    const style = found ? attributeOf(found.tag, 's') : newCellStyle(row.tag, patch.columnStyle(edit.column));
    if (found) noteReplacedCell(patch, found);
    const at = found ? found.start : (cell?.start ?? row.contentEnd);
    cellSplices.push({ start: at, end: found ? found.end : at, xml: cellXml(prefix, row.position, edit.column, style, edit.value) });
    if (found) cell = cells.next().value;
    patch.written.push({ row: row.position, column: edit.column });
  }
  if (cellSplices.length === 0) return [];
  if (row.selfClosing) {
    const tag = withSpans(`${row.tag.slice(0, -2)}>`, edits);
    return [{ start: row.start, end: row.end, xml: `${tag}${cellSplices.map((splice) => splice.xml).join('')}</${prefix}row>` }];
  }
  const tag = withSpans(row.tag, edits);
  return tag === row.tag ? cellSplices : [{ start: row.start, end: row.contentStart, xml: tag }, ...cellSplices];
}

/** A new row holding the edits that are not empty, or null when there are none. */
function newRow(patch: Patch, rowNumber: number, edits: readonly CellEdit[]): string | null {
  const cells = edits
    .filter((edit) => !holds(null, edit.value))
    .map((edit) => {
      patch.written.push({ row: rowNumber, column: edit.column });
      return cellXml(patch.prefix, rowNumber, edit.column, newCellStyle(undefined, patch.columnStyle(edit.column)), edit.value);
    });
  return cells.length === 0 ? null : `<${patch.prefix}row r="${rowNumber}">${cells.join('')}</${patch.prefix}row>`;
}

/** Remembers that a formula is overwritten (the calculation chain must go) and which shared formula lost its master. */
function noteReplacedCell(patch: Patch, cell: ElementXml): void {
  const inner = patch.xml.slice(cell.contentStart, cell.contentEnd);
  if (!hasFormula(inner, patch.prefix)) return;
  patch.overwroteFormula = true;
  const formula = new RegExp(startTagSource(`${patch.prefix}f`)).exec(inner)?.[0] ?? '';
  const si = attributeOf(formula, 'si');
  if (attributeOf(formula, 't') === 'shared' && attributeOf(formula, 'ref') !== undefined && si !== undefined) patch.removedSharedFormulas.add(si);
}

/** A shared formula whose master cell was overwritten must not be left with cells still using it (Excel would repair). */
function assertNoOrphanedSharedFormula(xml: string, patch: Patch): void {
  for (const si of patch.removedSharedFormulas) {
    const uses = new RegExp(`<${patch.prefix}f(?=\\s)(?:[^>"']|"[^"]*"|'[^']*')*\\ssi\\s*=\\s*["']${escapeRegExp(si)}["']`);
    if (uses.test(xml)) throw new CcegError('INTERNAL', 'The write-back would overwrite the first cell of a shared formula other cells still use.');
  }
}

/** The row's `spans` hint widened to the edited columns, when it has one. */
function withSpans(tag: string, edits: readonly CellEdit[]): string {
  const spans = attributeOf(tag, 'spans');
  if (spans === undefined) return tag;
  const bounds = spans.split(/[\s:]+/).map(Number).filter(Number.isFinite);
  const columns = [...bounds, ...edits.map((edit) => edit.column)];
  const widened = `${Math.min(...columns)}:${Math.max(...columns)}`;
  const covered = edits.every((edit) => spans.split(/\s+/).some((range) => {
    const [min = 0, max = min] = range.split(':').map(Number);
    return min <= edit.column && edit.column <= max;
  }));
  return covered ? tag : withAttribute(tag, 'spans', widened);
}

/** The sheet with its `<dimension ref>` grown to cover the written cells (it never shrinks: other cells may lie outside). */
export function withDimension(xml: string, prefix: string, written: readonly CellPosition[]): string {
  const match = new RegExp(startTagSource(`${prefix}dimension`)).exec(xml);
  if (!match) return xml;
  const ref = attributeOf(match[0], 'ref');
  const grown = growRange(ref, written);
  if (grown === ref) return xml;
  return `${xml.slice(0, match.index)}${withAttribute(match[0], 'ref', grown)}${xml.slice(match.index + match[0].length)}`;
}
