// Column kinds of the workbook contract, each a reader from a raw cell to its typed value or the data finding that keeps its row out.
import { type CellValue, cellText, isDateCell, isEmptyCell, isErrorCell, isFormulaCell, FORMULA_ERRORS } from './cell.js';
import { parseIsoDate, type IsoDate } from '../dates.js';
import type { DataRuleId } from '../rule-ids.js';

/** What a column holds; drives parsing, dropdowns and references. */
export type ColumnKind =
  | 'id' | 'text' | 'email' | 'emails' | 'url' | 'date' | 'number' | 'count'
  | 'yesno' | 'choice' | 'timezone' | 'ref' | 'refs';

/** What reading one cell gives: its typed value, or the data finding that keeps its row out. */
export type CellRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rule: DataRuleId; readonly message: string };

/** A column of a tab: its header, kind, whether required, and how its cells are read. */
export interface Column<T = unknown> {
  readonly header: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  /** The allowed values of a choice or Yes/No column (dropdown values). */
  readonly choices?: readonly string[];
  /** The tab a reference column points into. */
  readonly ref?: string;
  /** Reads a cell: plain checks, not a zod schema, since every cell of a whole workbook goes through it. */
  readonly read: (value: CellValue | undefined) => CellRead<T>;
}

type NonEmptyCell = Exclude<CellValue, null>;
type Parsed<T> = CellRead<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (rule: DataRuleId, message: string): Parsed<never> => ({ ok: false, rule, message });

/** Builds the cell reader: error values, uncomputed formulas, emptiness and required-ness first, then the kind's own parsing. */
function cellReader<T, E>(
  header: string,
  required: boolean,
  whenEmpty: E,
  parse: (value: NonEmptyCell, text: string) => Parsed<T>,
): (value: CellValue | undefined) => Parsed<T | E> {
  const empty: Parsed<T | E> = required ? fail('cell.required', `${header} is required but empty.`) : ok(whenEmpty);
  return (value) => {
    if (isErrorCell(value ?? null) || (typeof value === 'string' && FORMULA_ERRORS.includes(value.trim().toUpperCase()))) {
      return fail('cell.formula-error', `${header} holds the spreadsheet error ${quote(cellText(value as CellValue).trim())}; fix the formula or type the value.`);
    }
    if (isFormulaCell(value ?? null)) {
      return fail('cell.formula-not-computed', `${header} holds a formula with no computed value: open and save the workbook in a spreadsheet program, or type the value.`);
    }
    if (value === undefined || isEmptyCell(value)) return empty;
    return parse(value as NonEmptyCell, cellText(value as NonEmptyCell).trim());
  };
}

/** Quotes a value for a message. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${short}"`;
}

const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()".]+(\.[^\s@,;<>()".]+)+$/;

function splitList(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function parseEmail(header: string, text: string): Parsed<string> {
  return EMAIL.test(text) ? ok(text) : fail('cell.invalid-email', `${header} ${quote(text)} is not a valid e-mail address.`);
}

function parseDate(header: string, value: NonEmptyCell, text: string): Parsed<IsoDate> {
  // A plain number is not a date: adapters hand date-formatted cells over as date cells (the Sheets adapter
  // turns the serial numbers of date columns into date cells), so a number here was typed as a number.
  const date = isDateCell(value) ? parseIsoDate(value.date) : typeof value === 'string' ? parseIsoDate(text) : null;
  return date ? ok(date) : fail('cell.invalid-date', `${header} ${quote(text)} is not a date; enter a date or YYYY-MM-DD.`);
}

function parseNumber(header: string, value: NonEmptyCell, text: string, count: boolean): Parsed<number> {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(number)) return fail('cell.invalid-number', `${header} ${quote(text)} is not a number.`);
  if (count && number < 0) return fail('cell.invalid-number', `${header} ${quote(text)} is negative; it counts something, so it must be 0 or more.`);
  return ok(number);
}

function parseChoice<C extends string>(header: string, choices: readonly C[], text: string): Parsed<C> {
  const folded = text.toLowerCase();
  const match = choices.find((choice) => choice.toLowerCase() === folded);
  return match ? ok(match) : fail('cell.invalid-choice', `${header} ${quote(text)} is not one of: ${choices.join(', ')}.`);
}

function parseUrl(header: string, text: string): Parsed<string> {
  try {
    const url = new URL(text);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return ok(text);
  } catch {
    // not a URL at all: reported below
  }
  return fail('cell.invalid-url', `${header} ${quote(text)} is not an absolute http or https address.`);
}

/** Time zone names as Intl resolves them (null when it refuses one): a Meetings tab names a few zones many times. */
const resolvedZones = new Map<string, string | null>();
const RESOLVED_ZONES_KEPT = 1_000;

function resolvedTimeZone(text: string): string | null {
  const known = resolvedZones.get(text);
  if (known !== undefined) return known;
  let zone: string | null;
  try {
    zone = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    zone = null;
  }
  if (resolvedZones.size < RESOLVED_ZONES_KEPT) resolvedZones.set(text, zone);
  return zone;
}

function parseTimeZone(header: string, text: string): Parsed<string> {
  const zone = resolvedTimeZone(text);
  return zone !== null ? ok(zone) : fail('cell.invalid-choice', `${header} ${quote(text)} is not an IANA time zone such as UTC or America/Puerto_Rico.`);
}

type Opt<R extends boolean, T> = R extends true ? T : T | null;
interface ColumnOptions<R extends boolean> {
  readonly required?: R;
}

function column<T>(header: string, kind: ColumnKind, required: boolean, read: (value: CellValue | undefined) => Parsed<T>, extra: Partial<Column<T>> = {}): Column<T> {
  return { header, kind, required, read, ...extra };
}

/** The ID column of a tab (stable key; empty until the system assigns one). */
export function idColumn(header = 'ID'): Column<string | null> {
  return column(header, 'id', false, cellReader(header, false, null, (_v, text) => ok(text)));
}

/** Free text. */
export function text<R extends boolean = false>(header: string, options: ColumnOptions<R> = {}): Column<Opt<R, string>> {
  const required = options.required ?? false;
  return column(header, 'text', required, cellReader(header, required, null, (_v, t) => ok(t))) as Column<Opt<R, string>>;
}

/** One e-mail address. */
export function email<R extends boolean = false>(header: string, options: ColumnOptions<R> = {}): Column<Opt<R, string>> {
  const required = options.required ?? false;
  return column(header, 'email', required, cellReader(header, required, null, (_v, t) => parseEmail(header, t))) as Column<Opt<R, string>>;
}

/** A comma-separated list of e-mail addresses. */
export function emails(header: string): Column<string[]> {
  return column(header, 'emails', false, cellReader(header, false, [] as string[], (_v, t) => {
    const list = splitList(t);
    for (const address of list) {
      const parsed = parseEmail(header, address);
      if (!parsed.ok) return parsed;
    }
    return ok(list);
  }));
}

/** An absolute http or https URL. */
export function url(header: string): Column<string | null> {
  return column(header, 'url', false, cellReader(header, false, null, (_v, t) => parseUrl(header, t)));
}

/** A calendar date: a date cell, a serial number, or `YYYY-MM-DD` text. */
export function date<R extends boolean = false>(header: string, options: ColumnOptions<R> = {}): Column<Opt<R, IsoDate>> {
  const required = options.required ?? false;
  return column(header, 'date', required, cellReader(header, required, null, (v, t) => parseDate(header, v, t))) as Column<Opt<R, IsoDate>>;
}

/** A number (a year, say). */
export function number<R extends boolean = false>(header: string, options: ColumnOptions<R> = {}): Column<Opt<R, number>> {
  const required = options.required ?? false;
  return column(header, 'number', required, cellReader(header, required, null, (v, t) => parseNumber(header, v, t, false))) as Column<Opt<R, number>>;
}

/** A count: a number that is never negative. */
export function count(header: string): Column<number | null> {
  return column(header, 'count', false, cellReader(header, false, null, (v, t) => parseNumber(header, v, t, true)));
}

/** Yes/No (case-insensitive); empty means No unless required. */
export function yesNo<R extends boolean = false>(header: string, options: ColumnOptions<R> = {}): Column<boolean> {
  const required = options.required ?? false;
  return column(header, 'yesno', required, cellReader(header, required, false, (v, t) => {
    if (typeof v === 'boolean') return ok(v);
    const choice = parseChoice(header, ['Yes', 'No'], t);
    return choice.ok ? ok(choice.value === 'Yes') : choice;
  }), { choices: ['Yes', 'No'] });
}

/** One of a fixed list of values (case-insensitive, spaces around ignored), read as the listed spelling. */
export function choice<C extends string, R extends boolean = false>(header: string, choices: readonly C[], options: ColumnOptions<R> = {}): Column<Opt<R, C>> {
  const required = options.required ?? false;
  return column(header, 'choice', required, cellReader(header, required, null, (_v, t) => parseChoice(header, choices, t)), { choices }) as Column<Opt<R, C>>;
}

/** A choice column whose empty cell means `fallback` (Outcome: empty = Pending). */
export function choiceOr<C extends string>(header: string, choices: readonly C[], fallback: C): Column<C> {
  return column(header, 'choice', false, cellReader(header, false, fallback, (_v, t) => parseChoice(header, choices, t)), { choices });
}

/** An IANA time zone name; empty means UTC. */
export function timeZone(header: string): Column<string> {
  return column(header, 'timezone', false, cellReader(header, false, 'UTC', (_v, t) => parseTimeZone(header, t)));
}

/** A reference to the ID (or Code) of a row of another tab. */
export function ref<R extends boolean = false>(header: string, tab: string, options: ColumnOptions<R> = {}): Column<Opt<R, string>> {
  const required = options.required ?? false;
  return column(header, 'ref', required, cellReader(header, required, null, (_v, t) => ok(t)), { ref: tab }) as Column<Opt<R, string>>;
}

/** A comma-separated list of references to another tab. */
export function refs(header: string, tab: string): Column<string[]> {
  return column(header, 'refs', false, cellReader(header, false, [] as string[], (_v, t) => ok(splitList(t))), { ref: tab });
}
