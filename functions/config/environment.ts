// The environment variables the product reads, parsed once into one typed object (the only reader of process.env).

/** Settings that come from the environment rather than charter.yaml. */
export interface Environment {
  /** Google Cloud project of the Firestore store (GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT). */
  readonly projectId: string | undefined;
  /** FIRESTORE_EMULATOR_HOST: the Firestore client then talks to that emulator. */
  readonly firestoreEmulatorHost: string | undefined;
  /** CCEG_WEBHOOK_SECRET: the secret onSheetEdit requests are signed with (shared with the Apps Script). */
  readonly webhookSecret: string | undefined;
  /** CCEG_WORKBOOK: the functions' workbook, `sheets:<spreadsheetId>` or an .xlsx path (local runs). */
  readonly workbook: string | undefined;
  /** CCEG_STORE: the functions' record store, `sqlite:PATH` or `firestore` (default: SQLite, see README). */
  readonly store: string | undefined;
  /**
   * CCEG_DOCUMENTS: where drafted documents go, `drive:<folderId>` (a Drive folder) or a local folder path (default:
   * the Drive folder of a `sheets:` workbook, `documents` beside an .xlsx one).
   */
  readonly documents: string | undefined;
  /** CCEG_CONFIG: the functions' charter.yaml (default: the one shipped with the package). */
  readonly configPath: string | undefined;
  /**
   * CCEG_GOOGLE_ROOT_URL, for tests and staging only: Sheets and Drive calls go to this URL instead of Google's,
   * with a fixed dummy token instead of Application Default Credentials (a local fake or an emulator).
   */
  readonly googleRootUrl: string | undefined;
  /**
   * CCEG_STORE_WARM_UP, `on` or `off`: whether a CLI sync checks its SQLite store's pages and reads its digests on a
   * thread of its own while it reads the workbook (default: with 2 or more CPUs; see README, Performance).
   */
  readonly storeWarmUp: boolean | undefined;
}

/** Reads the environment (pass your own object in tests); empty values count as unset. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    projectId: env.GOOGLE_CLOUD_PROJECT ?? env.GCLOUD_PROJECT ?? undefined,
    firestoreEmulatorHost: env.FIRESTORE_EMULATOR_HOST || undefined,
    webhookSecret: env.CCEG_WEBHOOK_SECRET || undefined,
    workbook: env.CCEG_WORKBOOK || undefined,
    store: env.CCEG_STORE || undefined,
    documents: env.CCEG_DOCUMENTS || undefined,
    configPath: env.CCEG_CONFIG || undefined,
    googleRootUrl: env.CCEG_GOOGLE_ROOT_URL || undefined,
    storeWarmUp: env.CCEG_STORE_WARM_UP === 'on' ? true : env.CCEG_STORE_WARM_UP === 'off' ? false : undefined,
  };
}
