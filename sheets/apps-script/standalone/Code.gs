// The staff's standalone project: the installable edit trigger of the group's spreadsheet, and a check on demand.
// Editors of the spreadsheet can neither open nor change this project, so the secret in its Script Properties stays with staff.

var CCEG_EDIT_HANDLER = 'onEditInstalled';
/** Script Property naming who installed the edit trigger: each installer's trigger would post every edit once more. */
var CCEG_TRIGGER_OWNER_PROPERTY = 'CCEG_TRIGGER_INSTALLED_BY';

/**
 * The installable onEdit trigger of the spreadsheet (`installTriggers`): posts the edit, signed, to onSheetEdit. It runs
 * as the account that installed it, whoever edits. Never throws (a failure is logged), so nobody typing is interrupted.
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

/**
 * Creates the installable onEdit trigger for the spreadsheet of CCEG_SPREADSHEET_ID, once: running it again changes
 * nothing, and another account is told who installed it (two installers would post every edit twice).
 */
function installTriggers() {
  var properties = PropertiesService.getScriptProperties();
  var spreadsheetId = properties.getProperty(CCEG_PROPERTIES.spreadsheetId);
  if (!spreadsheetId) {
    report('Set the Script Property ' + CCEG_PROPERTIES.spreadsheetId + ' to the spreadsheet\'s ID first; nothing was installed.');
    return;
  }
  var me = Session.getEffectiveUser().getEmail() || '';
  var owner = properties.getProperty(CCEG_TRIGGER_OWNER_PROPERTY);
  var mine = editTriggers().filter(function (trigger) {
    return trigger.getTriggerSourceId() === spreadsheetId;
  });
  if (mine.length === 0 && owner && owner !== me) {
    report('The edit trigger is already installed by ' + owner + '. Ask them (or run uninstallTriggers as them) before installing it as ' + me + '.');
    return;
  }
  if (mine.length === 0) {
    ScriptApp.newTrigger(CCEG_EDIT_HANDLER).forSpreadsheet(spreadsheetId).onEdit().create();
  }
  properties.setProperty(CCEG_TRIGGER_OWNER_PROPERTY, me);
  var settings = webhookSettings();
  report((mine.length === 0 ? 'Installed' : 'Already installed') + ': every edit of spreadsheet ' + spreadsheetId +
    ' is now sent to CCEG IG Ops, naming its editor (the trigger runs with the authorization of ' + me + ').' +
    (settings === null ? ' Set the Script Properties ' + CCEG_PROPERTIES.functionUrl + ' and ' + CCEG_PROPERTIES.secret + ' before it can send anything.' : ''));
}

/** Removes this account's edit triggers (whatever spreadsheet they are for), and the record of who installed them. */
function uninstallTriggers() {
  editTriggers().forEach(function (trigger) {
    ScriptApp.deleteTrigger(trigger);
  });
  var properties = PropertiesService.getScriptProperties();
  if (properties.getProperty(CCEG_TRIGGER_OWNER_PROPERTY) === (Session.getEffectiveUser().getEmail() || '')) {
    properties.deleteProperty(CCEG_TRIGGER_OWNER_PROPERTY);
  }
  report('Removed your edit trigger.');
}

/**
 * Asks onSheetEdit to check the whole sheet now, without an edit: Status, Findings and Dashboard follow. Staff run it
 * from the editor (the sheet's menu cannot: it holds no key). The request is signed and names the account running it.
 * @return {{ok: boolean, status: number, text: string}} what onSheetEdit answered
 */
function checkNow() {
  var spreadsheetId = PropertiesService.getScriptProperties().getProperty(CCEG_PROPERTIES.spreadsheetId);
  if (!spreadsheetId) {
    report('Set the Script Property ' + CCEG_PROPERTIES.spreadsheetId + ' to the spreadsheet\'s ID first; nothing was sent.');
    return { ok: false, status: 0, text: '' };
  }
  var result = postToFunction(checkBody(spreadsheetId, Session.getEffectiveUser().getEmail() || ''));
  if (result.ok) report('Checked. Each row\'s Status and the Findings tab say what is wrong, if anything.');
  else if (result.status === 400) report('This deployment of CCEG IG Ops does not take "Check now" requests: it checks the whole sheet after every edit and in the daily run.');
  else report('The check could not run (' + (result.status || 'no answer') + '): ' + result.text.slice(0, 300));
  return result;
}

/** This account's triggers that run onEditInstalled. */
function editTriggers() {
  return ScriptApp.getProjectTriggers().filter(function (trigger) {
    return trigger.getHandlerFunction() === CCEG_EDIT_HANDLER;
  });
}

/** A line in the execution log: a standalone project has no spreadsheet UI to show it in. */
function report(message) {
  console.log('CCEG IG: ' + message);
}
