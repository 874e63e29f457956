// DriveDocumentPublisher: the shared contract against the fake Google server, then the Drive calls it makes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DriveDocumentPublisher, driveQueryLiteral } from '../../../functions/adapters/google/drive-documents.js';
import type { DocumentToPublish } from '../../../functions/ports/documents.port.js';
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

const doc = (overrides: Partial<DocumentToPublish> = {}): DocumentToPublish => ({
  kind: 'update-report', key: 'M-0001', title: 'Update report M-0001', html: '<p>First draft</p>', existingLocation: null, ...overrides,
});

documentPublisherContract('DriveDocumentPublisher', async () => ({
  publisher: publisherIn(addRootFolder()),
  read: async (location) => fileAt(location).content?.toString('utf8') ?? '',
}));

describe('DriveDocumentPublisher', () => {
  it('uploads the HTML as text/html with the target type Google Doc into the folder of its kind', async () => {
    const root = addRootFolder();
    const published = await publisherIn(root).publish(doc());

    expect(published.location).toMatch(/^drive:[A-Za-z0-9_-]+$/);
    const file = fileAt(published.location);
    const [folderId] = file.metadata.parents;
    expect(fake.files.get(folderId ?? '')?.metadata).toMatchObject({ name: 'update-report', mimeType: FOLDER, parents: [root] });
    expect(file.metadata).toMatchObject({ name: 'Update report M-0001', mimeType: GOOGLE_DOC });
    expect(file.uploadedType).toBe('text/html');
    expect(file.content?.toString('utf8')).toBe('<p>First draft</p>');
    expect([...fake.calls].sort()).toEqual([['drive.files.create', 2], ['drive.files.list', 1]]);
  });

  it('a re-run with the remembered location calls files.update and never files.create', async () => {
    const publisher = publisherIn(addRootFolder());
    const first = await publisher.publish(doc());
    fake.resetCalls();

    const again = await publisherIn(addRootFolder()).publish(doc({ html: '<p>Second</p>', existingLocation: first.location }));

    expect(again).toEqual({ location: first.location, created: false });
    expect([...fake.calls]).toEqual([['drive.files.update', 1]]);
    expect(fileAt(first.location).content?.toString('utf8')).toBe('<p>Second</p>');
  });

  it('creates the folder of each kind once, and finds it again from another publisher', async () => {
    const root = addRootFolder();
    const publisher = publisherIn(root);
    await Promise.all(['M-0001', 'M-0002', 'M-0003'].map((key) => publisher.publish(doc({ key }))));
    await publisher.publish(doc({ kind: 'notice', key: 'PP-0001' }));
    expect(foldersUnder(root)).toEqual(['notice', 'update-report']);
    expect(fake.count('drive.files.list')).toBe(2);

    fake.resetCalls();
    await publisherIn(root).publish(doc({ key: 'M-0004' }));
    expect(foldersUnder(root)).toEqual(['notice', 'update-report']);
    expect([...fake.calls].sort()).toEqual([['drive.files.create', 1], ['drive.files.list', 1]]);
  });

  it('looks for a kind folder with quotes and backslashes escaped in the query', async () => {
    const root = addRootFolder();
    await publisherIn(root).publish(doc({ kind: `it's a\\kind` }));
    const q = fake.requests.find((request) => request.method === 'drive.files.list')?.query.get('q');
    expect(q).toBe(`name = 'it\\'s a\\\\kind' and '${root}' in parents and mimeType = '${FOLDER}' and trashed = false`);
    expect(driveQueryLiteral(`a'b\\c`)).toBe(`'a\\'b\\\\c'`);
  });

  it('publishes to a new Doc when the remembered location is not a Drive location', async () => {
    const published = await publisherIn(addRootFolder()).publish(doc({ existingLocation: '/tmp/update-report/M-0001.html' }));
    expect(published.created).toBe(true);
    expect(fake.count('drive.files.update')).toBe(0);
  });

  it('retries an update after a 503 and succeeds', async () => {
    const first = await publisherIn(addRootFolder()).publish(doc());
    fake.resetCalls();
    fake.failNext('drive.files.update', 503);
    const waits: number[] = [];

    const again = await publisherIn(addRootFolder(), waits).publish(doc({ html: '<p>After 503</p>', existingLocation: first.location }));

    expect(again).toEqual({ location: first.location, created: false });
    expect(fake.count('drive.files.update')).toBe(2);
    expect(waits).toEqual([1000]);
    expect(fileAt(first.location).content?.toString('utf8')).toBe('<p>After 503</p>');
  });

  it('retries a folder lookup after a 503, and a create after a 429', async () => {
    const root = addRootFolder();
    fake.failNext('drive.files.list', 503);
    fake.failNext('drive.files.create', 429);
    const published = await publisherIn(root).publish(doc());
    expect(published.created).toBe(true);
    expect(fake.count('drive.files.list')).toBe(2);
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

  it('reports NOT_FOUND for a remembered Doc that no longer exists, and a missing root folder', async () => {
    await expect(publisherIn(addRootFolder()).publish(doc({ existingLocation: 'drive:gone' }))).rejects.toMatchObject({
      code: 'NOT_FOUND', message: 'drive:gone: no such Google Doc, or no access to it.',
    });
    await expect(publisherIn('no-such-folder').publish(doc())).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'drive:no-such-folder: no such Drive folder, or no access to it.' });
  });
});
