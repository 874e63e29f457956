// The charter parameters (config/charter.yaml) as a zod schema: defaults are the charter's own numbers.
import * as z from './zod-mini.js';

/**
 * Every default of the schema, in its order, as plain values: the charter's own numbers, no one named, no audience or
 * token set. DEFAULT_CONFIG and DEFAULT_LIMITS are these, so that importing them builds no schema.
 */
const CHARTER_DEFAULTS = {
  group: { name: 'Cross-Community Engagement Group on Internet Governance (CCEG IG)', shortName: 'CCEG IG' },
  members: { min: 2, max: 5 },
  soi: { maxAgeMonths: 12 },
  diversity: { minRegions: 3 },
  schedule: { horizonDays: 90, lookbackDays: 365 },
  boardCoordination: { everyDays: 120 },
  reports: { leadDays: 14, reminderDays: 14, draftDays: 21, backfillDays: 7 },
  papers: { circulationDays: 7 },
  endorsements: { reminderDays: 30 },
  consensus: { smallMinorityMaxShare: 0.25 },
  review: { noticeMonths: 1 },
  continuation: { minOrganizations: 2 },
  sync: { leaseSeconds: 600, waitSeconds: 30, settleMilliseconds: 300, minIntervalMilliseconds: 1000 },
  access: { staff: [] as string[], chairs: [] as string[], unattributed: 'commit' as 'commit' | 'hold' },
  limits: { inflatedBytes: 200_000_000, compressionRatio: 100, rowsPerTab: 100_000, cellsPerRow: 1_000, cellChars: 32_767 },
  functions: {
    tickAudience: null as string | null,
    schedulerServiceAccount: null as string | null,
    auditAudience: null as string | null,
    tickTimeoutSeconds: 540,
    calendarTokens: {} as Record<string, string>,
    scriptAudience: null as string | null,
  },
};

/** Builds the schema of `config/charter.yaml` (see charterConfigSchema). */
function buildCharterConfigSchema() {
  const int = (min: number) => z.int().check(z.gte(min));
  const days = int(0);
  const emailList = z.array(z.email());
  return z.strictObject({
    group: z.prefault(z.strictObject({
      name: z._default(z.string().check(z.minLength(1)), CHARTER_DEFAULTS.group.name),
      shortName: z._default(z.string().check(z.minLength(1)), CHARTER_DEFAULTS.group.shortName),
    }), {}),
    members: z.prefault(z.strictObject({
      min: z._default(int(0), CHARTER_DEFAULTS.members.min),
      max: z._default(int(1), CHARTER_DEFAULTS.members.max),
    }), {}),
    soi: z.prefault(z.strictObject({ maxAgeMonths: z._default(int(1), CHARTER_DEFAULTS.soi.maxAgeMonths) }), {}),
    diversity: z.prefault(z.strictObject({ minRegions: z._default(int(0), CHARTER_DEFAULTS.diversity.minRegions) }), {}),
    schedule: z.prefault(z.strictObject({ horizonDays: z._default(days, CHARTER_DEFAULTS.schedule.horizonDays), lookbackDays: z._default(days, CHARTER_DEFAULTS.schedule.lookbackDays) }), {}),
    boardCoordination: z.prefault(z.strictObject({ everyDays: z._default(days, CHARTER_DEFAULTS.boardCoordination.everyDays) }), {}),
    reports: z.prefault(z.strictObject({
      leadDays: z._default(days, CHARTER_DEFAULTS.reports.leadDays),
      reminderDays: z._default(days, CHARTER_DEFAULTS.reports.reminderDays),
      draftDays: z._default(days, CHARTER_DEFAULTS.reports.draftDays),
      /**
       * How long after its moment (a paper's Adopted On, its first Not Support) the tick still drafts a notice or a
       * dissent notice for the first time; older ones are reported as skipped (the group's setting, not the charter's).
       */
      backfillDays: z._default(days, CHARTER_DEFAULTS.reports.backfillDays),
    }), {}),
    papers: z.prefault(z.strictObject({ circulationDays: z._default(days, CHARTER_DEFAULTS.papers.circulationDays) }), {}),
    endorsements: z.prefault(z.strictObject({ reminderDays: z._default(days, CHARTER_DEFAULTS.endorsements.reminderDays) }), {}),
    consensus: z.prefault(z.strictObject({ smallMinorityMaxShare: z._default(z.number().check(z.gte(0), z.lte(1)), CHARTER_DEFAULTS.consensus.smallMinorityMaxShare) }), {}),
    review: z.prefault(z.strictObject({ noticeMonths: z._default(int(0), CHARTER_DEFAULTS.review.noticeMonths) }), {}),
    continuation: z.prefault(z.strictObject({ minOrganizations: z._default(int(1), CHARTER_DEFAULTS.continuation.minOrganizations) }), {}),
    sync: z.prefault(z.strictObject({
      leaseSeconds: z._default(int(1), CHARTER_DEFAULTS.sync.leaseSeconds),
      waitSeconds: z._default(int(0), CHARTER_DEFAULTS.sync.waitSeconds),
      /** The Cloud Functions wait this long after an edit so that its burst shares one sync. */
      settleMilliseconds: z._default(int(0), CHARTER_DEFAULTS.sync.settleMilliseconds),
      /** … and start syncs of one workbook at least this far apart (60 writes a minute is the Sheets quota). */
      minIntervalMilliseconds: z._default(int(0), CHARTER_DEFAULTS.sync.minIntervalMilliseconds),
    }), {}),
    access: z.prefault(z.strictObject({
      staff: z._default(emailList, CHARTER_DEFAULTS.access.staff),
      chairs: z._default(emailList, CHARTER_DEFAULTS.access.chairs),
      /**
       * What becomes of a change no named editor is behind (Google gives the script no e-mail for people outside the
       * trigger owner's Workspace domain; an edit that was never reported): `commit` it as `unattributed`, with a
       * warning, or `hold` it back until someone named makes it.
       */
      unattributed: z._default(z.enum(['commit', 'hold']), CHARTER_DEFAULTS.access.unattributed),
    }), {}),
    /**
     * What a workbook may hold before cceg refuses to read it (exit 2, one line naming the key): checked while the file
     * is inflated and streamed, before anything is built from it, so that a zip bomb or a runaway sheet costs little.
     */
    limits: z.prefault(z.strictObject({
      /** Bytes the zip parts may inflate to, one part and all parts together (a 100,000-row workbook inflates to ~40 MB). */
      inflatedBytes: z._default(int(1), CHARTER_DEFAULTS.limits.inflatedBytes),
      /** How many times larger than its compressed bytes a part of more than 1 MB may inflate (real sheets: 5–20). */
      compressionRatio: z._default(z.number().check(z.gte(1)), CHARTER_DEFAULTS.limits.compressionRatio),
      /** Rows with something in them, per tab (the header row not counted; the Findings and Dashboard tabs cceg writes are exempt). */
      rowsPerTab: z._default(int(1), CHARTER_DEFAULTS.limits.rowsPerTab),
      /** How far right a row may hold something: its last non-empty cell's column. */
      cellsPerRow: z._default(z.int().check(z.gte(1), z.lte(16_384)), CHARTER_DEFAULTS.limits.cellsPerRow),
      /** Characters one cell may hold (Excel's own limit is 32,767; Google Sheets' 50,000). */
      cellChars: z._default(int(1), CHARTER_DEFAULTS.limits.cellChars),
    }), {}),
    functions: z.prefault(z.strictObject({
      /** The audience (the tick function's URL) Cloud Scheduler's OIDC token must be issued for. */
      tickAudience: z._default(z.nullable(z.string().check(z.minLength(1))), CHARTER_DEFAULTS.functions.tickAudience),
      /** The service account Cloud Scheduler signs its OIDC token as. */
      schedulerServiceAccount: z._default(z.nullable(z.email()), CHARTER_DEFAULTS.functions.schedulerServiceAccount),
      /** The audience (the audit function's URL) a staff member's ID token must be issued for. */
      auditAudience: z._default(z.nullable(z.string().check(z.minLength(1))), CHARTER_DEFAULTS.functions.auditAudience),
      /**
       * The tick function's timeout (its `--timeout`): a tick still `running` after this long was stopped by the platform,
       * so the next delivery of its schedule time takes it over, and the documents it had claimed.
       */
      tickTimeoutSeconds: z._default(z.int().check(z.gte(1), z.lte(3600)), CHARTER_DEFAULTS.functions.tickTimeoutSeconds),
      /**
       * The calendar feed's tokens, one per audience: an organization's Code (its deadlines), `chairs` or `staff` (every
       * deadline). A calendar client cannot send an ID token, so the token in the feed's URL is the key; rotate one by
       * changing it here. At least 32 characters, so that it cannot be guessed.
       */
      calendarTokens: z._default(
        z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(32, 'must be at least 32 characters, so that it cannot be guessed'))),
        CHARTER_DEFAULTS.functions.calendarTokens,
      ),
      /**
       * The audience of the ID tokens the spreadsheet's menu sends (`ScriptApp.getIdentityToken()`: the Apps Script
       * project's OAuth client ID), accepted by the audit and calendar functions besides their own URLs.
       */
      scriptAudience: z._default(z.nullable(z.string().check(z.minLength(1))), CHARTER_DEFAULTS.functions.scriptAudience),
    }), {}),
  }).check(z.refine((config) => config.members.min <= config.members.max, {
    message: 'must not be greater than members.max',
    path: ['members', 'min'],
  }));
}

let builtSchema: ReturnType<typeof buildCharterConfigSchema> | null = null;

/**
 * Schema of `config/charter.yaml`; every number has the charter's default. Built on its first call (a few ms) and
 * kept: a function given a precompiled config, or reading a workbook with the default limits, never builds it.
 */
export function charterConfigSchema(): ReturnType<typeof buildCharterConfigSchema> {
  builtSchema ??= buildCharterConfigSchema();
  return builtSchema;
}

/** The validated charter parameters. */
export type CharterConfig = z.infer<ReturnType<typeof charterConfigSchema>>;

/** The limits on what a workbook may hold (`limits` of the config). */
export type WorkbookLimits = CharterConfig['limits'];

/** The charter's own numbers, with no file at all: what the schema makes of `{}` (a test holds the two equal). */
export const DEFAULT_CONFIG: CharterConfig = structuredClone(CHARTER_DEFAULTS);

/** The limits of the shipped config, for readers built without one. */
export const DEFAULT_LIMITS: WorkbookLimits = DEFAULT_CONFIG.limits;
