// Reads a .docx in tests: its parts, the text it shows and its PNG images, with jszip.
import JSZip from 'jszip';

/** The PNG file signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Every part of the package, by path, as bytes. */
export async function docxParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(path, await entry.async('nodebuffer'));
  return parts;
}

/** `word/document.xml`, as text. */
export async function documentXml(bytes: Buffer): Promise<string> {
  const part = (await docxParts(bytes)).get('word/document.xml');
  if (part === undefined) throw new Error('The .docx has no word/document.xml');
  return part.toString('utf8');
}

/** The text a .docx shows: its `w:t` runs one after another, entities decoded. */
export async function docxText(bytes: Buffer): Promise<string> {
  const xml = await documentXml(bytes);
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, text = '']) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '')).join('');
}

/** The size in pixels a PNG's IHDR chunk declares. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
