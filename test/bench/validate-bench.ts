// Benchmarks validation: reading a big .xlsx, then the pure core (parseWorkbook, validateWorkbook) on what was read.
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { validateWorkbook } from '../../functions/core/validate.js';
import { measure } from './measure.js';
import { atMostLinear, medianOf, type Row, type Section } from './report.js';
import { dataRows } from './workbooks.js';

const TODAY = '2018-06-01';
const READ = 'validate: read .xlsx';
const PARSE = 'validate: parseWorkbook';
const VALIDATE = 'validate: validateWorkbook';

/** Times reading, parsing and validating (parse + charter rules) the big workbook of each size; `paths` maps size → file. */
export async function validateSection(paths: ReadonlyMap<number, string>, [small, large]: readonly [number, number], runs: number): Promise<Section> {
  const rows: Row[] = [];
  for (const size of [small, large]) {
    const path = paths.get(size)!;
    const read = await measure({ runs, setup: () => path, run: readXlsxWorkbook });
    const raw = read.results.at(-1)!;
    rows.push({ name: READ, size, sample: read, note: `${dataRows(raw)} data rows read` });
    const parse = await measure({ runs, setup: () => raw, run: parseWorkbook });
    rows.push({ name: PARSE, size, sample: parse, note: `${parse.results.at(-1)!.findings.length} data findings` });
    const validate = await measure({ runs, setup: () => raw, run: (workbook) => validateWorkbook(workbook, TODAY, DEFAULT_CONFIG) });
    const { summary } = validate.results.at(-1)!;
    rows.push({ name: VALIDATE, size, sample: validate, note: `${summary.errors} errors, ${summary.warnings} warnings on ${TODAY}` });
  }
  const scale = (name: string) => medianOf(rows, name, large) / medianOf(rows, name, small);
  const label = (name: string) => `${name} ${large.toLocaleString('en-US')}/${small.toLocaleString('en-US')}`;
  return {
    title: 'Validate',
    rows,
    ratios: [READ, PARSE, VALIDATE].map((name) => ({ label: label(name), value: scale(name), expected: atMostLinear(large / small) })),
  };
}
