// FolderDocumentPublisher: the shared contract on a temp folder, then the file layout, safe names and atomic writes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderDocumentPublisher, safeFileName } from '../../../functions/adapters/folder/folder-documents.js';
import { documentPublisherContract } from './documents.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-folder-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let roots = 0;
const newRoot = () => join(dir, `root-${++roots}`);

documentPublisherContract('FolderDocumentPublisher', async () => ({
  publisher: new FolderDocumentPublisher(newRoot()),
  read: async (location) => readFileSync(location, 'utf8'),
  editByHand: async (location, html) => writeFileSync(location, html),
  removeByHand: async (location) => unlinkSync(location),
}));

/** Every file under `root`, as paths relative to it, sorted. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('FolderDocumentPublisher', () => {
  it('writes <root>/<kind>/<key>.html and returns its absolute path', async () => {
    const root = newRoot();
    const published = await new FolderDocumentPublisher(root).publish({ kind: 'notice', key: 'PP-0001', title: 'Notice', html: '<p>x</p>', previous: null });
    expect(published).toMatchObject({ location: join(root, 'notice', 'PP-0001.html'), outcome: 'created' });
    expect(filesUnder(root)).toEqual(['notice/PP-0001.html']);
  });

  it.each([
    ['../../outside', '%2E%2E%2F%2E%2E%2Foutside'],
    ['/etc/passwd', '%2Fetc%2Fpasswd'],
    ['..', '%2E%2E'],
    ['a\\b', 'a%5Cb'],
  ])('a key of %j stays inside its kind folder as %s.html', async (key, stem) => {
    const root = newRoot();
    const published = await new FolderDocumentPublisher(root).publish({ kind: '../kind', key, title: key, html: '<p>x</p>', previous: null });
    expect(published.location).toBe(join(root, '%2E%2E%2Fkind', `${stem}.html`));
    expect(filesUnder(root)).toEqual([`%2E%2E%2Fkind/${stem}.html`]);
    expect(readdirSync(dir).filter((name) => !name.startsWith('root-'))).toEqual([]);
  });

  it('gives different keys different names, however alike they look once cleaned', () => {
    const keys = ['a/b', 'a%2Fb', 'a_b', 'a b', 'A-1', 'ü', 'x'.repeat(300), `${'x'.repeat(299)}y`];
    const names = keys.map(safeFileName);
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThan(250);
  });

  it('overwrites the file when no previous publish is named, and leaves no temporary file behind', async () => {
    const root = newRoot();
    const publisher = new FolderDocumentPublisher(root);
    const first = await publisher.publish({ kind: 'notice', key: 'PP-0001', title: 'Notice', html: 'one', previous: null });
    const second = await publisher.publish({ kind: 'notice', key: 'PP-0001', title: 'Notice', html: 'two', previous: null });
    expect(second).toMatchObject({ location: first.location, outcome: 'updated' });
    expect(readFileSync(first.location, 'utf8')).toBe('two');
    expect(filesUnder(root)).toEqual(['notice/PP-0001.html']);
  });

  it('writes a new file when the previous publish was into another folder', async () => {
    const elsewhere = await new FolderDocumentPublisher(newRoot()).publish({ kind: 'notice', key: 'PP-0001', title: 'N', html: 'old', previous: null });
    const root = newRoot();
    const published = await new FolderDocumentPublisher(root).publish({ kind: 'notice', key: 'PP-0001', title: 'N', html: 'new', previous: { location: elsewhere.location, version: elsewhere.version } });
    expect(published).toMatchObject({ location: join(root, 'notice', 'PP-0001.html'), outcome: 'created' });
    expect(readFileSync(elsewhere.location, 'utf8')).toBe('old');
  });

  it('refuses with BAD_OPTION when the root is not a folder it can write', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    await expect(new FolderDocumentPublisher(file).publish({ kind: 'notice', key: 'PP-0001', title: 'N', html: 'x', previous: null }))
      .rejects.toMatchObject({ code: 'BAD_OPTION' });
  });
});
