// Opens the record store a `--store` option names: a SQLite file (default beside an .xlsx) or Firestore, loading only that adapter.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CcegError } from '../core/errors.js';
import type { RecordStore } from '../ports/record-store.port.js';
import { parseStoreUrl } from '../adapters/store-url.js';
import { readEnvironment } from '../config/environment.js';
import type { SqliteStoreOptions } from '../adapters/sqlite/sqlite-record-store.js';
import type { StoreWarmUp } from '../adapters/sqlite/store-warm-up.js';

/** What a sync opens its store with: the warm-up of its SQLite file, started before the workbook is checked. */
export interface StoreOpening {
  readonly warmUp?: StoreWarmUp | null;
}

/** The SQLite file `--store` names for `workbook` (its canonical location), or null for Firestore. */
function sqlitePathOf(storeOption: string | undefined, workbook: string | null): string | null {
  const location = parseStoreUrl(storeOption, workbook !== null && !workbook.startsWith('sheets:') ? workbook : null);
  return location.kind === 'sqlite' ? location.path : null;
}

/**
 * The CPUs from which a sync's store is warmed up on a thread of its own (CCEG_STORE_WARM_UP says otherwise): any
 * second CPU. On 2 vCPUs that were 2 cores, a 50,000-row sync was ≈25 ms faster with the thread when it changed rows and
 * the same when it did not; with the second CPU kept busy by another process, the same either way. (On a day when the
 * same 2 vCPUs behaved as one shared core, the thread cost ≈300 ms; it then read the digests even for a sync that needs
 * none, which it no longer does.)
 */
const WARM_UP_FROM_CPUS = 2;

/**
 * The store file size from which the thread is started (CCEG_STORE_WARM_UP says otherwise): below it, the page check
 * and the digest read take less than starting a thread does (≈30 ms). At 5,000 rows (a 5 MB store) the thread made
 * a sync ≈30 ms slower; at 50,000 (51 MB) ≈25 ms faster when it changed rows.
 */
const WARM_UP_FROM_BYTES = 16 * 1024 * 1024;

/** Whether a store file of `size` bytes is warmed up on a machine with `cpus` CPUs: as CCEG_STORE_WARM_UP says (`setting`), else when both are large enough. */
export function storeWarmsUp(size: number, cpus: number, setting: boolean | undefined): boolean {
  return setting ?? (cpus >= WARM_UP_FROM_CPUS && size >= WARM_UP_FROM_BYTES);
}

/**
 * Starts checking the existing SQLite file `--store` names for `workbook` on another thread (a sync's store: its pages
 * are checked, and its digests later read, while this thread does its own work); null for Firestore or a new file.
 */
async function warmUpStore(storeOption: string | undefined, workbook: string): Promise<StoreWarmUp | null> {
  const path = sqlitePathOf(storeOption, workbook);
  const size = path === null ? undefined : statSync(path, { throwIfNoEntry: false })?.size;
  if (path === null || size === undefined || !storeWarmsUp(size, availableParallelism(), readEnvironment().storeWarmUp)) return null;
  const { startStoreWarmUp, DEFAULT_BUSY_TIMEOUT_MS } = await import('../adapters/sqlite/store-warm-up.js');
  return startStoreWarmUp(path, DEFAULT_BUSY_TIMEOUT_MS);
}

/**
 * `warmUpStore` for an .xlsx WORKBOOK argument, started before anything else of a sync is loaded: named by its real
 * path, as `canonicalWorkbook` names a WORKBOOK that is not `sheets:<id>` (without loading what that module loads).
 * Never fails: a Google Sheet or a missing file gives null, and the sync checks and reads its store itself.
 */
async function warmUpLocalStore(storeOption: string | undefined, workbook: string): Promise<StoreWarmUp | null> {
  if (workbook.startsWith('sheets:')) return null;
  try {
    return await warmUpStore(storeOption, await realpath(resolve(workbook)));
  } catch {
    return null;
  }
}

/**
 * Runs `work` (a sync's or a tick's: it loads its own modules, then syncs) with the store's warm-up started first, and
 * ends the warm-up however `work` ends (the store also ends it once it has used it).
 */
export async function withLocalStoreWarmUp<T>(storeOption: string | undefined, workbook: string, work: (warmUp: StoreWarmUp | null) => Promise<T>): Promise<T> {
  const warmUp = await warmUpLocalStore(storeOption, workbook);
  try {
    return await work(warmUp);
  } finally {
    await warmUp?.close();
  }
}

/** Opens the store for `--store` (undefined: the SQLite file beside the workbook, created when missing). */
export async function openStore(storeOption: string | undefined, workbook: string | null, opening: StoreOpening = {}): Promise<RecordStore> {
  const path = sqlitePathOf(storeOption, workbook);
  const warmUp = opening.warmUp ?? null;
  if (warmUp !== null && warmUp.path !== path) await warmUp.close();
  if (path === null) return openFirestore();
  if (warmUp === null || warmUp.path !== path) return openSqlite(path);
  // Its page check ran meanwhile: when it passed, the file is not checked twice.
  return openSqlite(path, { warmUp, pagesChecked: await warmUp.pagesSound });
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

async function openSqlite(path: string, options?: SqliteStoreOptions): Promise<RecordStore> {
  return (await import('../adapters/sqlite/sqlite-record-store.js')).openSqliteStore(path, options);
}

async function openFirestore(): Promise<RecordStore> {
  const environment = readEnvironment();
  if (environment.projectId === undefined && environment.firestoreEmulatorHost === undefined) {
    throw new CcegError('BAD_OPTION', '--store firestore needs a Google Cloud project: set GOOGLE_CLOUD_PROJECT (or FIRESTORE_EMULATOR_HOST for the emulator).');
  }
  return (await import('../adapters/firestore/firestore-record-store.js')).openFirestoreStore({ projectId: environment.projectId ?? 'cceg-local' });
}
