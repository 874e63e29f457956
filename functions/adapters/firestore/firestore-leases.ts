// Leases with create() only: each taking of a lease is a new generation document, so two takers cannot both win.
import * as z from '../../core/zod-mini.js';
import { isAlreadyExists, validDocument } from './firestore-errors.js';
import type { FirestoreLayout } from './firestore-layout.js';

/** `leases/{key}/generations/{n}`: who took the lease, until when, and whether they gave it back. */
const generationSchema = z.object({
  n: z.int().check(z.gte(1)),
  holder: z.string(),
  expiresAtMs: z.number(),
  expiresAt: z.string(),
  released: z.boolean(),
});

type Generation = z.infer<typeof generationSchema>;

/**
 * Takes the lease when its current generation is absent, released, expired (`now` at or past its end) or already
 * `holder`'s, by creating the next generation; a racer that created it first wins and this returns false.
 */
export async function acquireLease(layout: FirestoreLayout, key: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const current = await currentGeneration(layout, key);
  const running = current !== null && !current.released && current.expiresAtMs > now.getTime();
  if (running && current.holder !== holder) return false;
  const n = (current?.n ?? 0) + 1;
  const expiresAtMs = now.getTime() + ttlMs;
  const generation: Generation = { n, holder, expiresAtMs, expiresAt: new Date(expiresAtMs).toISOString(), released: false };
  try {
    await layout.leaseGeneration(key, n).create(generation);
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** Marks the current generation released when `holder` holds it; otherwise does nothing. */
export async function releaseLease(layout: FirestoreLayout, key: string, holder: string): Promise<void> {
  const current = await currentGeneration(layout, key);
  if (current === null || current.holder !== holder || current.released) return;
  await layout.leaseGeneration(key, current.n).set({ released: true }, { merge: true });
}

async function currentGeneration(layout: FirestoreLayout, key: string): Promise<Generation | null> {
  const latest = await layout.leaseGenerations(key).orderBy('n', 'desc').limit(1).get();
  const snapshot = latest.docs[0];
  return snapshot === undefined ? null : validDocument(generationSchema, snapshot, 'lease');
}
