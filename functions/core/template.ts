// The layout of a new workbook: every tab, its headers in order, dropdowns and system-owned columns.
import { DATA_TAB_NAMES, FINDINGS_HEADER, TABS, type DataTabName } from './model/tabs.js';

/** One column of a new workbook. */
export interface TemplateColumn {
  readonly header: string;
  /** Dropdown values (data validation), when the column is a choice or Yes/No. */
  readonly choices: readonly string[] | null;
  /** A date column (formatted as a date). */
  readonly isDate: boolean;
  /** Written only by the system (protected in Google Sheets). */
  readonly systemOwned: boolean;
}

/** One tab of a new workbook. */
export interface TemplateTab {
  readonly name: string;
  readonly columns: readonly TemplateColumn[];
  /** The whole tab is written only by the system (Findings, Dashboard). */
  readonly systemOwned: boolean;
}

/** A new workbook: every tab with its header row frozen. */
export interface WorkbookTemplate {
  readonly tabs: readonly TemplateTab[];
}

function dataTab(name: DataTabName): TemplateTab {
  const spec = TABS[name];
  const columns: TemplateColumn[] = Object.values(spec.columns).map((column) => ({
    header: column.header,
    choices: column.choices ?? null,
    isDate: column.kind === 'date',
    systemOwned: false,
  }));
  columns.push({ header: spec.statusHeader, choices: null, isDate: false, systemOwned: true });
  return { name, columns, systemOwned: false };
}

function systemTab(name: string, headers: readonly string[]): TemplateTab {
  return { name, systemOwned: true, columns: headers.map((header) => ({ header, choices: null, isDate: false, systemOwned: true })) };
}

/** The template of a new workbook: the editable tabs of WORKBOOK.md, then Findings and Dashboard. */
export function workbookTemplate(): WorkbookTemplate {
  return {
    tabs: [
      ...DATA_TAB_NAMES.map(dataTab),
      systemTab('Findings', FINDINGS_HEADER),
      systemTab('Dashboard', ['Section', 'Item', 'Value', 'Detail']),
    ],
  };
}
