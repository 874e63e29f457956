// Reads a workbook file and replaces it atomically: a temporary file beside it, flushed, then renamed over it.
import { randomUUID } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { chmod, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CcegError } from '../../../core/errors.js';
import { fileSystemReason } from '../../file-system-reason.js';

/** What the file looked like when read: a replace is refused if it changed since. */
export interface FileStamp {
  /** The real path (symbolic links resolved), so a link keeps pointing at the replaced file. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
  /** The inode: a program that saves by writing a new file and renaming it over the old one changes it. */
  readonly ino: number;
}

/**
 * The stamp of the file at `path` now; throws like `readWorkbookFile`. Taken on this thread (two system calls): on
 * the thread pool it could wait behind the sheets zlib is inflating there.
 */
export async function stampOf(path: string): Promise<FileStamp> {
  try {
    const real = realpathSync(path);
    const info = statSync(real);
    return { path: real, size: info.size, mtimeMs: info.mtimeMs, mode: info.mode, ino: info.ino };
  } catch (error) {
    throw fileError(path, error, 'read');
  }
}

/** True when two stamps describe the same file with the same contents (as far as size, time and inode tell). */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** The refusal when the workbook changed between the sync's read and its write: nothing is written or committed. */
export function changedDuringSync(path: string): CcegError {
  return new CcegError('WORKBOOK_CHANGED', `${path} changed while it was being synced (saved by someone, or rows moved); nothing was written or committed, sync again.`);
}

/** The bytes of the workbook and its stamp; throws FILE_NOT_FOUND, NOT_A_WORKBOOK or UNREADABLE_WORKBOOK. */
export async function readWorkbookFile(path: string): Promise<{ bytes: Buffer; stamp: FileStamp }> {
  try {
    const real = await realpath(path);
    const info = await stat(real);
    if (!info.isFile()) throw new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
    const bytes = await readFile(real);
    return { bytes, stamp: { path: real, size: info.size, mtimeMs: info.mtimeMs, mode: info.mode, ino: info.ino } };
  } catch (error) {
    throw fileError(path, error, 'read');
  }
}

/**
 * Writes `bytes` to a temporary file in the workbook's folder, flushes it to disk and renames it over the workbook,
 * so a crash leaves the old workbook or the new one, never half of one. Refused (UNREADABLE_WORKBOOK) when the file
 * changed since it was read: someone saved it meanwhile, and their edits must not be lost.
 */
export async function replaceWorkbookFile(path: string, bytes: Uint8Array, stamp: FileStamp): Promise<void> {
  const temporary = join(dirname(stamp.path), `.${basename(stamp.path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, stamp.mode & 0o7777);
    const now = await stat(stamp.path);
    if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ino !== stamp.ino) throw changedDuringSync(path);
    await rename(temporary, stamp.path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw fileError(path, error, 'write');
  }
}

/** What writing (or renaming over) a workbook fails with while a program holds it open (Windows) or it is read-only. */
const IN_USE = new Set(['EBUSY', 'EPERM', 'EACCES']);

function fileError(path: string, error: unknown, action: 'read' | 'write'): CcegError {
  if (error instanceof CcegError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const fault =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? new CcegError('FILE_NOT_FOUND', `Cannot open ${path}: no such file.`)
      : code === 'EISDIR'
        ? new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`)
        : action === 'write' && IN_USE.has(code ?? '')
          ? new CcegError('UNREADABLE_WORKBOOK', `Cannot write ${path}: it is open in another program or read-only; close it and sync again.`)
          : new CcegError('UNREADABLE_WORKBOOK', `Cannot ${action} ${path}: ${fileSystemReason(code, action)}.`);
  fault.cause = error;
  return fault;
}
