// Builds the functions' dependencies from the environment and config once, on the first request (the composition root).
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { defaultDocumentsDestination, documentPublisherFor } from '../adapters/documents-destination.js';
import { openFirestoreStore } from '../adapters/firestore/firestore-record-store.js';
import { SheetsWorkbook, spreadsheetIdOf } from '../adapters/google/sheets-workbook.js';
import { googleIdTokenVerifier } from '../adapters/oidc/google-id-token-verifier.js';
import { openSqliteStore } from '../adapters/sqlite/sqlite-record-store.js';
import { parseStoreUrl } from '../adapters/store-url.js';
import { XlsxWorkbookReader } from '../adapters/xlsx/read-xlsx.js';
import { XlsxWorkbookWriter } from '../adapters/xlsx/write-back-xlsx.js';
import { type Environment, readEnvironment } from '../config/environment.js';
import { DEFAULT_CONFIG_PATH, loadCharterConfig } from '../config/load-config.js';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../core/config.js';
import { CcegError } from '../core/errors.js';
import type { RecordStore } from '../ports/record-store.port.js';
import type { FunctionDeps, WorkbookTarget } from './function-deps.js';

/** The SQLite file the functions use when neither CCEG_STORE nor an .xlsx CCEG_WORKBOOK says otherwise. */
export const DEFAULT_FUNCTIONS_STORE = 'sqlite:cceg.db';

function isSheet(location: string): boolean {
  return location.startsWith('sheets:');
}

/**
 * A Google Sheet (one object reads and writes: a sync reads it once), or an .xlsx file. Documents go to CCEG_DOCUMENTS,
 * else into the Drive folder the spreadsheet is in (either in a shared drive), or the `documents` folder beside the .xlsx file.
 */
function targetAt(location: string, environment: Environment, limits: WorkbookLimits): WorkbookTarget {
  const connection = environment.googleRootUrl === undefined ? {} : { rootUrl: environment.googleRootUrl };
  // The functions run as a service account: their Drive folder must be in a shared drive (checked before the first draft).
  const documents = async () => documentPublisherFor(environment.documents ?? await defaultDocumentsDestination(location, connection), connection, { asServiceAccount: true });
  const spreadsheetId = spreadsheetIdOf(location);
  if (spreadsheetId !== null) {
    const sheet = new SheetsWorkbook(spreadsheetId, connection, {}, limits);
    return { location, reader: sheet, writer: sheet, documents };
  }
  const path = resolve(location);
  const reader = new XlsxWorkbookReader(path, limits);
  return { location: path, reader, writer: new XlsxWorkbookWriter(path, reader), documents };
}

/**
 * A fresh reader and writer for each request (syncs of one workbook run one at a time). CCEG_WORKBOOK `sheets:<id>` serves that spreadsheet only; an .xlsx path takes every edit (a local run); unset, an
 * edit's own spreadsheet is synced and the tick has nothing to sync. Readers refuse a workbook past `limits` (the config's).
 */
export function workbookResolver(environment: Environment, limits: WorkbookLimits = DEFAULT_LIMITS): (spreadsheetId: string | null) => WorkbookTarget {
  const configured = environment.workbook;
  return (spreadsheetId) => {
    if (configured === undefined) {
      if (spreadsheetId === null) throw new CcegError('BAD_CONFIG', 'Set CCEG_WORKBOOK (sheets:<spreadsheetId> or an .xlsx path): the tick syncs that workbook.');
      return targetAt(`sheets:${spreadsheetId}`, environment, limits);
    }
    if (isSheet(configured) && spreadsheetId !== null && configured !== `sheets:${spreadsheetId}`) {
      throw new CcegError('FORBIDDEN', `Spreadsheet ${spreadsheetId} is not served here (CCEG_WORKBOOK is ${configured}).`);
    }
    return targetAt(configured, environment, limits);
  };
}

async function openFunctionsStore(environment: Environment): Promise<RecordStore> {
  const xlsx = environment.workbook !== undefined && !isSheet(environment.workbook) ? environment.workbook : null;
  const location = parseStoreUrl(environment.store ?? (xlsx === null ? DEFAULT_FUNCTIONS_STORE : undefined), xlsx);
  if (location.kind === 'sqlite') return openSqliteStore(location.path);
  if (environment.projectId === undefined && environment.firestoreEmulatorHost === undefined) {
    throw new CcegError('BAD_CONFIG', 'CCEG_STORE=firestore needs a Google Cloud project: set GOOGLE_CLOUD_PROJECT (or FIRESTORE_EMULATOR_HOST for the emulator).');
  }
  return openFirestoreStore({ projectId: environment.projectId ?? 'cceg-local' });
}

/** The production dependencies: config from CCEG_CONFIG (or the shipped charter.yaml), store, workbooks, secret, Google's certificates. */
export async function runtimeDeps(environment: Environment = readEnvironment()): Promise<FunctionDeps> {
  const config = loadCharterConfig(environment.configPath ?? DEFAULT_CONFIG_PATH);
  return {
    config,
    store: await openFunctionsStore(environment),
    workbookFor: workbookResolver(environment, config.limits),
    webhookSecret: environment.webhookSecret ?? null,
    verifier: googleIdTokenVerifier(),
    now: () => new Date(),
    newId: randomUUID,
  };
}
