// The IG Update Report for ICANN63 drawn from the sample workbook, as the tick renders it on 2018-10-06.
import { sampleWorkbookRows } from '../../../functions/adapters/xlsx/sample-data.js';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import type { RenderedDocument } from '../../../functions/core/documents/html.js';
import { renderUpdateReport } from '../../../functions/core/documents/update-report.js';
import { groupRowsOf } from '../../support/raw-workbook.js';

/** The sample's update report for ICANN63: two charts (members per organization, by region) and the §2 notice. */
export function sampleUpdateReport(): RenderedDocument {
  return renderUpdateReport(groupRowsOf(sampleWorkbookRows()), 'ICANN63', { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'x' });
}
