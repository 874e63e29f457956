// Credentials that lack the Sheets and Drive scopes: Google's 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT, through the CLI.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADC_LOGIN_COMMAND } from '../../functions/adapters/google/google-errors.js';
import { cli } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { seedRawWorkbook } from '../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google/server.js';
import { workbookOf } from '../support/raw-workbook.js';

/** What `gcloud auth application-default login` grants without --scopes (gcloud's reference: its default scopes). */
const GCLOUD_DEFAULT_SCOPES = ['openid', 'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/cloud-platform'];

let fake: FakeGoogle;
beforeAll(async () => {
  fake = await startFakeGoogle();
  vi.stubEnv('CCEG_GOOGLE_ROOT_URL', fake.rootUrl);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
});

describe('a token from a plain gcloud auth application-default login', () => {
  it('makes cceg validate sheets:<id> exit 2 with the full login command, not "share the spreadsheet"', async () => {
    const spreadsheetId = seedRawWorkbook(fake, workbookOf(compliantWorkbookRows()));
    fake.grantScopes(GCLOUD_DEFAULT_SCOPES);
    try {
      const run = await cli(['validate', `sheets:${spreadsheetId}`, '--today', COMPLIANT_TODAY]);
      expect(run.code).toBe(2);
      expect(run.err.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.err).toContain(`run \`${ADC_LOGIN_COMMAND}\``);
      expect(run.err).not.toMatch(/share the spreadsheet/);
      expect(fake.count('sheets.spreadsheets.get')).toBe(1);
    } finally {
      fake.grantScopes(null);
    }
  });

  it('works once the token carries the spreadsheets scope', async () => {
    const spreadsheetId = seedRawWorkbook(fake, workbookOf(compliantWorkbookRows()));
    fake.grantScopes([...GCLOUD_DEFAULT_SCOPES, 'https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive']);
    try {
      const run = await cli(['validate', `sheets:${spreadsheetId}`, '--today', COMPLIANT_TODAY]);
      expect(run.code, run.err).toBe(0);
    } finally {
      fake.grantScopes(null);
    }
  });
});
