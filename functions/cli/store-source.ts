// Opens the record store a `--store` option names: a SQLite file (default beside an .xlsx) or Firestore.
import { CcegError } from '../core/errors.js';
import type { RecordStore } from '../ports/record-store.port.js';
import { parseStoreUrl } from '../adapters/store-url.js';
import { openSqliteStore } from '../adapters/sqlite/sqlite-record-store.js';
import { openFirestoreStore } from '../adapters/firestore/firestore-record-store.js';
import { readEnvironment } from '../config/environment.js';

/** Opens the store for `--store` (undefined: the SQLite file beside the workbook). */
export async function openStore(storeOption: string | undefined, workbook: string | null): Promise<RecordStore> {
  const location = parseStoreUrl(storeOption, workbook !== null && !workbook.startsWith('sheets:') ? workbook : null);
  if (location.kind === 'sqlite') return openSqliteStore(location.path);
  const environment = readEnvironment();
  if (environment.projectId === undefined && environment.firestoreEmulatorHost === undefined) {
    throw new CcegError('BAD_OPTION', '--store firestore needs a Google Cloud project: set GOOGLE_CLOUD_PROJECT (or FIRESTORE_EMULATOR_HOST for the emulator).');
  }
  return openFirestoreStore({ projectId: environment.projectId ?? 'cceg-local' });
}
