// Finds what the write-back cannot write around: a comment, CDATA section or processing instruction inside a sheet's root element.
const LESS_THAN = 0x3c;
const QUESTION = 0x3f;
const BANG = 0x21;

/** Where the root element starts, past the prolog's declaration, processing instructions and comments; -1 when there is none. */
function rootStart(bytes: Buffer): number {
  let at = bytes.indexOf(LESS_THAN);
  while (at >= 0) {
    const next = bytes[at + 1];
    if (next === QUESTION) {
      const end = bytes.indexOf('?>', at + 2);
      if (end < 0) return -1;
      at = bytes.indexOf(LESS_THAN, end + 2);
    } else if (next === BANG) {
      // A comment, or a DOCTYPE (which the package refuses before anything is written).
      const end = bytes.indexOf(bytes.subarray(at, at + 4).toString('latin1') === '<!--' ? '-->' : '>', at + 2);
      if (end < 0) return -1;
      at = bytes.indexOf(LESS_THAN, end + 1);
    } else {
      return at;
    }
  }
  return -1;
}

/**
 * Whether a part's XML holds, inside its root element, a comment (`<!--`), a CDATA section (`<![CDATA[`) or a
 * processing instruction (`<?`). No spreadsheet program writes them into a worksheet, but a script may; their text
 * can look like rows or cells (`<!-- <row r="7"> -->`), which the write-back, finding rows and cells by their tags,
 * would write into. The prolog before the root element may hold them: it is skipped.
 */
export function hasMarkupInBody(bytes: Buffer): boolean {
  const root = rootStart(bytes);
  if (root < 0) return false;
  return bytes.indexOf('<!', root) >= 0 || bytes.indexOf('<?', root) >= 0;
}
