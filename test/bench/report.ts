// The benchmark report: one line per measurement (name, size, median, ratio to the smaller size, RSS) and a list of ratios.
import type { Sample } from './measure.js';

/** One measurement at one size; `note` holds counts worth printing (API calls, records created). */
export interface Row {
  readonly name: string;
  readonly size: number;
  readonly sample: Sample<unknown>;
  readonly note?: string;
}

/** A ratio between two figures, with what a healthy value looks like. */
export interface Ratio {
  readonly label: string;
  readonly value: number;
  readonly expected: string;
}

/** What a benchmark section reports. */
export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
  readonly ratios: readonly Ratio[];
}

/** A goal of issue #13: a measured median against the floor it is held to, and the ratio it must stay within. */
export interface GoalRow {
  readonly what: string;
  /** Data rows of the workbook measured (null when the goal has no size, such as a cold start). */
  readonly rows: number | null;
  /** The measured median, with its unit. */
  readonly measured: string;
  /** What it is held against, and that median. */
  readonly floor: string;
  readonly ratio: number;
  /** The ratio it must not pass. */
  readonly goal: number;
  readonly note?: string;
}

/** The goals as a plain-text table: each measured figure, its floor, the ratio and whether it meets its goal. */
export function formatGoals(goals: readonly GoalRow[]): string {
  const header = ['goal', 'rows', 'measured', 'floor', 'ratio', 'goal', 'verdict', 'notes'];
  const lines = goals.map((goal) => [goal.what, goal.rows === null ? '–' : integer(goal.rows), goal.measured, goal.floor,
    `×${fixed(goal.ratio, 2)}`, `≤${goal.goal}`, goal.ratio <= goal.goal ? 'meets' : 'misses', goal.note ?? '']);
  return tableOf(header, lines, new Set([1, 2, 4, 5]));
}

/** Rows of cells as aligned columns under a header and a rule; `right` lists the right-aligned columns. */
function tableOf(header: readonly string[], lines: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) =>
    cells.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

/** The expected size ratio of work that grows at most linearly with the data: `factor` is linear, less means fixed costs. */
export function atMostLinear(factor: number): string {
  const text = factor.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `≤${text} (${text} = linear)`;
}

const integer = (n: number) => n.toLocaleString('en-US');
const fixed = (n: number, digits: number) => n.toFixed(digits);

/** The median of the row of `name` at `size` in `rows`; throws when there is none. */
export function medianOf(rows: readonly Row[], name: string, size: number): number {
  const row = rows.find((candidate) => candidate.name === name && candidate.size === size);
  if (!row) throw new Error(`No measurement ${name} at ${size}`);
  return row.sample.medianMs;
}

/** Each row's median over that of the smallest size measured under the same name (null for that row itself). */
function ratioToSmallest(rows: readonly Row[], row: Row): number | null {
  const smallest = rows.filter((other) => other.name === row.name).reduce((a, b) => (b.size < a.size ? b : a));
  return smallest === row ? null : row.sample.medianMs / smallest.sample.medianMs;
}

/** Where a row's measurement first appears in its section, to keep each measurement's sizes together. */
function nameOrder(section: Section, row: Row): number {
  return section.rows.findIndex((candidate) => candidate.name === row.name);
}

/** The sections as a plain-text table, then their ratios. */
export function formatReport(sections: readonly Section[]): string {
  const rows = sections.flatMap((section) => [...section.rows].sort((a, b) => nameOrder(section, a) - nameOrder(section, b) || a.size - b.size));
  const header = ['measurement', 'size', 'runs', 'median ms', 'min–max ms', 'ratio', 'peak ΔRSS MB', 'notes'];
  const lines = rows.map((row) => {
    const ratio = ratioToSmallest(rows, row);
    const { ms } = row.sample;
    return [row.name, integer(row.size), String(ms.length), fixed(row.sample.medianMs, 2), `${fixed(Math.min(...ms), 1)}–${fixed(Math.max(...ms), 1)}`,
      ratio === null ? '1 (base)' : `×${fixed(ratio, 2)}`, Number.isNaN(row.sample.peakRssDeltaMb) ? '–' : fixed(row.sample.peakRssDeltaMb, 1), row.note ?? ''];
  });
  const table = tableOf(header, lines, new Set([1, 2, 3, 4, 5, 6]));
  const ratios = sections.flatMap((section) => section.ratios);
  const labelWidth = Math.max(...ratios.map((ratio) => ratio.label.length));
  const ratioLines = ratios.map((ratio) => `${ratio.label.padEnd(labelWidth)}  ${fixed(ratio.value, 2).padStart(7)}   (expected ${ratio.expected})`);
  return [table, '', 'Ratios', ...ratioLines].join('\n');
}
