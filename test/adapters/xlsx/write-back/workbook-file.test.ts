// Replacing the workbook file: atomic, mode and links kept, refused when someone saved the file meanwhile.
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookFile, replaceWorkbookFile } from '../../../../functions/adapters/xlsx/write-back/workbook-file.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-workbook-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (contents = 'old') => {
  const path = join(dir, `book-${++files}.xlsx`);
  writeFileSync(path, contents);
  return path;
};

describe('replaceWorkbookFile', () => {
  it('replaces the file, keeps its mode and leaves no temporary file behind', async () => {
    const path = newFile();
    chmodSync(path, 0o640);
    const { stamp } = await readWorkbookFile(path);
    await replaceWorkbookFile(path, Buffer.from('new'), stamp);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces the file a symbolic link points to, keeping the link', async () => {
    const target = newFile();
    const link = join(dir, `link-${files}.xlsx`);
    symlinkSync(target, link);
    const { stamp } = await readWorkbookFile(link);
    await replaceWorkbookFile(link, Buffer.from('new'), stamp);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('refuses to replace a file saved by someone else since it was read, keeping their version', async () => {
    const path = newFile();
    const { stamp } = await readWorkbookFile(path);
    writeFileSync(path, 'their edit');
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    await expect(replaceWorkbookFile(path, Buffer.from('new'), stamp)).rejects.toMatchObject({ code: 'WORKBOOK_CHANGED', message: `${path} changed while it was being synced (saved by someone, or rows moved); nothing was written or committed, sync again.` });
    expect(readFileSync(path, 'utf8')).toBe('their edit');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('readWorkbookFile', () => {
  it.each([
    ['a missing file', () => join(dir, 'missing.xlsx'), 'FILE_NOT_FOUND'],
    ['a folder', () => dir, 'NOT_A_WORKBOOK'],
  ])('refuses %s', async (_name, path, code) => {
    await expect(readWorkbookFile(path())).rejects.toMatchObject({ code });
  });
});
