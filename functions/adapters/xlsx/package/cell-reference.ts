// A1-style cell references: column letters to numbers and back, and `A1:N27` ranges.

/** A 1-based row and column. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

/** The letters of a 1-based column: 1 is `A`, 27 is `AA`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The A1 reference of a 1-based row and column. */
export function cellReference(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The row and column of `B12` (`$` signs allowed); null when it is not a cell reference. */
export function parseCellReference(reference: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(reference.trim());
  if (!match) return null;
  let column = 0;
  for (const char of match[1]!.toUpperCase()) column = column * 26 + char.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

/** The smallest range holding `range` (`A1:N27`, `A1` or nothing) and every position given. */
export function growRange(range: string | undefined, positions: Iterable<CellPosition>): string {
  const [first, last = first] = (range ?? '').split(':');
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const corners = [first, last].map((reference) => (reference ? parseCellReference(reference) : null));
  for (const position of [...corners.filter((corner) => corner !== null), ...positions]) {
    top = Math.min(top, position.row);
    left = Math.min(left, position.column);
    bottom = Math.max(bottom, position.row);
    right = Math.max(right, position.column);
  }
  if (bottom === 0) return 'A1';
  const topLeft = cellReference(top, left);
  const bottomRight = cellReference(bottom, right);
  return topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`;
}
