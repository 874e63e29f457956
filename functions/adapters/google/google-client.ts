// Sheets v4 and Drive v3 clients: Application Default Credentials, or a local fake at a given root URL (tests).
import type { drive_v3 } from '@googleapis/drive';
import type { auth as sheetsAuth, sheets_v4 } from '@googleapis/sheets';

/** Where the Google APIs are: Google itself (no rootUrl), or a fake or emulator at `rootUrl` (no credentials sent). */
export interface GoogleConnection {
  readonly rootUrl?: string;
}

/** OAuth scopes: edit spreadsheets, and the Drive files (documents, folders) the product writes. */
export const GOOGLE_SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];
/** The bearer token sent to a fake at `rootUrl`: it checks that one is there, never what it is. */
export const FAKE_ACCESS_TOKEN = 'cceg-fake-access-token';
/** No call may hang longer than this. */
const TIMEOUT_MS = 120_000;

type Auth = NonNullable<sheets_v4.Options['auth']>;
type AuthPlus = typeof sheetsAuth;

// The client libraries take ~0.2 s to load: they are loaded on the first Google call, never by an .xlsx command.
let authPlus: Promise<AuthPlus> | undefined;
/** One ADC client per process: it caches its access token. */
let adc: Auth | undefined;

async function authFor(connection: GoogleConnection): Promise<Auth> {
  authPlus ??= import('@googleapis/sheets').then((module) => module.auth);
  const auth = await authPlus;
  if (connection.rootUrl !== undefined) return fakeAuth(auth, connection.rootUrl);
  quietMetadataLookupWarnings();
  adc ??= new auth.GoogleAuth({ scopes: GOOGLE_SCOPES });
  return adc;
}

let quieted = false;

/**
 * Drops the `MetadataLookupWarning`s that gcp-metadata emits while google-auth-library looks for a metadata server
 * off Google Cloud: missing credentials already stop the command with one line (GOOGLE_AUTH), and the warning would
 * add lines of its own to stderr. Every other warning goes through unchanged.
 */
function quietMetadataLookupWarnings(): void {
  if (quieted) return;
  quieted = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const [typeOrOptions] = rest;
    const type = typeof typeOrOptions === 'string' ? typeOrOptions : (typeOrOptions as { type?: unknown } | undefined)?.type;
    if (type === 'MetadataLookupWarning' || (warning instanceof Error && warning.name === 'MetadataLookupWarning')) return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}

/**
 * The auth client for a fake at `rootUrl`: a fixed token, and every request to a Google host sent to `rootUrl`.
 * The clients apply `rootUrl` to ordinary calls but not to media uploads (googleapis-common picks the upload URL
 * after its rewrite), so the rewrite is done once more here, which also keeps any test request off the network.
 */
function fakeAuth(auth: AuthPlus, rootUrl: string): Auth {
  const client = new auth.OAuth2({ credentials: { access_token: FAKE_ACCESS_TOKEN } });
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      const url = new URL(options.url);
      if (url.hostname === 'googleapis.com' || url.hostname.endsWith('.googleapis.com')) options.url = new URL(`${url.pathname}${url.search}`, rootUrl);
      return options;
    },
  });
  return client;
}

/**
 * The options every client gets. gaxios's own retries are off (`retry: false`): `withRetries` is the only retry
 * policy, so that call counts and backoff are ours to state and test.
 */
async function clientOptions(connection: GoogleConnection): Promise<{ auth: Auth; retry: false; timeout: number; rootUrl?: string }> {
  const auth = await authFor(connection);
  return connection.rootUrl === undefined ? { auth, retry: false, timeout: TIMEOUT_MS } : { auth, retry: false, timeout: TIMEOUT_MS, rootUrl: connection.rootUrl };
}

/** A Sheets v4 client for `connection`. */
export async function sheetsClient(connection: GoogleConnection = {}): Promise<sheets_v4.Sheets> {
  const { sheets } = await import('@googleapis/sheets');
  return sheets({ version: 'v4', ...(await clientOptions(connection)) });
}

/** A Drive v3 client for `connection`. */
export async function driveClient(connection: GoogleConnection = {}): Promise<drive_v3.Drive> {
  const { drive } = await import('@googleapis/drive');
  return drive({ version: 'v3', ...(await clientOptions(connection)) });
}
