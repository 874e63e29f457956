// The documents port over Google Drive: each document uploaded as a .docx and converted to a Google Doc, one folder per kind.
import { Readable } from 'node:stream';
import type { drive_v3 } from '@googleapis/drive';
import { CcegError } from '../../core/errors.js';
import type { DocumentPublisher, DocumentToPublish, PublishedDocument } from '../../ports/documents.port.js';
import { docForDrive, type DriveUpload } from './doc-for-drive.js';
import { driveClient, type GoogleConnection } from './google-client.js';
import { notInSharedDrive, type GoogleTarget } from './google-errors.js';
import { withRetries, type RetryPolicy } from './retry.js';

/** The prefix of a document's location in Drive: `drive:<fileId>`. */
export const DRIVE_PREFIX = 'drive:';
const FOLDER_TYPE = 'application/vnd.google-apps.folder';
const GOOGLE_DOC_TYPE = 'application/vnd.google-apps.document';
const FILE_ID = /^[A-Za-z0-9_-]+$/;
/** The app property that names the key a Doc was published for (private to this app, searchable). */
const KEY_PROPERTY = 'ccegKey';

/** Where the documents go and how to reach Drive. */
export interface DriveDocumentOptions extends GoogleConnection {
  /** The Drive folder holding one folder per document kind. */
  readonly rootFolderId: string;
  /** How Google calls are retried (tests pass their own clock). */
  readonly retry?: RetryPolicy;
  /**
   * Refuse a root folder outside a shared drive before publishing anything: set where cceg runs as a service account
   * (the functions), which owns no files and can create them only in a shared drive.
   */
  readonly requireSharedDrive?: boolean;
}

/** The Drive file ID of a `drive:<fileId>` location, or null when the location is not one (a path, say). */
export function driveFileIdOf(location: string): string | null {
  if (!location.startsWith(DRIVE_PREFIX)) return null;
  const id = location.slice(DRIVE_PREFIX.length);
  return FILE_ID.test(id) ? id : null;
}

/** A Drive query string literal: the text in single quotes, with `\` and `'` escaped. */
export function driveQueryLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The documents port over Google Drive. Locations are `drive:<fileId>`; a document's version is its `modifiedTime`.
 * A document with no previous Drive location is looked for in the kind's folder by its key (an app property set when
 * it was created: ONE `files.list`), so a lost index entry or a repeated `cceg report` updates the same Doc; when there
 * is none, ONE `files.create` uploads the document with the target type Google Doc (Drive converts it): not the HTML,
 * whose inline SVG charts and style sheet Google documents no import for, but {@link docForDrive}'s .docx with PNG
 * charts. A document whose `previous` is a `drive:` location is ONE `files.update` of that file's content (the same
 * .docx) instead, preceded, when a version is remembered, by ONE `files.get`: a Doc modified by anyone
 * since (a chair completing a section), trashed or deleted is kept as it is and not written.
 * The folder of each kind is looked up under the root (`files.list`) or created, once per publisher.
 * Shared drives are supported (`supportsAllDrives` on every call). With `requireSharedDrive`, ONE `files.get` of the
 * root (its `driveId`) first, once per publisher: a root in My Drive is refused (NOT_IN_SHARED_DRIVE) before any
 * draft; without it, Drive's own `storageQuotaExceeded` refusal of a service account's create becomes the same line.
 * Creates are retried only after a rate-limit refusal (a 5xx may come after Drive made the file); the rest also
 * after a 5xx or a network failure.
 */
export class DriveDocumentPublisher implements DocumentPublisher {
  private client: Promise<drive_v3.Drive> | undefined;
  private readonly folders = new Map<string, Promise<string>>();
  private sharedDriveChecked: Promise<void> | undefined;

  constructor(private readonly options: DriveDocumentOptions) {}

  /**
   * Creates, updates or keeps the Google Doc; throws NOT_IN_SHARED_DRIVE, NOT_FOUND, PERMISSION_DENIED, GOOGLE_AUTH,
   * RATE_LIMITED, GOOGLE_UNAVAILABLE or GOOGLE_API.
   */
  async publish(doc: DocumentToPublish): Promise<PublishedDocument> {
    if (this.options.requireSharedDrive === true) await this.sharedDriveCheck();
    const upload = await docForDrive(doc.title, doc.html);
    const existingId = doc.previous === null ? null : driveFileIdOf(doc.previous.location);
    if (existingId !== null) {
      const location = `${DRIVE_PREFIX}${existingId}`;
      const remembered = doc.previous?.version ?? null;
      if (remembered !== null) {
        const reason = await this.changedSince(existingId, remembered);
        if (reason !== null) return { location, outcome: 'kept', version: remembered, reason };
      }
      const updated = await this.call(true, docTarget(existingId), (api) =>
        api.files.update({ fileId: existingId, media: mediaOf(upload), fields: 'id,modifiedTime', supportsAllDrives: true }));
      return { location, outcome: 'updated', version: updated.data.modifiedTime ?? null };
    }
    const folderId = await this.folderFor(doc.kind);
    const found = await this.docFor(folderId, doc.key);
    if (found !== null) {
      const updated = await this.call(true, docTarget(found), (api) =>
        api.files.update({ fileId: found, requestBody: { name: doc.title }, media: mediaOf(upload), fields: 'id,modifiedTime', supportsAllDrives: true }));
      return { location: `${DRIVE_PREFIX}${found}`, outcome: 'updated', version: updated.data.modifiedTime ?? null };
    }
    const appProperties = { [KEY_PROPERTY]: doc.key };
    const created = await this.call(false, docTarget('new'), (api) =>
      api.files.create({ requestBody: { name: doc.title, mimeType: GOOGLE_DOC_TYPE, parents: [folderId], appProperties }, media: mediaOf(upload), fields: 'id,modifiedTime', supportsAllDrives: true }),
    );
    return { location: `${DRIVE_PREFIX}${idOf(created.data, 'new')}`, outcome: 'created', version: created.data.modifiedTime ?? null };
  }

  /** The check of the root, made once per publisher (again after a failure). */
  private sharedDriveCheck(): Promise<void> {
    if (this.sharedDriveChecked === undefined) {
      const check = this.checkSharedDrive();
      check.catch(() => {
        if (this.sharedDriveChecked === check) this.sharedDriveChecked = undefined;
      });
      this.sharedDriveChecked = check;
    }
    return this.sharedDriveChecked;
  }

  /** Throws NOT_IN_SHARED_DRIVE unless the root folder is in a shared drive (ONE `files.get` of its `driveId`). */
  private async checkSharedDrive(): Promise<void> {
    const root = this.options.rootFolderId;
    const target: GoogleTarget = { label: `${DRIVE_PREFIX}${root}`, noun: 'Drive folder' };
    const { data } = await this.call(true, target, (api) => api.files.get({ fileId: root, fields: 'id,mimeType,driveId', supportsAllDrives: true }));
    if (data.mimeType !== FOLDER_TYPE) throw new CcegError('BAD_OPTION', `${DRIVE_PREFIX}${root} is not a Drive folder: name a folder of a shared drive with drive:<folderId>.`);
    if (!data.driveId) throw notInSharedDrive(`${DRIVE_PREFIX}${root}`);
  }

  /** Why the Doc must be kept (modified since `version`, trashed or gone), or null when it is as it was published. */
  private async changedSince(fileId: string, version: string): Promise<string | null> {
    try {
      const { data } = await this.call(true, docTarget(fileId), (api) =>
        api.files.get({ fileId, fields: 'modifiedTime,trashed', supportsAllDrives: true }));
      if (data.trashed === true) return 'the Doc was moved to the trash since it was drafted';
      return data.modifiedTime === version ? null : `the Doc was modified at ${data.modifiedTime ?? 'an unknown time'}, after it was drafted`;
    } catch (error) {
      if (error instanceof CcegError && error.code === 'NOT_FOUND') return 'the Doc was deleted since it was drafted';
      throw error;
    }
  }

  /** The Doc published before for `key` in the kind's folder (found by its app property), or null. */
  private async docFor(folderId: string, key: string): Promise<string | null> {
    const q = `${driveQueryLiteral(folderId)} in parents and appProperties has { key=${driveQueryLiteral(KEY_PROPERTY)} and value=${driveQueryLiteral(key)} } and trashed = false`;
    const target: GoogleTarget = { label: `${DRIVE_PREFIX}${folderId}`, noun: 'Drive folder' };
    const found = await this.call(true, target, (api) => api.files.list({ q, fields: 'files(id)', pageSize: 1, supportsAllDrives: true, includeItemsFromAllDrives: true }));
    return found.data.files?.[0]?.id ?? null;
  }

  /** The ID of the kind's folder under the root, found or created on first use; a failed lookup is tried again next time. */
  private folderFor(kind: string): Promise<string> {
    let folder = this.folders.get(kind);
    if (folder === undefined) {
      folder = this.findOrCreateFolder(kind);
      folder.catch(() => this.folders.delete(kind));
      this.folders.set(kind, folder);
    }
    return folder;
  }

  private async findOrCreateFolder(kind: string): Promise<string> {
    const root = this.options.rootFolderId;
    const target: GoogleTarget = { label: `${DRIVE_PREFIX}${root}`, noun: 'Drive folder' };
    const q = `name = ${driveQueryLiteral(kind)} and ${driveQueryLiteral(root)} in parents and mimeType = '${FOLDER_TYPE}' and trashed = false`;
    const found = await this.call(true, target, (api) => api.files.list({ q, fields: 'files(id)', pageSize: 1, supportsAllDrives: true, includeItemsFromAllDrives: true }));
    const existing = found.data.files?.[0]?.id;
    if (existing) return existing;
    const created = await this.call(false, target, (api) =>
      api.files.create({ requestBody: { name: kind, mimeType: FOLDER_TYPE, parents: [root] }, fields: 'id', supportsAllDrives: true }),
    );
    return idOf(created.data, `${kind} folder`);
  }

  private async call<T>(idempotent: boolean, target: GoogleTarget, request: (api: drive_v3.Drive) => Promise<T>): Promise<T> {
    this.client ??= driveClient(this.options);
    const api = await this.client;
    try {
      return await withRetries(() => request(api), { ...this.options.retry, target, idempotent });
    } catch (error) {
      // Drive refuses a service account's create outside a shared drive: say so of the folder the user named.
      if (error instanceof CcegError && error.code === 'NOT_IN_SHARED_DRIVE') throw notInSharedDrive(`${DRIVE_PREFIX}${this.options.rootFolderId}`);
      throw error;
    }
  }
}

/** The upload as googleapis media: a new stream for each attempt (a multipart body must be a string or a stream). */
function mediaOf(upload: DriveUpload): { mimeType: string; body: Readable } {
  return { mimeType: upload.mimeType, body: Readable.from([upload.body]) };
}

function docTarget(id: string): GoogleTarget {
  return { label: `${DRIVE_PREFIX}${id}`, noun: 'Google Doc' };
}

function idOf(file: drive_v3.Schema$File, what: string): string {
  if (!file.id) throw new CcegError('GOOGLE_API', `${DRIVE_PREFIX}${what}: Drive created no file ID.`);
  return file.id;
}

/** The ID of the Drive folder a file (a spreadsheet) is in: ONE `files.get`; NOT_FOUND when it has no folder we can see. */
export async function driveFolderOf(fileId: string, connection: GoogleConnection = {}, retry?: RetryPolicy): Promise<string> {
  const api = await driveClient(connection);
  const target: GoogleTarget = { label: `sheets:${fileId}`, noun: 'spreadsheet' };
  const { data } = await withRetries(() => api.files.get({ fileId, fields: 'parents', supportsAllDrives: true }), { ...retry, target, idempotent: true });
  const parent = data.parents?.[0];
  if (!parent) throw new CcegError('NOT_FOUND', `sheets:${fileId}: the spreadsheet is in no Drive folder this account can see; name one with drive:<folderId>.`);
  return parent;
}
