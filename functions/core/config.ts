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
  }).strict().prefault({}),
}).strict().refine((config) => config.members.min <= config.members.max, {
  message: 'must not be greater than members.max',
  path: ['members', 'min'],
});

/** The validated charter parameters. */
export type CharterConfig = z.infer<typeof charterConfigSchema>;

/** The charter's own numbers, with no file at all. */
export const DEFAULT_CONFIG: CharterConfig = charterConfigSchema.parse({});
