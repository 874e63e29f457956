// Benchmarks rendering the IG Update Report from the sample workbook and from one ten times larger.
import { sampleWorkbookRows } from '../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../functions/core/config.js';
import type { DocumentContext } from '../../functions/core/documents/html.js';
import { renderUpdateReport } from '../../functions/core/documents/update-report.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { measure } from './measure.js';
import { atMostLinear, medianOf, type Row, type Section } from './report.js';
import { largerWorkbookRows } from '../support/larger-sample.js';
import { workbookOf } from '../support/raw-workbook.js';
import { dataRows } from './workbooks.js';

const RENDER = 'render IG Update Report (ICANN63)';
const MEETING = 'ICANN63';
const CONTEXT: DocumentContext = { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'bench' };
/** Renders per timed run: one render takes well under a millisecond. */
const ITERATIONS = 50;
const COPIES = 10;

/** Times one render of the update report for the sample workbook and for it grown `COPIES` times (the growing tabs only). */
export async function documentsSection(runs: number): Promise<Section> {
  const rows: Row[] = [];
  const sizes: number[] = [];
  for (const [label, workbook] of [['sample', workbookOf(sampleWorkbookRows())], [`sample ×${COPIES}`, workbookOf(largerWorkbookRows(COPIES))]] as const) {
    const parsed = parseWorkbook(workbook);
    const size = dataRows(workbook);
    sizes.push(size);
    const render = await measure({ runs, iterations: ITERATIONS, setup: () => parsed.group.rows, run: (group) => renderUpdateReport(group, MEETING, CONTEXT) });
    const kb = (render.results.at(-1)!.html.length / 1024).toFixed(1);
    rows.push({ name: RENDER, size, sample: render, note: `${label}; ms per render (${ITERATIONS} per run); ${kb} kB HTML; ${parsed.findings.length} data findings` });
  }
  const [small, large] = sizes as [number, number];
  return {
    title: 'Documents',
    rows,
    ratios: [{ label: `${RENDER} ×${COPIES}/sample`, value: medianOf(rows, RENDER, large) / medianOf(rows, RENDER, small), expected: atMostLinear(large / small) }],
  };
}
