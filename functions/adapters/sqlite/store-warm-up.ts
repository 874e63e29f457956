// A SQLite store's warm-up on a thread of its own: its page check and its digest read run while the main thread reads the workbook.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DigestColumns, WarmUpMessage } from './warm-up-worker.js';

/** How long a connection waits for another process's lock before giving up, unless told otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** The thread's module, beside this one and of the same kind (compiled .js, or .ts when run from source). */
const WORKER_MODULE = new URL(`./warm-up-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * A store file being checked and read on another thread. Every answer falls back to "do it yourself": a thread that
 * cannot start (its module missing from a bundle), fails or is closed answers false and null, never an error.
 */
export interface StoreWarmUp {
  /** The file it warms up. */
  readonly path: string;
  /** Resolves true once every page of the existing file passed `PRAGMA quick_check`; false when it did not or could not. */
  readonly pagesSound: Promise<boolean>;
  /**
   * Asks the thread to read every record's digest and the audit head now; the caller holds the sync lease, so that
   * nobody commits records until it uses them. Resolves with them, or null.
   */
  readDigests(): Promise<DigestColumns | null>;
  /** Ends the thread (a run that never asked for the digests must not wait on it). */
  close(): Promise<void>;
}

/**
 * Starts checking the existing store at `path` on another thread (a missing file answers false, and is not created).
 * `module` is the thread's code (tests name one that does not exist).
 */
export function startStoreWarmUp(path: string, busyTimeoutMs: number, module: URL = WORKER_MODULE): StoreWarmUp {
  let worker: Worker | null = null;
  try {
    worker = new Worker(module, { workerData: { path, busyTimeoutMs } });
    worker.unref();
  } catch {
    worker = null;
  }
  let settleChecked: (sound: boolean) => void = () => undefined;
  let settleDigests: (columns: DigestColumns | null) => void = () => undefined;
  const pagesSound = new Promise<boolean>((resolve) => (settleChecked = resolve));
  const digests = new Promise<DigestColumns | null>((resolve) => (settleDigests = resolve));
  const giveUp = () => {
    settleChecked(false);
    settleDigests(null);
  };
  if (worker === null) giveUp();
  worker?.on('message', (message: WarmUpMessage) => (message.kind === 'checked' ? settleChecked(message.sound) : settleDigests(message.columns)));
  worker?.on('error', giveUp);
  worker?.on('exit', giveUp);
  let asked = false;
  return {
    path,
    pagesSound,
    readDigests: () => {
      if (!asked && worker !== null) {
        asked = true;
        worker.postMessage('read');
      }
      return digests;
    },
    close: async () => {
      giveUp();
      await worker?.terminate();
    },
  };
}
