// The documents port over a local folder: `<root>/<kind>/<key>.html`, written atomically, names that cannot escape.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CcegError } from '../../core/errors.js';
import { fileSystemReason } from '../file-system-reason.js';
import type { DocumentPublisher, DocumentToPublish, PublishedDocument } from '../../ports/documents.port.js';

/** Longest file name kept as is; longer ones are cut and given a hash of the whole (file systems stop at 255 bytes). */
const MAX_NAME = 180;

/**
 * A folder name or file stem for `text`: letters, digits, `_` and `-` are kept; every other character (`.`, `/`,
 * `\`, `%`, quotes, spaces…) becomes `%XX` of its UTF-8 bytes. Different texts give different names, and no name
 * can be `.`, `..` or hold a separator, so a key never leaves its folder.
 */
export function safeFileName(text: string): string {
  if (text === '') throw new CcegError('BAD_REQUEST', 'A document kind or key is empty.');
  const encoded = Array.from(text, (char) =>
    /^[\p{L}\p{N}_-]$/u.test(char) ? char : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  ).join('');
  if (encoded.length <= MAX_NAME) return encoded;
  // `~` is always encoded above, so a shortened name never equals a kept one.
  return `${encoded.slice(0, MAX_NAME).replace(/%[0-9A-F]?$/, '')}~${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** The version of a folder document: the SHA-256 (hex) of its bytes. */
export function folderVersionOf(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The documents port's embedded default: each document is `<rootDir>/<kind>/<key>.html` (names from `safeFileName`),
 * its location the absolute path and its version the SHA-256 of its bytes. When `previous` names that same file with
 * a version, the file is overwritten only if it still holds exactly what was published then: a file a person edited
 * or removed is kept as they left it. Otherwise (no previous version, or another folder) the file is written.
 * Each write goes to a temporary file that is renamed over the document: a reader sees the old document or the new
 * one, never half of one.
 */
export class FolderDocumentPublisher implements DocumentPublisher {
  constructor(private readonly rootDir: string) {}

  /** Writes (or keeps) the document. Throws BAD_OPTION when it cannot read or write the file. */
  async publish(doc: DocumentToPublish): Promise<PublishedDocument> {
    const path = resolve(this.rootDir, safeFileName(doc.kind), `${safeFileName(doc.key)}.html`);
    try {
      const current = await readFile(path).then((bytes) => folderVersionOf(bytes), (error: unknown) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return null;
        throw error;
      });
      const previous = doc.previous?.location === path ? doc.previous.version : null;
      if (previous !== null && current !== previous) {
        const reason = current === null ? 'the file was removed since it was drafted' : 'the file was changed since it was drafted';
        return { location: path, outcome: 'kept', version: previous, reason };
      }
      await mkdir(dirname(path), { recursive: true });
      await writeAtomically(path, doc.html);
      return { location: path, outcome: current === null ? 'created' : 'updated', version: folderVersionOf(doc.html) };
    } catch (error) {
      throw writeError(path, error);
    }
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function writeError(path: string, error: unknown): unknown {
  if (error instanceof CcegError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === undefined) return error;
  const fault = new CcegError('BAD_OPTION', `Cannot write ${path}: ${fileSystemReason(code, 'write')}.`);
  fault.cause = error;
  return fault;
}
