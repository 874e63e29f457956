// The package a workbook is read from and written into: parts inflated ahead for their next read, and never stale.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxPackage } from '../../../../functions/adapters/xlsx/package/xlsx-package.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-package-'));
const path = join(dir, 'book.xlsx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Roster').addRows([['ID', 'Name'], ['P-0001', 'Ana Costa']]);
  await book.xlsx.writeFile(path);
});

const opened = () => XlsxPackage.load(readFileSync(path), path);

describe('XlsxPackage.prefetch', () => {
  it('gives the next read of a part the text inflated ahead, the same as a read without it', async () => {
    const [ahead, plain] = [await opened(), await opened()];
    const part = ahead.sheet('Roster')!.part;
    ahead.prefetch(part);
    expect(await ahead.read(part)).toBe(await plain.read(part));
    // Taken by that read, not kept: the next read inflates the part again, to the same text.
    expect(await ahead.read(part)).toBe(await plain.read(part));
  });

  it('gives a part written after it was prefetched as written', async () => {
    const book = await opened();
    const part = book.sheet('Roster')!.part;
    book.prefetch(part);
    book.write(part, '<worksheet/>');
    expect(await book.read(part)).toBe('<worksheet/>');
  });

  it('leaves the fault of a missing part to its read', async () => {
    const book = await opened();
    book.prefetch('xl/worksheets/missing.xml');
    await expect(book.read('xl/worksheets/missing.xml')).rejects.toMatchObject({ code: 'NOT_A_WORKBOOK' });
  });
});
