// The one mapping of Google API failures to stable fault codes, and how each failure is classed for retries.
import { describe, expect, it } from 'vitest';
import { CcegError } from '../../../functions/core/errors.js';
import { ADC_LOGIN_COMMAND, googleApiFault, googleFailureOf } from '../../../functions/adapters/google/google-errors.js';
import { googleError, networkError } from '../../support/fake-google/google-error.js';

const sheet = { label: 'sheets:1AbCdEfGhIj', noun: 'spreadsheet' };

describe('googleApiFault', () => {
  it.each([
    ['a 404', googleError(404, { status: 'NOT_FOUND' }), 'NOT_FOUND', 'sheets:1AbCdEfGhIj: no such spreadsheet, or no access to it.'],
    ['a 403', googleError(403, { status: 'PERMISSION_DENIED', message: 'The caller does not have permission' }), 'PERMISSION_DENIED',
      'sheets:1AbCdEfGhIj: permission denied; share the spreadsheet with the account cceg runs as (its Application Default Credentials), as an editor.'],
    ['a 401', googleError(401, { status: 'UNAUTHENTICATED' }), 'GOOGLE_AUTH',
      `sheets:1AbCdEfGhIj: Google refused the credentials (401); run \`${ADC_LOGIN_COMMAND}\` or set GOOGLE_APPLICATION_CREDENTIALS.`],
    ['a 429', googleError(429, { status: 'RESOURCE_EXHAUSTED' }), 'RATE_LIMITED', "sheets:1AbCdEfGhIj: Google's rate limit was still exceeded (429); wait a minute and run again."],
    ['a 503', googleError(503, { status: 'UNAVAILABLE' }), 'GOOGLE_UNAVAILABLE', 'sheets:1AbCdEfGhIj: Google answered 503 UNAVAILABLE; try again later.'],
    ['a 400', googleError(400, { status: 'INVALID_ARGUMENT', message: 'Unable to parse range: Nope!A1' }), 'GOOGLE_API',
      'sheets:1AbCdEfGhIj: Google refused the request (400 INVALID_ARGUMENT: Unable to parse range: Nope!A1).'],
    ['a refused connection', networkError('ECONNREFUSED'), 'GOOGLE_UNAVAILABLE', 'sheets:1AbCdEfGhIj: cannot reach Google (ECONNREFUSED); check the network and run again.'],
  ])('turns %s into %s with one clear line', (_what, error, code, message) => {
    const fault = googleApiFault(error, sheet);
    expect(fault).toBeInstanceOf(CcegError);
    expect(fault).toMatchObject({ code, message, cause: error });
  });

  it('says that the Sheets API is not enabled, in Google\'s words', () => {
    const error = googleError(403, { status: 'PERMISSION_DENIED', reason: 'SERVICE_DISABLED', message: 'Google Sheets API has not been used in project 42 before or it is disabled.\nEnable it.' });
    expect(googleApiFault(error, sheet)).toMatchObject({
      code: 'GOOGLE_API', message: 'sheets:1AbCdEfGhIj: Google Sheets API has not been used in project 42 before or it is disabled. Enable it',
    });
  });

  it('turns a token without the Sheets or Drive scope (ACCESS_TOKEN_SCOPE_INSUFFICIENT) into the full login command, not "share the spreadsheet"', () => {
    const error = googleError(403, { status: 'PERMISSION_DENIED', reason: 'insufficientPermissions', message: 'Request had insufficient authentication scopes.' });
    const body = (error as Error & { response: { data: { error: { details?: unknown[] } } } }).response.data.error;
    body.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com' }];
    const fault = googleApiFault(error, sheet);
    expect(fault).toMatchObject({ code: 'GOOGLE_AUTH' });
    expect((fault as Error).message).toContain(`run \`${ADC_LOGIN_COMMAND}\``);
    expect((fault as Error).message).not.toMatch(/share the/);
  });

  it('gives the login command with every scope cceg needs: gcloud\'s defaults, then Sheets and Drive', () => {
    expect(ADC_LOGIN_COMMAND).toBe('gcloud auth application-default login --scopes=openid,https://www.googleapis.com/auth/userinfo.email,' +
      'https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/spreadsheets,https://www.googleapis.com/auth/drive');
  });

  it('names the missing Application Default Credentials', () => {
    const error = new Error('Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication/getting-started for more information.');
    expect(googleApiFault(error, sheet)).toMatchObject({ code: 'GOOGLE_AUTH', message: expect.stringContaining('gcloud auth application-default login') });
  });

  it('names the kind of thing that is missing', () => {
    expect(googleApiFault(googleError(404), { label: 'drive:folder-1', noun: 'Drive folder' })).toMatchObject({
      message: 'drive:folder-1: no such Drive folder, or no access to it.',
    });
  });

  it('lets CcegErrors and programming faults through unchanged', () => {
    const coded = new CcegError('BAD_OPTION', 'nope');
    const bug = new TypeError('undefined is not a function');
    expect(googleApiFault(coded, sheet)).toBe(coded);
    expect(googleApiFault(bug, sheet)).toBe(bug);
  });
});

describe('googleFailureOf', () => {
  it.each([
    ['a 429', googleError(429), 'rate-limit'],
    ['a 403 for the rate', googleError(403, { reason: 'rateLimitExceeded' }), 'rate-limit'],
    ['a 500', googleError(500), 'transient'],
    ['a 503', googleError(503), 'transient'],
    ['a reset connection', networkError('ECONNRESET'), 'transient'],
    ['a 400', googleError(400), 'permanent'],
    ['a 403', googleError(403), 'permanent'],
    ['a 404', googleError(404), 'permanent'],
  ])('classes %s as %s', (_what, error, kind) => {
    expect(googleFailureOf(error)?.kind).toBe(kind);
  });

  it('does not class an error that is not Google\'s', () => {
    expect(googleFailureOf(new RangeError('bad index'))).toBeNull();
    expect(googleFailureOf('text')).toBeNull();
  });
});
