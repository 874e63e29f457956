// validateWorkbook: no finding on a compliant workbook, data findings keep rows out, findings in order.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { validateWorkbook } from '../../functions/core/validate.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { workbookOf } from '../support/raw-workbook.js';

const compliantWorkbook = (rows = compliantWorkbookRows()) => workbookOf(rows);

describe('validateWorkbook', () => {
  it('finds nothing in a workbook that breaks no rule', () => {
    const { findings, summary } = validateWorkbook(compliantWorkbook(), COMPLIANT_TODAY, DEFAULT_CONFIG);
    expect(findings).toEqual([]);
    expect(summary).toEqual({ errors: 0, warnings: 0 });
  });

  it('leaves a row with a data finding out of the charter rules', () => {
    const rows = compliantWorkbookRows();
    rows.Endorsements![2] = { ...rows.Endorsements![2], 'Decided On': 'soon' };
    const { findings } = validateWorkbook(compliantWorkbook(rows), COMPLIANT_TODAY, DEFAULT_CONFIG);
    expect(findings.map((f) => [f.rule, f.tab, f.row])).toEqual([
      ['paper.published-without-all-endorsements', 'Papers', 2],
      ['cell.invalid-date', 'Endorsements', 4],
    ]);
  });

  it('sorts findings by tab in workbook order, then row, then rule', () => {
    const rows = compliantWorkbookRows();
    rows.Issues![1] = { ...rows.Issues![1], Relevance: null };
    rows.Roster![7] = { ...rows.Roster![7], 'SOI URL': null };
    rows.Organizations![2] = { ...rows.Organizations![2], 'Charter Adopted On': null };
    const { findings } = validateWorkbook(compliantWorkbook(rows), COMPLIANT_TODAY, DEFAULT_CONFIG);
    expect(findings.map((f) => [f.tab, f.row, f.rule])).toEqual([
      ['Organizations', 4, 'org.charter-adoption-missing'],
      ['Roster', 9, 'roster.soi-missing'],
      ['Issues', 3, 'issue.relevance-missing'],
    ]);
  });
});
