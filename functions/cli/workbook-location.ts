// The workbook a CLI run works on: its canonical location, which names its lease and its runs, and whether a sync may write it.
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { assertWorkbookWritable, openInProgram } from '../adapters/xlsx/workbook-access.js';
import { spreadsheetIdOf } from './workbook-source.js';

/**
 * The one name of a workbook however it was typed: `sheets:<id>`, or the real path of an .xlsx file (absolute, with
 * `.`, `..` and symbolic links resolved), so `wb.xlsx`, `dir/./wb.xlsx` and a cron job's absolute path share one lease.
 * The file must exist (probe it first).
 */
export async function canonicalWorkbook(location: string): Promise<string> {
  const spreadsheetId = await spreadsheetIdOf(location);
  return spreadsheetId === null ? realpath(resolve(location)) : `sheets:${spreadsheetId}`;
}

/** Refuses, before a sync reads or commits anything, an .xlsx workbook it could not write back; a Google Sheet passes. */
export async function assertSyncable(location: string): Promise<void> {
  if (await spreadsheetIdOf(location) === null) await assertWorkbookWritable(location);
}

/** A one-line note when an .xlsx workbook is open in a spreadsheet program (what is read is the version last saved), or null. */
export async function openWorkbookNote(location: string): Promise<string | null> {
  if (await spreadsheetIdOf(location) !== null) return null;
  const open = await openInProgram(location);
  return open && `${location} is open in ${open.program}; checking the version last saved.`;
}
