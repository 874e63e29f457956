// Where each stored thing lives in Firestore: PRODUCT.md's collections, under an optional root document.
import type { CollectionReference, DocumentReference, Firestore } from '@google-cloud/firestore';
import { CcegError } from '../../core/errors.js';

/**
 * The collections, relative to the root (the database, or the document `rootPath` names):
 *
 * | PRODUCT.md               | Firestore                                   |
 * |--------------------------|---------------------------------------------|
 * | `records/{tab}/{id}`     | `records/{tab}/rows/{id}`                   |
 * | `audit/{seq}`            | `audit/{seq, 12 digits}`                    |
 * | `runs/{id}`              | `runs/{id}` and its journal `runs/{id}/chunks/{n, 6 digits}` |
 * | `documents/{kind}/{key}` | `documents/{kind}/entries/{key}`            |
 * | (head of the audit log)  | `meta/head`                                 |
 * | (record digests)         | `digests/{shard, 2 digits}`: `{r<hex of Tab/ID>: digest}` |
 * | (leases, nonces)         | `leases/{key}/generations/{n, 12 digits}`, `nonces/{sha256 of the nonce}` |
 * | (sheet edits)            | `edits/{id}`, with `pendingFor` (the workbook) until a sync settles it |
 *
 * Firestore paths alternate collection and document, hence the `rows` and `entries` subcollections. IDs are
 * escaped by `documentId`; every document also holds its unescaped fields.
 */
export interface FirestoreLayout {
  readonly root: string;
  records(tab: string): CollectionReference;
  record(tab: string, id: string): DocumentReference;
  audit(): CollectionReference;
  auditEntry(seq: number): DocumentReference;
  head(): DocumentReference;
  digests(): CollectionReference;
  digestShard(n: number): DocumentReference;
  runs(): CollectionReference;
  run(id: string): DocumentReference;
  chunk(runId: string, n: number): DocumentReference;
  leaseGenerations(key: string): CollectionReference;
  leaseGeneration(key: string, n: number): DocumentReference;
  nonce(digest: string): DocumentReference;
  edits(): CollectionReference;
  edit(id: string): DocumentReference;
  document(kind: string, key: string): DocumentReference;
}

/** The layout under `rootPath`: '' for the database root, else a document path such as `cceg/production`. */
export function firestoreLayout(db: Firestore, rootPath = ''): FirestoreLayout {
  const root = rootPath.replace(/^\/+|\/+$/g, '');
  const segments = root === '' ? [] : root.split('/');
  if (segments.length % 2 !== 0 || segments.some((segment) => segment === '')) {
    throw new CcegError('BAD_CONFIG', `Firestore root "${rootPath}" is not a document path (collection/document[/collection/document…]).`);
  }
  const collection = (name: string) => (root === '' ? db.collection(name) : db.doc(root).collection(name));
  const records = (tab: string) => collection('records').doc(documentId(tab)).collection('rows');
  const leaseGenerations = (key: string) => collection('leases').doc(documentId(key)).collection('generations');
  return {
    root,
    records,
    record: (tab, id) => records(tab).doc(documentId(id)),
    audit: () => collection('audit'),
    auditEntry: (seq) => collection('audit').doc(padded(seq, 12)),
    head: () => collection('meta').doc('head'),
    digests: () => collection('digests'),
    digestShard: (n) => collection('digests').doc(padded(n, 2)),
    runs: () => collection('runs'),
    run: (id) => collection('runs').doc(documentId(id)),
    chunk: (runId, n) => collection('runs').doc(documentId(runId)).collection('chunks').doc(padded(n, 6)),
    leaseGenerations,
    leaseGeneration: (key, n) => leaseGenerations(key).doc(padded(n, 12)),
    nonce: (digest) => collection('nonces').doc(digest),
    edits: () => collection('edits'),
    edit: (id) => collection('edits').doc(documentId(id)),
    document: (kind, key) => collection('documents').doc(documentId(kind)).collection('entries').doc(documentId(key)),
  };
}

/**
 * A Firestore document ID for any non-empty text: `%` and `/` are percent-escaped, as are the IDs Firestore reserves
 * (`.`, `..`, `__…__`), so distinct texts keep distinct IDs and plain IDs such as `P-0001` stay readable.
 */
export function documentId(text: string): string {
  const escaped = text.replace(/[%/]/g, (char) => (char === '%' ? '%25' : '%2F'));
  if (escaped === '.' || escaped === '..') return escaped.replace(/\./g, '%2E');
  if (/^__.*__$/.test(escaped)) return `%5F${escaped.slice(1)}`;
  return escaped === '' ? '%00' : escaped;
}

/** `n` zero-padded, so document IDs sort as numbers do. */
export function padded(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}
