// The script bound to the spreadsheet: the "CCEG IG" menu only. It holds no secret and signs nothing: every editor of
// the spreadsheet can open and change a bound script, so the edit trigger and its secret live in the standalone project.
// The menu's requests carry the user's own Google ID token (ScriptApp.getIdentityToken, the openid scope): the audit and
// calendar functions decide from it what this user may see.

/** Simple trigger: adds the menu when anyone opens the spreadsheet. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('CCEG IG')
    .addItem('Check now', 'menuCheckNow')
    .addItem('Draft update report', 'menuDraftUpdateReport')
    .addItem('Open audit log', 'menuOpenAuditLog')
    .addItem('History of this row', 'menuHistoryOfThisRow')
    .addItem('Subscribe to the calendar', 'menuSubscribeToCalendar')
    .addToUi();
}

/**
 * Menu "Check now": says when the sheet is checked, and how staff check it at once. It cannot ask for a check itself:
 * a request must be signed, and the key that signs lives only in the staff's standalone project (a bound script is
 * open to every editor). Nor can it nudge that project: changes made by a script never fire an edit trigger.
 */
function menuCheckNow() {
  var ui = SpreadsheetApp.getUi();
  ui.alert('CCEG IG: Check now',
    'The whole sheet is checked within seconds of every edit: each row\'s Status and the Findings and Dashboard ' +
    'tabs are rewritten each time. The daily run (06:00 UTC) checks it again.\n\n' +
    'To check it now without changing anything, ask ICANN staff: they run checkNow in the CCEG IG Ops signing ' +
    'project (script.google.com). This menu cannot do it, because it must not hold the key that signs requests.',
    ui.ButtonSet.OK);
}

/**
 * Menu "Draft update report": says what happens, honestly. The daily run drafts the update report itself, once,
 * when it falls due before an ICANN meeting (reports.draftDays in the charter settings); this item drafts nothing.
 */
function menuDraftUpdateReport() {
  var ui = SpreadsheetApp.getUi();
  ui.alert('CCEG IG: update report',
    'The update report is not drafted from this menu. The daily run (06:00 UTC) drafts it in Google Drive when it ' +
    'falls due: with the shipped settings three weeks before each ICANN meeting, one week before the charter wants ' +
    'it sent (two weeks before the meeting, §3). It is drafted once; later runs update the same document.\n\n' +
    'Keep the Meetings tab and the work plan current, and fix what the Findings tab lists: the report is ' +
    'made from the saved rows.', ui.ButtonSet.OK);
}

/** The Script Properties holding the audit and calendar functions' URLs (not secrets: the functions check who asks). */
var CCEG_AUDIT_URL_PROPERTY = 'CCEG_AUDIT_URL';
var CCEG_CALENDAR_URL_PROPERTY = 'CCEG_CALENDAR_URL';
/** The tabs CCEG IG Ops rewrites on every check: their rows are no records and have no history. */
var CCEG_SYSTEM_TABS = ['Findings', 'Dashboard'];
/** The headers of the column that names a row's record: ID, or Code on the Organizations tab. */
var CCEG_ID_HEADERS = ['ID', 'Code'];

/** Menu "Open audit log": a link to the audit page (the whole log), for ICANN staff on the allow-list. */
function menuOpenAuditLog() {
  openAuditPage(null);
}

/** Menu "History of this row": a link to the audit page of the selected row's record (`Tab/ID`), for ICANN staff. */
function menuHistoryOfThisRow() {
  var ui = SpreadsheetApp.getUi();
  var row = activeRowEntity();
  if (row.problem) {
    ui.alert('CCEG IG: history of this row', row.problem, ui.ButtonSet.OK);
    return;
  }
  openAuditPage(row.entity);
}

/** The selected row's record as `{ entity: 'Tab/ID' }`, or `{ problem }` saying why it has none. */
function activeRowEntity() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var name = sheet.getName();
  if (CCEG_SYSTEM_TABS.indexOf(name) >= 0) {
    return { problem: 'The ' + name + ' tab is rewritten by CCEG IG Ops on every check: its rows have no history. Select a row of a tab such as Roster or Papers.' };
  }
  var range = sheet.getActiveRange();
  var rowNumber = range ? range.getRow() : 0;
  if (rowNumber < 2) return { problem: 'Select a cell in a row below the header first.' };
  var lastColumn = sheet.getLastColumn();
  var headers = lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getDisplayValues()[0] : [];
  var column = -1;
  for (var h = 0; h < CCEG_ID_HEADERS.length && column < 0; h++) {
    for (var c = 0; c < headers.length && column < 0; c++) if (String(headers[c]).trim() === CCEG_ID_HEADERS[h]) column = c;
  }
  if (column < 0) return { problem: 'The ' + name + ' tab has no ID column, so its rows have no history.' };
  var id = String(sheet.getRange(rowNumber, column + 1).getDisplayValue()).trim();
  if (!id) {
    return { problem: 'Row ' + rowNumber + ' of ' + name + ' has no ID yet. It gets one when the sheet is next checked (within seconds of an edit); its history starts then.' };
  }
  return { entity: name + '/' + id };
}

/** Asks the audit function for a 10-minute link to its page (opening on `entity`, or the whole log) and shows it. */
function openAuditPage(entity) {
  var ui = SpreadsheetApp.getUi();
  var title = entity ? 'CCEG IG: history of ' + entity : 'CCEG IG audit log';
  var url = PropertiesService.getScriptProperties().getProperty(CCEG_AUDIT_URL_PROPERTY);
  if (!url) {
    ui.alert(title, 'The audit log\'s address is not set (Script Property ' + CCEG_AUDIT_URL_PROPERTY + '): ask ICANN staff.', ui.ButtonSet.OK);
    return;
  }
  var answer = fetchWithIdentity(baseUrl(url) + '?action=link' + (entity ? '&entity=' + encodeURIComponent(entity) : ''));
  if (answer.status === 200 && answer.body && isHttpsUrl(answer.body.url)) {
    var what = entity ? 'the history of ' + entity : 'the audit log';
    ui.showModalDialog(HtmlService.createHtmlOutput(linkDialogHtml(answer.body.url, 'Open ' + what, 'The link works for 10 minutes and only for you; ' +
      'open it again from this menu later.')).setWidth(460).setHeight(170), title);
    return;
  }
  var reason = answer.status === 403 ? 'Only ICANN staff on the allow-list can read the audit log. '
    : answer.status === 401 ? 'The audit function did not accept your Google identity. ' : '';
  ui.alert(title, reason + answerMessage(answer), ui.ButtonSet.OK);
}

/** Menu "Subscribe to the calendar": the deadlines feed of the user's organization, when they may see one. */
function menuSubscribeToCalendar() {
  var ui = SpreadsheetApp.getUi();
  var title = 'CCEG IG: subscribe to the calendar';
  var url = PropertiesService.getScriptProperties().getProperty(CCEG_CALENDAR_URL_PROPERTY);
  if (!url) {
    ui.alert(title, 'The calendar\'s address is not set (Script Property ' + CCEG_CALENDAR_URL_PROPERTY + '): ask ICANN staff.', ui.ButtonSet.OK);
    return;
  }
  var answer = fetchWithIdentity(baseUrl(url) + '?action=subscribe');
  if (answer.status === 200 && answer.body && isHttpsUrl(answer.body.url)) {
    ui.showModalDialog(HtmlService.createHtmlOutput(calendarDialogHtml(answer.body.url, answer.body.audience)).setWidth(560).setHeight(260), title);
    return;
  }
  var reason = answer.status === 404 ? 'There is no calendar feed for you. '
    : answer.status === 401 || answer.status === 403 ? 'The calendar did not accept your Google identity. ' : '';
  ui.alert(title, reason + answerMessage(answer), ui.ButtonSet.OK);
}

/** The URL without its query or fragment. */
function baseUrl(url) {
  return String(url).replace(/[?#].*$/, '');
}

function isHttpsUrl(url) {
  return typeof url === 'string' && /^https:\/\/[^\s"'<>]+$/.test(url);
}

/**
 * GETs `url` with the user's Google ID token (`Authorization: Bearer`); answers `{ status, body }` (body: the parsed
 * JSON or null), status 0 when there is no token or the request could not be sent, with `problem` saying why.
 */
function fetchWithIdentity(url) {
  var token = ScriptApp.getIdentityToken();
  if (!token) {
    return { status: 0, body: null, problem: 'Google gave this menu no identity token: reload the spreadsheet and allow CCEG IG the access it asks for.' };
  }
  var response;
  try {
    response = UrlFetchApp.fetch(url, { method: 'get', headers: { Authorization: 'Bearer ' + token }, muteHttpExceptions: true });
  } catch (error) {
    return { status: 0, body: null, problem: 'The request could not be sent (' + (error && error.message ? error.message : error) + '); try again in a minute.' };
  }
  var body = null;
  try {
    body = JSON.parse(response.getContentText());
  } catch (notJson) {
    body = null;
  }
  return { status: response.getResponseCode(), body: body };
}

/** What an answer that is no success says: its `error` (text, or `{ message }`), or its status. */
function answerMessage(answer) {
  if (answer.problem) return answer.problem;
  var error = answer.body && answer.body.error;
  if (error && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  return 'The function answered HTTP ' + answer.status + '.';
}

/** Text made safe to show in HTML, in an element or an attribute. */
function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A string as a JavaScript literal that cannot end the script element it sits in. */
function scriptString(text) {
  return JSON.stringify(String(text)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A dialog with a link that opens in a new tab. The dialog is a sandboxed iframe: links must target _blank, and a
 * window.open without a click may be blocked as a popup, so the link is there to click when it is.
 */
function linkDialogHtml(url, label, note) {
  return '<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">' +
    '<p><a href="' + escapeHtml(url) + '" target="_blank" rel="noopener">' + escapeHtml(label) + '</a> (opens in a new tab)</p>' +
    '<p>' + escapeHtml(note) + '</p></div>' +
    '<script>window.open(' + scriptString(url) + ', "_blank", "noopener");</script>';
}

/** The calendar dialog: the feed's address to paste into a calendar app, and its webcal:// form to click. */
function calendarDialogHtml(url, audience) {
  var webcal = url.replace(/^https:\/\//, 'webcal://');
  return '<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">' +
    '<p>The deadlines' + (audience ? ' for <b>' + escapeHtml(audience) + '</b>' : '') + ' as a calendar feed. In Google Calendar: ' +
    '<i>Other calendars → From URL</i>, and paste:</p>' +
    '<p><input readonly style="width:100%" value="' + escapeHtml(url) + '"></p>' +
    '<p>Or <a href="' + escapeHtml(webcal) + '" target="_blank" rel="noopener">subscribe with your calendar app</a> (' + escapeHtml(webcal) + ').</p>' +
    '<p>The address is a key to this feed: do not share it.</p></div>';
}
