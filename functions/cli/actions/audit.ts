// What `cceg audit list|history|verify|export` does: reads the audit log of a store opened only to read.
import { auditHistory, exportAudit, listAudit, verifyAudit } from '../../app/audit.js';
import { describeEntry, fieldLine, shownTime, type DescribedChange } from '../../core/audit/field-changes.js';
import type { AuditEntry } from '../../core/audit/audit-entry.js';
import { CcegError } from '../../core/errors.js';
import { parseIsoDate } from '../../core/dates.js';
import { parseAnchor } from '../../core/audit/anchor.js';
import type { RecordStore } from '../../ports/record-store.port.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { openStoreToRead } from '../store-source.js';

/** The options of the `audit` sub-verbs, as commander hands them over. */
export interface AuditOptionValues {
  readonly format?: string;
  readonly store?: string;
  readonly since?: string;
  readonly actor?: string;
  readonly entity?: string;
  readonly anchor?: string;
}

function requireStore(values: AuditOptionValues): string {
  if (!values.store) throw new CcegError('BAD_OPTION', 'audit needs --store sqlite:PATH or --store firestore.');
  return values.store;
}

function sinceOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (parseIsoDate(text) !== null) return `${text}T00:00:00.000Z`;
  if (!Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}T/.test(text)) return new Date(text).toISOString();
  throw new CcegError('BAD_OPTION', `--since "${text}" is not a date or time; write YYYY-MM-DD or an ISO time.`);
}

function entryLine(entry: AuditEntry): string {
  return `${String(entry.seq).padStart(6)}  ${entry.at}  ${entry.actor}  ${entry.source}  ${entry.op.padEnd(9)}  ${entry.entity}`;
}

/** One change as people read it: `2018-10-30 09:12 UTC  update  by x (sheet-edit)`, then its fields indented. */
function changeLines(change: DescribedChange, withEntity: boolean): string[] {
  const head = `${shownTime(change.at)}  ${change.op}  ${withEntity ? `${change.entity}  ` : ''}by ${change.actor} (${change.source})`;
  return [head, ...(change.note === null ? [] : [`    ${change.note}`]), ...change.fields.map((field) => `    ${fieldLine(field, change.op)}`)];
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}.`;

/** Thrown from the export's writer once standard output is closed: the export stops there, which is no fault. */
class OutputClosed extends Error {}

async function list(context: CommandContext, store: RecordStore, values: AuditOptionValues): Promise<void> {
  const entries = await listAudit(store, { since: sinceOf(values.since), actor: values.actor, entity: values.entity });
  if (values.format === 'json') context.io.out(`${JSON.stringify({ entries }, null, 2)}\n`);
  // About one record or tab, each change is told field by field; the whole log stays one line per entry.
  else if (values.entity !== undefined) context.io.out(`${[...entries.flatMap((entry) => changeLines(describeEntry(entry), true)), counted(entries.length, 'change', 'changes')].join('\n')}\n`);
  else context.io.out(`${[...entries.map(entryLine), counted(entries.length, 'entry', 'entries')].join('\n')}\n`);
  context.exitCode = EXIT.ok;
}

async function history(context: CommandContext, store: RecordStore, values: AuditOptionValues): Promise<void> {
  const entity = values.entity ?? '';
  if (!/^[A-Za-z]+\/\S/.test(entity)) throw new CcegError('BAD_OPTION', `"${entity}" is not a record: write Tab/ID, e.g. Roster/P-0001.`);
  const changes = await auditHistory(store, entity);
  if (values.format === 'json') context.io.out(`${JSON.stringify({ entity, changes }, null, 2)}\n`);
  else if (changes.length === 0) context.io.out(`The audit log holds no change of ${entity}.\n`);
  else context.io.out(`${[`History of ${entity}:`, ...changes.flatMap((change) => changeLines(change, false)), counted(changes.length, 'change', 'changes')].join('\n')}\n`);
  context.exitCode = EXIT.ok;
}

async function verify(context: CommandContext, store: RecordStore, values: AuditOptionValues): Promise<void> {
  const anchor = values.anchor === undefined ? undefined : parseAnchor(values.anchor);
  const verdict = await verifyAudit(store, anchor === undefined ? {} : { anchor });
  if (!verdict.ok) {
    context.io.out(`The audit log is broken at seq ${verdict.seq}: ${verdict.reason}.\n`);
    context.exitCode = EXIT.findings;
  } else if (verdict.anchorProblem) {
    context.io.out(`The audit log does not reach its anchor ${anchor?.seq}: ${verdict.anchorProblem}.\n`);
    context.exitCode = EXIT.findings;
  } else if (verdict.recordProblem) {
    context.io.out(`The records do not match the audit log: ${verdict.recordProblem}.\n`);
    context.exitCode = EXIT.findings;
  } else {
    const through = anchor ? `, through the anchor at seq ${anchor.seq}` : '';
    context.io.out(`The audit log is intact: ${verdict.count} entr${verdict.count === 1 ? 'y' : 'ies'}, chain verified${verdict.head ? ` up to seq ${verdict.head.seq}` : ''}${through}, every record matches it.\n`);
    context.exitCode = EXIT.ok;
  }
}

async function exportEntries(context: CommandContext, store: RecordStore, values: AuditOptionValues): Promise<void> {
  const write = (text: string): void => {
    if (context.io.outClosed?.()) throw new OutputClosed();
    context.io.out(text);
  };
  await exportAudit(store, values.format === 'csv' ? 'csv' : 'jsonl', write).catch((error: unknown) => {
    if (!(error instanceof OutputClosed)) throw error;
  });
  context.exitCode = EXIT.ok;
}

const SUB_VERBS = { list, history, verify, export: exportEntries } as const;

/** Runs the `audit` sub-verb `name` over the `--store` store, closing it after. */
export async function runAudit(context: CommandContext, name: keyof typeof SUB_VERBS, values: AuditOptionValues): Promise<void> {
  const store = await openStoreToRead(requireStore(values));
  try {
    await SUB_VERBS[name](context, store, values);
  } finally {
    await store.close();
  }
}
