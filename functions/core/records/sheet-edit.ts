// One edit a person made in the sheet, as the onSheetEdit webhook received it (`edits/{id}`): who, where, old and new.
import * as z from '../zod-mini.js';

/** Longest old or new value kept for an edit (a pasted block can hold a lot). */
export const EDIT_VALUE_MAX_LENGTH = 50_000;

/** An edit as stored: taken by the next sync of its workbook, which attributes, authorizes and settles it. */
export const sheetEditSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** The workbook the edit belongs to, as a sync names it (`sheets:<id>`, or an .xlsx path locally). */
  workbook: z.string().check(z.minLength(1)),
  spreadsheetId: z.string().check(z.minLength(1)),
  /** The tab's name as the sheet wrote it. */
  tab: z.string().check(z.minLength(1)),
  /** A1 notation of the edited cell or block, e.g. `C5` or `B3:D7`. */
  range: z.string().check(z.minLength(1)),
  /** 1-based row and column of the block's top-left cell. */
  row: z.int().check(z.gte(1)),
  column: z.int().check(z.gte(1)),
  /** The editor's e-mail address, lower-cased; empty when the sheet did not say (such an editor may change nothing). */
  editor: z.string(),
  /** The cell's value before and after (null when the sheet does not say: a multi-cell edit, a cleared cell). */
  oldValue: z.nullable(z.string().check(z.maxLength(EDIT_VALUE_MAX_LENGTH))),
  newValue: z.nullable(z.string().check(z.maxLength(EDIT_VALUE_MAX_LENGTH))),
  /** When the webhook received it (ISO 8601, UTC). */
  receivedAt: z.string(),
});

/** A recorded sheet edit. */
export type SheetEdit = z.infer<typeof sheetEditSchema>;

/** Orders edits as they were received (then by ID, so equal times have one order everywhere). */
export function compareEdits(a: SheetEdit, b: SheetEdit): number {
  return a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
