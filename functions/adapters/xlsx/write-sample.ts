// Writes the bundled 2018 sample workbook: `npx tsx functions/adapters/xlsx/write-sample.ts sheets/sample-workbook.xlsx`.
import { pathToFileURL } from 'node:url';
import { workbookTemplate } from '../../core/template.js';
import { createXlsxWorkbook } from './create-xlsx.js';
import { sampleWorkbookRows } from './sample-data.js';

/** Writes the sample workbook at `path` (never over an existing file) and returns the path. */
export function writeSampleWorkbook(path: string): Promise<string> {
  return createXlsxWorkbook(path, workbookTemplate(), sampleWorkbookRows());
}

async function main(argv: readonly string[]): Promise<number> {
  const path = argv[2];
  if (!path) {
    process.stderr.write('usage: write-sample <file.xlsx>\n');
    return 2;
  }
  try {
    process.stdout.write(`Wrote ${await writeSampleWorkbook(path)}.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv);
}
