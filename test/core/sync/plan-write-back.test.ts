// Tests of the write-back plan and the Status text: new IDs, Status cells, the Findings and Dashboard tabs, only what differs.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import type { Finding } from '../../../functions/core/findings.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { RawRow, RawTab, RawWorkbook } from '../../../functions/core/model/raw-workbook.js';
import { DATA_TAB_NAMES } from '../../../functions/core/model/tabs.js';
import { parseWorkbook } from '../../../functions/core/parse/parse-workbook.js';
import type { StoredRecord } from '../../../functions/core/records/stored-record.js';
import { assignIds } from '../../../functions/core/sync/assign-ids.js';
import { diffRecords } from '../../../functions/core/sync/diff.js';
import { findingsTable, planWriteBack } from '../../../functions/core/sync/plan-write-back.js';
import { NOT_SAVED_NOTE, STATUS_MAX_LENGTH, statusText } from '../../../functions/core/sync/status-text.js';
import type { WriteBackPlan } from '../../../functions/core/sync/write-back-plan.js';
import { validateWorkbook } from '../../../functions/core/validate.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../../support/compliant-workbook.js';
import { rawTab, rawWorkbook, tabOf, headersOf, workbookOf } from '../../support/raw-workbook.js';

type Cells = Record<string, CellValue>;

const CONTEXT = { runId: 'run-1', at: '2018-06-01T09:00:00.000Z', actor: 'staff@icann.example.org', source: 'cli' } as const;
const DASHBOARD = [['Section', 'Item', 'Value', 'Detail'], ['Sync', 'Checked on', COMPLIANT_TODAY, '']];

const ana: Cells = { ID: 'P-0001', Name: 'Ana Costa', Email: 'ana@example.org', Role: 'Member' };
const bo: Cells = { ID: 'P-0002', Name: 'Bo Lindqvist', Email: 'bo@example.org', Role: 'Observer' };

function finding(fields: Partial<Finding> = {}): Finding {
  return { rule: 'roster.soi-missing', severity: 'error', tab: 'Roster', row: 2, column: 'SOI URL', id: 'P-0001', message: 'Ana Costa has no SOI.', charter: '§5', ...fields };
}

/** Every data tab with its status column, empty unless replaced by the given tabs, and the system tabs as given. */
function workbookWithStatus(...tabs: RawTab[]): RawWorkbook {
  const given = new Set(tabs.map((tab) => tab.name));
  const empty = DATA_TAB_NAMES.filter((name) => !given.has(name)).map((name) => rawTab(name, [...headersOf(name), name === 'WorkPlan' ? 'Sync Status' : 'Status']));
  return { tabs: [...empty, ...tabs] };
}

/** A Roster tab with a Status column at the end. */
function rosterWithStatus(rows: Cells[]): RawTab {
  const header = [...headersOf('Roster'), 'Status'];
  return rawTab('Roster', header, rows.map((row) => header.map((h) => row[h] ?? null)));
}

/** The Findings and Dashboard tabs as they are after a plan with these findings was applied. */
function systemTabs(findings: readonly Finding[] = []): RawTab[] {
  const table = (name: string, rows: readonly (readonly (string | number)[])[]) => rawTab(name, [...(rows[0] ?? [])], rows.slice(1).map((row) => [...row]));
  return [table('Findings', findingsTable(findings)), table('Dashboard', DASHBOARD)];
}

/** Plans the write-back of a workbook: data findings from parsing plus the given charter findings. */
function planOf(raw: RawWorkbook, charterFindings: Finding[] = [], stored: ReadonlyMap<string, StoredRecord> = new Map()): WriteBackPlan {
  const parsed = parseWorkbook(raw);
  const assigned = assignIds(parsed, new Map());
  const { heldBack } = diffRecords(parsed, assigned, stored, CONTEXT);
  return planWriteBack({ raw, parsed, findings: [...parsed.findings, ...charterFindings], assigned, heldBack, dashboard: DASHBOARD });
}

/** The cells a plan writes into one tab, as [row, column, value]. */
function cellsOf(plan: WriteBackPlan, tab: string): [number, number, string | number][] {
  return plan.cells.filter((cell) => cell.tab === tab).map((cell) => [cell.row, cell.column, cell.value]);
}

/** The workbook after a plan was written into it, as an adapter would. */
function applied(raw: RawWorkbook, plan: WriteBackPlan): RawWorkbook {
  const tabs = raw.tabs.map((tab) => {
    const header = [...tab.header];
    const rows = new Map<number, CellValue[]>(tab.rows.map((row) => [row.row, [...row.cells]]));
    for (const cell of plan.cells.filter((write) => write.tab === tab.name)) {
      const cells = cell.row === 1 ? header : rows.get(cell.row) ?? [];
      cells[cell.column] = cell.value;
      if (cell.row > 1) rows.set(cell.row, cells);
    }
    const fill = (cells: CellValue[]) => Array.from({ length: cells.length }, (_, index) => cells[index] ?? null);
    return { name: tab.name, header: fill(header), rows: [...rows].sort(([a], [b]) => a - b).map(([row, cells]): RawRow => ({ row, cells: fill(cells) })) };
  });
  const tables = plan.tables.map((table) => rawTab(table.tab, [...(table.rows[0] ?? [])], table.rows.slice(1).map((row) => [...row])));
  return { tabs: [...tabs.filter((tab) => !tables.some((table) => table.name === tab.name)), ...tables] };
}

describe('statusText', () => {
  it.each([
    { name: 'says OK for a row without findings', findings: [], heldBack: null, text: 'OK' },
    { name: 'names an error by its message, leaving the rule ID to the Findings tab', findings: [finding()], heldBack: null, text: 'Error: Ana Costa has no SOI.' },
    { name: 'names a warning as a warning', findings: [finding({ severity: 'warning', rule: 'roster.soi-stale', message: 'SOI is old.' })], heldBack: null, text: 'Warning: SOI is old.' },
    {
      name: 'joins several findings in one line', heldBack: null,
      findings: [finding({ message: 'First.' }), finding({ severity: 'warning', rule: 'roster.soi-stale', message: 'Second.' })],
      text: 'Error: First. | Warning: Second.',
    },
    { name: 'folds line breaks and runs of spaces into one space', findings: [finding({ message: 'Line one.\nLine   two.\r\n\tEnd.' })], heldBack: null, text: 'Error: Line one. Line two. End.' },
    {
      name: 'says a held-back row with a saved version keeps that version', findings: [finding({ rule: 'cell.invalid-email', message: 'Bad e-mail.' })],
      heldBack: { hasCommittedVersion: true }, text: 'NOT SAVED, the last saved version is kept. Error: Bad e-mail.',
    },
    {
      name: 'says a held-back row without a saved version is not saved until fixed', findings: [finding({ rule: 'cell.invalid-email', message: 'Bad e-mail.' })],
      heldBack: { hasCommittedVersion: false }, text: 'NOT SAVED until fixed. Error: Bad e-mail.',
    },
    {
      name: 'says "not saved" once for a held-back row whose data finding carries the sync\'s note', heldBack: { hasCommittedVersion: true },
      findings: [finding({ rule: 'cell.invalid-email', message: `Bad e-mail.${NOT_SAVED_NOTE.kept}` }), finding({ message: 'No SOI.' })],
      text: 'NOT SAVED, the last saved version is kept. Error: Bad e-mail. | Error: No SOI.',
    },
    {
      name: 'says "not saved" once for a held-back row with no saved version', heldBack: { hasCommittedVersion: false },
      findings: [finding({ rule: 'cell.invalid-email', message: `Bad e-mail.${NOT_SAVED_NOTE.untilFixed}` })],
      text: 'NOT SAVED until fixed. Error: Bad e-mail.',
    },
  ])('$name', ({ findings, heldBack, text }) => {
    expect(statusText(findings, heldBack)).toBe(text);
  });

  it(`cuts a long text to ${STATUS_MAX_LENGTH} characters, ending with an ellipsis`, () => {
    const text = statusText(Array.from({ length: 50 }, (_, index) => finding({ message: `Finding number ${index} says something long enough.` })), null);
    expect(text).toHaveLength(STATUS_MAX_LENGTH);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('Error: Finding number 0')).toBe(true);
  });

  it('never cuts a character such as an emoji in half', () => {
    const prefix = 'Error: ';
    const filler = 'x'.repeat(STATUS_MAX_LENGTH - 2 - prefix.length);
    const text = statusText([finding({ message: `${filler}🌍🌍🌍` })], null);
    expect(text).toBe(`${prefix}${filler}…`);
  });
});

describe('planWriteBack writes the Status of each row', () => {
  it('writes OK for a row without findings and the findings of a row in one line', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([ana, bo])), [finding({ row: 3, id: 'P-0002', message: 'Bo has no SOI.' })]);
    expect(cellsOf(plan, 'Roster')).toEqual([[2, 13, 'OK'], [3, 13, 'Error: Bo has no SOI.']]);
  });

  it('writes NOT SAVED in the Status of a row with a data finding', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([ana, { ...bo, Email: 'bo@' }])));
    expect(cellsOf(plan, 'Roster')).toEqual([[2, 13, 'OK'], [3, 13, expect.stringMatching(/^NOT SAVED until fixed\. Error: Email "bo@"/)]]);
  });

  it('says the saved version is kept when a held-back row has one', () => {
    const stored = new Map([['Roster/P-0002', { tab: 'Roster', id: 'P-0002', hash: '0'.repeat(64), data: {}, tombstoned: false, committedAt: CONTEXT.at, runId: 'run-0' }]]);
    const plan = planOf(rawWorkbook(rosterWithStatus([ana, { ...bo, Email: 'bo@' }])), [], stored);
    expect(cellsOf(plan, 'Roster')[1]?.[2]).toMatch(/^NOT SAVED, the last saved version is kept\. Error: /);
  });

  it('leaves findings of the whole tab or group out of every row\'s Status', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([ana])), [finding({ row: null, rule: 'roster.no-chair' }), finding({ row: 1, rule: 'roster.region-diversity' })]);
    expect(cellsOf(plan, 'Roster')).toEqual([[2, 13, 'OK']]);
  });

  it('finds an existing Status column by its header, whatever its case, spacing and place', () => {
    const header = ['  status ', ...headersOf('Roster')];
    const plan = planOf(rawWorkbook(rawTab('Roster', header, [[null, ...header.slice(1).map((h) => ana[h] ?? null)]])));
    expect(cellsOf(plan, 'Roster')).toEqual([[2, 0, 'OK']]);
  });

  it('adds a Status header in row 1 after the last header of a tab that has none, ignoring empty header cells', () => {
    const header = [...headersOf('Roster'), null, '  '];
    const plan = planOf(rawWorkbook(rawTab('Roster', header, [header.map((h) => (typeof h === 'string' ? ana[h] ?? null : null))])));
    expect(cellsOf(plan, 'Roster')).toEqual([[1, 13, 'Status'], [2, 13, 'OK']]);
  });

  it('puts a new Status column in the first column right of the table whose every cell is empty, never over notes kept there', () => {
    const header = headersOf('Roster');
    const notes = (row: number) => [...header.map((h) => (row === 2 ? ana[h] ?? null : bo[h] ?? null)), `note ${row}`, row === 3 ? { formula: 'N3' } : null];
    const plan = planOf(rawWorkbook(rawTab('Roster', header, [notes(2), notes(3)])));
    expect(cellsOf(plan, 'Roster')).toEqual([[1, 15, 'Status'], [2, 15, 'OK'], [3, 15, 'OK']]);
  });

  it('writes WorkPlan\'s system column as Sync Status and never its own Status column', () => {
    const activity = { ID: 'W-0001', Year: 2018, Activity: 'Workshop', Type: 'Workshop', Status: 'Planned' };
    const plan = planOf(rawWorkbook(tabOf('WorkPlan', [activity, { ...activity, ID: 'W-0002', Status: 'Finished' }])));
    const statusColumn = headersOf('WorkPlan').indexOf('Status');
    const syncColumn = headersOf('WorkPlan').length;
    expect(cellsOf(plan, 'WorkPlan')).toEqual([
      [1, syncColumn, 'Sync Status'],
      [2, syncColumn, 'OK'],
      [3, syncColumn, expect.stringMatching(/^NOT SAVED until fixed\. Error: Status "Finished"/)],
    ]);
    expect(cellsOf(plan, 'WorkPlan').some(([, column]) => column === statusColumn)).toBe(false);
  });

  it('clears the Status of a row that became empty, and of no other row', () => {
    const header = [...headersOf('Roster'), 'Status'];
    const emptied = header.map((h) => (h === 'Status' ? 'OK' : null));
    const raw = rawWorkbook(rawTab('Roster', header, [[...header.slice(0, -1).map((h) => ana[h] ?? null), 'OK'], emptied, header.map(() => null)]));
    expect(cellsOf(planOf(raw), 'Roster')).toEqual([[3, 13, '']]);
  });

  it('writes nothing into a tab that cannot be read', () => {
    const raw = rawWorkbook(rawTab('Roster', ['ID', 'Name'], [['P-0001', 'Ana Costa']]));
    expect(cellsOf(planOf(raw), 'Roster')).toEqual([]);
  });

  it('writes a message that looks like a formula as plain text, verbatim', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([{ ...ana, 'Start Date': '=IMPORTXML("x")' }])));
    const [[, , value] = []] = cellsOf(plan, 'Roster');
    expect(value).toBe('NOT SAVED until fixed. Error: Start Date "=IMPORTXML("x")" is not a date; enter a date or YYYY-MM-DD.');
    const findingRows = plan.tables.find((table) => table.tab === 'Findings')?.rows ?? [];
    expect(findingRows[1]).toContain('Start Date "=IMPORTXML("x")" is not a date; enter a date or YYYY-MM-DD.');
  });
});

describe('planWriteBack writes new IDs', () => {
  it('writes each new ID into the ID column of its own row, wherever that column is', () => {
    const header = ['Name', 'Email', 'Role', 'ID', 'Status'];
    const rows = [['Ana Costa', 'ana@example.org', 'Member', null, 'OK'], ['Bo Lindqvist', 'bo@example.org', 'Observer', 'P-0007', 'OK'], ['Chen Wei', 'chen@example.org', 'Member', null, 'OK']];
    expect(cellsOf(planOf(rawWorkbook(rawTab('Roster', header, rows))), 'Roster')).toEqual([[2, 3, 'P-0008'], [4, 3, 'P-0009']]);
  });

  it('writes a new ID into a held-back row too, so its finding can name it', () => {
    const rows = [['Ana Costa', 'ana@', 'Member', null, 'OK']];
    expect(cellsOf(planOf(rawWorkbook(rawTab('Roster', ['Name', 'Email', 'Role', 'ID', 'Status'], rows))), 'Roster')[0]).toEqual([2, 3, 'P-0001']);
  });

  it('never writes over an ID cell that holds an error value', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([{ ...ana, ID: { error: '#REF!' } }])));
    expect(plan.cells.filter((cell) => cell.column === 0)).toEqual([]);
  });

  it('never writes over an ID cell that holds a formula with no computed value', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([{ ...ana, ID: { formula: '"P-"&"0001"' } }])));
    expect(plan.cells.filter((cell) => cell.column === 0)).toEqual([]);
  });

  it('marks each new ID as one, so that a writer can leave a formula it finds in the cell', () => {
    const plan = planOf(rawWorkbook(rosterWithStatus([{ ...ana, ID: null }])));
    expect(plan.cells.filter((cell) => cell.column === 0)).toEqual([{ tab: 'Roster', row: 2, column: 0, value: 'P-0001', newId: true }]);
  });
});

describe('planWriteBack writes the system tabs', () => {
  it('writes the Findings tab with the header of WORKBOOK.md and one row per finding', () => {
    const findings = [
      finding({ row: 3, message: 'No SOI.' }),
      finding({ rule: 'org.too-few-participating', severity: 'warning', tab: 'Organizations', row: null, column: null, id: null, message: 'Too few.', charter: '§3' }),
    ];
    const plan = planOf(rawWorkbook(...systemTabs()), findings);
    expect(plan.tables.find((table) => table.tab === 'Findings')?.rows).toEqual([
      ['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter'],
      ['error', 'roster.soi-missing', 'Roster', 3, 'SOI URL', 'No SOI.', '§5'],
      ['warning', 'org.too-few-participating', 'Organizations', '', '', 'Too few.', '§3'],
    ]);
  });

  it('lists the errors before the warnings in the Findings tab, each in the order given', () => {
    const warning = (message: string) => finding({ severity: 'warning', rule: 'roster.soi-stale', message });
    const rows = findingsTable([warning('first warning'), finding({ message: 'first error' }), warning('second warning'), finding({ message: 'second error' })]);
    expect(rows.slice(1).map((row) => row[5])).toEqual(['first error', 'second error', 'first warning', 'second warning']);
  });

  it('writes the Findings and Dashboard tabs when the workbook has none', () => {
    expect(planOf(rawWorkbook()).tables).toEqual([
      { tab: 'Findings', rows: [['Severity', 'Rule', 'Tab', 'Row', 'Column', 'Message', 'Charter']], heldRows: new Set() },
      { tab: 'Dashboard', rows: DASHBOARD, heldRows: new Set() },
    ]);
  });

  it('leaves the Findings and Dashboard tabs alone when they already hold the same rows', () => {
    const findings = [finding({ row: 3 })];
    expect(planOf(workbookWithStatus(...systemTabs(findings)), findings)).toEqual({ cells: [], tables: [] });
  });

  it('rewrites the Findings tab when a finding is gone', () => {
    const plan = planOf(rawWorkbook(...systemTabs([finding({ row: 3 })])));
    expect(plan.tables.map((table) => table.tab)).toEqual(['Findings']);
  });

  it('names the rows a rewritten tab already holds, by sheet row, so that they can be kept as they are', () => {
    const kept = finding({ row: 3, message: 'Kept.' });
    const [findingsTab, dashboardTab] = systemTabs([kept, finding({ row: 4, message: 'Before.' })]);
    const plan = planOf(rawWorkbook(findingsTab!, dashboardTab!), [kept, finding({ row: 4, message: 'After.' })]);
    // The header and the kept finding's row hold their text already; the changed finding's row does not.
    expect(plan.tables).toEqual([{ tab: 'Findings', rows: expect.any(Array), heldRows: new Set([1, 2]) }]);
  });

  it('compares each row with the row at its own sheet row: after an empty row, rows that moved are not held', () => {
    const rows = findingsTable([finding({ row: 3, message: 'One.' }), finding({ row: 4, message: 'Two.' })]);
    const withGap: RawTab = { name: 'Findings', header: [...rows[0]!], rows: [{ row: 2, cells: [...rows[1]!] }, { row: 4, cells: [...rows[2]!] }] };
    const plan = planOf(rawWorkbook(withGap, systemTabs()[1]!), [finding({ row: 3, message: 'One.' }), finding({ row: 4, message: 'Two.' })]);
    expect(plan.tables).toEqual([{ tab: 'Findings', rows, heldRows: new Set([1, 2]) }]);
  });

  it('rewrites a tab that holds rows below the new table, though each row of the table is held', () => {
    const findings = [finding({ row: 3 })];
    const [findingsTab, dashboardTab] = systemTabs(findings);
    const longer: RawTab = { ...findingsTab!, rows: [...findingsTab!.rows, { row: findingsTab!.rows.length + 3, cells: ['left below'] }] };
    const plan = planOf(rawWorkbook(longer, dashboardTab!), findings);
    expect(plan.tables).toEqual([{ tab: 'Findings', rows: findingsTable(findings), heldRows: new Set([1, 2]) }]);
  });
});

describe('planWriteBack plans only what differs', () => {
  it('plans nothing for Status cells that already hold the right value', () => {
    const findings = [finding({ row: 3, message: 'Bo has no SOI.' })];
    const raw = workbookWithStatus(rosterWithStatus([{ ...ana, Status: 'OK' }, { ...bo, Status: 'Error: Bo has no SOI.' }]), ...systemTabs(findings));
    expect(planOf(raw, findings)).toEqual({ cells: [], tables: [] });
  });

  it('plans nothing when re-planned after its own plan was applied', () => {
    const rows = compliantWorkbookRows();
    rows.Roster = [...(rows.Roster ?? []), { Name: 'New Person', Email: 'new@example.org', Role: 'Observer' }, { Name: 'Bad Mail', Email: 'bad@', Role: 'Observer' }];
    rows.Issues = [...(rows.Issues ?? []), { Title: 'No relevance yet', Kind: 'Issue' }];
    const raw = workbookOf(rows);
    const plan = (workbook: RawWorkbook) => {
      const { parsed, findings } = validateWorkbook(workbook, COMPLIANT_TODAY, DEFAULT_CONFIG);
      const assigned = assignIds(parsed, new Map());
      const { heldBack } = diffRecords(parsed, assigned, new Map(), CONTEXT);
      return planWriteBack({ raw: workbook, parsed, findings, assigned, heldBack, dashboard: DASHBOARD });
    };
    const first = plan(raw);
    expect(cellsOf(first, 'Roster').filter(([, column]) => column === 0)).toEqual([[13, 0, 'P-0012'], [14, 0, 'P-0013']]);
    expect(first.tables).toHaveLength(2);
    expect(plan(applied(raw, first))).toEqual({ cells: [], tables: [] });
  });
});
