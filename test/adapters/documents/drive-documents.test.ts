// DriveDocumentPublisher: the shared contract against the fake Google server, then the Drive calls it makes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docForDrive } from '../../../functions/adapters/google/doc-for-drive.js';
import { DOCX_TYPE } from '../../../functions/adapters/google/docx/docx-package.js';
import { decodeEntities } from '../../../functions/adapters/google/docx/html-tree.js';
import { DriveDocumentPublisher, driveQueryLiteral } from '../../../functions/adapters/google/drive-documents.js';
import type { DocumentToPublish } from '../../../functions/ports/documents.port.js';
import { docxParts, docxText, PNG_SIGNATURE } from '../../support/docx-parts.js';
import { CCEG_ONLY_NOTICE } from '../../../functions/core/documents/html.js';
import { sampleUpdateReport } from './sample-report.js';
import { addDriveFolder, addSharedDrive } from '../../support/fake-google/seed.js';
import { startFakeGoogle, type FakeGoogle } from '../../support/fake-google/server.js';
import { documentPublisherContract } from './documents.contract.js';

const FOLDER = 'application/vnd.google-apps.folder';
const GOOGLE_DOC = 'application/vnd.google-apps.document';

let fake: FakeGoogle;
beforeAll(async () => (fake = await startFakeGoogle()));
afterAll(async () => fake.stop());
beforeEach(() => fake.resetCalls());

/** Adds an empty Drive folder to the fake, as a person would have made and shared it; returns its ID. */
function addRootFolder(name = 'CCEG documents'): string {
  const id = `root-${randomUUID()}`;
  fake.files.set(id, { metadata: { id, name, mimeType: FOLDER, parents: ['root'], trashed: false }, content: null, uploadedType: null });
  return id;
}

/** A publisher over the fake whose retries wait for nothing and record how long they would have waited. */
function publisherIn(rootFolderId: string, waits: number[] = []): DriveDocumentPublisher {
  return new DriveDocumentPublisher({ rootFolderId, rootUrl: fake.rootUrl, retry: { sleep: async (ms) => void waits.push(ms), random: () => 0 } });
}

/** The fake's file behind a `drive:<id>` location. */
function fileAt(location: string) {
  const file = fake.files.get(location.replace(/^drive:/, ''));
  if (!file) throw new Error(`The fake has no file at ${location}`);
  return file;
}

/** The folders directly under `parent`, by name. */
function foldersUnder(parent: string): string[] {
  return [...fake.files.values()].filter((file) => file.metadata.mimeType === FOLDER && file.metadata.parents.includes(parent)).map((file) => file.metadata.name).sort();
}

/** The text the Doc at `location` shows: Drive is sent a .docx, whose text is the HTML's. */
async function textAt(location: string, files = fake.files): Promise<string> {
  const content = files.get(location.replace(/^drive:/, ''))?.content;
  if (!content) throw new Error(`The fake has no content at ${location}`);
  return docxText(content);
}

/** What a Doc published from `html` shows: its text. */
const textOf = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ''));

/** Checks that the Doc at `location` was sent as a .docx holding the two charts as PNG, no SVG, and the §2 notice. */
async function expectChartsAsPng(location: string): Promise<void> {
  const file = fileAt(location);
  expect(file.uploadedType).toBe(DOCX_TYPE);
  const parts = await docxParts(file.content ?? Buffer.alloc(0));
  for (const [path, bytes] of parts) expect(bytes.includes('<svg'), `${path} holds no <svg`).toBe(false);
  const charts = [...parts].filter(([path]) => path.startsWith('word/media/'));
  expect(charts.map(([path]) => path).sort()).toEqual(['word/media/chart1.png', 'word/media/chart2.png']);
  for (const [, png] of charts) expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(await textAt(location)).toContain(CCEG_ONLY_NOTICE);
}

const doc = (overrides: Partial<DocumentToPublish> = {}): DocumentToPublish => ({
  kind: 'update-report', key: 'M-0001', title: 'Update report M-0001', html: '<p>First draft</p>', previous: null, ...overrides,
});

documentPublisherContract('DriveDocumentPublisher', async () => ({
  publisher: publisherIn(addRootFolder()),
  read: async (location) => textAt(location),
  shown: textOf,
  editByHand: async (location, html) => editInDocs(location, html),
  removeByHand: async (location) => {
    fileAt(location).metadata.trashed = true;
  },
}));

/** What a person typing into the Doc does to the file: new content and a later modifiedTime. */
async function editInDocs(location: string, html: string): Promise<void> {
  const file = fileAt(location);
  file.content = (await docForDrive('Edited', html)).body;
  file.metadata.modifiedTime = new Date(Date.parse(file.metadata.modifiedTime ?? '2018-01-01T00:00:00Z') + 60_000).toISOString();
}

describe('DriveDocumentPublisher', () => {
  it('uploads the document as a .docx with the target type Google Doc into the folder of its kind', async () => {
    const root = addRootFolder();
    const published = await publisherIn(root).publish(doc());

    expect(published.location).toMatch(/^drive:[A-Za-z0-9_-]+$/);
    const file = fileAt(published.location);
    const [folderId] = file.metadata.parents;
    expect(fake.files.get(folderId ?? '')?.metadata).toMatchObject({ name: 'update-report', mimeType: FOLDER, parents: [root] });
    expect(file.metadata).toMatchObject({ name: 'Update report M-0001', mimeType: GOOGLE_DOC });
    expect(file.uploadedType).toBe(DOCX_TYPE);
    expect(await textAt(published.location)).toBe('First draft');
    expect(file.metadata.appProperties).toEqual({ ccegKey: 'M-0001' });
    expect([...fake.calls].sort()).toEqual([['drive.files.create', 2], ['drive.files.list', 2]]);
  });

  it('with no previous location, finds the Doc made before for the same kind and key and updates it instead of making another', async () => {
    const root = addRootFolder();
    const first = await publisherIn(root).publish(doc());
    fake.resetCalls();
    const again = await publisherIn(root).publish(doc({ title: 'Update report M-0001 (v2)', html: '<p>Again</p>' }));
    expect(again).toMatchObject({ location: first.location, outcome: 'updated' });
    expect(fileAt(first.location).metadata.name).toBe('Update report M-0001 (v2)');
    expect(await textAt(first.location)).toBe('Again');
    expect(fake.count('drive.files.create')).toBe(0);
    const q = fake.requests.filter((request) => request.method === 'drive.files.list').at(-1)?.query.get('q');
    expect(q).toMatch(/ in parents and appProperties has \{ key='ccegKey' and value='M-0001' \} and trashed = false$/);
  });

  it('a re-run with the remembered location and version checks the Doc with files.get, then calls files.update, never files.create', async () => {
    const publisher = publisherIn(addRootFolder());
    const first = await publisher.publish(doc());
    fake.resetCalls();

    const again = await publisherIn(addRootFolder()).publish(doc({ html: '<p>Second</p>', previous: { location: first.location, version: first.version } }));

    expect(again).toMatchObject({ location: first.location, outcome: 'updated' });
    expect([...fake.calls].sort()).toEqual([['drive.files.get', 1], ['drive.files.update', 1]]);
    expect(await textAt(first.location)).toBe('Second');
  });

  it('creates the folder of each kind once, and finds it again from another publisher', async () => {
    const root = addRootFolder();
    const publisher = publisherIn(root);
    await Promise.all(['M-0001', 'M-0002', 'M-0003'].map((key) => publisher.publish(doc({ key }))));
    await publisher.publish(doc({ kind: 'notice', key: 'PP-0001' }));
    expect(foldersUnder(root)).toEqual(['notice', 'update-report']);
    // One lookup per folder, one per document (is there a Doc for this key already?).
    expect(fake.count('drive.files.list')).toBe(2 + 4);

    fake.resetCalls();
    await publisherIn(root).publish(doc({ key: 'M-0004' }));
    expect(foldersUnder(root)).toEqual(['notice', 'update-report']);
    expect([...fake.calls].sort()).toEqual([['drive.files.create', 1], ['drive.files.list', 2]]);
  });

  it('looks for a kind folder with quotes and backslashes escaped in the query', async () => {
    const root = addRootFolder();
    await publisherIn(root).publish(doc({ kind: `it's a\\kind` }));
    const q = fake.requests.find((request) => request.method === 'drive.files.list')?.query.get('q');
    expect(q).toBe(`name = 'it\\'s a\\\\kind' and '${root}' in parents and mimeType = '${FOLDER}' and trashed = false`);
    expect(driveQueryLiteral(`a'b\\c`)).toBe(`'a\\'b\\\\c'`);
  });

  it('publishes to a new Doc when the remembered location is not a Drive location', async () => {
    const published = await publisherIn(addRootFolder()).publish(doc({ previous: { location: '/tmp/update-report/M-0001.html', version: 'abc' } }));
    expect(published.outcome).toBe('created');
    expect(fake.count('drive.files.update')).toBe(0);
  });

  it('retries an update after a 503 and succeeds', async () => {
    const first = await publisherIn(addRootFolder()).publish(doc());
    fake.resetCalls();
    fake.failNext('drive.files.update', 503);
    const waits: number[] = [];

    const again = await publisherIn(addRootFolder(), waits).publish(doc({ html: '<p>After 503</p>', previous: { location: first.location, version: null } }));

    expect(again).toMatchObject({ location: first.location, outcome: 'updated' });
    expect(fake.count('drive.files.update')).toBe(2);
    expect(waits).toEqual([1000]);
    expect(await textAt(first.location)).toBe('After 503');
  });

  it('retries a folder lookup after a 503, and a create after a 429', async () => {
    const root = addRootFolder();
    fake.failNext('drive.files.list', 503);
    fake.failNext('drive.files.create', 429);
    const published = await publisherIn(root).publish(doc());
    expect(published.outcome).toBe('created');
    expect(fake.count('drive.files.list')).toBe(2 + 1);
    expect(fake.count('drive.files.create')).toBe(3);
    expect(foldersUnder(root)).toEqual(['update-report']);
  });

  it('does not retry a create after a 503, since Drive may have made the Doc', async () => {
    const root = addRootFolder();
    const publisher = publisherIn(root);
    await publisher.publish(doc());
    fake.resetCalls();
    fake.failNext('drive.files.create', 503);
    await expect(publisher.publish(doc({ key: 'M-0002' }))).rejects.toMatchObject({ code: 'GOOGLE_UNAVAILABLE' });
    expect(fake.count('drive.files.create')).toBe(1);
  });

  it('keeps a Doc that was deleted outright, and the Doc a chair edited, with one files.get and no write', async () => {
    const publisher = publisherIn(addRootFolder());
    const edited = await publisher.publish(doc());
    await editInDocs(edited.location, '<p>Objections considered: …</p>');
    fake.resetCalls();
    const kept = await publisher.publish(doc({ html: '<p>Re-rendered</p>', previous: { location: edited.location, version: edited.version } }));
    expect(kept).toMatchObject({ outcome: 'kept', version: edited.version });
    expect([...fake.calls]).toEqual([['drive.files.get', 1]]);

    const deleted = await publisher.publish(doc({ key: 'M-0002' }));
    fake.files.delete(deleted.location.replace(/^drive:/, ''));
    const gone = await publisher.publish(doc({ key: 'M-0002', previous: { location: deleted.location, version: deleted.version } }));
    expect(gone).toMatchObject({ location: deleted.location, outcome: 'kept', reason: 'the Doc was deleted since it was drafted' });
  });

  it('sends an update report with its two charts as PNG images and no SVG, when it creates the Doc and when it updates it', async () => {
    const report = sampleUpdateReport();
    const root = addRootFolder();
    const created = await publisherIn(root).publish(doc({ title: report.title, html: report.html }));
    await expectChartsAsPng(created.location);
    fileAt(created.location).content = null;

    const updated = await publisherIn(root).publish(doc({ title: report.title, html: report.html, previous: { location: created.location, version: null } }));
    expect(updated).toMatchObject({ location: created.location, outcome: 'updated' });
    await expectChartsAsPng(created.location);
  });

  it('reports NOT_FOUND for a Doc that no longer exists when no version is remembered, and a missing root folder', async () => {
    await expect(publisherIn(addRootFolder()).publish(doc({ previous: { location: 'drive:gone', version: null } }))).rejects.toMatchObject({
      code: 'NOT_FOUND', message: 'drive:gone: no such Google Doc, or no access to it.',
    });
    await expect(publisherIn('no-such-folder').publish(doc())).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'drive:no-such-folder: no such Drive folder, or no access to it.' });
  });
});

describe('DriveDocumentPublisher as a service account (the functions), which Drive lets write into shared drives only', () => {
  let serviceFake: FakeGoogle;
  beforeAll(async () => {
    serviceFake = await startFakeGoogle();
    serviceFake.setCaller('service-account');
  });
  afterAll(async () => serviceFake.stop());
  beforeEach(() => serviceFake.resetCalls());

  const serviceAccountPublisher = (rootFolderId: string, requireSharedDrive: boolean) =>
    new DriveDocumentPublisher({ rootFolderId, rootUrl: serviceFake.rootUrl, requireSharedDrive, retry: { sleep: async () => undefined, random: () => 0 } });
  const sharedFolder = () => addDriveFolder(serviceFake, 'CCEG documents', addSharedDrive(serviceFake, `Shared ${randomUUID()}`), `shared-${randomUUID()}`);
  const serviceFile = (location: string) => {
    const file = serviceFake.files.get(location.replace(/^drive:/, ''));
    if (!file) throw new Error(`The fake has no file at ${location}`);
    return file;
  };

  documentPublisherContract('DriveDocumentPublisher in a shared drive, as a service account', async () => ({
    publisher: serviceAccountPublisher(sharedFolder(), true),
    read: async (location) => textAt(location, serviceFake.files),
    shown: textOf,
    editByHand: async (location, html) => {
      const file = serviceFile(location);
      file.content = (await docForDrive('Edited', html)).body;
      file.metadata.modifiedTime = new Date(Date.parse(file.metadata.modifiedTime ?? '2018-01-01T00:00:00Z') + 60_000).toISOString();
    },
    removeByHand: async (location) => {
      serviceFile(location).metadata.trashed = true;
    },
  }));

  it('checks the root once with files.get (its driveId, supportsAllDrives), then drafts into the shared drive', async () => {
    const root = sharedFolder();
    const publisher = serviceAccountPublisher(root, true);
    const first = await publisher.publish(doc());
    await publisher.publish(doc({ key: 'M-0002' }));
    expect(serviceFile(first.location).metadata.driveId).toBe(serviceFake.files.get(root)?.metadata.driveId);
    const gets = serviceFake.requests.filter((request) => request.method === 'drive.files.get');
    expect(gets).toHaveLength(1);
    expect(gets[0]?.query.get('fields')).toContain('driveId');
    expect(gets[0]?.query.get('supportsAllDrives')).toBe('true');
  });

  it('refuses a root in My Drive before creating anything, in one line that says to use a shared drive', async () => {
    const myDrive = addDriveFolder(serviceFake, 'In My Drive', 'root', `my-${randomUUID()}`);
    await expect(serviceAccountPublisher(myDrive, true).publish(doc())).rejects.toMatchObject({
      code: 'NOT_IN_SHARED_DRIVE',
      message: expect.stringMatching(new RegExp(`^drive:${myDrive} is in My Drive; service accounts can only write into a shared drive: create a shared drive, add the service account as a Content manager`)),
    });
    expect([...serviceFake.calls]).toEqual([['drive.files.get', 1]]);
  });

  it('without the check, turns Drive\'s storageQuotaExceeded answer into the same line about the folder named', async () => {
    const myDrive = addDriveFolder(serviceFake, 'In My Drive', 'root', `my-${randomUUID()}`);
    await expect(serviceAccountPublisher(myDrive, false).publish(doc())).rejects.toMatchObject({
      code: 'NOT_IN_SHARED_DRIVE', message: expect.stringMatching(new RegExp(`^drive:${myDrive} is in My Drive; service accounts can only write into a shared drive`)),
    });
    expect(serviceFake.count('drive.files.create')).toBe(1);
  });
});
