// Parses `--store` (sqlite:PATH or firestore) into where the record store lives; opens nothing.
import { resolve } from 'node:path';
import { CcegError } from '../core/errors.js';

/** Where the record store lives: a SQLite file (absolute path) or Firestore. */
export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'firestore' };

const SQLITE_PREFIX = /^sqlite:/i;
const XLSX_SUFFIX = /\.xlsx$/i;

/**
 * `sqlite:PATH` (relative paths resolved from `cwd`) or `firestore`. Without `--store`, a workbook file gets the
 * SQLite file beside it, named after it: `/x/group.xlsx` → `/x/group.cceg.db` (PRODUCT.md's `<workbook>.cceg.db`).
 * A Google Sheet (`workbookPath` null) has no such default, so `--store` must be given.
 */
export function parseStoreUrl(text: string | undefined, workbookPath: string | null, cwd: string = process.cwd()): StoreLocation {
  if (text === undefined) {
    if (workbookPath === null) {
      throw new CcegError('BAD_OPTION', 'no --store given and no .xlsx workbook to keep one beside: use --store sqlite:PATH or --store firestore.');
    }
    return { kind: 'sqlite', path: defaultSqlitePath(resolve(cwd, workbookPath)) };
  }
  if (text.toLowerCase() === 'firestore') return { kind: 'firestore' };
  if (SQLITE_PREFIX.test(text)) {
    const path = text.replace(SQLITE_PREFIX, '');
    if (path.trim() !== '') return { kind: 'sqlite', path: resolve(cwd, path) };
  }
  throw new CcegError('BAD_OPTION', `--store "${text}" is not a store: use sqlite:PATH or firestore.`);
}

/** The default SQLite file of a workbook: its path with `.xlsx` replaced by `.cceg.db` (appended to other names). */
export function defaultSqlitePath(workbookPath: string): string {
  return XLSX_SUFFIX.test(workbookPath) ? workbookPath.replace(XLSX_SUFFIX, '.cceg.db') : `${workbookPath}.cceg.db`;
}
