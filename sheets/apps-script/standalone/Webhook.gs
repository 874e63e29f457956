// Posts a body to onSheetEdit, signed with the secret of the Script Properties; logs failures and never throws.

/** The Script Properties this project reads (shared by every user of the project: share it with staff only). */
var CCEG_PROPERTIES = {
  secret: 'CCEG_WEBHOOK_SECRET',
  functionUrl: 'CCEG_FUNCTION_URL',
  spreadsheetId: 'CCEG_SPREADSHEET_ID',
};

/**
 * The function's URL and the shared secret from the Script Properties, or null (logged) when one is missing.
 * @return {?{url: string, secret: string}}
 */
function webhookSettings() {
  var properties = PropertiesService.getScriptProperties();
  var url = properties.getProperty(CCEG_PROPERTIES.functionUrl);
  var secret = properties.getProperty(CCEG_PROPERTIES.secret);
  if (!url || !secret) {
    console.error('CCEG IG: set the Script Properties ' + CCEG_PROPERTIES.functionUrl + ' and ' + CCEG_PROPERTIES.secret +
      ' (Project Settings > Script Properties); nothing was sent.');
    return null;
  }
  return { url: url, secret: secret };
}

/**
 * Signs and posts `body`. Never throws: a missing setting, a network failure or a refusal is logged with
 * console.error (Executions, and Cloud Logging) and reported in the result, so an edit is never blocked.
 * @param {Object} body from editBody or checkBody
 * @return {{ok: boolean, status: number, text: string}} status 0 when nothing was sent or no answer came
 */
function postToFunction(body) {
  var settings = webhookSettings();
  if (settings === null) return { ok: false, status: 0, text: 'The script is not set up: see the Script Properties.' };
  try {
    var request = signedRequest(settings.url, settings.secret, body, new Date(), newNonce());
    var response = UrlFetchApp.fetch(request.url, request.params);
    var status = response.getResponseCode();
    var text = response.getContentText();
    if (status < 200 || status >= 300) console.error('CCEG IG: onSheetEdit answered ' + status + ': ' + text.slice(0, 500));
    return { ok: status >= 200 && status < 300, status: status, text: text };
  } catch (error) {
    console.error('CCEG IG: could not post to onSheetEdit: ' + (error && error.stack ? error.stack : error));
    return { ok: false, status: 0, text: String(error && error.message ? error.message : error) };
  }
}
