// `cceg demo`: the main job end to end on the bundled sample workbook, in a temporary folder.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { EXIT, type CommandContext } from '../command-context.js';
import { SAMPLE_WORKBOOK } from '../sample-workbook.js';
/** The sample describes 2018: the demo looks at it from this day unless told otherwise. */
export const SAMPLE_TODAY = '2018-11-01';

/** The `demo` verb. */
export function demoCommand(context: CommandContext): Command {
  return new Command('demo')
    .description('run the whole job on the bundled sample workbook in a temporary folder, printing what happened')
    .option('--today <YYYY-MM-DD>', 'the date to look from', SAMPLE_TODAY)
    .option('--dir <folder>', 'work in this folder instead of a new temporary one')
    .action(async (values: { today: string; dir?: string }) => {
      const folder = values.dir ?? mkdtempSync(join(tmpdir(), 'cceg-demo-'));
      const workbook = join(folder, 'sample-workbook.xlsx');
      copyFileSync(SAMPLE_WORKBOOK, workbook);
      const { out } = context.io;
      out(`CCEG IG Ops demo: the sample workbook of a year of the CCEG IG, looked at on ${values.today}.\n`);
      out(`Working copy: ${workbook}\n`);
      const store = `sqlite:${join(folder, 'sample-workbook.cceg.db')}`;
      const documents = join(folder, 'documents');
      const today = ['--today', values.today];
      const steps: [string, string[]][] = [
        ['Check the workbook against the charter (changes nothing)', ['validate', workbook, ...today]],
        ['Commit every row to the record store, with an audit entry each, and write Status, Findings and Dashboard back', ['sync', workbook, '--store', store, '--actor', 'demo@cceg.example.org', ...today]],
        ['Sync again: nothing changed, so nothing is written', ['sync', workbook, '--store', store, '--actor', 'demo@cceg.example.org', ...today]],
        ['Verify the tamper-evident audit log', ['audit', 'verify', '--store', store]],
        ['The audit trail of the papers', ['audit', 'list', '--store', store, '--entity', 'Papers']],
        ['Endorsement tally of every paper', ['tally', workbook]],
        ['Deadlines the charter sets', ['deadlines', workbook, ...today]],
        ['The daily trigger: sync, then draft every document the charter requires that has fallen due', ['tick', workbook, '--store', store, '--out', documents, ...today]],
        ['The trigger again: every document is drafted once, never twice', ['tick', workbook, '--store', store, '--out', documents, ...today]],
        ['The IG Update Report for the next ICANN meeting, on demand', ['report', 'update', workbook, '--meeting', 'ICANN64', '--out', documents, ...today]],
      ];
      let worst: number = EXIT.ok;
      for (const [title, argv] of steps) {
        out(`\n=== ${title}\n$ cceg ${argv.join(' ')}\n\n`);
        const code = await context.run(argv);
        if (code === EXIT.fault) worst = EXIT.fault;
      }
      out(`\nDone. The working copy stays in ${folder} for you to open; the documents are in ${documents} (open them in a browser, print them).\n`);
      context.exitCode = worst;
    });
}
