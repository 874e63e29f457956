// The sheet's side of CCEG IG Ops: the "CCEG IG" menu, the installable onEdit trigger, and installing it once.

var CCEG_EDIT_HANDLER = 'onEditInstalled';
/** Script Property naming who installed the edit trigger: each installer's trigger would post every edit once more. */
var CCEG_TRIGGER_OWNER_PROPERTY = 'CCEG_TRIGGER_INSTALLED_BY';

/** Simple trigger: adds the menu when anyone opens the spreadsheet. */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('CCEG IG')
    .addItem('Check now', 'menuCheckNow')
    .addItem('Draft update report', 'menuDraftUpdateReport')
    .addItem('Open audit log', 'menuOpenAuditLog')
    .addSeparator()
    .addItem('Install the edit trigger (once, by staff)', 'installTriggers')
    .addToUi();
}

/**
 * The installable onEdit trigger: posts the edit, signed, to onSheetEdit. Never throws (a failure is logged), so
 * the person typing is never interrupted.
 * @param {Object} e the edit event
 */
function onEditInstalled(e) {
  try {
    if (!e || !e.range) return;
    var body = editBody(e);
    if (body.editor === '') {
      // Still sent: onSheetEdit commits it as "unattributed" with a warning (or holds it back, by the group's config).
      console.warn('CCEG IG: Google did not say who edited ' + body.tab + '!' + body.range +
        ' (someone outside the script owner\'s Google Workspace domain?); it is sent with no editor.');
    }
    postToFunction(body);
  } catch (error) {
    console.error('CCEG IG: could not report an edit: ' + (error && error.stack ? error.stack : error));
  }
}

/** Menu "Check now": asks onSheetEdit to check the whole sheet now; Status, Findings and Dashboard follow. */
function menuCheckNow() {
  var ui = SpreadsheetApp.getUi();
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var me = Session.getActiveUser().getEmail() || '';
  if (me === '') {
    ui.alert('CCEG IG', 'Google does not tell this script who you are, so it cannot ask for a check on your behalf. ' +
      'The sheet is checked after every edit and by the daily run.', ui.ButtonSet.OK);
    return;
  }
  spreadsheet.toast('Checking the sheet against the charter…', 'CCEG IG', 5);
  var result = postToFunction(checkBody(spreadsheet.getId(), me));
  if (result.ok) {
    spreadsheet.toast('Checked. Each row\'s Status and the Findings tab say what is wrong, if anything.', 'CCEG IG', 10);
  } else if (result.status === 400) {
    ui.alert('CCEG IG', 'This deployment of CCEG IG Ops does not take "Check now" requests: it checks the whole ' +
      'sheet after every edit and in the daily run, and each row\'s Status and the Findings tab show the result.', ui.ButtonSet.OK);
  } else {
    ui.alert('CCEG IG', 'The check could not run (' + (result.status || 'no answer') + '): ' + result.text.slice(0, 300) +
      '\n\nYour edits are kept. If this persists, tell ICANN staff.', ui.ButtonSet.OK);
  }
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

/**
 * Menu "Open audit log": how ICANN staff read it. The audit function takes only requests that carry a staff member's
 * Google ID token, which a plain link in a browser does not send, so the dialog gives the commands that do.
 */
function menuOpenAuditLog() {
  var ui = SpreadsheetApp.getUi();
  var url = PropertiesService.getScriptProperties().getProperty(CCEG_PROPERTIES.auditUrl);
  if (!url) {
    ui.alert('CCEG IG', 'The audit log\'s address is not set (Script Property ' + CCEG_PROPERTIES.auditUrl + ').', ui.ButtonSet.OK);
    return;
  }
  ui.showModalDialog(HtmlService.createHtmlOutput(auditDialogHtml(url)).setWidth(640).setHeight(340), 'CCEG IG audit log');
}

/**
 * Creates the installable onEdit trigger for this spreadsheet, once: running it again changes nothing, and
 * another account is told who installed it (two installers would post every edit twice).
 */
function installTriggers() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var properties = PropertiesService.getScriptProperties();
  var me = Session.getEffectiveUser().getEmail() || '';
  var owner = properties.getProperty(CCEG_TRIGGER_OWNER_PROPERTY);
  var mine = ScriptApp.getProjectTriggers().filter(function (trigger) {
    return trigger.getHandlerFunction() === CCEG_EDIT_HANDLER && trigger.getTriggerSourceId() === spreadsheet.getId();
  });
  if (mine.length === 0 && owner && owner !== me) {
    notify('The edit trigger is already installed by ' + owner + '. Ask them (or run uninstallTriggers as them) before installing it as ' + me + '.');
    return;
  }
  if (mine.length === 0) {
    ScriptApp.newTrigger(CCEG_EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
  }
  properties.setProperty(CCEG_TRIGGER_OWNER_PROPERTY, me);
  var settings = webhookSettings();
  notify((mine.length === 0 ? 'Installed' : 'Already installed') + ': every edit is now sent to CCEG IG Ops, naming its editor ' +
    '(the trigger runs with the authorization of ' + me + ').' +
    (settings === null ? ' Set the Script Properties ' + CCEG_PROPERTIES.functionUrl + ' and ' + CCEG_PROPERTIES.secret + ' before it can send anything.' : ''));
}

/** Removes this account's edit triggers for this spreadsheet (and the record of who installed them). */
function uninstallTriggers() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.getProjectTriggers().forEach(function (trigger) {
    if (trigger.getHandlerFunction() === CCEG_EDIT_HANDLER && trigger.getTriggerSourceId() === spreadsheet.getId()) ScriptApp.deleteTrigger(trigger);
  });
  var properties = PropertiesService.getScriptProperties();
  if (properties.getProperty(CCEG_TRIGGER_OWNER_PROPERTY) === (Session.getEffectiveUser().getEmail() || '')) {
    properties.deleteProperty(CCEG_TRIGGER_OWNER_PROPERTY);
  }
  notify('Removed your edit trigger for this spreadsheet.');
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

/** A message in a dialog when there is a UI (menu, editor run), else in the log (trigger, API run). */
function notify(message) {
  try {
    SpreadsheetApp.getUi().alert('CCEG IG', message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch (error) {
    console.log('CCEG IG: ' + message);
  }
}
