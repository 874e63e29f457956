// The sample workbook grown: each growing tab's rows copied, with IDs, references and e-mails kept unique and resolving.
import type { SheetRow, SheetValue, WorkbookRows } from '../../functions/adapters/xlsx/create-xlsx.js';
import { sampleWorkbookRows } from '../../functions/adapters/xlsx/sample-data.js';

/** Tabs that grow in the larger workbook; Organizations, Meetings and the rest are kept as they are. */
export const GROWING_TABS = ['Roster', 'WorkPlan', 'Papers', 'Endorsements', 'ConsensusCalls', 'Issues', 'Deliverables'] as const;
/** Columns holding the ID of a row of a growing tab, which copies must point at the same copy. */
const COPIED_REFERENCES: Readonly<Record<string, readonly string[]>> = {
  WorkPlan: ['Related Paper'], Papers: ['Supersedes'], Endorsements: ['Paper'], ConsensusCalls: ['Paper'],
};

const suffixed = (value: SheetValue, suffix: string): SheetValue => (typeof value === 'string' && value !== '' ? `${value}${suffix}` : value);

/** The sample with each growing tab's rows copied `copies` times: copy k gets `-rk` on its IDs, references and emails. */
export function largerWorkbookRows(copies: number): WorkbookRows {
  const sample = sampleWorkbookRows();
  const grown: Record<string, readonly SheetRow[]> = { ...sample };
  for (const tab of GROWING_TABS) {
    const rows = sample[tab] ?? [];
    const extra: SheetRow[] = [];
    for (let copy = 2; copy <= copies; copy++) {
      const suffix = `-r${copy}`;
      for (const row of rows) {
        const next: Record<string, SheetValue> = { ...row, ID: suffixed(row.ID ?? null, suffix) };
        for (const column of COPIED_REFERENCES[tab] ?? []) next[column] = suffixed(row[column] ?? null, suffix);
        if (typeof row.Email === 'string') next.Email = row.Email.replace('@', `+r${copy}@`);
        extra.push(next);
      }
    }
    grown[tab] = [...rows, ...extra];
  }
  return grown;
}
