// tick drafts into Drive: the production wiring (runtimeDeps) over the fake Sheets and Drive, once per document.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { readEnvironment } from '../../functions/config/environment.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import type { FunctionDeps } from '../../functions/entry/function-deps.js';
import { createHandlers } from '../../functions/entry/handlers.js';
import { runtimeDeps } from '../../functions/entry/runtime.js';
import { DOCX_TYPE } from '../../functions/adapters/google/docx/docx-package.js';
import { docxText } from '../support/docx-parts.js';
import { googleIdTokenVerifier } from '../../functions/adapters/oidc/google-id-token-verifier.js';
import { addDriveFolder, addSharedDrive, moveDriveFile, seedRawWorkbook } from '../support/fake-google/seed.js';
import { SAMPLE_WORKBOOK, sampleAgm } from '../support/sample-agm.js';
import { sheetTitled, type FakeCell } from '../support/fake-google/model.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google/server.js';
import { serveFunctions, type RunningFunctions } from '../support/functions/function-server.js';
import { AUDIENCE, functionsConfig, PEOPLE, SECRET } from '../support/functions/functions-fixture.js';
import { startTokenIssuer, type TokenIssuer } from '../support/functions/id-tokens.js';

const FOLDER = 'application/vnd.google-apps.folder';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

let fake: FakeGoogle;
let issuer: TokenIssuer;
let functions: RunningFunctions;
let deps: FunctionDeps;
let spreadsheetId: string;
/** The folder, in a shared drive, that the secretariat keeps the spreadsheet in. */
const sharedFolder = 'folder-cceg-shared';
/** The day the functions' clock says it is: the day the AGM's update report falls due in the sample. */
let today = '';
let agmId = '';

beforeAll(async () => {
  [fake, issuer] = await Promise.all([startFakeGoogle(), startTokenIssuer()]);
  const raw = await readXlsxWorkbook(SAMPLE_WORKBOOK);
  ({ id: agmId, draftDay: today } = sampleAgm(parseWorkbook(raw).group.rows));
  spreadsheetId = seedRawWorkbook(fake, raw);
  // The functions call Google as their service account, which Drive lets create files in shared drives only.
  fake.setCaller('service-account');
  addDriveFolder(fake, 'CCEG IG', addSharedDrive(fake, 'ICANN Policy'), sharedFolder);
  moveDriveFile(fake, spreadsheetId, sharedFolder);

  const environment = readEnvironment({
    CCEG_WORKBOOK: `sheets:${spreadsheetId}`, CCEG_GOOGLE_ROOT_URL: fake.rootUrl, CCEG_WEBHOOK_SECRET: SECRET,
    CCEG_STORE: `sqlite:${join(mkdtempSync(join(tmpdir(), 'cceg-tick-drive-')), 'store.cceg.db')}`,
  });
  const production = await runtimeDeps(environment);
  deps = { ...production, config: functionsConfig(), verifier: googleIdTokenVerifier({ certsUrl: issuer.certsUrl }), now: () => new Date(`${today}T06:00:00Z`) };
  functions = await serveFunctions(createHandlers(deps));
});
afterAll(async () => {
  await functions?.close();
  await deps?.store.close();
  await Promise.all([fake?.stop(), issuer?.close()]);
});

const tick = (scheduleTime: string) => fetch(functions.url.tick, {
  method: 'POST',
  headers: { authorization: `Bearer ${issuer.sign({ aud: AUDIENCE.tick, email: PEOPLE.scheduler })}`, 'x-cloudscheduler-scheduletime': scheduleTime },
});

/** The Google Docs in the folder of a kind under the shared folder, by name. */
function docsOf(kind: string): string[] {
  const folder = [...fake.files.values()].find((file) => file.metadata.mimeType === FOLDER && file.metadata.name === kind && file.metadata.parents.includes(sharedFolder));
  if (!folder) return [];
  return [...fake.files.values()].filter((file) => file.metadata.mimeType === GOOGLE_DOC && file.metadata.parents.includes(folder.metadata.id)).map((file) => file.metadata.name).sort();
}

describe('the tick function drafts the documents due into the spreadsheet\'s Drive folder, in a shared drive', () => {
  it('refuses a spreadsheet kept in My Drive with a 500 that says to use a shared drive, before creating anything', async () => {
    moveDriveFile(fake, spreadsheetId, addDriveFolder(fake, 'In My Drive', 'root'));
    try {
      fake.resetCalls();
      const response = await tick(`${today}T05:00:00Z`);
      const body = await response.json() as { error: { code: string; message: string } };
      expect(response.status).toBe(500);
      expect(body.error.code).toBe('NOT_IN_SHARED_DRIVE');
      expect(body.error.message).toMatch(/^drive:\S+ is in My Drive; service accounts can only write into a shared drive: /);
      expect(body.error.message).not.toContain('\n');
      expect(fake.count('drive.files.create')).toBe(0);
    } finally {
      moveDriveFile(fake, spreadsheetId, sharedFolder);
    }
  });

  it('syncs, then drafts each due document as a Google Doc in a folder per kind, and says what it drafted', async () => {
    const response = await tick(`${today}T06:00:00Z`);
    const body = await response.json() as { documents: { drafted: number; failed: number; list: { kind: string; key: string; outcome: string; location: string }[] } };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.documents.failed).toBe(0);
    expect(body.documents.list).toContainEqual(expect.objectContaining({ kind: 'update-report', key: agmId, outcome: 'drafted', location: expect.stringMatching(/^drive:/) }));
    expect(body.documents.list).toContainEqual(expect.objectContaining({ kind: 'annual-report', key: agmId, outcome: 'drafted' }));
    expect(docsOf('update-report')).toEqual([expect.stringContaining('IG Update Report')]);
    expect(docsOf('annual-report')).toHaveLength(1);
    // The notices and dissent notices of papers adopted or dissented from months before are skipped as past, not drafted.
    expect(body.documents.drafted).toBe(body.documents.list.filter((document) => document.outcome === 'drafted').length);
    expect(body.documents.list).toContainEqual(expect.objectContaining({ kind: 'notice', key: 'PP-0001', outcome: 'skipped', location: '' }));
    expect(body.documents.list.every((document) => document.outcome === 'drafted' || document.outcome === 'skipped')).toBe(true);
    const draftedKinds = new Set(body.documents.list.filter((document) => document.outcome === 'drafted').map((document) => document.kind));
    expect(fake.count('drive.files.create')).toBe(body.documents.drafted + draftedKinds.size);

    const entry = await deps.store.getDocument('update-report', agmId);
    expect(entry?.location).toBe(body.documents.list.find((document) => document.kind === 'update-report')?.location);
    const doc = fake.files.get(entry?.location.replace(/^drive:/, '') ?? '');
    // A Word file that Drive converts into a Google Doc, with the charts as PNG and the §2 notice.
    expect(doc?.uploadedType).toBe(DOCX_TYPE);
    expect(await docxText(doc!.content!)).toContain('This document comes from the CCEG IG only and not from the ICANN community');
    // The Dashboard lists the new drafts at once, each with its link, for the Co-Chairs to send.
    const dashboard = sheetTitled(fake.spreadsheets.get(spreadsheetId)!, 'Dashboard')!;
    const text = (cell: FakeCell | undefined) => (cell?.kind === 'value' ? String(cell.value) : '');
    const drafts = dashboard.cells.filter((row) => text(row[0]) === 'Drafts ready').map((row) => row.map(text));
    expect(drafts.map((row) => row[1])).toEqual(drafts.map(() => 'Co-Chairs'));
    expect(drafts.some((row) => row.join(' ').includes(entry!.location.replace(/^drive:/, '')))).toBe(true);
  });

  it('drafts nothing again at the next schedule time when nothing changed: no Doc created or written', async () => {
    const before = docsOf('update-report').length + docsOf('annual-report').length + docsOf('notice').length;
    fake.resetCalls();
    const response = await tick(`${today}T07:00:00Z`);
    const body = await response.json() as { duplicate: boolean; documents: { drafted: number; updated: number; unchanged: number } };
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ duplicate: false, documents: { drafted: 0, updated: 0 } });
    expect(body.documents.unchanged).toBeGreaterThan(0);
    expect(fake.count('drive.files.create')).toBe(0);
    expect(fake.count('drive.files.update')).toBe(0);
    expect(docsOf('update-report').length + docsOf('annual-report').length + docsOf('notice').length).toBe(before);
    // The tick's sync read the sheet once and wrote nothing back (nothing changed).
    expect(fake.count('sheets.spreadsheets.get')).toBe(1);
    expect(fake.countPrefix('sheets.') - fake.count('sheets.spreadsheets.get')).toBe(0);
  });
});
