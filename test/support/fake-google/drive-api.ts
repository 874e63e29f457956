// Drive v3 `files.create` (metadata, media or multipart upload), `files.update`, `files.list` (q) and `files.get`.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { drive_v3 } from '@googleapis/drive';
import { applyFieldMask } from './field-mask.js';
import { FakeApiError, jsonBody, type Reply } from './http.js';

/** A stored file: its metadata and, for an upload, the bytes and their type as sent (the fake converts nothing). */
export interface FakeFile {
  /** `driveId` is set on the files of a shared drive (and on the drive's own root folder); My Drive files have none. */
  metadata: drive_v3.Schema$File & { id: string; name: string; mimeType: string; parents: string[] };
  content: Buffer | null;
  uploadedType: string | null;
}

/** Who the fake's caller is: a person (owns what they create) or a service account (owns nothing: shared drives only). */
export type FakeCaller = 'user' | 'service-account';

/**
 * Drive's answer when a service account creates a file outside a shared drive. Google's shared-drives guide: "Service
 * accounts don't have storage quota and can't own any files. Instead, they must upload files and folders into shared
 * drives."
 */
export const SERVICE_ACCOUNT_QUOTA_MESSAGE =
  'Service Accounts do not have storage quota. Leverage shared drives (https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation (http://support.google.com/a/answer/7281227) instead.';

const FOLDER = 'application/vnd.google-apps.folder';
const DEFAULT_FIELDS = 'kind,id,name,mimeType';

/** Drive's side of a new spreadsheet: a file of the spreadsheet type in My Drive (move it with `metadata.parents`). */
export function addSpreadsheetFile(files: Map<string, FakeFile>, id: string, name: string): void {
  const now = new Date().toISOString();
  const mimeType = 'application/vnd.google-apps.spreadsheet';
  files.set(id, {
    metadata: { kind: 'drive#file', id, name, mimeType, parents: ['root'], createdTime: now, modifiedTime: now, trashed: false, version: '1', webViewLink: `https://docs.google.com/spreadsheets/d/${id}/edit` },
    content: null, uploadedType: null,
  });
}

/**
 * `files.create`: metadata only (a folder), or an upload (`uploadType` media or multipart). A file in a shared-drive
 * folder joins that drive; the folder is found only with `supportsAllDrives=true`. A service account may create files
 * only in a shared drive (else 403 `storageQuotaExceeded`, as Drive answers).
 */
export function createFile(files: Map<string, FakeFile>, query: URLSearchParams, headers: IncomingHttpHeaders, body: Buffer, upload: boolean, caller: FakeCaller = 'user'): Reply {
  const { metadata, media } = upload ? uploadParts(query, headers, body) : { metadata: jsonBody<drive_v3.Schema$File>(body), media: null };
  const id = randomBytes(24).toString('base64url').slice(0, 33);
  const now = new Date().toISOString();
  const mimeType = metadata.mimeType ?? media?.type ?? 'application/octet-stream';
  const parents = metadata.parents ?? ['root'];
  if (parents.length > 1) throw new FakeApiError(400, 'Increasing the number of parents is not allowed.', 'cannotAddParent');
  const parent = parents[0] === 'root' ? null : fileNamed(files, parents[0] ?? '', query);
  const driveId = parent?.metadata.driveId ?? null;
  if (caller === 'service-account' && driveId === null) throw new FakeApiError(403, SERVICE_ACCOUNT_QUOTA_MESSAGE, 'storageQuotaExceeded');
  const file: FakeFile = {
    metadata: {
      ...metadata, kind: 'drive#file', id, name: metadata.name ?? 'Untitled', mimeType, parents,
      createdTime: now, modifiedTime: now, trashed: false, version: '1', webViewLink: webViewLink(id, mimeType), ...(driveId === null ? {} : { driveId }),
    },
    content: media?.bytes ?? null,
    uploadedType: media?.type ?? null,
  };
  files.set(id, file);
  return { json: resource(file.metadata, query) };
}

/** `files.update`: new metadata (name, `addParents`/`removeParents`) and, for an upload, new content. */
export function updateFile(files: Map<string, FakeFile>, fileId: string, query: URLSearchParams, headers: IncomingHttpHeaders, body: Buffer, upload: boolean): Reply {
  const file = fileNamed(files, fileId, query);
  const { metadata, media } = upload ? uploadParts(query, headers, body) : { metadata: jsonBody<drive_v3.Schema$File>(body), media: null };
  const parents = new Set(file.metadata.parents);
  for (const parent of (query.get('addParents') ?? '').split(',').filter(Boolean)) parents.add(parent);
  for (const parent of (query.get('removeParents') ?? '').split(',').filter(Boolean)) parents.delete(parent);
  file.metadata = {
    ...file.metadata, ...(metadata.name ? { name: metadata.name } : {}), ...(metadata.trashed != null ? { trashed: metadata.trashed } : {}),
    parents: [...parents], modifiedTime: new Date().toISOString(), version: String(Number(file.metadata.version ?? '1') + 1),
  };
  if (media) {
    file.content = media.bytes;
    file.uploadedType = media.type;
  }
  return { json: resource(file.metadata, query) };
}

/** `files.get`: metadata, or the content with `alt=media`. */
export function getFile(files: Map<string, FakeFile>, fileId: string, query: URLSearchParams): Reply {
  const file = fileNamed(files, fileId, query);
  if (query.get('alt') !== 'media') return { json: resource(file.metadata, query) };
  if (file.content === null) throw new FakeApiError(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable');
  return { bytes: file.content, contentType: file.uploadedType ?? 'application/octet-stream' };
}

/**
 * `files.list` with a `q` of `and`-ed clauses: name =/!=/contains, mimeType =/!=, 'ID' in parents, appProperties has {…},
 * trashed =. Shared-drive files are listed only with `supportsAllDrives` and `includeItemsFromAllDrives`.
 */
export function listFiles(files: Map<string, FakeFile>, query: URLSearchParams): Reply {
  const clauses = splitClauses(query.get('q') ?? '').map(clause);
  const allDrives = query.get('supportsAllDrives') === 'true' && query.get('includeItemsFromAllDrives') === 'true';
  const matching = [...files.values()].filter((file) => (allDrives || !file.metadata.driveId) && clauses.every((test) => test(file.metadata))).map((file) => file.metadata);
  const pageSize = Math.min(Number(query.get('pageSize') ?? 100) || 100, 1000);
  const start = Number(query.get('pageToken') ?? 0) || 0;
  const page = matching.slice(start, start + pageSize);
  const list: drive_v3.Schema$FileList = {
    kind: 'drive#fileList', incompleteSearch: false, files: page,
    ...(start + pageSize < matching.length ? { nextPageToken: String(start + pageSize) } : {}),
  };
  const fields = query.get('fields') ?? `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FIELDS})`;
  return { json: applyFieldMask(list, fields) };
}

/** The file, or Drive's 404; a shared-drive file is "not found" unless the request says `supportsAllDrives=true`. */
function fileNamed(files: Map<string, FakeFile>, fileId: string, query: URLSearchParams): FakeFile {
  const file = files.get(fileId);
  if (!file || (file.metadata.driveId && query.get('supportsAllDrives') !== 'true')) throw new FakeApiError(404, `File not found: ${fileId}.`, 'notFound');
  return file;
}

function resource(metadata: FakeFile['metadata'], query: URLSearchParams): drive_v3.Schema$File {
  return applyFieldMask(metadata, query.get('fields') ?? DEFAULT_FIELDS);
}

function webViewLink(id: string, mimeType: string): string {
  if (mimeType === FOLDER) return `https://drive.google.com/drive/folders/${id}`;
  if (mimeType === 'application/vnd.google-apps.document') return `https://docs.google.com/document/d/${id}/edit`;
  return `https://drive.google.com/file/d/${id}/view`;
}

/** The metadata and media of an upload: `multipart/related` (JSON part, then the media) or media alone. */
function uploadParts(query: URLSearchParams, headers: IncomingHttpHeaders, body: Buffer): { metadata: drive_v3.Schema$File; media: { bytes: Buffer; type: string } } {
  const type = headers['content-type'] ?? 'application/octet-stream';
  const uploadType = query.get('uploadType');
  if (uploadType === 'media') return { metadata: {}, media: { bytes: body, type } };
  if (uploadType !== 'multipart') throw new FakeApiError(400, `The fake does not implement uploadType ${uploadType ?? '(none)'}`);
  const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
  if (!type.startsWith('multipart/related') || !boundary) throw new FakeApiError(400, 'Multipart upload without a multipart/related boundary');
  const parts = multipartParts(body, boundary);
  const [meta, media] = parts;
  if (parts.length !== 2 || !meta || !media) throw new FakeApiError(400, `A multipart upload has 2 parts, not ${parts.length}`);
  return { metadata: jsonBody<drive_v3.Schema$File>(meta.bytes), media: { bytes: media.bytes, type: media.headers['content-type'] ?? 'application/octet-stream' } };
}

function multipartParts(body: Buffer, boundary: string): { headers: Record<string, string>; bytes: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: Record<string, string>; bytes: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length;
    if (body.subarray(from, from + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, from);
    if (next < 0) break;
    const part = body.subarray(from, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = Object.fromEntries(part.subarray(0, Math.max(0, headerEnd)).toString('utf8').split('\r\n').filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    let bytes = part.subarray(headerEnd + 4);
    if (bytes.subarray(-2).toString() === '\r\n') bytes = bytes.subarray(0, -2);
    parts.push({ headers, bytes });
    start = next;
  }
  return parts;
}

function splitClauses(q: string): string[] {
  const clauses: string[] = [];
  let current = '';
  let quoted = false;
  let braces = 0;
  for (let i = 0; i < q.length; i++) {
    const char = q[i]!;
    if (char === '\\' && quoted) {
      current += char + (q[++i] ?? '');
      continue;
    }
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '{') braces += 1;
    if (!quoted && char === '}') braces -= 1;
    if (!quoted && braces === 0 && /^\s+and\s+/i.test(q.slice(i))) {
      clauses.push(current.trim());
      current = '';
      i += /^\s+and\s+/i.exec(q.slice(i))![0].length - 1;
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') clauses.push(current.trim());
  return clauses;
}

function clause(text: string): (file: FakeFile['metadata']) => boolean {
  const literal = (quoted: string) => quoted.replace(/\\(.)/g, '$1');
  let match = /^(name|mimeType)\s*(=|!=|contains)\s*'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (match) {
    const [, field = 'name', operator, raw = ''] = match;
    const value = literal(raw);
    return (file) => {
      const actual = field === 'name' ? file.name : file.mimeType;
      return operator === '=' ? actual === value : operator === '!=' ? actual !== value : actual.toLowerCase().includes(value.toLowerCase());
    };
  }
  match = /^'((?:[^'\\]|\\.)*)'\s+in\s+parents$/.exec(text);
  if (match) {
    const parent = literal(match[1] ?? '');
    return (file) => file.parents.includes(parent);
  }
  match = /^appProperties\s+has\s+\{\s*key\s*=\s*'((?:[^'\\]|\\.)*)'\s+and\s+value\s*=\s*'((?:[^'\\]|\\.)*)'\s*\}$/.exec(text);
  if (match) {
    const key = literal(match[1] ?? '');
    const value = literal(match[2] ?? '');
    return (file) => file.appProperties?.[key] === value;
  }
    match = /^trashed\s*=\s*(true|false)$/.exec(text);
  if (match) {
    const trashed = match[1] === 'true';
    return (file) => (file.trashed ?? false) === trashed;
  }
  throw new FakeApiError(400, `Invalid Value: the fake does not understand the query clause "${text}"`, 'invalid');
}
