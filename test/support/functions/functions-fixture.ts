// A group served by the Cloud Functions in a test: the compliant workbook in memory, a SQLite store, a token issuer.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderDocumentPublisher } from '../../../functions/adapters/folder/folder-documents.js';
import { MemoryWorkbook } from '../../../functions/adapters/memory/memory-workbook.js';
import { googleIdTokenVerifier } from '../../../functions/adapters/oidc/google-id-token-verifier.js';
import { openSqliteStore } from '../../../functions/adapters/sqlite/sqlite-record-store.js';
import { syncWorkbook } from '../../../functions/app/sync.js';
import { charterConfigSchema, type CharterConfig } from '../../../functions/core/config.js';
import { CcegError } from '../../../functions/core/errors.js';
import type { CellValue } from '../../../functions/core/model/cell.js';
import type { RawWorkbook } from '../../../functions/core/model/raw-workbook.js';
import type { FunctionDeps } from '../../../functions/entry/function-deps.js';
import { createHandlers } from '../../../functions/entry/handlers.js';
import type { RecordStore } from '../../../functions/ports/record-store.port.js';
import { COMPLIANT_TODAY, compliantWorkbookRows } from '../compliant-workbook.js';
import { workbookOf } from '../raw-workbook.js';
import { serveFunctions, type RunningFunctions } from './function-server.js';
import { SPREADSHEET_ID } from './signed-edits.js';
import type { TokenIssuer } from './id-tokens.js';

/** Who is who in the fixture (the Organizations tab of the compliant workbook names the chairs and the GNSO secretariat). */
export const PEOPLE = {
  staff: 'ines@icann.example.org',
  gnsoSecretariat: 'sec@gnso.example.org',
  alacChair: 'chair@alac.example.org',
  outsider: 'mallory@example.net',
  scheduler: 'cceg-scheduler@cceg-test.iam.gserviceaccount.com',
} as const;

/** The audiences the functions expect. */
export const AUDIENCE = { tick: 'https://tick.cceg.example.org', audit: 'https://audit.cceg.example.org' } as const;
/** The onSheetEdit shared secret. */
export const SECRET = 'test-webhook-secret-0123456789';
/** The workbook's location as syncs name it. */
export const LOCATION = `sheets:${SPREADSHEET_ID}`;
/** Extra Participants P-0012 … P-0031, alternately of GNSO and ALAC, so a burst can touch 20 rows. */
export const EXTRA_PARTICIPANTS = 20;

/** A served group: the workbook, the store, the functions' URLs. */
export interface FunctionsFixture {
  readonly workbook: MemoryWorkbook;
  readonly store: RecordStore;
  readonly config: CharterConfig;
  readonly functions: RunningFunctions;
  /** The folder the tick drafts documents into. */
  readonly documentsDir: string;
  /** Another "instance": its own handlers and coalescer over the same store and workbook. */
  startInstance(): Promise<RunningFunctions>;
  close(): Promise<void>;
}

/** The compliant workbook plus the extra participants, as raw tabs. */
export function groupWorkbook(): RawWorkbook {
  const rows = workbookRows();
  return workbookOf(rows);
}

/** The functions' config: the fixture's staff, audiences and scheduler. */
export function functionsConfig(): CharterConfig {
  return charterConfigSchema().parse({
    access: { staff: [PEOPLE.staff] },
    functions: { tickAudience: AUDIENCE.tick, auditAudience: AUDIENCE.audit, schedulerServiceAccount: PEOPLE.scheduler },
  });
}

function workbookRows(): Record<string, Record<string, CellValue>[]> {
  const rows = compliantWorkbookRows();
  for (let n = 12; n < 12 + EXTRA_PARTICIPANTS; n++) {
    const id = `P-${String(n).padStart(4, '0')}`;
    rows.Roster!.push({
      ID: id, Name: `Participant ${n}`, Email: `p${n}@example.net`, Role: 'Participant', Organization: n % 2 === 0 ? 'GNSO' : 'ALAC',
      Affiliation: 'Independent', Expertise: 'DNS', 'SOI Date': '2018-03-01',
    });
  }
  return rows;
}

/** How a fixture departs from a fully configured deployment. */
export interface FixtureOptions {
  /** The functions' config (default: `functionsConfig()`). */
  readonly config?: CharterConfig;
  /** The onSheetEdit secret (default: SECRET; null: not configured). */
  readonly webhookSecret?: string | null;
  /** Where the verifier fetches Google's certificates (default: the issuer's). */
  readonly certsUrl?: string;
}

/** Starts the functions over a committed copy of the compliant workbook (counters reset after the first sync). */
export async function startFunctionsFixture(issuer: TokenIssuer, options: FixtureOptions = {}): Promise<FunctionsFixture> {
  const workbook = new MemoryWorkbook(groupWorkbook());
  const dir = mkdtempSync(join(tmpdir(), 'cceg-functions-'));
  const store = openSqliteStore(join(dir, 'store.cceg.db'));
  const documentsDir = join(dir, 'documents');
  const config = options.config ?? functionsConfig();
  const ports = { reader: workbook, writer: workbook, store, now: () => new Date(), newId: randomUUID };
  await syncWorkbook(ports, { workbook: LOCATION, actor: 'setup@cli', source: 'cli', today: COMPLIANT_TODAY, config });
  workbook.readCalls = 0;
  workbook.writeCalls = 0;
  const deps: FunctionDeps = {
    config, store, webhookSecret: options.webhookSecret === undefined ? SECRET : options.webhookSecret,
    verifier: googleIdTokenVerifier({ certsUrl: options.certsUrl ?? issuer.certsUrl }), now: () => new Date(), newId: randomUUID,
    workbookFor: (spreadsheetId) => {
      if (spreadsheetId !== null && spreadsheetId !== SPREADSHEET_ID) throw new CcegError('FORBIDDEN', `Spreadsheet ${spreadsheetId} is not served here.`);
      return { location: LOCATION, reader: workbook, writer: workbook, documents: async () => new FolderDocumentPublisher(documentsDir) };
    },
  };
  const startInstance = () => serveFunctions(createHandlers(deps));
  const functions = await startInstance();
  const instances = [functions];
  return {
    workbook, store, config, functions, documentsDir,
    startInstance: async () => {
      const instance = await startInstance();
      instances.push(instance);
      return instance;
    },
    close: async () => {
      await Promise.all(instances.map((instance) => instance.close()));
      await store.close();
    },
  };
}
