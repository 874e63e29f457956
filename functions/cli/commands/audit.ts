// `cceg audit list|history|verify|export`: read the tamper-evident audit log of a store, which is opened only to read.
import { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import { formatOption } from '../options.js';
import type { AuditOptionValues } from '../actions/audit.js';

type AuditVerb = 'list' | 'history' | 'verify' | 'export';

function verb(context: CommandContext, name: AuditVerb, description: string): Command {
  return new Command(name).description(description).option('--store <store>', 'sqlite:PATH or firestore')
    .action(async (values: AuditOptionValues) => (await import('../actions/audit.js')).runAudit(context, name, values));
}

/** The `audit` verb and its sub-verbs; reading the log, and the store adapter, are loaded when one runs. */
export function auditCommand(context: CommandContext): Command {
  const list = verb(context, 'list', 'list audit entries, oldest first')
    .option('--since <date>', 'only entries at or after this date (YYYY-MM-DD) or time')
    .option('--actor <email>', 'only entries by this actor')
    .option('--entity <tab/id>', 'only entries about this record (Tab/ID) or tab')
    .addOption(formatOption(['text', 'json']));
  const history = new Command('history').description('the history of one record, each change field by field, oldest first')
    .argument('<tab/id>', 'the record, e.g. Roster/P-0001').option('--store <store>', 'sqlite:PATH or firestore').addOption(formatOption(['text', 'json']))
    .action(async (entity: string, values: AuditOptionValues) => (await import('../actions/audit.js')).runAudit(context, 'history', { ...values, entity }));
  const verify = verb(context, 'verify', 'recompute the hash chain and every record from it; names the first broken entry or record (exit 1)')
    .option('--anchor <seq:hash>', 'also check that the log still holds this entry (the Dashboard\'s last line, a run\'s log line)');
  const exporter = verb(context, 'export', 'write every entry as CSV or JSON lines to standard output').addOption(formatOption(['jsonl', 'csv']));
  return new Command('audit').description('read the audit log: list, history, verify, export')
    .addCommand(list).addCommand(history).addCommand(verify).addCommand(exporter);
}
