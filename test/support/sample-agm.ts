// The bundled sample workbook, and its AGM with the day that AGM's reports fall due for drafting (computed apart from the code).
import { join } from 'node:path';
import type { GroupRows } from '../../functions/core/model/group.js';

/** The sample workbook shipped in sheets/. */
export const SAMPLE_WORKBOOK = join(import.meta.dirname, '..', '..', 'sheets', 'sample-workbook.xlsx');

/** `date` minus `days`, as an ISO date. */
export function minusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The first face-to-face ICANN AGM with an ID, and the day its update and annual reports fall due (21 days before it starts). */
export function sampleAgm(rows: GroupRows): { id: string; startDate: string; draftDay: string } {
  const agm = rows.Meetings.find((meeting) => meeting.type === 'ICANN AGM' && meeting.faceToFace && meeting.id !== null);
  if (!agm?.id) throw new Error('The sample has no face-to-face AGM with an ID');
  return { id: agm.id, startDate: agm.startDate, draftDay: minusDays(agm.startDate, 21) };
}
