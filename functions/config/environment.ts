// The environment variables the product reads, parsed once into one typed object (the only reader of process.env).

/** Settings that come from the environment rather than charter.yaml. */
export interface Environment {
  /** Google Cloud project of the Firestore store (GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT). */
  readonly projectId: string | undefined;
  /** FIRESTORE_EMULATOR_HOST: the Firestore client then talks to that emulator. */
  readonly firestoreEmulatorHost: string | undefined;
}

/** Reads the environment (pass your own object in tests). */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    projectId: env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT ?? undefined,
    firestoreEmulatorHost: env.FIRESTORE_EMULATOR_HOST || undefined,
  };
}
