// The sync the `sync` and `tick` verbs share: check and open the workbook and the store, sync under the lease, then close.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { syncWorkbook, type SyncResult } from '../app/sync.js';
import type { CharterConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import type { RawWorkbook } from '../core/model/raw-workbook.js';
import type { RecordStore } from '../ports/record-store.port.js';
import type { StoreWarmUp } from '../adapters/sqlite/store-warm-up.js';
import type { WorkbookReader, WorkbookWriter } from '../ports/workbook.port.js';
import type { CommandContext } from './command-context.js';
import type { StopSignal } from './stop-signals.js';
import { StoppableStore } from './stoppable-store.js';
import { openStore } from './store-source.js';
import { packageVersion } from './version.js';
import { assertSyncable, canonicalWorkbook } from './workbook-location.js';
import { workbookReaderFor, workbookWriterFor } from './workbook-source.js';

/** The options of a CLI sync. */
export interface CliSyncOptions {
  readonly store?: string;
  readonly actor?: string;
  readonly today: IsoDate;
  readonly config: CharterConfig;
  readonly onProgress?: (line: string) => void;
  /** The store's warm-up the command started before loading the sync (`withLocalStoreWarmUp`), which ends it. */
  readonly warmUp?: StoreWarmUp | null;
}

/** What a CLI sync hands on: its result, and the reader and store, open until `then` settles. */
export interface CliSynced {
  readonly result: SyncResult;
  readonly reader: WorkbookReader;
  readonly store: RecordStore;
}

/** Where a sync stands when it is told to stop. */
type SyncPhase = 'reading' | 'writing' | 'done';

/** Never settles: what a run that was told to stop waits on while its stop handler gives the lease back and exits. */
const halted = () => new Promise<never>(() => undefined);

/**
 * Syncs `workbook` into the `--store` store as `--actor` (default: the system user), runs `then`, and closes the store.
 * The workbook is checked first (an .xlsx open in a spreadsheet program or read-only is refused before anything is
 * read or committed) and named by its canonical location, so every spelling of one file shares its lease and store.
 * SIGINT or SIGTERM gives the lease back before the process exits: at once while the sync reads and checks; once it
 * has begun writing the workbook or the store, after it has finished, so that the two agree.
 */
export async function syncFromCli<T>(context: CommandContext, workbook: string, options: CliSyncOptions, then: (synced: CliSynced) => Promise<T>): Promise<T> {
  const reader = await workbookReaderFor(workbook, options.config.limits);
  const writer = await workbookWriterFor(workbook, reader);
  await reader.probe?.();
  await assertSyncable(workbook);
  const location = await canonicalWorkbook(workbook);
  // The workbook is read while the store opens (its pages checked on another thread); the sync takes that read under
  // its lease when the file is still the same, and reads it again otherwise.
  const ahead = readingAhead(reader);
  const store = new StoppableStore(await openStore(options.store, location, { warmUp: options.warmUp ?? null }));
  let writeBegun = false;
  const watchedWriter: WorkbookWriter = {
    applyWriteBack: (plan) => {
      writeBegun = true;
      return writer.applyWriteBack(plan);
    },
    prepare: (tabs) => writer.prepare?.(tabs),
  };
  let syncing: Promise<unknown> | null = null;
  let stopped = false;
  const stopWatching = context.io.onStop?.(async (signal) => {
    stopped = true;
    const during = syncing;
    const phase: SyncPhase = during === null ? 'done' : writeBegun || store.commitBegun ? 'writing' : 'reading';
    context.io.err(`cceg: ${stopLine(signal, workbook, phase)}\n`);
    if (during !== null && phase === 'writing') await during.catch(() => undefined);
    await store.stop();
    await store.close();
  });
  // Once told to stop, the run settles no more: the stop handler ends the process, and no second line is printed.
  const unlessStopped = <R>(work: Promise<R>): Promise<R> =>
    work.then((value) => (stopped ? halted() : value), (error: unknown) => (stopped ? halted() : Promise.reject(error)));
  try {
    const sync = syncWorkbook(
      { reader: ahead, writer: watchedWriter, store, now: context.io.now, newId: randomUUID },
      {
        workbook: location, actor: options.actor ?? `${userInfo().username}@cli`, source: 'cli', today: options.today, config: options.config,
        onProgress: options.onProgress, codeVersion: packageVersion(),
      },
    );
    syncing = sync;
    const result = await unlessStopped(sync);
    syncing = null;
    return await unlessStopped(then({ result, reader, store }));
  } finally {
    await stopWatching?.();
    await store.close();
  }
}

/**
 * A reader whose first `read` has already begun, when the reader can tell whether the workbook changed since: that
 * read is given to the first `read` asked for if the workbook is still as it found it, else the workbook is read again
 * (a read begun before the sync holds its lease must not stand for what it reads under the lease). Its fault is
 * thrown by that `read`. A reader that cannot tell is used as it is.
 */
export function readingAhead(reader: WorkbookReader): WorkbookReader {
  if (!reader.isCurrent) return reader;
  let early: Promise<RawWorkbook> | null = reader.read();
  early.catch(() => undefined);
  return {
    fingerprintAhead: () => reader.fingerprintAhead?.(),
    read: async () => {
      const begun = early;
      early = null;
      if (begun === null) return reader.read();
      const raw = await begun;
      return (await reader.isCurrent!()) ? raw : reader.read();
    },
  };
}

/** The one line a stopped sync leaves on stderr. */
function stopLine(signal: StopSignal, workbook: string, phase: SyncPhase): string {
  if (phase === 'reading') return `stopped by ${signal}: nothing of ${workbook} was written or committed, and its lease is given back.`;
  if (phase === 'writing') return `${signal}: the sync of ${workbook} is writing its results; cceg stops once they are written (${signal} again stops at once).`;
  return `stopped by ${signal}.`;
}
