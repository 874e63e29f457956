// Turns `--out` (a folder or `drive:<folderId>`) and the WORKBOOK argument into the publisher documents go through (its adapters loaded then).
import type { DocumentPublisher } from '../ports/documents.port.js';
import { googleConnection } from './workbook-source.js';

/**
 * The publisher for `--out`: `drive:<folderId>` publishes Google Docs into that Drive folder, anything else is a
 * local folder. Without `--out`, a `sheets:` workbook's documents go into the Drive folder the spreadsheet is in,
 * and an .xlsx workbook's into `xlsxDefault` (or the `documents` folder beside it).
 */
export async function documentsPublisherFor(workbook: string, out: string | undefined, xlsxDefault?: string): Promise<DocumentPublisher> {
  const { defaultDocumentsDestination, documentPublisherFor } = await import('../adapters/documents-destination.js');
  const connection = googleConnection();
  if (out !== undefined) return documentPublisherFor(out, connection);
  if (!workbook.startsWith('sheets:') && xlsxDefault !== undefined) return documentPublisherFor(xlsxDefault, connection);
  return documentPublisherFor(await defaultDocumentsDestination(workbook, connection), connection);
}
