// The JSON body the Apps Script onEdit trigger posts to onSheetEdit, as a zod schema.
import * as z from '../zod-mini.js';
import { cellCount, parseA1Range, SHEET_LIMITS } from '../model/a1-range.js';
import { EDIT_VALUE_MAX_LENGTH } from '../records/sheet-edit.js';

const value = z._default(z.nullable(z.string().check(z.maxLength(EDIT_VALUE_MAX_LENGTH))), null);

/** A block of cells a spreadsheet can have: A1 notation within ZZZ and Google's last row, of at most 10 million cells. */
const rangeSchema = z.string().check(z.superRefine((text, context) => {
  const block = parseA1Range(text);
  if (block === null) context.addIssue({ code: 'custom', message: 'must be A1 notation such as C5 or B3:D7' });
  else if (cellCount(block) > SHEET_LIMITS.cells) {
    context.addIssue({ code: 'custom', message: `names more cells than a spreadsheet can hold (${SHEET_LIMITS.cells.toLocaleString('en-US')})` });
  }
}));

/**
 * `{"spreadsheetId","tab","range","editor","oldValue","newValue"}`: `range` in A1 notation (`C5`, `B3:D7`) of at most
 * 10 million cells (Google's limit for a whole spreadsheet: a larger range cannot be real), `editor`
 * the editing user's e-mail (`e.user.getEmail()`; empty when Google does not say: such an edit's change is committed as
 * unattributed, or held back), old and new values as text or null (the sheet gives none for a multi-cell edit).
 * Unknown fields are refused, so a typo in the script shows at once.
 */
export const editPayloadSchema = z.strictObject({
  spreadsheetId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a spreadsheet ID')),
  tab: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  range: rangeSchema,
  editor: z.string().check(
    z.trim(), z.toLowerCase(),
    z.refine((text) => text === '' || z.email().safeParse(text).success, 'must be an e-mail address, or empty when the sheet does not say'),
  ),
  oldValue: value,
  newValue: value,
});

/** A parsed onSheetEdit body. */
export type EditPayload = z.infer<typeof editPayloadSchema>;

/**
 * `{"check":true,"spreadsheetId","editor"}`: the menu's *Check now*. No cell changed, so nothing is recorded: the
 * sync refreshes Status, Findings and Dashboard and commits only what pending edits cover.
 */
export const checkPayloadSchema = z.strictObject({
  check: z.literal(true),
  spreadsheetId: editPayloadSchema.shape.spreadsheetId,
  editor: editPayloadSchema.shape.editor,
});

/** A parsed *Check now* body. */
export type CheckPayload = z.infer<typeof checkPayloadSchema>;
