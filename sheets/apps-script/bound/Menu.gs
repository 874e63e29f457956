// The script bound to the spreadsheet: the "CCEG IG" menu only. It holds no secret and signs nothing: every editor of
// the spreadsheet can open and change a bound script, so the edit trigger and its secret live in the standalone project.

/** Simple trigger: adds the menu when anyone opens the spreadsheet. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('CCEG IG')
    .addItem('Check now', 'menuCheckNow')
    .addItem('Draft update report', 'menuDraftUpdateReport')
    .addItem('Open audit log', 'menuOpenAuditLog')
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

/** The Script Property holding the audit function's URL (not a secret: the function takes only staff's ID tokens). */
var CCEG_AUDIT_URL_PROPERTY = 'CCEG_AUDIT_URL';

/**
 * Menu "Open audit log": how ICANN staff read it. The audit function takes only requests that carry a staff member's
 * Google ID token, which a plain link in a browser does not send, so the dialog gives the commands that do.
 */
function menuOpenAuditLog() {
  var ui = SpreadsheetApp.getUi();
  var url = PropertiesService.getScriptProperties().getProperty(CCEG_AUDIT_URL_PROPERTY);
  if (!url) {
    ui.alert('CCEG IG', 'The audit log\'s address is not set (Script Property ' + CCEG_AUDIT_URL_PROPERTY + ').', ui.ButtonSet.OK);
    return;
  }
  ui.showModalDialog(HtmlService.createHtmlOutput(auditDialogHtml(url)).setWidth(640).setHeight(340), 'CCEG IG audit log');
}

/** The audit dialog: what the log holds and the commands that read it. */
function auditDialogHtml(url) {
  var base = String(url).replace(/[?#].*$/, '');
  var escape = function (text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  };
  var curl = function (query) {
    return '<code>curl -H "Authorization: Bearer $(gcloud auth print-identity-token)" "' + escape(base + query) + '"</code>';
  };
  return '<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">' +
    '<p>The audit log keeps every accepted and refused change: who, when, before and after, hash-chained so that ' +
    'any later alteration shows. ICANN staff on the allow-list read it with their Google identity, from a terminal ' +
    'where <code>gcloud</code> is signed in:</p>' +
    '<p>List it (add <code>&amp;since=2025-01-01</code>, <code>&amp;actor=EMAIL</code> or <code>&amp;entity=Roster/P-0001</code> to filter):<br>' + curl('?action=list') + '</p>' +
    '<p>Verify the chain:<br>' + curl('?action=verify') + '</p>' +
    '<p>Or, with access to the project\'s Firestore: <code>cceg audit list --store firestore</code>.</p>' +
    '</div>';
}
