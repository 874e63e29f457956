// Reads one worksheet's XML, streamed, into its header row and non-empty data rows, and the formulas that span ranges.
import type { WorkbookLimits } from '../../core/config.js';
import { excelSerialToDate, parseIsoDate } from '../../core/dates.js';
import { isEmptyCell, isFormulaCell, type CellValue } from '../../core/model/cell.js';
import type { RawRow, RawTab } from '../../core/model/raw-workbook.js';
import { cellTooLong, rowsAllowedIn, rowTooWide, tooManyRows } from '../../core/workbook-limits.js';
import { scanXml } from './package/xml-scanner.js';

/** What cells need from the rest of the workbook: shared strings, which styles show dates, and the date system. */
export interface WorkbookParts {
  /** The text of shared string `index` (rich text runs joined, escapes decoded). */
  sharedString(index: number): string | undefined;
  isDateStyle(style: number): boolean;
  readonly date1904: boolean;
}

/** A formula written once for a range of cells: a shared formula (a fill, as Excel stores one) or an array formula. */
export interface FormulaRange {
  readonly kind: 'shared' | 'array';
  /** The range, as the formula's first cell gives it (`N2:N40`). */
  readonly ref: string;
}

/** Which sheet is read, as refusals name it, and the limits it is read within. */
export interface SheetReading {
  /** The workbook file. */
  readonly file: string;
  readonly tab: string;
  readonly limits: Pick<WorkbookLimits, 'rowsPerTab' | 'cellsPerRow' | 'cellChars'>;
}

/** A worksheet as read: its header and data rows, and the formulas written once for a range. */
export interface WorksheetContents extends Omit<RawTab, 'name'> {
  readonly formulaRanges: readonly FormulaRange[];
}

// The cells are read here rather than with exceljs's worksheet reader, which loses formula error results (#REF!
// becomes NaN), turns formula booleans into 1/0, keeps only the last run of inline rich text, and reads a formula with
// no computed value as an empty cell.

/** A `<c>` element as read: its column, type (`t`), style index (`s`), text of `<v>` or `<is>`, and formula (`<f>`). */
interface CellXml {
  readonly column: number;
  readonly type: string;
  readonly style: number;
  text: string;
  hasValue: boolean;
  /** The text of its `<f>`, or null when it holds no formula. */
  formula: string | null;
  /** The `si` of a shared formula it takes part in. */
  sharedIndex?: string;
}

/**
 * Row 1 as the header, then every row with a non-empty cell, with its sheet row number; memory grows with the cells
 * kept, within the limits: a row past `rowsPerTab` rows (`rowsAllowedIn`), a non-empty cell right of `cellsPerRow` or one longer than
 * `cellChars` stops the read there (WORKBOOK_TOO_LARGE), and empty cells right of `cellsPerRow` are not kept.
 */
export async function readWorksheet(xml: AsyncIterable<string>, book: WorkbookParts, sheet: SheetReading): Promise<WorksheetContents> {
  const { file, tab, limits } = sheet;
  const rowsAllowed = rowsAllowedIn(tab, limits);
  const toCell = cellReader(book);
  const formulaRanges: FormulaRange[] = [];
  const sharedFormulas = new Map<string, string>();
  let header: CellValue[] = [];
  const rows: RawRow[] = [];
  let rowNumber = 0;
  let column = 0;
  let cells: CellValue[] | null = null;
  let cell: CellXml | null = null;
  let capture: 'value' | 'formula' | null = null;
  let inInlineString = false;
  let inPhonetic = false;
  await scanXml(xml, {
    text(value) {
      if (capture === 'value' && cell) cell.text += value;
      else if (capture === 'formula' && cell) cell.formula += value;
    },
    openTag(qualifiedName, attributes) {
      const name = localName(qualifiedName);
      if (name === 'row') {
        rowNumber = Number.parseInt(attributes.get('r') ?? '', 10) || rowNumber + 1;
        cells = [];
        column = 0;
      } else if (name === 'c' && cells) {
        column = columnNumber(attributes.get('r') ?? '') || column + 1;
        cell = { column, type: attributes.get('t') ?? 'n', style: Number(attributes.get('s') ?? 0), text: '', hasValue: false, formula: null };
      } else if (name === 'v' && cell) {
        capture = 'value';
        cell.hasValue = true;
      } else if (name === 'f' && cell) {
        capture = 'formula';
        cell.formula = '';
        const kind = attributes.get('t');
        const ref = attributes.get('ref');
        if (kind === 'shared') cell.sharedIndex = attributes.get('si');
        if (ref !== undefined && ref.trim() !== '') formulaRanges.push({ kind: kind === 'shared' ? 'shared' : 'array', ref: ref.trim() });
      } else if (name === 'is' && cell) {
        inInlineString = cell.hasValue = true;
      } else if (name === 'rPh') {
        inPhonetic = true;
      } else if (name === 't' && inInlineString && !inPhonetic) {
        capture = 'value';
      }
    },
    closeTag(qualifiedName) {
      const name = localName(qualifiedName);
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'f' && cell) {
        capture = null;
        // A cell sharing a formula holds only its `si`; the formula's text is in the range's first cell.
        if (cell.sharedIndex !== undefined && cell.formula !== null) {
          if (cell.formula.trim() === '') cell.formula = sharedFormulas.get(cell.sharedIndex) ?? '';
          else sharedFormulas.set(cell.sharedIndex, cell.formula);
        }
      } else if (name === 'is') inInlineString = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell && cells) {
        const value = toCell(cell);
        if (cellLength(cell, value) > limits.cellChars) throw cellTooLong(file, tab, rowNumber, cell.column - 1, limits);
        if (cell.column <= limits.cellsPerRow) cells[cell.column - 1] = value;
        else if (!isEmptyCell(value)) throw rowTooWide(file, tab, rowNumber, limits);
        cell = null;
      } else if (name === 'row' && cells) {
        const filled = withoutTrailingEmpty(cells);
        if (rowNumber === 1) header = filled;
        else if (rowNumber > 1 && !filled.every(isEmptyCell)) {
          if (rows.length === rowsAllowed) throw tooManyRows(file, tab, limits);
          rows.push({ row: rowNumber, cells: filled });
        }
        cells = null;
      }
    },
  });
  return { header, rows, formulaRanges };
}

/** The cells of a row, gaps as null, without the null cells at its end. */
function withoutTrailingEmpty(cells: CellValue[]): CellValue[] {
  let length = cells.length;
  while (length > 0 && (cells[length - 1] ?? null) === null) length--;
  const filled: CellValue[] = [];
  for (let index = 0; index < length; index++) filled.push(cells[index] ?? null);
  return filled;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** 1-based column of a cell reference such as `AB12`; 0 when there is none. */
function columnNumber(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/**
 * Whether a formula cell carries the value a spreadsheet program computed. A script (openpyxl) writes `<v></v>` or no
 * `<v>` at all; a computed empty text is `t="str"` with an empty `<v>`.
 */
function hasComputedValue({ type, text, hasValue }: CellXml): boolean {
  return hasValue && (text !== '' || type === 'str' || type === 'inlineStr');
}

/** Turns `<c>` elements into cell values, with the workbook's shared strings, date styles and date system. */
function cellReader(book: WorkbookParts): (cell: CellXml) => CellValue {
  return (cell) => {
    const { type, style, text, hasValue, formula } = cell;
    if (formula !== null && !hasComputedValue(cell)) return { formula };
    if (!hasValue) return null;
    switch (type) {
      case 's': {
        const shared = book.sharedString(Number(text));
        return shared === undefined || shared === '' ? null : shared;
      }
      case 'str':
      case 'inlineStr':
        return plainText(text);
      case 'b':
        return text.trim() === '1' || text.trim().toLowerCase() === 'true';
      case 'e':
        return { error: text.trim() };
      case 'd': {
        const date = parseIsoDate(text.trim().slice(0, 10));
        return date ? { date } : plainText(text);
      }
      default: {
        if (text.trim() === '') return null;
        const number = Number(text);
        if (!Number.isFinite(number)) return plainText(text);
        const date = book.isDateStyle(style) ? excelSerialToDate(number, book.date1904) : null;
        return date === null ? number : { date };
      }
    }
  };
}

/** How long a cell is, as limits.cellChars counts: its text, its formula, or what its `<v>` holds. */
function cellLength(cell: CellXml, value: CellValue): number {
  if (typeof value === 'string') return value.length;
  if (value !== null && isFormulaCell(value)) return value.formula.length;
  return Math.max(cell.text.length, cell.formula?.length ?? 0);
}

/** Text as a person sees it: OOXML `_xHHHH_` escapes decoded; empty text is an empty cell. */
function plainText(text: string): CellValue {
  const decoded = text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
  return decoded === '' ? null : decoded;
}
