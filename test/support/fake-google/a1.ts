// A1 notation as the Sheets API reads it: `'My tab'!B2:C9`, `Tab!A:A`, `Tab!2:5`, `Tab!A2:C`, `Tab`, `B2:C9`.

/** A parsed range: the sheet it names (null: the first sheet) and 0-based bounds, end exclusive; undefined = unbounded. */
export interface A1Range {
  readonly sheet: string | null;
  readonly startRow?: number;
  readonly endRow?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

const REFERENCE = /^([A-Za-z]{0,3})(\d*)$/;

/** 0-based column of letters (`A` → 0, `AB` → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** Letters of a 0-based column. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet title as the API writes it in answers: bare when it is a plain word, else quoted with quotes doubled. */
export function titleInA1(title: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/** A1 notation of a block, 0-based, end exclusive. */
export function blockInA1(title: string, startRow: number, endRow: number, startColumn: number, endColumn: number): string {
  return `${titleInA1(title)}!${columnLetters(startColumn)}${startRow + 1}:${columnLetters(Math.max(startColumn, endColumn - 1))}${Math.max(startRow + 1, endRow)}`;
}

/** Parses a range; null when it is not A1 notation. */
export function parseA1(text: string): A1Range | null {
  const split = splitSheet(text.trim());
  if (split === null) return null;
  const { sheet, cells } = split;
  if (cells === null) return { sheet };
  const [from, to, ...rest] = cells.split(':');
  if (from === undefined || rest.length > 0) return null;
  const a = reference(from);
  const b = to === undefined ? a : reference(to);
  if (a === null || b === null) return null;
  if (to === undefined && (a.column === undefined || a.row === undefined)) return null;
  return {
    sheet,
    ...(a.row === undefined ? {} : { startRow: a.row }),
    ...(b.row === undefined ? {} : { endRow: b.row + 1 }),
    ...(a.column === undefined ? {} : { startColumn: a.column }),
    ...(b.column === undefined ? {} : { endColumn: b.column + 1 }),
  };
}

function splitSheet(text: string): { sheet: string | null; cells: string | null } | null {
  if (text.startsWith("'")) {
    let title = '';
    let i = 1;
    for (; i < text.length; i++) {
      if (text[i] === "'" && text[i + 1] === "'") {
        title += "'";
        i++;
      } else if (text[i] === "'") break;
      else title += text[i];
    }
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: title, cells: null };
    return rest.startsWith('!') ? { sheet: title, cells: rest.slice(1) } : null;
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) return { sheet: text.slice(0, bang), cells: text.slice(bang + 1) };
  const looksLikeCells = /^([A-Za-z]{1,3}\d*|\d+)(:([A-Za-z]{1,3}\d*|\d+))?$/.test(text) && /\d|:/.test(text);
  return looksLikeCells ? { sheet: null, cells: text } : { sheet: text, cells: null };
}

function reference(text: string): { row?: number; column?: number } | null {
  const match = REFERENCE.exec(text.replace(/\$/g, ''));
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, letters = '', digits = ''] = match;
  const row = digits === '' ? undefined : Number(digits) - 1;
  if (row !== undefined && row < 0) return null;
  return { ...(row === undefined ? {} : { row }), ...(letters === '' ? {} : { column: columnIndex(letters) }) };
}
