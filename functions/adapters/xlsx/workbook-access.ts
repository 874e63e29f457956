// Whether a sync may write an .xlsx workbook: not open in Excel or LibreOffice (their lock files), not read-only.
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { CcegError } from '../../core/errors.js';

/** The spreadsheet program a workbook is open in, told by the lock file it keeps beside the workbook. */
export interface OpenInProgram {
  readonly program: 'Excel' | 'LibreOffice';
  /** The lock file's name, in the workbook's folder. */
  readonly lockFile: string;
}

/** The lock files of the programs that keep one beside an open workbook `name`. */
function lockFilesOf(name: string): OpenInProgram[] {
  return [
    { program: 'Excel', lockFile: `~$${name}` },
    { program: 'LibreOffice', lockFile: `.~lock.${name}#` },
  ];
}

/** The program that has the workbook at `path` open (a lock file stands beside the real file), or null. */
export async function openInProgram(path: string): Promise<OpenInProgram | null> {
  const real = await realpath(path).catch(() => path);
  const names = new Set(await readdir(dirname(real)).catch(() => []));
  return lockFilesOf(basename(real)).find(({ lockFile }) => names.has(lockFile)) ?? null;
}

/**
 * Refuses (UNREADABLE_WORKBOOK, one line) a workbook a sync could not write back into: one open in Excel or LibreOffice,
 * one that is read-only (no write bit in its mode, which a spreadsheet program honours even for root, or no write
 * access), or one whose folder may not be written (the new file is renamed over the old one). Call it before a sync
 * reads or commits anything; `path` is named as given.
 */
export async function assertWorkbookWritable(path: string): Promise<void> {
  const open = await openInProgram(path);
  if (open) {
    throw new CcegError('UNREADABLE_WORKBOOK', `${path} is open in ${open.program}; close it and sync again (if ${open.program} is not running, delete its lock file ${open.lockFile}).`);
  }
  const real = await realpath(path);
  const info = await stat(real);
  if ((info.mode & 0o222) === 0 || !(await canWrite(real))) throw new CcegError('UNREADABLE_WORKBOOK', `${path} is read-only; make it writable and sync again.`);
  if (!(await canWrite(dirname(real)))) {
    throw new CcegError('UNREADABLE_WORKBOOK', `cannot write ${path}: its folder ${dirname(real)} may not be written to; a sync replaces the file there.`);
  }
}

function canWrite(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(() => true, () => false);
}
