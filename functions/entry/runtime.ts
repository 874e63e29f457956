// Builds the functions' dependencies from the environment and config once, on the first request (the composition root); each adapter is loaded when first used.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { GoogleConnection } from '../adapters/google/google-client.js';
import { parseStoreUrl } from '../adapters/store-url.js';
import { type Environment, readEnvironment } from '../config/environment.js';
import { DEFAULT_CONFIG_PATH, loadCharterConfig } from '../config/load-config.js';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../core/config.js';
import { CcegError } from '../core/errors.js';
import type { IdTokenVerifier } from '../ports/identity.port.js';
import type { RecordStore } from '../ports/record-store.port.js';
import type { FunctionDeps, WorkbookTarget } from './function-deps.js';

/** The SQLite file the functions use when neither CCEG_STORE nor an .xlsx CCEG_WORKBOOK says otherwise. */
export const DEFAULT_FUNCTIONS_STORE = 'sqlite:cceg.db';

/** Opens the workbook at a location with the adapter of its kind (a Google Sheet or an .xlsx file). */
type OpenWorkbook = (location: string, connection: GoogleConnection, limits: WorkbookLimits) => Omit<WorkbookTarget, 'documents'>;

function isSheet(location: string): boolean {
  return location.startsWith('sheets:');
}

/**
 * The workbook adapter a deployment uses, loaded once: Google Sheets when CCEG_WORKBOOK is `sheets:<id>` or unset (an
 * edit's own spreadsheet), the .xlsx reader and writer for a path. One object reads and writes a sheet (a sync reads it once).
 */
async function loadWorkbookAdapter(configured: string | undefined): Promise<OpenWorkbook> {
  if (configured === undefined || isSheet(configured)) {
    const { SheetsWorkbook, spreadsheetIdOf } = await import('../adapters/google/sheets-workbook.js');
    return (location, connection, limits) => {
      const sheet = new SheetsWorkbook(spreadsheetIdOf(location)!, connection, {}, limits);
      return { location, reader: sheet, writer: sheet };
    };
  }
  const [{ XlsxWorkbookReader }, { XlsxWorkbookWriter }] = await Promise.all([import('../adapters/xlsx/read-xlsx.js'), import('../adapters/xlsx/write-back-xlsx.js')]);
  return (location, _connection, limits) => {
    const path = resolve(location);
    const reader = new XlsxWorkbookReader(path, limits);
    return { location: path, reader, writer: new XlsxWorkbookWriter(path, reader) };
  };
}

/**
 * The workbook at `location`. Documents go to CCEG_DOCUMENTS, else into the Drive folder the spreadsheet is in (either
 * in a shared drive), or the `documents` folder beside the .xlsx file; their adapters are loaded on the first draft.
 */
function targetAt(location: string, environment: Environment, limits: WorkbookLimits, open: OpenWorkbook): WorkbookTarget {
  const connection = environment.googleRootUrl === undefined ? {} : { rootUrl: environment.googleRootUrl };
  const workbook = open(location, connection, limits);
  // The functions run as a service account: their Drive folder must be in a shared drive (checked before the first draft).
  const documents = async () => {
    const { defaultDocumentsDestination, documentPublisherFor } = await import('../adapters/documents-destination.js');
    return documentPublisherFor(environment.documents ?? await defaultDocumentsDestination(workbook.location, connection), connection, { asServiceAccount: true });
  };
  return { ...workbook, documents };
}

/**
 * A fresh reader and writer for each request (syncs of one workbook run one at a time). CCEG_WORKBOOK `sheets:<id>` serves that spreadsheet only; an .xlsx path takes every edit (a local run); unset, an
 * edit's own spreadsheet is synced and the tick has nothing to sync. Readers refuse a workbook past `limits` (the config's).
 * Resolves once the workbook adapter of the configured kind is loaded.
 */
export async function workbookResolver(environment: Environment, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<(spreadsheetId: string | null) => WorkbookTarget> {
  const configured = environment.workbook;
  const open = await loadWorkbookAdapter(configured);
  return (spreadsheetId) => {
    if (configured === undefined) {
      if (spreadsheetId === null) throw new CcegError('BAD_CONFIG', 'Set CCEG_WORKBOOK (sheets:<spreadsheetId> or an .xlsx path): the tick syncs that workbook.');
      return targetAt(`sheets:${spreadsheetId}`, environment, limits, open);
    }
    if (isSheet(configured) && spreadsheetId !== null && configured !== `sheets:${spreadsheetId}`) {
      throw new CcegError('FORBIDDEN', `Spreadsheet ${spreadsheetId} is not served here (CCEG_WORKBOOK is ${configured}).`);
    }
    return targetAt(configured, environment, limits, open);
  };
}

/** The record store, with only its own adapter loaded: SQLite (better-sqlite3) or Firestore. */
async function openFunctionsStore(environment: Environment): Promise<RecordStore> {
  const xlsx = environment.workbook !== undefined && !isSheet(environment.workbook) ? environment.workbook : null;
  const location = parseStoreUrl(environment.store ?? (xlsx === null ? DEFAULT_FUNCTIONS_STORE : undefined), xlsx);
  if (location.kind === 'sqlite') return (await import('../adapters/sqlite/sqlite-record-store.js')).openSqliteStore(location.path);
  if (environment.projectId === undefined && environment.firestoreEmulatorHost === undefined) {
    throw new CcegError('BAD_CONFIG', 'CCEG_STORE=firestore needs a Google Cloud project: set GOOGLE_CLOUD_PROJECT (or FIRESTORE_EMULATOR_HOST for the emulator).');
  }
  return (await import('../adapters/firestore/firestore-record-store.js')).openFirestoreStore({ projectId: environment.projectId ?? 'cceg-local' });
}

/** Google's ID-token verifier, loaded on the first token to verify (onSheetEdit never needs one). */
function lazyGoogleIdTokenVerifier(): IdTokenVerifier {
  let verifier: Promise<IdTokenVerifier> | null = null;
  return {
    async verify(idToken, audience) {
      verifier ??= import('../adapters/oidc/google-id-token-verifier.js').then(({ googleIdTokenVerifier }) => googleIdTokenVerifier());
      return (await verifier).verify(idToken, audience);
    },
  };
}

/** The production dependencies: config from CCEG_CONFIG (or the shipped charter.yaml), store, workbooks, secret, Google's certificates. */
export async function runtimeDeps(environment: Environment = readEnvironment()): Promise<FunctionDeps> {
  const config = loadCharterConfig(environment.configPath ?? DEFAULT_CONFIG_PATH);
  const [store, workbookFor] = await Promise.all([openFunctionsStore(environment), workbookResolver(environment, config.limits)]);
  return {
    config,
    store,
    workbookFor,
    webhookSecret: environment.webhookSecret ?? null,
    verifier: lazyGoogleIdTokenVerifier(),
    now: () => new Date(),
    newId: randomUUID,
  };
}
