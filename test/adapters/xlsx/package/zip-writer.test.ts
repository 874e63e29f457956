// Rewriting a zip: unchanged entries keep their bytes, written ones read back as written (jszip, zlib), new ones follow.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipRecordsOf } from '../../../../functions/adapters/xlsx/package/zip-records.js';
import { deflatePart, rewriteZip } from '../../../../functions/adapters/xlsx/package/zip-writer.js';

const sheet = (rows: number) => `<sheetData>${Array.from({ length: rows }, (_, row) => `<row r="${row + 1}"><c t="inlineStr"><is><t>Row ${row} é ✓</t></is></c></row>`).join('')}</sheetData>`;

async function original(): Promise<Buffer> {
  const zip = new JSZip();
  const parts: [string, string][] = [['[Content_Types].xml', '<Types/>'], ['xl/worksheets/sheet1.xml', sheet(3_000)], ['xl/calcChain.xml', '<calcChain/>'], ['xl/worksheets/sheet2.xml', sheet(10)]];
  for (const [name, text] of parts) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment: 'kept' });
}

describe('rewriteZip', () => {
  it('keeps the records of unchanged entries, replaces written ones in place, drops removed ones and adds new ones last', async () => {
    const before = await original();
    const written = new Map([
      ['xl/worksheets/sheet2.xml', await deflatePart(Buffer.from(sheet(20)))],
      ['xl/worksheets/sheet3.xml', await deflatePart(Buffer.from('<worksheet/>'))],
    ]);
    const after = rewriteZip(zipRecordsOf(before)!, { written, removed: new Set(['xl/calcChain.xml']) })!;

    const records = zipRecordsOf(after)!;
    expect(records.records.map((record) => record.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    const kept = (bytes: Buffer, name: string) => zipRecordsOf(bytes)!.records.find((record) => record.name === name)!.local;
    expect(kept(after, 'xl/worksheets/sheet1.xml').equals(kept(before, 'xl/worksheets/sheet1.xml'))).toBe(true);
    expect(records.comment.toString()).toBe('kept');
    const read = await JSZip.loadAsync(after, { checkCRC32: true });
    expect(await read.file('xl/worksheets/sheet2.xml')!.async('string')).toBe(sheet(20));
    expect(await read.file('xl/worksheets/sheet3.xml')!.async('string')).toBe('<worksheet/>');
    expect(await read.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(sheet(3_000));
  });

  it('writes a zip that unzip tests without an error', async () => {
    const before = await original();
    const written = new Map([['xl/worksheets/sheet1.xml', await deflatePart(Buffer.from(sheet(4_000)))]]);
    const path = join(mkdtempSync(join(tmpdir(), 'cceg-zip-')), 'rewritten.zip');
    writeFileSync(path, rewriteZip(zipRecordsOf(before)!, { written, removed: new Set() })!);
    expect(execFileSync('unzip', ['-t', path]).toString()).toMatch(/No errors detected/);
  });
});

describe('deflatePart', () => {
  it('gives raw DEFLATE bytes, the CRC-32 and the size of the part', async () => {
    const bytes = Buffer.from(sheet(1_000));
    const part = await deflatePart(bytes);
    const { inflateRawSync, crc32 } = await import('node:zlib');
    expect(inflateRawSync(part.data).equals(bytes)).toBe(true);
    expect([part.crc, part.size]).toEqual([crc32(bytes), bytes.length]);
  });
});
