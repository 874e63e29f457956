// Google credentials through the CLI: a token without the Sheets and Drive scopes, and no credentials at all.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADC_LOGIN_COMMAND } from '../../functions/adapters/google/google-errors.js';
import { cli, cliProcess } from '../support/cli.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../support/compliant-workbook.js';
import { seedRawWorkbook } from '../support/fake-google/seed.js';
import type { FakeGoogle } from '../support/fake-google/server.js';
import { useFakeGoogle } from '../support/fake-google/use-fake-google.js';
import { workbookOf } from '../support/raw-workbook.js';

/** What `gcloud auth application-default login` grants without --scopes (gcloud's reference: its default scopes). */
const GCLOUD_DEFAULT_SCOPES = ['openid', 'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/cloud-platform'];

const google = useFakeGoogle();
let fake: FakeGoogle;
beforeAll(() => void (fake = google.fake));

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

describe('no credentials at all, off Google Cloud', () => {
  it('stops cceg with one line naming the login command, and no MetadataLookupWarning on stderr', async () => {
    // A local stand-in for the metadata server that answers 500, which gcp-metadata reports as a MetadataLookupWarning.
    const metadata = createServer((_request, response) => response.writeHead(500).end('metadata server fault'));
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    try {
      const home = mkdtempSync(join(tmpdir(), 'cceg-no-adc-'));
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH, HOME: home, CLOUDSDK_CONFIG: join(home, 'gcloud'),
        GCE_METADATA_HOST: `127.0.0.1:${(metadata.address() as AddressInfo).port}`, METADATA_SERVER_DETECTION: 'ping-only',
      };
      const run = cliProcess(['validate', 'sheets:1AbCdEfGhIjKlMnOpQrStUvWxYz', '--today', COMPLIANT_TODAY], { env });
      expect(run.code).toBe(2);
      expect(run.err).not.toContain('MetadataLookupWarning');
      expect(run.err.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^cceg: sheets:1AbCdEfGhIjKlMnOpQrStUvWxYz: no usable Google credentials .*; run `gcloud auth application-default login --scopes=/)]);
    } finally {
      metadata.close();
    }
  });
});
