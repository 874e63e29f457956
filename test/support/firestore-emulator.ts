// Firestore for tests: @firestore-emulator/server started in-process, or the emulator FIRESTORE_EMULATOR_HOST names.
import { createServer } from 'node:net';
import { FirestoreServer, FirestoreStateCollection, FirestoreStateDocument } from '@firestore-emulator/server';
import { Firestore } from '@google-cloud/firestore';

/** The project every test client uses; emulators accept any. */
export const TEST_PROJECT_ID = 'cceg-test';

// The universe domain is named so that the client never asks a metadata server for it (Firestore 9 deprecates the
// `credentials` option used for that before); over plain TCP it sends `Authorization: Bearer owner`, which emulators accept.

/** A running in-process emulator. */
export interface RunningEmulator {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** A Firestore client for tests and how to let go of it (and of the emulator, when this process started one). */
export interface TestFirestore {
  readonly firestore: Firestore;
  /** `host:port` of the emulator, for clients in other processes (`emulatorClient`). */
  readonly emulatorHost: string;
  stop(): Promise<void>;
}

/** Starts `@firestore-emulator/server` in this process on a free localhost port. */
export async function startFirestoreEmulator(): Promise<RunningEmulator> {
  makeDocumentInsertsConstantTime();
  const host = '127.0.0.1';
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(host);
    const server = new FirestoreServer();
    try {
      await server.start(port);
    } catch (error) {
      server.stop();
      // Another process took the port between freePort and start: try another one.
      if (attempt < 5) continue;
      throw error;
    }
    return { host, port, stop: async () => server.stop() };
  }
}

/**
 * A client of the emulator the user named in FIRESTORE_EMULATOR_HOST (then none is started), else of one started
 * here. `stop()` terminates the client's gRPC channels, so vitest can exit, and stops the emulator it started.
 */
export async function firestoreForTests(): Promise<TestFirestore> {
  const userEmulator = process.env.FIRESTORE_EMULATOR_HOST;
  if (userEmulator !== undefined && userEmulator !== '') {
    const firestore = emulatorClient(userEmulator);
    return { firestore, emulatorHost: userEmulator, stop: () => firestore.terminate() };
  }
  const emulator = await startFirestoreEmulator();
  const emulatorHost = `${emulator.host}:${emulator.port}`;
  const firestore = emulatorClient(emulatorHost);
  return {
    firestore,
    emulatorHost,
    stop: async () => {
      await firestore.terminate();
      await emulator.stop();
    },
  };
}

/** A client of the emulator at `host:port`, without TLS (FIRESTORE_EMULATOR_HOST, when set, takes precedence). */
export function emulatorClient(emulatorHost: string): Firestore {
  return new Firestore({ projectId: TEST_PROJECT_ID, host: emulatorHost, ssl: false, universeDomain: 'googleapis.com' });
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The emulator's collection internals this module touches (its fields are TypeScript-private, not #private). */
interface CollectionInternals {
  emitter: unknown;
  database: unknown;
  documents: Record<string, FirestoreStateDocument>;
}

let patched = false;

/**
 * The emulator keeps a collection's documents in an immer-produced object and copies it on every new document, so
 * filling a collection of n documents costs O(n²) (5,000 writes: 15 s instead of under 1 s). This adds new documents
 * in place instead; reads and writes behave as before. Left alone if the emulator's internals have changed.
 */
function makeDocumentInsertsConstantTime(): void {
  if (patched) return;
  patched = true;
  const proto = FirestoreStateCollection.prototype as unknown as { getDocument(name: string): FirestoreStateDocument };
  const original = proto.getDocument;
  if (typeof original !== 'function') return;
  proto.getDocument = function getDocument(this: CollectionInternals, name: string): FirestoreStateDocument {
    const documents = this.documents;
    if (typeof documents !== 'object' || documents === null || this.emitter === undefined) return original.call(this, name);
    const existing = Object.hasOwn(documents, name) ? documents[name] : undefined;
    if (existing !== undefined) return existing;
    // immer froze the object it last produced; copy it once, then add in place.
    if (Object.isFrozen(documents)) this.documents = { ...documents };
    const Document = FirestoreStateDocument as unknown as new (...args: unknown[]) => FirestoreStateDocument;
    const document = new Document(this.emitter, this.database, this, name, {}, {});
    this.documents[name] = document;
    return document;
  };
}
