// A sync starts reading the tabs it is about to write while it draws up the Dashboard, and none when it writes nothing.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { XlsxWorkbookReader } from '../../functions/adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../../functions/adapters/xlsx/write-back-xlsx.js';
import { syncWorkbook } from '../../functions/app/sync.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import type { WorkbookWriter } from '../../functions/ports/workbook.port.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { fill } from '../support/fill-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-write-ahead-'));
const pristine = join(dir, 'pristine.xlsx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  expect((await cli(['init', pristine])).code).toBe(0);
  await fill(pristine, compliantWorkbookRows());
}, 60_000);

const sorted = (tabs: Iterable<string>) => [...new Set(tabs)].sort().join(', ');

describe('a sync with something to write', () => {
  it('asks its writer to prepare the tabs it writes before writing them, and a sync with nothing to write asks nothing', async () => {
    const path = join(dir, 'group.xlsx');
    copyFileSync(pristine, path);
    const store = openSqliteStore(`${path}.db`);
    try {
      const calls: string[] = [];
      const syncOnce = async () => {
        const reader = new XlsxWorkbookReader(path);
        const writer = new XlsxWorkbookWriter(path, reader);
        const watched: WorkbookWriter = {
          prepare: (tabs) => {
            calls.push(`prepare ${sorted(tabs)}`);
            writer.prepare(tabs);
          },
          applyWriteBack: async (plan) => {
            calls.push(`write ${sorted([...plan.cells.map((cell) => cell.tab), ...plan.tables.map((table) => table.tab)])}`);
            return writer.applyWriteBack(plan);
          },
        };
        let tick = 0;
        const ports = { reader, writer: watched, store, now: () => new Date(Date.UTC(2018, 5, 1, 12, 0, tick++)), newId: () => `run-${tick++}` };
        return syncWorkbook(ports, { workbook: path, actor: 'staff@icann.example.org', source: 'cli', today: COMPLIANT_TODAY, config: DEFAULT_CONFIG });
      };

      expect((await syncOnce()).cellsChanged).toBeGreaterThan(0);
      const [prepared, written] = calls;
      expect(calls).toHaveLength(2);
      expect(prepared).toMatch(/^prepare /);
      // Every tab written was prepared (the Dashboard among them, planned after the call).
      for (const tab of written!.slice('write '.length).split(', ')) expect(prepared!.slice('prepare '.length).split(', ')).toContain(tab);
      expect(prepared).toContain('Dashboard');

      calls.length = 0;
      expect((await syncOnce()).cellsChanged).toBe(0);
      expect(calls).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
