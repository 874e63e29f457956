// jszip with Node's DEFLATE: what it writes reads back the same, in jszip and in zlib, and unwritten entries keep their bytes.
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useNativeDeflate } from '../../../../functions/adapters/xlsx/package/native-deflate.js';

const text = (rows: number) => `<sheetData>${Array.from({ length: rows }, (_, row) => `<row r="${row + 1}"><c t="inlineStr"><is><t>Row ${row} é ✓</t></is></c></row>`).join('')}</sheetData>`;

/** The raw DEFLATE bytes of an entry, from the zip's local file header on. */
function rawEntry(zip: Buffer, name: string): Buffer {
  const at = zip.indexOf(Buffer.from(name));
  const header = at - 30;
  expect(zip.readUInt32LE(header)).toBe(0x04034b50);
  expect(zip.readUInt16LE(header + 8)).toBe(8);
  const size = zip.readUInt32LE(header + 18);
  return zip.subarray(at + name.length + zip.readUInt16LE(header + 28), at + name.length + zip.readUInt16LE(header + 28) + size);
}

describe('useNativeDeflate', () => {
  it('writes DEFLATE entries that jszip and zlib both read back as written', async () => {
    useNativeDeflate();
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', text(5_000));
    zip.file('empty.xml', '');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });

    const again = await JSZip.loadAsync(bytes);
    expect(await again.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(text(5_000));
    expect(await again.file('empty.xml')!.async('string')).toBe('');
    expect(inflateRawSync(rawEntry(bytes, 'xl/worksheets/sheet1.xml')).toString('utf8')).toBe(text(5_000));
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text(5_000)) / 5);
  });

  it('keeps the compressed bytes of an entry nobody wrote, and deflates only the one written', async () => {
    useNativeDeflate();
    const original = new JSZip();
    original.file('kept.xml', text(2_000));
    original.file('written.xml', text(10));
    const first = await original.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const opened = await JSZip.loadAsync(first);
    opened.file('written.xml', text(20));

    const second = await opened.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

    expect(rawEntry(second, 'kept.xml').equals(rawEntry(first, 'kept.xml'))).toBe(true);
    expect(await (await JSZip.loadAsync(second)).file('written.xml')!.async('string')).toBe(text(20));
  });
});
