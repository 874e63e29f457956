// The charter parameters (config/charter.yaml) as a zod schema: defaults are the charter's own numbers.
import { z } from 'zod';

const days = z.number().int().min(0);
const emailList = z.array(z.string().email()).default([]);

/** Schema of `config/charter.yaml`; every number has the charter's default. */
export const charterConfigSchema = z.object({
  group: z.object({
    name: z.string().min(1).default('Cross-Community Engagement Group on Internet Governance (CCEG IG)'),
    shortName: z.string().min(1).default('CCEG IG'),
  }).strict().prefault({}),
  members: z.object({
    min: z.number().int().min(0).default(2),
    max: z.number().int().min(1).default(5),
  }).strict().prefault({}),
  soi: z.object({ maxAgeMonths: z.number().int().min(1).default(12) }).strict().prefault({}),
  diversity: z.object({ minRegions: z.number().int().min(0).default(3) }).strict().prefault({}),
  schedule: z.object({ horizonDays: days.default(90), lookbackDays: days.default(365) }).strict().prefault({}),
  boardCoordination: z.object({ everyDays: days.default(120) }).strict().prefault({}),
  reports: z.object({
    leadDays: days.default(14),
    reminderDays: days.default(14),
    draftDays: days.default(21),
    /**
     * How long after its moment (a paper's Adopted On, its first Not Support) the tick still drafts a notice or a
     * dissent notice for the first time; older ones are reported as skipped (the group's setting, not the charter's).
     */
    backfillDays: days.default(7),
  }).strict().prefault({}),
  papers: z.object({ circulationDays: days.default(7) }).strict().prefault({}),
  endorsements: z.object({ reminderDays: days.default(30) }).strict().prefault({}),
  consensus: z.object({ smallMinorityMaxShare: z.number().min(0).max(1).default(0.25) }).strict().prefault({}),
  review: z.object({ noticeMonths: z.number().int().min(0).default(1) }).strict().prefault({}),
  continuation: z.object({ minOrganizations: z.number().int().min(1).default(2) }).strict().prefault({}),
  sync: z.object({
    leaseSeconds: z.number().int().min(1).default(600),
    waitSeconds: z.number().int().min(0).default(30),
    /** The Cloud Functions wait this long after an edit so that its burst shares one sync. */
    settleMilliseconds: z.number().int().min(0).default(300),
    /** … and start syncs of one workbook at least this far apart (60 writes a minute is the Sheets quota). */
    minIntervalMilliseconds: z.number().int().min(0).default(1000),
  }).strict().prefault({}),
  access: z.object({
    staff: emailList,
    chairs: emailList,
    /**
     * What becomes of a change no named editor is behind (Google gives the script no e-mail for people outside the
     * trigger owner's Workspace domain; an edit that was never reported): `commit` it as `unattributed`, with a
     * warning, or `hold` it back until someone named makes it.
     */
    unattributed: z.enum(['commit', 'hold']).default('commit'),
  }).strict().prefault({}),
  /**
   * What a workbook may hold before cceg refuses to read it (exit 2, one line naming the key): checked while the file
   * is inflated and streamed, before anything is built from it, so that a zip bomb or a runaway sheet costs little.
   */
  limits: z.object({
    /** Bytes the zip parts may inflate to, one part and all parts together (a 100,000-row workbook inflates to ~40 MB). */
    inflatedBytes: z.number().int().min(1).default(200_000_000),
    /** How many times larger than its compressed bytes a part of more than 1 MB may inflate (real sheets: 5–20). */
    compressionRatio: z.number().min(1).default(100),
    /** Rows with something in them, per tab (the header row not counted; the Findings and Dashboard tabs cceg writes are exempt). */
    rowsPerTab: z.number().int().min(1).default(100_000),
    /** How far right a row may hold something: its last non-empty cell's column. */
    cellsPerRow: z.number().int().min(1).max(16_384).default(1_000),
    /** Characters one cell may hold (Excel's own limit is 32,767; Google Sheets' 50,000). */
    cellChars: z.number().int().min(1).default(32_767),
  }).strict().prefault({}),
  functions: z.object({
    /** The audience (the tick function's URL) Cloud Scheduler's OIDC token must be issued for. */
    tickAudience: z.string().min(1).nullable().default(null),
    /** The service account Cloud Scheduler signs its OIDC token as. */
    schedulerServiceAccount: z.string().email().nullable().default(null),
    /** The audience (the audit function's URL) a staff member's ID token must be issued for. */
    auditAudience: z.string().min(1).nullable().default(null),
    /**
     * The tick function's timeout (its `--timeout`): a tick still `running` after this long was stopped by the platform,
     * so the next delivery of its schedule time takes it over, and the documents it had claimed.
     */
    tickTimeoutSeconds: z.number().int().min(1).max(3600).default(540),
    /**
     * The calendar feed's tokens, one per audience: an organization's Code (its deadlines), `chairs` or `staff` (every
     * deadline). A calendar client cannot send an ID token, so the token in the feed's URL is the key; rotate one by
     * changing it here. At least 32 characters, so that it cannot be guessed.
     */
    calendarTokens: z.record(z.string().min(1), z.string().min(32, 'must be at least 32 characters, so that it cannot be guessed')).default({}),
    /**
     * The audience of the ID tokens the spreadsheet's menu sends (`ScriptApp.getIdentityToken()`: the Apps Script
     * project's OAuth client ID), accepted by the audit and calendar functions besides their own URLs.
     */
    scriptAudience: z.string().min(1).nullable().default(null),
  }).strict().prefault({}),
}).strict().refine((config) => config.members.min <= config.members.max, {
  message: 'must not be greater than members.max',
  path: ['members', 'min'],
});

/** The validated charter parameters. */
export type CharterConfig = z.infer<typeof charterConfigSchema>;

/** The limits on what a workbook may hold (`limits` of the config). */
export type WorkbookLimits = CharterConfig['limits'];

/** The charter's own numbers, with no file at all. */
export const DEFAULT_CONFIG: CharterConfig = charterConfigSchema.parse({});

/** The limits of the shipped config, for readers built without one. */
export const DEFAULT_LIMITS: WorkbookLimits = DEFAULT_CONFIG.limits;
