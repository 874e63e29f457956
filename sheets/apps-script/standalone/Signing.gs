// Signs the requests the sheet sends to onSheetEdit: pure functions over Utilities, run as-is by the Node test.

/**
 * The headers onSheetEdit reads, as functions/core/webhook/signature.ts names them (test/sheets holds both to it).
 */
var CCEG_SIGNATURE_HEADERS = {
  timestamp: 'X-CCEG-Timestamp',
  nonce: 'X-CCEG-Nonce',
  signature: 'X-CCEG-Signature',
};

/**
 * The text that is signed: the timestamp and the nonce exactly as sent in the headers, then the exact body text,
 * joined by one `.` each.
 * @param {string} timestamp whole seconds since 1970-01-01T00:00:00Z, in decimal
 * @param {string} nonce a value never sent before
 * @param {string} body the request body, exactly as it is sent
 * @return {string}
 */
function stringToSign(timestamp, nonce, body) {
  return timestamp + '.' + nonce + '.' + body;
}

/**
 * The X-CCEG-Signature of a request: `sha256=` and the HMAC-SHA256 of `stringToSign` keyed with the shared secret
 * (both as UTF-8), as 64 lowercase hex digits.
 * @param {string} secret the shared secret (Script Property CCEG_WEBHOOK_SECRET)
 * @param {string} timestamp seconds since the epoch, in decimal
 * @param {string} nonce from `newNonce()`
 * @param {string} body the exact body text
 * @return {string} `sha256=` and 64 hex digits
 */
function signRequest(secret, timestamp, nonce, body) {
  var bytes = Utilities.computeHmacSha256Signature(stringToSign(timestamp, nonce, body), secret, Utilities.Charset.UTF_8);
  return 'sha256=' + bytesToHex(bytes);
}

/**
 * A fresh nonce: a random UUID (36 letters, digits and `-`; the function takes 16 to 128 of `A-Z a-z 0-9 _ -`).
 * @return {string}
 */
function newNonce() {
  return Utilities.getUuid();
}

/**
 * Lowercase hex of a byte array. Apps Script's bytes are signed (-128..127), hence the `& 0xff`.
 * @param {number[]} bytes
 * @return {string}
 */
function bytesToHex(bytes) {
  var hex = '';
  for (var i = 0; i < bytes.length; i++) {
    var value = bytes[i] & 0xff;
    hex += (value < 16 ? '0' : '') + value.toString(16);
  }
  return hex;
}

/**
 * JSON with every non-ASCII character written as a \u escape: the body is then the same bytes in any charset, so
 * what UrlFetchApp sends is exactly what was signed, whatever encoding it picks.
 * @param {*} value
 * @return {string}
 */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (char) {
    return '\\u' + ('0000' + char.charCodeAt(0).toString(16)).slice(-4);
  });
}

/**
 * The UrlFetchApp request that posts `body` to the function, signed.
 * @param {string} url the onSheetEdit URL (Script Property CCEG_FUNCTION_URL)
 * @param {string} secret the shared secret
 * @param {Object} body what to send; serialized once, and those exact bytes are signed and sent
 * @param {Date} now the signing time
 * @param {string} nonce from `newNonce()`
 * @return {{url: string, params: Object}} the arguments of UrlFetchApp.fetch
 */
function signedRequest(url, secret, body, now, nonce) {
  var text = asciiJson(body);
  var timestamp = String(Math.floor(now.getTime() / 1000));
  var headers = {};
  headers[CCEG_SIGNATURE_HEADERS.timestamp] = timestamp;
  headers[CCEG_SIGNATURE_HEADERS.nonce] = nonce;
  headers[CCEG_SIGNATURE_HEADERS.signature] = signRequest(secret, timestamp, nonce, text);
  return {
    url: url,
    params: {
      method: 'post',
      contentType: 'application/json',
      payload: text,
      headers: headers,
      muteHttpExceptions: true,
      followRedirects: false,
    },
  };
}
