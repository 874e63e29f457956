// What `cceg todo WORKBOOK` does: prints the to-do list, by section, for everyone or for the party `--for` names.
import { existsSync } from 'node:fs';
import { parseStoreUrl } from '../../adapters/store-url.js';
import { CcegError } from '../../core/errors.js';
import { actorNamed, knownActors, todoFor, todoOf, type DraftedDocument, type TodoGroup, type TodoItem } from '../../core/derived/todo.js';
import { parseWorkbook } from '../../core/parse/parse-workbook.js';
import { EXIT, type CommandContext } from '../command-context.js';
import type { CommonOptionValues } from '../options.js';
import { resolveCommonOptions } from '../resolve-options.js';
import { openStore, openStoreToRead } from '../store-source.js';
import { readWorkbook } from '../workbook-source.js';

/** The options of `todo`, as commander hands them over. */
export interface TodoOptionValues extends CommonOptionValues {
  readonly for?: string;
  readonly store?: string;
}

/** The drafted documents of the store, or null when there is no store (no SQLite file yet, or a Sheet without --store). */
async function draftedDocuments(workbook: string, storeOption: string | undefined): Promise<DraftedDocument[] | null> {
  const file = workbook.startsWith('sheets:') ? null : workbook;
  if (storeOption === undefined && file === null) return null;
  const location = parseStoreUrl(storeOption, file);
  if (location.kind === 'sqlite' && !existsSync(location.path)) return null;
  const store = location.kind === 'sqlite' ? await openStoreToRead(`sqlite:${location.path}`) : await openStore(storeOption, file);
  try {
    return await store.listDocuments();
  } finally {
    await store.close();
  }
}

function itemLine(item: TodoItem): string {
  const link = item.link === null ? '' : `\n      ${item.link}`;
  return `  ${(item.date ?? '').padEnd(10)}  ${item.who.padEnd(9)}  ${item.action} (${item.source})${link}`;
}

function todoText(groups: readonly TodoGroup[], today: string, who: string | null, drafts: boolean): string {
  const lines = [`To do as of ${today}${who === null ? '' : ` for ${who}`}:`];
  for (const { section, items } of groups) {
    lines.push('', `${section}:`, ...(items.length === 0 ? ['  nothing.'] : items.map(itemLine)));
  }
  if (!drafts) lines.push('', '(No store found beside the workbook: drafted documents are not listed; --store names one.)');
  return `${lines.join('\n')}\n`;
}

/** Prints the to-do list of `workbook` as of `--today`, only the items of `--for` when given (exit 2 naming who may be asked for otherwise). */
export async function runTodo(context: CommandContext, workbook: string, values: TodoOptionValues): Promise<void> {
  const { today, config } = resolveCommonOptions(values, context.io);
  const { group } = parseWorkbook(await readWorkbook(workbook, config.limits));
  const who = values.for === undefined ? null : actorNamed(group.rows, values.for);
  if (values.for !== undefined && who === null) {
    throw new CcegError('BAD_OPTION', `--for "${values.for}" is nobody in ${workbook}: use one of ${knownActors(group.rows).join(', ')} (chairs and staff in any case).`);
  }
  const documents = await draftedDocuments(workbook, values.store);
  const all = todoOf(group.rows, today, config, documents ?? []).filter((g) => documents !== null || g.section !== 'Drafts ready');
  const groups = who === null ? all : todoFor(all, who);
  if (values.format === 'json') context.io.out(`${JSON.stringify({ today, for: who, sections: groups }, null, 2)}\n`);
  else context.io.out(todoText(groups, today, who, documents !== null));
  context.exitCode = EXIT.ok;
}
