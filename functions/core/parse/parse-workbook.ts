// Parses a raw workbook into typed rows per tab, with every data finding (cell.*, row.*, ref.*, tab.*).
import { FORMULA_ERRORS, cellText, isEmptyCell, isErrorCell, isFormulaCell } from '../model/cell.js';
import type { Column } from '../model/columns.js';
import type { Finding } from '../findings.js';
import type { GroupRows } from '../model/group.js';
import type { RawTab, RawWorkbook } from '../model/raw-workbook.js';
import { DATA_TAB_NAMES, TABS, type DataTabName } from '../model/tabs.js';
import { columnLetter, mapHeaders } from './headers.js';
import { checkReferences } from './references.js';
import { rowFinding, type ParsedRow, type ParsedTab, type ParsedWorkbook } from './parsed.js';

/** Every tab whose name folds to `name` (case and surrounding spaces aside): more than one is `tab.duplicate`. */
function rawTabsNamed(workbook: RawWorkbook, name: DataTabName): RawTab[] {
  const wanted = name.toLowerCase();
  return workbook.tabs.filter((tab) => tab.name.trim().toLowerCase() === wanted);
}

/** The tab of `name`, or the `tab.duplicate` finding when two tabs claim the name (the tab is then not read at all). */
function findRawTab(workbook: RawWorkbook, name: DataTabName, findings: Finding[]): RawTab | null | undefined {
  const tabs = rawTabsNamed(workbook, name);
  if (tabs.length <= 1) return tabs[0];
  findings.push({
    rule: 'tab.duplicate', severity: 'error', tab: name, row: null, column: null, id: null, charter: null,
    message: `The workbook has ${tabs.length} tabs named like "${name}" (${tabs.map((tab) => `"${tab.name}"`).join(', ')}); ` +
      'rename or delete the extra ones. Until then nothing of this tab is saved or removed.',
  });
  return null;
}

/** What `cell.formula-not-computed` says: where the formula is, and the two ways to give it a value. */
function formulaNotComputed(tab: DataTabName, sheetRow: number, header: string, position: number): string {
  return `${tab} row ${sheetRow}, ${header} (cell ${columnLetter(position)}${sheetRow}) holds a formula with no computed value: ` +
    'open and save the workbook in a spreadsheet program, or type the value.';
}

function parseTab(name: DataTabName, raw: RawTab | null | undefined, findings: Finding[]): ParsedTab {
  if (raw === null) return { name, available: false, sheetName: null, positions: new Map(), rows: [] };
  if (!raw) {
    findings.push({ rule: 'tab.missing', severity: 'error', tab: name, row: null, column: null, id: null,
      message: `The workbook has no "${name}" tab; add it with the headers of the template (cceg init).`, charter: null });
    return { name, available: false, sheetName: null, positions: new Map(), rows: [] };
  }
  const spec = TABS[name];
  const columns = spec.columns as Record<string, Column>;
  const headers = mapHeaders(name, raw.header, columns);
  findings.push(...headers.findings);
  if (!headers.usable) return { name, available: false, sheetName: raw.name, positions: headers.positions, rows: [] };

  // Each column in the contract's order (the order of a row's fields and of its findings), with its cell index.
  const reads = Object.entries(columns).map(([key, column]) => ({ key, column, position: headers.positions.get(key) }));
  // A row's fields are laid out with their keys sorted, so that its canonical JSON (the content hash) is plain JSON.
  const sortedKeys = Object.keys(columns).sort();
  const positions = [...headers.positions.values()];
  const idPosition = headers.positions.get(spec.idKey);
  const idHeader = (columns[spec.idKey] as Column).header;
  const firstRowById = new Map<string, number>();
  const rows: ParsedRow[] = [];

  for (const rawRow of raw.rows) {
    const cells = rawRow.cells;
    if (positions.every((position) => isEmptyCell(cells[position] ?? null))) continue;

    const idCell = idPosition === undefined ? null : cells[idPosition] ?? null;
    const idText = isErrorCell(idCell) || isFormulaCell(idCell) ? '' : cellText(idCell).trim();
    const id = idText === '' || FORMULA_ERRORS.includes(idText.toUpperCase()) ? null : idText;
    const rowFindings: Finding[] = [];
    const values: Record<string, unknown> = {};
    for (const key of sortedKeys) values[key] = undefined;
    for (const { key, column, position } of reads) {
      const read = column.read(position === undefined ? null : cells[position] ?? null);
      if (read.ok) {
        values[key] = read.value;
        continue;
      }
      const message = read.rule === 'cell.formula-not-computed' && position !== undefined ? formulaNotComputed(name, rawRow.row, column.header, position) : read.message;
      rowFindings.push(rowFinding(name, rawRow.row, read.rule, column.header, id, message));
    }
    if (id !== null) {
      const folded = id.toLowerCase();
      const first = firstRowById.get(folded);
      if (first === undefined) firstRowById.set(folded, rawRow.row);
      else rowFindings.push(rowFinding(name, rawRow.row, 'row.duplicate-id', idHeader, id,
        `${idHeader} ${id} is already used on row ${first} of ${name}; give this row another ${idHeader} or clear it.`));
    }
    rows.push({ sheetRow: rawRow.row, id, values: rowFindings.length === 0 ? values : null, findings: rowFindings });
  }
  return { name, available: true, sheetName: raw.name, positions: headers.positions, rows };
}

/**
 * Gives rows their identity before references are checked: the IDs a sync assigns to rows whose ID cell is empty,
 * and the store's spelling of IDs typed in another case. Returns the tabs with those IDs in place.
 */
export type IdentifyRows = (tabs: Readonly<Record<DataTabName, ParsedTab>>) => Record<DataTabName, ParsedTab>;

/**
 * Parses every editable tab: typed rows, data findings, and the valid rows the charter rules read. A sync passes
 * `identify` so that rows get their new IDs first, and a reference to a row given its ID in the same sync resolves.
 */
export function parseWorkbook(workbook: RawWorkbook, identify?: IdentifyRows): ParsedWorkbook {
  const tabFindings: Finding[] = [];
  const parsedTabs = Object.fromEntries(
    DATA_TAB_NAMES.map((name) => [name, parseTab(name, findRawTab(workbook, name, tabFindings), tabFindings)]),
  ) as Record<DataTabName, ParsedTab>;
  const tabs = identify ? identify(parsedTabs) : parsedTabs;
  checkReferences(tabs);

  const findings: Finding[] = [...tabFindings];
  const rows = {} as Record<DataTabName, unknown[]>;
  const available = new Set<DataTabName>();
  for (const name of DATA_TAB_NAMES) {
    const tab = tabs[name];
    if (tab.available) available.add(name);
    rows[name] = [];
    for (const row of tab.rows) {
      findings.push(...row.findings);
      if (row.values) rows[name].push({ ...row.values, sheetRow: row.sheetRow });
    }
  }
  return { tabs, findings, group: { rows: rows as unknown as GroupRows, available } };
}

