// `cceg audit list|verify|export`: read the tamper-evident audit log of a store, which is opened only to read.
import { Command } from 'commander';
import { exportAudit, listAudit, verifyAudit } from '../../app/audit.js';
import type { AuditEntry } from '../../core/audit/audit-entry.js';
import { CcegError } from '../../core/errors.js';
import { parseIsoDate } from '../../core/dates.js';
import { parseAnchor } from '../../core/audit/anchor.js';
import type { RecordStore } from '../../ports/record-store.port.js';
import { EXIT, type CommandContext } from '../command-context.js';
import { formatOption } from '../options.js';
import { openStoreToRead } from '../store-source.js';

interface AuditOptionValues {
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

/** Thrown from the export's writer once standard output is closed: the export stops there, which is no fault. */
class OutputClosed extends Error {}

function verb(name: string, description: string, run: (values: AuditOptionValues) => Promise<void>): Command {
  return new Command(name).description(description).option('--store <store>', 'sqlite:PATH or firestore').action(run);
}

/** The `audit` verb and its sub-verbs. */
export function auditCommand(context: CommandContext): Command {
  const withStore = async <T>(values: AuditOptionValues, work: (store: RecordStore) => Promise<T>): Promise<T> => {
    const store = await openStoreToRead(requireStore(values));
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  const list = verb('list', 'list audit entries, oldest first', (values) => withStore(values, async (store) => {
    const entries = await listAudit(store, { since: sinceOf(values.since), actor: values.actor, entity: values.entity });
    context.io.out(values.format === 'json' ? `${JSON.stringify({ entries }, null, 2)}\n` : `${[...entries.map(entryLine), `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`].join('\n')}\n`);
    context.exitCode = EXIT.ok;
  })).option('--since <date>', 'only entries at or after this date (YYYY-MM-DD) or time')
    .option('--actor <email>', 'only entries by this actor')
    .option('--entity <tab/id>', 'only entries about this record (Tab/ID) or tab')
    .addOption(formatOption(['text', 'json']));
  const verify = verb('verify', 'recompute the hash chain and every record from it; names the first broken entry or record (exit 1)', (values) => withStore(values, async (store) => {
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
  })).option('--anchor <seq:hash>', 'also check that the log still holds this entry (the Dashboard\'s last line, a run\'s log line)');
  const exporter = verb('export', 'write every entry as CSV or JSON lines to standard output', (values) => withStore(values, async (store) => {
    const write = (text: string): void => {
      if (context.io.outClosed?.()) throw new OutputClosed();
      context.io.out(text);
    };
    await exportAudit(store, values.format === 'csv' ? 'csv' : 'jsonl', write).catch((error: unknown) => {
      if (!(error instanceof OutputClosed)) throw error;
    });
    context.exitCode = EXIT.ok;
  })).addOption(formatOption(['jsonl', 'csv']));
  return new Command('audit').description('read the audit log: list, verify, export').addCommand(list).addCommand(verify).addCommand(exporter);
}
