// The package a workbook is read from and written into: parts inflated ahead for their next read, and never stale.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XlsxPackage } from '../../../../functions/adapters/xlsx/package/xlsx-package.js';
import { DEFAULT_LIMITS } from '../../../../functions/core/config.js';

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

/** The zip with the uncompressed size of entry `name` declared as `size`, in its local and central records. */
function declaringSize(zip: Buffer, name: string, size: number): Buffer {
  const bytes = Buffer.from(zip);
  // Each record: its signature, where its uncompressed size, its name's length and its name are.
  const records = [
    { signature: 0x04034b50, sizeAt: 22, nameLengthAt: 26, nameAt: 30 },
    { signature: 0x02014b50, sizeAt: 24, nameLengthAt: 28, nameAt: 46 },
  ];
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const record = records.find((candidate) => bytes.readUInt32LE(at) === candidate.signature);
    if (!record) continue;
    const nameLength = bytes.readUInt16LE(at + record.nameLengthAt);
    if (bytes.toString('utf8', at + record.nameAt, at + record.nameAt + nameLength) === name) bytes.writeUInt32LE(size, at + record.sizeAt);
  }
  return bytes;
}

describe('XlsxPackage.read within the limits', () => {
  it('stops a part that inflates past them though it declares a small size, at the most it may inflate to', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>');
    zip.file('xl/bomb.xml', `<sst>${'a'.repeat(30_000_000)}</sst>`);
    const bytes = declaringSize(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'xl/bomb.xml', 100);
    const book = await XlsxPackage.load(bytes, 'bomb.xlsx', { ...DEFAULT_LIMITS, inflatedBytes: 20_000_000 });
    await expect(book.read('xl/bomb.xml')).rejects.toMatchObject({ code: 'WORKBOOK_TOO_LARGE', message: expect.stringContaining('xl/bomb.xml is compressed more than 100:1') });
  });
});
