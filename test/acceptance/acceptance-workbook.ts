// Helpers of the acceptance suite: mutate the compliant workbook, validate it in process, read findings as location tuples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { charterConfigSchema, DEFAULT_CONFIG, type CharterConfig } from '../../functions/core/config.js';
import type { Finding, Severity } from '../../functions/core/findings.js';
import type { CellValue } from '../../functions/core/model/cell.js';
import type { RawTab, RawWorkbook } from '../../functions/core/model/raw-workbook.js';
import { type DataTabName } from '../../functions/core/model/tabs.js';
import { validateWorkbook } from '../../functions/core/validate.js';
import { COMPLIANT_TODAY, compliantWorkbookRows, type WorkbookRows } from '../support/compliant-workbook.js';
import { rawTab, workbookOf } from '../support/raw-workbook.js';

/** One finding as the acceptance workbooks check it: rule, severity, tab, row, column, id. */
export type Located = [rule: string, severity: Severity, tab: string, row: number | null, column: string | null, id: string | null];

/** A change to the compliant workbook's rows (header → value objects per tab). */
export type RowsMutation = (rows: WorkbookRows) => void;

/** A change to the raw workbook, for what rows cannot say (tabs, header cells). */
export type RawMutation = (workbook: RawWorkbook) => RawWorkbook;

/** The charter parameters as `config/charter.yaml` would give them: every number not named keeps its default. */
export type ConfigInput = z.input<ReturnType<typeof charterConfigSchema>>;

/** One acceptance case: a mutation of the compliant workbook, the run's date and config, and every finding expected. */
export interface AcceptanceCase {
  /** The rule the case is about. */
  readonly rule: string;
  /** What happens, as a sentence. */
  readonly name: string;
  readonly mutate?: RowsMutation | readonly RowsMutation[];
  readonly raw?: RawMutation;
  readonly today?: string;
  readonly config?: ConfigInput;
  /** Every finding, in the engine's order (tab in workbook order, then row, then rule). */
  readonly expected: readonly Located[];
  /** Set when our implementation is known to disagree with RULES.md here: why (the case then runs as `it.fails`). */
  readonly knownBug?: string;
}

/** The rows of a tab, created empty when the compliant workbook has none. */
export function rowsOf(rows: WorkbookRows, tab: DataTabName): Record<string, CellValue>[] {
  return (rows[tab] ??= []);
}

function keyOf(row: Record<string, CellValue>): CellValue {
  return row.ID ?? row.Code ?? null;
}

function indexOf(rows: WorkbookRows, tab: DataTabName, key: string): number {
  const index = rowsOf(rows, tab).findIndex((row) => keyOf(row) === key);
  if (index < 0) throw new Error(`The compliant workbook has no ${tab} row ${key}.`);
  return index;
}

/** Changes cells of the row whose ID (or Code) is `key`; null empties a cell. */
export function change(tab: DataTabName, key: string, cells: Record<string, CellValue>): RowsMutation {
  return (rows) => {
    Object.assign(rowsOf(rows, tab)[indexOf(rows, tab, key)] as Record<string, CellValue>, cells);
  };
}

/** Deletes the row whose ID (or Code) is `key`; the rows below move up one sheet row. */
export function remove(tab: DataTabName, key: string): RowsMutation {
  return (rows) => {
    rowsOf(rows, tab).splice(indexOf(rows, tab, key), 1);
  };
}

/** Appends rows at the bottom of a tab. */
export function append(tab: DataTabName, ...added: Record<string, CellValue>[]): RowsMutation {
  return (rows) => {
    rowsOf(rows, tab).push(...added.map((row) => ({ ...row })));
  };
}

/** Inserts rows before the row whose ID (or Code) is `key`. */
export function insertBefore(tab: DataTabName, key: string, ...added: Record<string, CellValue>[]): RowsMutation {
  return (rows) => {
    rowsOf(rows, tab).splice(indexOf(rows, tab, key), 0, ...added.map((row) => ({ ...row })));
  };
}

function mapTab(workbook: RawWorkbook, name: string, map: (tab: RawTab) => RawTab): RawWorkbook {
  let found = false;
  const tabs = workbook.tabs.map((tab) => {
    if (tab.name !== name) return tab;
    found = true;
    return map(tab);
  });
  if (!found) throw new Error(`The workbook has no tab ${name}.`);
  return { tabs };
}

function headerIndex(tab: RawTab, header: string): number {
  const index = tab.header.indexOf(header);
  if (index < 0) throw new Error(`${tab.name} has no column ${header}.`);
  return index;
}

/** Deletes a tab. */
export function withoutTab(name: string): RawMutation {
  return (workbook) => {
    if (!workbook.tabs.some((tab) => tab.name === name)) throw new Error(`The workbook has no tab ${name}.`);
    return { tabs: workbook.tabs.filter((tab) => tab.name !== name) };
  };
}

/** Deletes a column (header cell and every data cell under it). */
export function withoutColumn(name: string, header: string): RawMutation {
  return (workbook) => mapTab(workbook, name, (tab) => {
    const index = headerIndex(tab, header);
    const drop = <T>(cells: readonly T[]) => cells.filter((_cell, i) => i !== index);
    return { ...tab, header: drop(tab.header), rows: tab.rows.map((row) => ({ ...row, cells: drop(row.cells) })) };
  });
}

/** Adds a column at the right end, titled `header`, each data cell copied from the column titled `copyOf`. */
export function withCopiedColumn(name: string, header: string, copyOf: string): RawMutation {
  return (workbook) => mapTab(workbook, name, (tab) => {
    const index = headerIndex(tab, copyOf);
    const width = tab.header.length;
    const pad = (cells: readonly CellValue[]) => [...cells, ...Array<CellValue>(Math.max(0, width - cells.length)).fill(null)];
    return {
      ...tab,
      header: [...tab.header, header],
      rows: tab.rows.map((row) => ({ ...row, cells: [...pad(row.cells), row.cells[index] ?? null] })),
    };
  });
}

/** Rebuilds a tab with its headers and cells rearranged: `arrange` gives, per output position, header and source index. */
export function rearrangedTab(tab: RawTab, name: string, arrange: (headers: readonly CellValue[]) => { header: CellValue; from: number | null }[]): RawTab {
  const layout = arrange(tab.header);
  return rawTab(name, layout.map((column) => column.header), tab.rows.map((row) => layout.map((column) => (column.from === null ? null : row.cells[column.from] ?? null))));
}

/** The charter parameters with some numbers changed. */
export function configWith(input: ConfigInput | undefined): CharterConfig {
  return input === undefined ? DEFAULT_CONFIG : charterConfigSchema().parse(input);
}

/** Validates a raw workbook and returns its findings as location tuples, in the engine's order. */
export function locate(workbook: RawWorkbook, today: string = COMPLIANT_TODAY, config: CharterConfig = DEFAULT_CONFIG): Located[] {
  return validateWorkbook(workbook, today, config).findings.map((f) => [f.rule, f.severity, f.tab, f.row, f.column, f.id]);
}

/**
 * A deep copy of the compliant workbook's rows, safe to mutate: compliantWorkbookRows() shares its Roster Member
 * objects between calls, so changing them in place would leak into every later case.
 */
export function freshRows(): WorkbookRows {
  return structuredClone(compliantWorkbookRows());
}

/** Builds the workbook of a case from the compliant workbook. */
function workbookOfCase(testCase: AcceptanceCase): RawWorkbook {
  const rows = freshRows();
  const mutations = testCase.mutate === undefined ? [] : Array.isArray(testCase.mutate) ? testCase.mutate : [testCase.mutate];
  for (const mutation of mutations as RowsMutation[]) mutation(rows);
  return testCase.raw ? testCase.raw(workbookOf(rows)) : workbookOf(rows);
}

/** Builds the workbook of a case from the compliant workbook and validates it. */
export function runCase(testCase: AcceptanceCase): Located[] {
  return locate(workbookOfCase(testCase), testCase.today ?? COMPLIANT_TODAY, configWith(testCase.config));
}

/** The findings of a case in full, messages included. */
export function findingsOfCase(testCase: AcceptanceCase): readonly Finding[] {
  return validateWorkbook(workbookOfCase(testCase), testCase.today ?? COMPLIANT_TODAY, configWith(testCase.config)).findings;
}

/** Every rule ID of RULES.md with its severity, read from the tables of ../shared/spec/RULES.md. */
export function catalogueOfRulesMd(): { id: string; severity: Severity }[] {
  const text = readFileSync(fileURLToPath(new URL('../../../shared/spec/RULES.md', import.meta.url)), 'utf8');
  return [...text.matchAll(/^\| `([a-z]+\.[a-z-]+)` \| (error|warning) \|/gm)].map(([, id, severity]) => ({ id: id as string, severity: severity as Severity }));
}
