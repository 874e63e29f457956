// The JSON body the Apps Script onEdit trigger posts to onSheetEdit, as a zod schema.
import { z } from 'zod';
import { cellCount, parseA1Range, SHEET_LIMITS } from '../model/a1-range.js';
import { EDIT_VALUE_MAX_LENGTH } from '../records/sheet-edit.js';

const value = z.string().max(EDIT_VALUE_MAX_LENGTH).nullable().default(null);

/** A block of cells a spreadsheet can have: A1 notation within ZZZ and Google's last row, of at most 10 million cells. */
const rangeSchema = z.string().superRefine((text, context) => {
  const block = parseA1Range(text);
  if (block === null) context.addIssue({ code: 'custom', message: 'must be A1 notation such as C5 or B3:D7' });
  else if (cellCount(block) > SHEET_LIMITS.cells) {
    context.addIssue({ code: 'custom', message: `names more cells than a spreadsheet can hold (${SHEET_LIMITS.cells.toLocaleString('en-US')})` });
  }
});

/**
 * `{"spreadsheetId","tab","range","editor","oldValue","newValue"}`: `range` in A1 notation (`C5`, `B3:D7`) of at most
 * 10 million cells (Google's limit for a whole spreadsheet: a larger range cannot be real), `editor`
 * the editing user's e-mail (`e.user.getEmail()`; empty when Google does not say: such an edit's change is committed as
 * unattributed, or held back), old and new values as text or null (the sheet gives none for a multi-cell edit).
 * Unknown fields are refused, so a typo in the script shows at once.
 */
export const editPayloadSchema = z.object({
  spreadsheetId: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a spreadsheet ID'),
  tab: z.string().trim().min(1).max(200),
  range: rangeSchema,
  editor: z.string().trim().toLowerCase().refine((text) => text === '' || z.email().safeParse(text).success, 'must be an e-mail address, or empty when the sheet does not say'),
  oldValue: value,
  newValue: value,
}).strict();

/** A parsed onSheetEdit body. */
export type EditPayload = z.infer<typeof editPayloadSchema>;

/**
 * `{"check":true,"spreadsheetId","editor"}`: the menu's *Check now*. No cell changed, so nothing is recorded: the
 * sync refreshes Status, Findings and Dashboard and commits only what pending edits cover.
 */
export const checkPayloadSchema = z.object({
  check: z.literal(true),
  spreadsheetId: editPayloadSchema.shape.spreadsheetId,
  editor: editPayloadSchema.shape.editor,
}).strict();

/** A parsed *Check now* body. */
export type CheckPayload = z.infer<typeof checkPayloadSchema>;
