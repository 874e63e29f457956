// What `cceg audit list|verify|export` does: reads the audit log of a store opened only to read.
import { exportAudit, listAudit, verifyAudit } from '../../app/audit.js';
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

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}.`;

/** Thrown from the export's writer once standard output is closed: the export stops there, which is no fault. */
class OutputClosed extends Error {}

async function list(context: CommandContext, store: RecordStore, values: AuditOptionValues): Promise<void> {
  const entries = await listAudit(store, { since: sinceOf(values.since), actor: values.actor, entity: values.entity });
  if (values.format === 'json') context.io.out(`${JSON.stringify({ entries }, null, 2)}\n`);
  else context.io.out(`${[...entries.map(entryLine), counted(entries.length, 'entry', 'entries')].join('\n')}\n`);
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

const SUB_VERBS = { list, verify, export: exportEntries } as const;

/** Runs the `audit` sub-verb `name` over the `--store` store, closing it after. */
export async function runAudit(context: CommandContext, name: keyof typeof SUB_VERBS, values: AuditOptionValues): Promise<void> {
  const store = await openStoreToRead(requireStore(values));
  try {
    await SUB_VERBS[name](context, store, values);
  } finally {
    await store.close();
  }
}
