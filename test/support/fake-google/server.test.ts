// The fake Google APIs themselves, driven by the real googleapis clients: they must answer as Google does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { driveClient, sheetsClient } from '../../../functions/adapters/google/google-client.js';
import { addSpreadsheet, fakeCell, fakeRows } from './seed.js';
import { startFakeGoogle, type FakeGoogle } from './server.js';

let fake: FakeGoogle;
beforeAll(async () => (fake = await startFakeGoogle()));
afterAll(() => fake.stop());
beforeEach(() => fake.resetCalls());

const sheets = () => sheetsClient({ rootUrl: fake.rootUrl });
const drive = () => driveClient({ rootUrl: fake.rootUrl });

describe('the fake Sheets API', () => {
  it('answers values.batchGet trimmed like Google: no trailing empty cells or rows, empty cells inside as ""', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'T', [
      { title: 'Roster', rows: [['ID', 'Name', null, null], ['P-1', null, 'x'], [], [null, null, null]] },
      { title: 'Empty', rows: [] },
    ]);
    const { data } = await (await sheets()).spreadsheets.values.batchGet({
      spreadsheetId, ranges: ['Roster', "'Empty'"], valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER',
    });
    expect(data.valueRanges).toEqual([
      { range: 'Roster!A1:Z1000', majorDimension: 'ROWS', values: [['ID', 'Name'], ['P-1', '', 'x']] },
      { range: 'Empty!A1:Z1000', majorDimension: 'ROWS' },
    ]);
    expect(fake.count('sheets.spreadsheets.values.batchGet')).toBe(1);
  });

  it('stores RAW input as typed, and parses USER_ENTERED input like the Sheets UI', async () => {
    const spreadsheet = addSpreadsheet(fake, 'T', [{ title: 'Sheet1', rows: [] }]);
    const api = await sheets();
    const values = [['=1+2', '+1', '12', 'TRUE', '2018-06-01', "'=x"]];
    await api.spreadsheets.values.batchUpdate({ spreadsheetId: spreadsheet.spreadsheetId, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A1:F1', values }] } });
    await api.spreadsheets.values.batchUpdate({ spreadsheetId: spreadsheet.spreadsheetId, requestBody: { valueInputOption: 'USER_ENTERED', data: [{ range: 'Sheet1!A2', values }] } });
    expect(fakeRows(spreadsheet, 'Sheet1')[0]).toEqual(values[0]);
    expect(fakeCell(spreadsheet, 'Sheet1', 'A2')).toEqual({ kind: 'formula', formula: '=1+2', result: null });
    expect(fakeCell(spreadsheet, 'Sheet1', 'B2')).toEqual({ kind: 'value', value: 1 });
    expect(fakeRows(spreadsheet, 'Sheet1')[1]).toEqual(['=1+2', 1, 12, true, 43252, '=x']);
  });

  it('refuses a write beyond the grid, or a range it cannot parse, in Google\'s error shape', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'T', [{ title: 'Sheet1', rows: [], rowCount: 2 }]);
    const api = await sheets();
    const beyond = api.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: { valueInputOption: 'RAW', data: [{ range: 'Sheet1!A3', values: [['x']] }] } });
    await expect(beyond).rejects.toMatchObject({ status: 400, response: { data: { error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('exceeds grid limits') } } } });
    const missing = api.spreadsheets.values.batchGet({ spreadsheetId, ranges: ['Nope'] });
    await expect(missing).rejects.toMatchObject({ status: 400, response: { data: { error: { message: 'Unable to parse range: Nope' } } } });
  });

  it('answers only the fields a field mask asks for', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'Masked', [{ title: 'Sheet1', rows: [['a']] }]);
    const { data } = await (await sheets()).spreadsheets.get({ spreadsheetId, fields: 'sheets.properties(title)' });
    expect(data).toEqual({ sheets: [{ properties: { title: 'Sheet1' } }] });
  });

  it('answers 401 to a request without a bearer token, and an injected failure once', async () => {
    const { spreadsheetId } = addSpreadsheet(fake, 'T', [{ title: 'Sheet1', rows: [] }]);
    const anonymous = await fetch(`${fake.rootUrl}v4/spreadsheets/${spreadsheetId}`);
    expect(anonymous.status).toBe(401);
    fake.failNext('sheets.spreadsheets.get', 429);
    const api = await sheets();
    await expect(api.spreadsheets.get({ spreadsheetId })).rejects.toMatchObject({ status: 429 });
    await expect(api.spreadsheets.get({ spreadsheetId })).resolves.toMatchObject({ status: 200 });
    expect(fake.count('sheets.spreadsheets.get')).toBe(3);
  });
});

describe('the fake Drive API', () => {
  it('uploads HTML as a Google Doc in a folder, finds it by name and folder, updates and downloads it', async () => {
    const api = await drive();
    const folder = await api.files.create({ requestBody: { name: 'Update reports', mimeType: 'application/vnd.google-apps.folder' }, fields: 'id' });
    const folderId = folder.data.id!;
    const created = await api.files.create({
      requestBody: { name: 'IG update ICANN62', mimeType: 'application/vnd.google-apps.document', parents: [folderId] },
      media: { mimeType: 'text/html', body: '<h1>Update</h1>' },
      fields: 'id,name,mimeType,parents,webViewLink',
    });
    expect(created.data).toMatchObject({ name: 'IG update ICANN62', mimeType: 'application/vnd.google-apps.document', parents: [folderId] });
    expect(created.data.webViewLink).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);

    const found = await api.files.list({ q: `name = 'IG update ICANN62' and '${folderId}' in parents and trashed = false`, fields: 'files(id,name)' });
    expect(found.data.files).toEqual([{ id: created.data.id, name: 'IG update ICANN62' }]);
    const elsewhere = await api.files.list({ q: "name = 'IG update ICANN62' and 'root' in parents" });
    expect(elsewhere.data.files).toEqual([]);

    await api.files.update({ fileId: created.data.id!, media: { mimeType: 'text/html', body: '<h1>Update, again</h1>' } });
    const file = fake.files.get(created.data.id!)!;
    expect(file.content?.toString()).toBe('<h1>Update, again</h1>');
    expect(file.uploadedType).toBe('text/html');
    const metadata = await api.files.get({ fileId: created.data.id!, fields: 'id,version' });
    expect(metadata.data).toEqual({ id: created.data.id, version: '2' });
    expect(Object.fromEntries(fake.calls)).toEqual({ 'drive.files.create': 2, 'drive.files.list': 2, 'drive.files.update': 1, 'drive.files.get': 1 });
  });

  it('answers 404 for a file it does not hold', async () => {
    await expect((await drive()).files.get({ fileId: 'missing' })).rejects.toMatchObject({ status: 404 });
  });
});
