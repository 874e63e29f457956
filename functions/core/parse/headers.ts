// Finds a tab's columns by header name (case, spaces and `_` folded), never by position.
import { type CellValue, cellText } from '../model/cell.js';
import type { Column } from '../model/columns.js';
import type { Finding } from '../findings.js';
import type { DataTabName } from '../model/tabs.js';

/** Folds a header or tab name for matching: lower case, spaces and underscores removed. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '');
}

/** Where each known column of a tab sits (0-based cell index), and what was wrong with the header row. */
export interface HeaderMap {
  readonly positions: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
  /** False when a required column is missing: the tab is then skipped. */
  readonly usable: boolean;
}

/** Spreadsheet column letters of a 0-based index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Maps the header row of a tab to its columns; reports duplicate and missing columns on row 1. */
export function mapHeaders(tab: DataTabName, header: readonly CellValue[], columns: Record<string, Column>): HeaderMap {
  const keyByFolded = new Map<string, string>();
  for (const [key, column] of Object.entries(columns)) keyByFolded.set(foldName(column.header), key);

  const positions = new Map<string, number>();
  const findings: Finding[] = [];
  header.forEach((cell, index) => {
    const key = keyByFolded.get(foldName(cellText(cell)));
    if (key === undefined) return;
    const column = columns[key] as Column;
    const first = positions.get(key);
    if (first === undefined) {
      positions.set(key, index);
      return;
    }
    findings.push(tabFinding(tab, 'tab.duplicate-column', column.header,
      `${tab} has two "${column.header}" columns (${columnLetter(first)} and ${columnLetter(index)}); only column ${columnLetter(first)} is read.`));
  });

  let usable = true;
  for (const [key, column] of Object.entries(columns)) {
    if (!column.required || positions.has(key)) continue;
    usable = false;
    findings.push(tabFinding(tab, 'tab.missing-column', column.header,
      `${tab} has no "${column.header}" column, which is required; the tab is skipped until it is added.`));
  }
  return { positions, findings, usable };
}

function tabFinding(tab: DataTabName, rule: 'tab.duplicate-column' | 'tab.missing-column', column: string, message: string): Finding {
  return { rule, severity: 'error', tab, row: 1, column, id: null, message, charter: null };
}
