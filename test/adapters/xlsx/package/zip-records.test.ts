// The records of a zip as raw bytes: found for a plain zip, in central directory order; refused (null) for anything else.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zipRecordsOf } from '../../../../functions/adapters/xlsx/package/zip-records.js';

async function zipOf(files: Record<string, string>, options: JSZip.JSZipGeneratorOptions<'nodebuffer'> = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', ...options });
}

describe('zipRecordsOf', () => {
  it('finds every entry in order, its local record running up to the next one, and the archive comment', async () => {
    const bytes = await zipOf({ 'a.xml': '<a/>', 'xl/b.xml': 'b'.repeat(1_000) }, { comment: 'made here' });
    const found = zipRecordsOf(bytes)!;
    expect(found.records.map((record) => record.name)).toEqual(['a.xml', 'xl/b.xml']);
    expect(found.records[0]!.local.readUInt32LE(0)).toBe(0x04034b50);
    expect(found.records[0]!.local.length + found.records[1]!.local.length).toBe(bytes.indexOf(found.records[0]!.central));
    expect(found.comment.toString()).toBe('made here');
  });

  it('copes with entries written with data descriptors (sizes after the data)', async () => {
    const bytes = await zipOf({ 'a.xml': 'a'.repeat(5_000), 'é.xml': 'é' }, { streamFiles: true });
    expect(zipRecordsOf(bytes)?.records.map((record) => record.name)).toEqual(['a.xml', 'é.xml']);
  });

  it.each([
    ['bytes that are no zip', () => Buffer.from('not a zip at all, not even close to one')],
    ['a zip with bytes before it', async () => Buffer.concat([Buffer.from('prefix'), await zipOf({ 'a.xml': 'a' })])],
    ['a zip cut short', async () => (await zipOf({ 'a.xml': 'a' })).subarray(0, 40)],
  ])('gives null for %s', async (_name, make) => {
    expect(zipRecordsOf(await make())).toBeNull();
  });
});
