// Reads a cell written the plain way (`<c r="B7" s="3" t="s"><v>12</v></c>`) by character codes: no slicing, no regular expression.
import { keptByKey } from '../package/xml-text.js';

/** What `plainCellAt` read; one object, reused from cell to cell. */
export interface PlainCell {
  /** Just past the cell. */
  end: number;
  /** 1-based column of its `r`. */
  column: number;
  /** Its `s`, or undefined. */
  style: string | undefined;
  /** Its `t`: `n` when it has none. */
  type: string;
  /** The span of its `<v>` text; both -1 when it is empty (`<c …/>` or `<c …></c>`). */
  valueStart: number;
  valueEnd: number;
}

const QUOTE = 0x22;
const SPACE = 0x20;
const SLASH = 0x2f;
const GREATER_THAN = 0x3e;
const LESS_THAN = 0x3c;

/**
 * Reads the cell starting at `at` into `cell` when it is written the plain way: `<c r="` with 1 to 3 capital letters
 * and digits first, then attributes each one space and `name="value"` (no `&`, `'`, `=`, `<` or `>` in a value), and
 * as content nothing or one bare `<v>` holding no markup, closed before `to`. Such a cell reads the same here as
 * through `cellsOf`, `attributeOf` and `formulaFreeContent`; for any other (a formula, an inline string, a stray
 * space) false is returned, for those to read it.
 */
export function plainCellAt(xml: string, at: number, to: number, prefix: string, cell: PlainCell): boolean {
  const { open, close, valueOpen, valueClose } = tagsOf(prefix);
  if (!xml.startsWith(open, at)) return false;
  let index = at + open.length;
  let column = 0;
  let letters = 0;
  for (let code = xml.charCodeAt(index); code >= 65 && code <= 90; code = xml.charCodeAt(++index)) {
    column = column * 26 + code - 64;
    letters++;
  }
  const digitsStart = index;
  while (xml.charCodeAt(index) >= 48 && xml.charCodeAt(index) <= 57) index++;
  if (letters < 1 || letters > 3 || index === digitsStart || xml.charCodeAt(index) !== QUOTE) return false;
  index++;
  let style: string | undefined;
  let type: string | undefined;
  for (;;) {
    const code = xml.charCodeAt(index);
    if (code === GREATER_THAN || code === SLASH) break;
    if (code !== SPACE) return false;
    const nameStart = ++index;
    const equals = xml.indexOf('="', nameStart);
    if (equals < 0 || equals === nameStart || equals - nameStart > 40) return false;
    for (let name = nameStart; name < equals; name++) if (!nameCharacter(xml.charCodeAt(name))) return false;
    const valueStart = equals + 2;
    const valueEnd = xml.indexOf('"', valueStart);
    if (valueEnd < 0) return false;
    for (let value = valueStart; value < valueEnd; value++) if (!plainValueCharacter(xml.charCodeAt(value))) return false;
    if (equals - nameStart === 1) {
      const name = xml.charCodeAt(nameStart);
      if (name === 0x73 && style === undefined) style = xml.slice(valueStart, valueEnd);
      else if (name === 0x74 && type === undefined) type = xml.slice(valueStart, valueEnd);
    }
    index = valueEnd + 1;
  }
  cell.column = column;
  cell.style = style;
  cell.type = type ?? 'n';
  cell.valueStart = -1;
  cell.valueEnd = -1;
  if (xml.charCodeAt(index) === SLASH) {
    if (xml.charCodeAt(index + 1) !== GREATER_THAN) return false;
    cell.end = index + 2;
    return cell.end <= to;
  }
  const contentStart = index + 1;
  if (xml.startsWith(close, contentStart)) {
    cell.end = contentStart + close.length;
    return cell.end <= to;
  }
  if (!xml.startsWith(valueOpen, contentStart)) return false;
  const valueStart = contentStart + valueOpen.length;
  const valueEnd = xml.indexOf('<', valueStart);
  if (valueEnd < 0 || !xml.startsWith(valueClose, valueEnd)) return false;
  cell.valueStart = valueStart;
  cell.valueEnd = valueEnd;
  cell.end = valueEnd + valueClose.length;
  return cell.end <= to;
}

/** The tags a plain cell is read by, for one element prefix. */
interface PlainTags {
  readonly open: string;
  readonly close: string;
  readonly valueOpen: string;
  /** `</v></c>`. */
  readonly valueClose: string;
}

const tagsOf = keptByKey((prefix): PlainTags => ({ open: `<${prefix}c r="`, close: `</${prefix}c>`, valueOpen: `<${prefix}v>`, valueClose: `</${prefix}v></${prefix}c>` }));

/** Letters, digits, `:`, `_`, `.` and `-`. */
function nameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 58) || code === 0x5f || code === 0x2e || code === 0x2d;
}

/** Any character but those that could make `attributeOf` read the tag otherwise: `&`, `'`, `=`, `<`, `>`, whitespace other than a space. */
function plainValueCharacter(code: number): boolean {
  return code >= SPACE && code !== 0x26 && code !== 0x27 && code !== 0x3d && code !== LESS_THAN && code !== GREATER_THAN;
}
