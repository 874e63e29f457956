// Where drafted documents go: `drive:<folderId>` (Google Docs in Drive) or a local folder, and the default for a workbook.
import { dirname, join, resolve } from 'node:path';
import { CcegError } from '../core/errors.js';
import type { DocumentPublisher } from '../ports/documents.port.js';
import { FolderDocumentPublisher } from './folder/folder-documents.js';
import { DRIVE_PREFIX, DriveDocumentPublisher, driveFileIdOf, driveFolderOf } from './google/drive-documents.js';
import type { GoogleConnection } from './google/google-client.js';
import { spreadsheetIdOf } from './google/sheets-workbook.js';

/** How documents are published: `asServiceAccount` when cceg runs as one (the functions), which can write only into a shared drive. */
export interface PublishingOptions {
  readonly asServiceAccount?: boolean;
}

/**
 * The publisher for a destination: `drive:<folderId>` publishes Google Docs into that folder (which must be in a shared
 * drive `asServiceAccount`), anything else is a local folder.
 */
export function documentPublisherFor(destination: string, connection: GoogleConnection = {}, options: PublishingOptions = {}): DocumentPublisher {
  if (!destination.startsWith(DRIVE_PREFIX)) return new FolderDocumentPublisher(resolve(destination));
  const rootFolderId = driveFileIdOf(destination);
  if (rootFolderId === null) throw new CcegError('BAD_OPTION', `${destination} is not a Drive folder: write drive:<folderId>, the ID from the folder's URL.`);
  return new DriveDocumentPublisher({ ...connection, rootFolderId, requireSharedDrive: options.asServiceAccount === true });
}

/**
 * Where a workbook's documents go when nobody said: for a Google Sheet, the Drive folder the spreadsheet is in (one
 * `files.get`), so the Docs sit beside the sheet; for an .xlsx file, the `documents` folder beside it.
 */
export async function defaultDocumentsDestination(workbook: string, connection: GoogleConnection = {}): Promise<string> {
  const spreadsheetId = spreadsheetIdOf(workbook);
  if (spreadsheetId === null) return join(dirname(resolve(workbook)), 'documents');
  return `${DRIVE_PREFIX}${await driveFolderOf(spreadsheetId, connection)}`;
}
