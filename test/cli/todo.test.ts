// `cceg todo` through the real CLI on the sample workbook at 2018-11-01: overdue items with who acts, filtered by party.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-todo-'));
const workbook = join(dir, 'sample.xlsx');
copyFileSync(new URL('../../sheets/sample-workbook.xlsx', import.meta.url), workbook);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cceg todo', () => {
  it('lists W-0020 and the GAC and GNSO decisions on PP-0006 as overdue, in JSON, with who acts', () => {
    const run = cliProcess(['todo', workbook, '--today', '2018-11-01', '--format', 'json']);
    expect(run.code).toBe(0);
    const { sections } = JSON.parse(run.out) as { sections: { section: string; items: { who: string; source: string; date: string }[] }[] };
    expect(sections.map((group) => group.section)).toEqual(['Overdue', 'Next 14 days']);
    expect(sections[0]?.items.map((item) => [item.who, item.source, item.date])).toEqual([
      ['Co-Chairs', 'WorkPlan/W-0020', '2018-09-28'], ['GAC', 'Papers/PP-0006', '2018-10-28'], ['GNSO', 'Papers/PP-0006', '2018-10-28'],
    ]);
  });

  it('prints only the items of the party --for names, in any case', () => {
    const run = cliProcess(['todo', workbook, '--today', '2018-11-01', '--for', 'gac']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('To do as of 2018-11-01 for GAC:');
    expect(run.out).toContain('GAC        Decide on paper PP-0006');
    expect(run.out).not.toMatch(/GNSO|Co-Chairs|W-0020/);
  });

  it('refuses a party nobody is, naming the ones it knows (exit 2)', () => {
    const run = cliProcess(['todo', workbook, '--today', '2018-11-01', '--for', 'XYZ']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--for "XYZ" is nobody .*ALAC, ccNSO, GNSO, GAC, ASO, SSAC, Co-Chairs, staff/);
  });
});
