// `cceg report` and `cceg tick` on a Google workbook publish Google Docs through Drive (the fake), beside the spreadsheet.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readXlsxWorkbook } from '../../functions/adapters/xlsx/read-xlsx.js';
import { parseWorkbook } from '../../functions/core/parse/parse-workbook.js';
import { cli } from '../support/cli.js';
import { addDriveFolder, addSharedDrive, seedRawWorkbook } from '../support/fake-google/seed.js';
import { SAMPLE_WORKBOOK, sampleAgm } from '../support/sample-agm.js';
import type { FakeGoogle } from '../support/fake-google/server.js';
import { useFakeGoogle } from '../support/fake-google/use-fake-google.js';

const FOLDER = 'application/vnd.google-apps.folder';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

const google = useFakeGoogle();
let fake: FakeGoogle;
let spreadsheetId = '';
let agmId = '';
let windowOpens = '';
const dir = mkdtempSync(join(tmpdir(), 'cceg-documents-drive-'));

function addFolder(id: string, parent = 'root'): void {
  fake.files.set(id, { metadata: { id, name: id, mimeType: FOLDER, parents: [parent], trashed: false }, content: null, uploadedType: null });
}

/** The Google Docs under `root`/`kind`, as [name, location]. */
function docsIn(root: string, kind: string): [string, string][] {
  const folder = [...fake.files.values()].find((file) => file.metadata.mimeType === FOLDER && file.metadata.name === kind && file.metadata.parents.includes(root));
  return [...fake.files.values()]
    .filter((file) => folder !== undefined && file.metadata.mimeType === GOOGLE_DOC && file.metadata.parents.includes(folder.metadata.id))
    .map((file): [string, string] => [file.metadata.name, `drive:${file.metadata.id}`]);
}

beforeAll(async () => {
  fake = google.fake;
  const raw = await readXlsxWorkbook(SAMPLE_WORKBOOK);
  ({ id: agmId, draftDay: windowOpens } = sampleAgm(parseWorkbook(raw).group.rows));
  spreadsheetId = seedRawWorkbook(fake, raw);
  addFolder('folder-beside-sheet');
  addFolder('folder-named-by-out');
  const file = fake.files.get(spreadsheetId);
  if (file) file.metadata.parents = ['folder-beside-sheet'];
});
beforeEach(() => fake.resetCalls());

/** How many Google Docs there are in the whole fake Drive. */
function googleDocCount(): number {
  return [...fake.files.values()].filter((file) => file.metadata.mimeType === GOOGLE_DOC).length;
}

describe('documents of a Google workbook go to Drive', () => {
  it('cceg report update sheets:<id> makes a Google Doc in the spreadsheet\'s folder, and a second run updates the same Doc', async () => {
    const first = await cli(['report', 'update', `sheets:${spreadsheetId}`, '--meeting', agmId, '--today', windowOpens]);
    expect(first.code, first.err).toBe(0);
    const docs = docsIn('folder-beside-sheet', 'update-report');
    expect(docs).toHaveLength(1);
    expect(first.out.trim()).toBe(docs[0]?.[1]);

    const again = await cli(['report', 'update', `sheets:${spreadsheetId}`, '--meeting', agmId, '--today', windowOpens]);
    expect(again.out.trim()).toBe(docs[0]?.[1]);
    expect(docsIn('folder-beside-sheet', 'update-report')).toEqual(docs);
    expect(fake.count('drive.files.update')).toBe(1);
  });

  it('cceg tick sheets:<id> --out drive:<folderId> drafts Docs into that folder once, and a re-run creates none', async () => {
    const store = `sqlite:${join(dir, 'tick.db')}`;
    const run = await cli(['tick', `sheets:${spreadsheetId}`, '--store', store, '--out', 'drive:folder-named-by-out', '--today', windowOpens]);
    expect(run.code, run.err).toBe(0);
    const updateReports = docsIn('folder-named-by-out', 'update-report');
    expect(updateReports).toHaveLength(1);
    expect(run.out).toContain(`Drafted update-report ${agmId}: ${updateReports[0]?.[1]}`);
    expect(docsIn('folder-named-by-out', 'annual-report')).toHaveLength(1);

    fake.resetCalls();
    const again = await cli(['tick', `sheets:${spreadsheetId}`, '--store', store, '--out', 'drive:folder-named-by-out', '--today', windowOpens]);
    expect(again.out).toMatch(/0 drafted, 0 updated, 0 kept, 0 failed/);
    expect(fake.count('drive.files.create')).toBe(0);
    expect(fake.count('drive.files.update')).toBe(0);
  });

  it('as a service account, a first draft into a My Drive folder stops with exit 2 and one line: use a shared drive', async () => {
    fake.setCaller('service-account');
    try {
      const myDrive = addDriveFolder(fake, 'Documents in My Drive', 'root');
      const store = `sqlite:${join(dir, 'service-account.db')}`;
      const docsBefore = googleDocCount();
      const run = await cli(['tick', `sheets:${spreadsheetId}`, '--store', store, '--out', `drive:${myDrive}`, '--today', windowOpens]);
      expect(run.code).toBe(2);
      expect(run.err).toBe(`cceg: drive:${myDrive} is in My Drive; service accounts can only write into a shared drive: create a shared drive, add the service account as a Content manager, and name a folder in it with drive:<folderId> (README, "Documents in a shared drive").\n`);
      expect(googleDocCount()).toBe(docsBefore);

      const sharedFolder = addDriveFolder(fake, 'CCEG IG documents', addSharedDrive(fake, 'ICANN Policy'));
      const again = await cli(['tick', `sheets:${spreadsheetId}`, '--store', store, '--out', `drive:${sharedFolder}`, '--today', windowOpens]);
      expect(again.code, again.err).toBe(0);
      expect(docsIn(sharedFolder, 'update-report')).toHaveLength(1);
      expect(again.out).toMatch(/Drafted update-report /);
    } finally {
      fake.setCaller('user');
    }
  });

  it('refuses an --out of drive: without a usable folder ID, in one line', async () => {
    const run = await cli(['report', 'update', `sheets:${spreadsheetId}`, '--meeting', agmId, '--out', 'drive:', '--today', windowOpens]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/drive: is not a Drive folder: write drive:<folderId>/);
  });
});
