// The sync the `sync` and `tick` verbs share: open the workbook and the store, sync under the lease, then close.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { syncWorkbook, type SyncResult } from '../app/sync.js';
import type { CharterConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import type { RecordStore } from '../ports/record-store.port.js';
import type { WorkbookReader } from '../ports/workbook.port.js';
import type { CommandContext } from './command-context.js';
import { openStore } from './store-source.js';
import { workbookReaderFor, workbookWriterFor } from './workbook-source.js';

/** The options of a CLI sync. */
export interface CliSyncOptions {
  readonly store?: string;
  readonly actor?: string;
  readonly today: IsoDate;
  readonly config: CharterConfig;
  readonly onProgress?: (line: string) => void;
}

/** What a CLI sync hands on: its result, and the reader and store, open until `then` settles. */
export interface CliSynced {
  readonly result: SyncResult;
  readonly reader: WorkbookReader;
  readonly store: RecordStore;
}

/** Syncs `workbook` into the `--store` store as `--actor` (default: the system user), runs `then`, and closes the store. */
export async function syncFromCli<T>(context: CommandContext, workbook: string, options: CliSyncOptions, then: (synced: CliSynced) => Promise<T>): Promise<T> {
  const reader = workbookReaderFor(workbook);
  await reader.probe?.();
  const store = await openStore(options.store, workbook);
  try {
    const result = await syncWorkbook(
      { reader, writer: workbookWriterFor(workbook, reader), store, now: context.io.now, newId: randomUUID },
      { workbook, actor: options.actor ?? `${userInfo().username}@cli`, source: 'cli', today: options.today, config: options.config, onProgress: options.onProgress },
    );
    return await then({ result, reader, store });
  } finally {
    await store.close();
  }
}
