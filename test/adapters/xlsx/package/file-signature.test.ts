// What a file is, told by its first bytes: a zip, an encrypted workbook, an Excel 97-2003 workbook, or something else.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKindOf } from '../../../../functions/adapters/xlsx/package/file-signature.js';
import { writeEncryptedWorkbook } from '../../../support/hostile-workbooks.js';

const dir = mkdtempSync(join(tmpdir(), 'cceg-signature-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('fileKindOf', () => {
  it('tells a workbook encrypted with a password (a compound file holding an EncryptedPackage stream)', () => {
    const path = join(dir, 'encrypted.xlsx');
    writeEncryptedWorkbook(path);
    expect(fileKindOf(readFileSync(path))).toBe('encrypted');
  });

  it.each([
    ['a zip', Buffer.from('PK\x03\x04rest', 'latin1'), 'zip'],
    ['an empty zip', Buffer.from('PK\x05\x06', 'latin1'), 'zip'],
    ['an Excel 97-2003 workbook (a compound file holding a Workbook stream)', Buffer.concat([COMPOUND_FILE, Buffer.alloc(600), Buffer.from('Workbook', 'utf16le')]), 'legacy-excel'],
    ['another compound file', Buffer.concat([COMPOUND_FILE, Buffer.alloc(600)]), 'other'],
    ['a CSV file', Buffer.from('ID,Name\n'), 'other'],
    ['an empty file', Buffer.alloc(0), 'other'],
  ])('tells %s', (_name, bytes, expected) => {
    expect(fileKindOf(bytes)).toBe(expected);
  });
});
