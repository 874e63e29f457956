// Builds the bodies the sheet posts to onSheetEdit: one edit (functions/core/webhook/edit-payload.ts), or a check. No network.

/**
 * The body describing one edit, from the event of the installable onEdit trigger: exactly the fields onSheetEdit
 * accepts, `{spreadsheetId, tab, range, editor, oldValue, newValue}` (it refuses any other).
 * A single-cell edit carries its old and new value as text (null when the sheet gives none: the cell was empty).
 * A multi-cell edit (a paste, a fill, a cleared block: the event then has no value) carries null for both; the
 * function reads the block's new values from the sheet itself.
 * @param {Object} e the onEdit event (range, value, oldValue, user, source)
 * @return {Object}
 */
function editBody(e) {
  var range = e.range;
  var single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  return {
    spreadsheetId: spreadsheetIdOf(e),
    tab: range.getSheet().getName(),
    range: a1Notation(range),
    editor: editorEmail(e),
    oldValue: single ? cellText(e.oldValue) : null,
    newValue: single ? cellText(e.value !== undefined ? e.value : range.getDisplayValue()) : null,
  };
}

/**
 * The body of a "Check now" request: no edit, only the spreadsheet and who asked. onSheetEdit authenticates it like
 * an edit; a deployment whose onSheetEdit takes only edits answers 400, and `checkNow` says so.
 * @param {string} spreadsheetId
 * @param {string} editor the e-mail of who asked
 * @return {Object}
 */
function checkBody(spreadsheetId, editor) {
  return { check: true, spreadsheetId: spreadsheetId, editor: editor };
}

/**
 * The e-mail of who made the edit: `e.user`, else the active user. Never the effective user: an installable
 * trigger runs as whoever installed it, and that is not who edited. Google may leave it blank ('') for people
 * outside the script owner's Google Workspace domain; such an edit is posted with an empty editor, and onSheetEdit
 * commits it as "unattributed" (or holds it back: config access.unattributed).
 * @param {Object} e the onEdit event
 * @return {string}
 */
function editorEmail(e) {
  var email = '';
  if (e.user && typeof e.user.getEmail === 'function') email = e.user.getEmail() || '';
  if (email === '' && typeof Session !== 'undefined') email = Session.getActiveUser().getEmail() || '';
  return email;
}

/**
 * The range in plain A1 notation, `C5` or `B3:D7`, built from its corners: `getA1Notation()` says `A:A` or `3:3`
 * for whole columns and rows, which name no cells.
 * @param {Object} range
 * @return {string}
 */
function a1Notation(range) {
  var first = columnLetters(range.getColumn()) + range.getRow();
  if (range.getNumRows() === 1 && range.getNumColumns() === 1) return first;
  return first + ':' + columnLetters(range.getColumn() + range.getNumColumns() - 1) + (range.getRow() + range.getNumRows() - 1);
}

/** 1 → A, 27 → AA. */
function columnLetters(column) {
  var letters = '';
  for (var n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function spreadsheetIdOf(e) {
  if (e.source && typeof e.source.getId === 'function') return e.source.getId();
  return e.range.getSheet().getParent().getId();
}

function cellText(value) {
  if (value === undefined || value === null) return null;
  return String(value);
}
