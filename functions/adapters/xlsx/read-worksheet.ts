// Reads one worksheet's XML (as exceljs's streaming reader hands it over) into its header row and non-empty data rows.
import { createRequire } from 'node:module';
import { parseIsoDate, toIsoDate } from '../../core/dates.js';
import { isEmptyCell, type CellValue, type DateCell } from '../../core/model/cell.js';
import type { RawRow, RawTab } from '../../core/model/raw-workbook.js';

const DAY_MS = 86_400_000;
/** Serial day of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 date systems. */
const DATE_1904_OFFSET = 1_462;
const LAST_SERIAL = 2_958_465; // 9999-12-31

/** A shared string as exceljs caches it: plain text, rich text runs, or nothing. */
export type SharedString = string | { richText: { text: string | null }[] } | null | undefined;

/** What cells need from the workbook: shared strings, number formats (to tell dates) and the date system. */
export interface WorkbookParts {
  readonly sharedStrings?: readonly SharedString[];
  readonly styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
  readonly properties?: { model?: { date1904?: boolean } };
}

type SaxEvent =
  | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
  | { eventType: 'text'; value: string }
  | { eventType: 'closetag'; value: { name: string } };

// exceljs's own worksheet reader loses formula error results (#REF! becomes NaN), turns formula booleans into 1/0
// and keeps only the last run of inline rich text, so the sheet XML is read here, with exceljs's SAX helper.
const parseSax = createRequire(import.meta.url)('exceljs/lib/utils/parse-sax.js') as (xml: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;

/** A `<c>` element as read: its column, type (`t`), style index (`s`) and text of `<v>` or of `<is>`. */
interface CellXml {
  readonly column: number;
  readonly type: string;
  readonly style: number;
  text: string;
  hasValue: boolean;
}

/** Row 1 as the header, then every row with a non-empty cell, with its sheet row number; memory grows with the cells kept. */
export async function readWorksheet(xml: AsyncIterable<unknown>, book: WorkbookParts): Promise<Omit<RawTab, 'name'>> {
  const toCell = cellReader(book);
  let header: CellValue[] = [];
  const rows: RawRow[] = [];
  let rowNumber = 0;
  let column = 0;
  let cells: CellValue[] | null = null;
  let cell: CellXml | null = null;
  let capture = false;
  let inInlineString = false;
  let inPhonetic = false;
  for await (const events of parseSax(xml)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (capture && cell) cell.text += event.value;
        continue;
      }
      const name = localName(event.value.name);
      if (event.eventType === 'opentag') {
        const attributes = event.value.attributes;
        if (name === 'row') {
          rowNumber = Number.parseInt(attributes.r ?? '', 10) || rowNumber + 1;
          cells = [];
          column = 0;
        } else if (name === 'c' && cells) {
          column = columnNumber(attributes.r ?? '') || column + 1;
          cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), text: '', hasValue: false };
        } else if (name === 'v' && cell) {
          capture = cell.hasValue = true;
        } else if (name === 'is' && cell) {
          inInlineString = cell.hasValue = true;
        } else if (name === 'rPh') {
          inPhonetic = true;
        } else if (name === 't' && inInlineString && !inPhonetic) {
          capture = true;
        }
        continue;
      }
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'is') inInlineString = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell && cells) {
        cells[cell.column - 1] = toCell(cell);
        cell = null;
      } else if (name === 'row' && cells) {
        const filled = Array.from(cells, (value) => value ?? null);
        while (filled.length > 0 && filled[filled.length - 1] === null) filled.pop();
        if (rowNumber === 1) header = filled;
        else if (rowNumber > 1 && !filled.every(isEmptyCell)) rows.push({ row: rowNumber, cells: filled });
        cells = null;
      }
    }
  }
  return { header, rows };
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

/** Turns `<c>` elements into cell values, with the workbook's shared strings, number formats and date system. */
function cellReader(book: WorkbookParts): (cell: CellXml) => CellValue {
  const date1904 = book.properties?.model?.date1904 === true;
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (style: number): boolean => {
    let isDate = dateStyles.get(style);
    if (isDate === undefined) {
      isDate = isDateFormat(book.styles.getStyleModel(style)?.numFmt);
      dateStyles.set(style, isDate);
    }
    return isDate;
  };
  return ({ type, style, text, hasValue }) => {
    if (!hasValue) return null; // includes a formula with no cached result
    switch (type) {
      case 's':
        return sharedStringValue(book.sharedStrings?.[Number(text)]);
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
        return (isDateStyle(style) && serialToDateCell(number, date1904)) || number;
      }
    }
  };
}

/** exceljs's own test: a number format with date or time letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The UTC calendar date of a serial date-time (the time of day is dropped); null for a bare time or out of range. */
function serialToDateCell(serial: number, date1904: boolean): DateCell | null {
  const days = serial + (date1904 ? DATE_1904_OFFSET : 0);
  if (days < 1 || days > LAST_SERIAL + 1) return null;
  // Rounded to the millisecond first, as exceljs does, so 43169.99999999999 is the next day, not this one.
  return { date: toIsoDate(Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS)) };
}

function sharedStringValue(value: SharedString): CellValue {
  if (value === null || value === undefined) return null;
  return plainText(typeof value === 'string' ? value : value.richText.map((run) => run.text ?? '').join(''));
}

/** Text as a person sees it: OOXML `_xHHHH_` escapes decoded; empty text is an empty cell. */
function plainText(text: string): CellValue {
  const decoded = text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
  return decoded === '' ? null : decoded;
}
