// Watches the start of an XML part, piece by piece as it is decoded, for a document type declaration (DOCTYPE).

const DOCTYPE = '<!DOCTYPE';
type Place = 'between' | 'instruction' | 'comment' | 'done';

/**
 * Finds a DOCTYPE declaration in an XML text fed in pieces. A DOCTYPE may only stand in the prolog, before the root
 * element, among whitespace, processing instructions (`<?xml …?>`) and comments: the watch reads only that far, so
 * a sheet's rows cost it nothing, and a prolog split anywhere between pieces is read the same.
 */
export class PrologWatch {
  private place: Place = 'between';
  private carry = '';

  /** Whether the root element has begun: no piece fed from now on can hold a DOCTYPE declaration. */
  get ended(): boolean {
    return this.place === 'done';
  }

  /** Feeds the next piece of the text; true when the prolog holds a DOCTYPE declaration. */
  seesDoctype(piece: string): boolean {
    if (this.place === 'done') return false;
    const text = this.carry + piece;
    this.carry = '';
    let at = 0;
    while (at < text.length) {
      if (this.place === 'instruction' || this.place === 'comment') {
        const end = this.place === 'instruction' ? '?>' : '-->';
        const found = text.indexOf(end, at);
        if (found < 0) {
          this.carry = text.slice(Math.max(at, text.length - end.length + 1));
          return false;
        }
        at = found + end.length;
        this.place = 'between';
        continue;
      }
      const char = text[at]!;
      if (char === '\uFEFF' || char === ' ' || char === '\t' || char === '\r' || char === '\n') {
        at++;
        continue;
      }
      const rest = text.slice(at, at + DOCTYPE.length);
      if (rest.length < DOCTYPE.length && (DOCTYPE.startsWith(rest.toUpperCase()) || '<!--'.startsWith(rest))) {
        this.carry = rest;
        return false;
      }
      if (rest.toUpperCase() === DOCTYPE) return true;
      if (rest.startsWith('<?')) {
        this.place = 'instruction';
        at += 2;
      } else if (rest.startsWith('<!--')) {
        this.place = 'comment';
        at += 4;
      } else {
        this.place = 'done';
        return false;
      }
    }
    return false;
  }
}

/** True when a whole XML text declares a DOCTYPE in its prolog. */
export function hasDoctype(xml: string): boolean {
  return new PrologWatch().seesDoctype(xml);
}
