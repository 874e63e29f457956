// Opens the record store a `--store` option names: a SQLite file (default beside an .xlsx) or Firestore, loading only that adapter.
import { existsSync } from 'node:fs';
import { CcegError } from '../core/errors.js';
import type { RecordStore } from '../ports/record-store.port.js';
import { parseStoreUrl } from '../adapters/store-url.js';
import { readEnvironment } from '../config/environment.js';

/** Opens the store for `--store` (undefined: the SQLite file beside the workbook, created when missing). */
export async function openStore(storeOption: string | undefined, workbook: string | null): Promise<RecordStore> {
  const location = parseStoreUrl(storeOption, workbook !== null && !workbook.startsWith('sheets:') ? workbook : null);
  return location.kind === 'sqlite' ? openSqlite(location.path) : openFirestore();
}

/**
 * Opens the store for `--store` only to read its audit log: a SQLite file must exist already and is opened read-only,
 * so a mistyped path is refused (STORE_UNAVAILABLE) instead of read as an empty log, and nothing is created or upgraded.
 */
export async function openStoreToRead(storeOption: string): Promise<RecordStore> {
  const location = parseStoreUrl(storeOption, null);
  if (location.kind !== 'sqlite') return openFirestore();
  if (!existsSync(location.path)) throw new CcegError('STORE_UNAVAILABLE', `no audit log at ${location.path}: the file does not exist.`);
  return openSqlite(location.path, { readOnly: true });
}

async function openSqlite(path: string, options?: { readonly readOnly?: boolean }): Promise<RecordStore> {
  return (await import('../adapters/sqlite/sqlite-record-store.js')).openSqliteStore(path, options);
}

async function openFirestore(): Promise<RecordStore> {
  const environment = readEnvironment();
  if (environment.projectId === undefined && environment.firestoreEmulatorHost === undefined) {
    throw new CcegError('BAD_OPTION', '--store firestore needs a Google Cloud project: set GOOGLE_CLOUD_PROJECT (or FIRESTORE_EMULATOR_HOST for the emulator).');
  }
  return (await import('../adapters/firestore/firestore-record-store.js')).openFirestoreStore({ projectId: environment.projectId ?? 'cceg-local' });
}
