// The sync use case: read → digests → identify rows → parse → diff by ID and content hash → rules → write back → commit with audit entries.
import type { AuditEntry, AuditHead, AuditSource } from '../core/audit/audit-entry.js';
import { chainDrafts } from '../core/audit/chain.js';
import type { CharterConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import { CcegError } from '../core/errors.js';
import { boundFindings, type Finding, type FindingSummary, sortFindings, summarize } from '../core/findings.js';
import { isDataRule } from '../core/rule-ids.js';
import { counted } from '../core/plural.js';
import { recordKey, type RunRecord, type StoredRecord } from '../core/records/stored-record.js';
import { dashboardRows } from '../core/sync/dashboard.js';
import { auditDraftsOf, type HeldBackRow } from '../core/sync/diff.js';
import { planCellsAndFindings, withDashboard } from '../core/sync/plan-write-back.js';
import { writeBackKey } from '../core/sync/row-hashes.js';
import { NOT_SAVED_NOTE } from '../core/sync/status-text.js';
import { syncedRows, type UncommittedRow } from '../core/sync/synced-rows.js';
import { accessPolicyOf, refusalDrafts, reviewEdits, type EditReview, type HeldChange, type RefusedChange } from '../core/sync/review-edits.js';
import { validateParsed, type LeftOutRows } from '../core/validate.js';
import type { GroupRows } from '../core/model/group.js';
import type { DataTabName } from '../core/model/tabs.js';
import type { DocumentIndex } from '../ports/document-index.port.js';
import type { EditInbox } from '../ports/edit-inbox.port.js';
import type { Leases } from '../ports/leases.port.js';
import type { RecordLog } from '../ports/record-log.port.js';
import type { WorkbookReader, WorkbookWriter } from '../ports/workbook.port.js';
import { withLease } from './lease.js';
import { readStored } from './read-stored.js';

/** The ports a sync works through. */
export interface SyncPorts {
  readonly reader: WorkbookReader;
  readonly writer: WorkbookWriter;
  readonly store: RecordLog & Leases & Pick<EditInbox, 'pendingEdits' | 'markEditsApplied'> & Pick<DocumentIndex, 'listDocuments'>;
  readonly now: () => Date;
  readonly newId: () => string;
}

/** What to sync, as whom, on which day. */
export interface SyncRequest {
  /** The workbook's location (a path or `sheets:<id>`): names the lease and the run. */
  readonly workbook: string;
  readonly actor: string;
  readonly source: AuditSource;
  readonly today: IsoDate;
  readonly config: CharterConfig;
  readonly onProgress?: (message: string) => void;
  /**
   * Take the store's pending sheet edits of this workbook (the Cloud Functions): changes are attributed to their
   * editors, a change its editor may not make is refused and put back, and the edits are settled. With source
   * `sheet-edit`, a changed row no edit has touched yet waits for its edit (or the tick). Default: false (the CLI).
   */
  readonly takeEdits?: boolean;
  /**
   * The version of the cceg syncing. With it, a store that remembers rows (the CLI's SQLite) also remembers what a sync
   * with nothing to do planned its write-back from, and a sync of the same bytes planned from the same spares planning.
   */
  readonly codeVersion?: string;
}

/** What a sync did. */
export interface SyncResult {
  readonly run: RunRecord;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly entries: readonly AuditEntry[];
  readonly cellsChanged: number;
  /** The edits this sync took and settled (none without `takeEdits`). */
  readonly editsSettled: number;
  /** The group's rows as the store now holds them (`syncedRows`): what documents are drawn from. */
  readonly rows: GroupRows;
  /** The audit log's last entry after this sync (null: the log is empty): the anchor to keep outside the store. */
  readonly auditHead: AuditHead | null;
}

/** Data findings on held-back rows say that the row was not saved, and name the new ID of a row that just got one. */
function explainFindings(findings: readonly Finding[], heldBack: readonly HeldBackRow[]): Finding[] {
  const held = new Map(heldBack.map((row) => [`${row.tab}/${row.sheetRow}`, row]));
  return findings.map((finding) => {
    const row = finding.row === null ? undefined : held.get(`${finding.tab}/${finding.row}`);
    if (!row) return finding;
    const note = isDataRule(finding.rule) ? (row.hasCommittedVersion ? NOT_SAVED_NOTE.kept : NOT_SAVED_NOTE.untilFixed) : '';
    return { ...finding, id: finding.id ?? row.id, message: `${finding.message}${note}` };
  });
}

/** The rows whose sheet version this sync did not commit, each with the version the store keeps. */
function uncommittedRows(heldBack: readonly HeldBackRow[], refused: readonly RefusedChange[], held: readonly HeldChange[], stored: ReadonlyMap<string, StoredRecord>): UncommittedRow[] {
  const committed = (tab: string, id: string | null) => {
    const record = id === null ? undefined : stored.get(recordKey(tab, id));
    return record === undefined || record.tombstoned ? null : record.data;
  };
  return [
    ...heldBack.map((row) => ({ tab: row.tab, sheetRow: row.sheetRow, committed: committed(row.tab, row.id) })),
    ...refused.map((row) => ({ tab: row.tab, sheetRow: row.sheetRow, committed: row.before })),
    ...held.flatMap((row) => (row.sheetRow === null ? [] : [{ tab: row.tab, sheetRow: row.sheetRow, committed: row.before }])),
  ];
}

/** Held-back rows the charter rules cannot count: no committed version stands in for them. */
function leftOutRows(heldBack: readonly HeldBackRow[]): LeftOutRows {
  const byTab = new Map<DataTabName, number[]>();
  for (const row of heldBack) {
    if (row.hasCommittedVersion) continue;
    const rows = byTab.get(row.tab);
    if (rows) rows.push(row.sheetRow);
    else byTab.set(row.tab, [row.sheetRow]);
  }
  return byTab;
}

/**
 * Syncs a workbook into the store under the workbook's lease: reads it, gives every row its identity (new IDs first,
 * so that references to them resolve in the same sync), diffs it with the store, runs the charter rules on the rows
 * as the store will hold them (a held-back row as its last committed version), writes the workbook back, and only then
 * commits. A write-back that fails commits nothing, so no ID is ever given twice; a commit that fails after the
 * write-back leaves IDs in the workbook that the next sync commits.
 */
export async function syncWorkbook(ports: SyncPorts, request: SyncRequest): Promise<SyncResult> {
  return withLease(ports.store, `sync:${request.workbook}`, { now: ports.now, holder: ports.newId(), waitMs: request.config.sync.waitSeconds * 1000, ttlMs: request.config.sync.leaseSeconds * 1000 }, async () => {
    const started = ports.now();
    // Edits first, then the sheet: the Apps Script posts an edit only after the cell changed, so every edit taken
    // here is already in what is read next. Edits recorded from now on are the next sync's.
    const edits = request.takeEdits ? await ports.store.pendingEdits(request.workbook) : [];
    // Under the lease nobody else commits records: the store may read the digests while the workbook is read.
    ports.store.prefetchDigests?.(ports.reader.fingerprintAhead?.());
    const raw = await ports.reader.read();
    const context = { runId: ports.newId(), at: started.toISOString(), actor: request.actor, source: request.source };
    // The digests, and the data only of the records this sync looks into: reads that do not grow with the sheet.
    const { parsed, assigned, stored, diff, auditHead: headBefore, lastCommittedAt, rowHashesRemembered, settledBefore, settledWriteBackKey, identityKept } =
      await readStored(ports.store, raw, { organizations: request.takeEdits ?? false, context });
    const review: EditReview | null = request.takeEdits
      ? reviewEdits({
        parsed, assigned, stored, diff, edits, policy: accessPolicyOf(request.config, stored, parsed),
        onlyEditedRows: request.source === 'sheet-edit', unattributed: request.config.access.unattributed,
      })
      : null;
    const changes = review?.changes ?? diff.changes;
    // The rows as the store will hold them: what the charter rules, the Dashboard and the documents see.
    const rows = syncedRows(parsed.group.rows, assigned, uncommittedRows(diff.heldBack, review?.refused ?? [], review?.held ?? [], stored));
    const validation = validateParsed(parsed, { rows, available: parsed.group.available }, request.today, request.config, leftOutRows(diff.heldBack));
    // validateParsed's findings come sorted and bounded: only held-back rows' notes and the review's findings need it again.
    const reviewFindings = review?.findings ?? [];
    const findings = diff.heldBack.length === 0 && reviewFindings.length === 0
      ? validation.findings
      : boundFindings(sortFindings([...explainFindings(validation.findings, diff.heldBack), ...reviewFindings]));
    const summary = summarize(findings);
    // The drafted documents, for the Dashboard's "Drafts ready": read once per sync (Firestore: a query per kind).
    const documents = await ports.store.listDocuments();
    const planKey = request.codeVersion === undefined || !ports.store.rememberRowHashes ? null
      : writeBackKey({ today: request.today, config: request.config, documents, codeVersion: request.codeVersion });
    // The very bytes a sync with nothing to do left, nothing committed since, planned from the same day, configuration,
    // documents and cceg: the same findings and Dashboard, which that sync found in the file already.
    const unplanned = settledBefore && planKey !== null && settledWriteBackKey === planKey;
    // The cells and the Findings tab are planned first: the tabs they write start being read while the Dashboard is drawn up.
    const firstPlan = unplanned ? null : planCellsAndFindings({ raw, parsed, findings, assigned, heldBack: diff.heldBack, reverts: review?.reverts });
    const tabsToWrite = new Set(firstPlan?.cells.map((cell) => cell.tab));
    if (firstPlan?.findings) tabsToWrite.add('Findings');
    if (tabsToWrite.size > 0) ports.writer.prepare?.([...tabsToWrite, 'Dashboard']);
    const count = (op: string) => changes.filter((change) => change.op === op).length;
    const run: RunRecord = {
      id: context.runId, workbook: request.workbook, actor: request.actor, source: request.source,
      startedAt: context.at, finishedAt: ports.now().toISOString(), durationMs: Math.max(0, ports.now().getTime() - started.getTime()),
      counts: {
        created: count('create'), updated: count('update'), tombstoned: count('tombstone'), refused: review?.refused.length ?? 0,
        unchanged: diff.unchanged, notCommitted: diff.heldBack.length + (review?.deferred ?? 0) + (review?.held.length ?? 0),
      },
      findings: { errors: summary.errors, warnings: summary.warnings },
    };

    const changedAt = changes.length > 0 ? context.at : null;
    const lastChange = changedAt === null || (lastCommittedAt !== null && lastCommittedAt > changedAt) ? lastCommittedAt : changedAt;
    const drafts = [...auditDraftsOf(changes, context, review?.actors), ...refusalDrafts(review?.refused ?? [], context)];
    // The head the commit will leave (under the lease, nobody else chains meanwhile): the Dashboard anchors it.
    const chained = chainDrafts(drafts, headBefore);
    const expectedHead = chained.at(-1) ?? headBefore;
    const auditHead = expectedHead === null ? null : { seq: expectedHead.seq, hash: expectedHead.hash };
    const plan = firstPlan === null ? null : withDashboard(firstPlan, raw, dashboardRows(rows, request.today, request.config, lastChange, auditHead, documents));
    // Write back first: if the workbook cannot be written (open elsewhere, read-only, changed meanwhile), nothing is
    // committed, and the next sync finds the same rows without IDs and gives them the same IDs again.
    const { cellsChanged } = plan !== null && plan.cells.length + plan.tables.length > 0 ? await ports.writer.applyWriteBack(plan) : { cellsChanged: 0 };
    if (changes.length > 0) request.onProgress?.(`Committing ${counted(changes.length, 'change')}…`);
    const entries = await ports.store.commit({ records: changes.map((change) => change.after), drafts, run, chained: { after: headBefore, entries: chained } });
    // Settled only once written back and committed: a refused cell not yet put back stays pending, so a retry refuses it again.
    if (review && review.settled.length > 0) await ports.store.markEditsApplied(review.settled, context.runId);
    const committedHead = entries.at(-1);
    const headAfter = committedHead === undefined ? headBefore : { seq: committedHead.seq, hash: committedHead.hash };
    // The file as read is the file as left: a sync of the same bytes again is spared hashing its rows, and, when this
    // one had nothing to do and nothing is committed meanwhile, reading the digests and diffing as well.
    const settled = !request.takeEdits && changes.length === 0 && identityKept && entries.length === 0;
    // A settled sync remembered again only for a write-back planned from other inputs (a new day, say) that found nothing to write either.
    const rememberedAlready = settledBefore && (planKey === null || settledWriteBackKey === planKey);
    if (cellsChanged === 0 && raw.fingerprint !== undefined && ports.store.rememberRowHashes && !rememberedAlready && (settled || !rowHashesRemembered)) {
      const settledSync = { head: headAfter, heldBack: diff.heldBack, lastCommittedAt, ...(planKey === null ? {} : { writeBackKey: planKey }) };
      const remembered = { hashes: diff.rowHashes, settled: settled ? settledSync : null };
      // Only a cache: a store that fails to keep it costs the next sync its hashing, nothing else.
      await ports.store.rememberRowHashes(raw.fingerprint, remembered).catch(() => undefined);
    }
    return {
      run, findings, summary, entries, cellsChanged, editsSettled: review?.settled.length ?? 0, rows,
      auditHead: headAfter,
    };
  }).catch((error: unknown) => {
    if (error instanceof CcegError) throw error;
    throw new CcegError('INTERNAL', `The sync of ${request.workbook} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
