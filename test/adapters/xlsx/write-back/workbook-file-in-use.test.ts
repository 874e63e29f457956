// Replacing a workbook another program holds (EBUSY, EPERM, EACCES, as Windows answers for a file open in Excel) says so in one line.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbookFile, replaceWorkbookFile } from '../../../../functions/adapters/xlsx/write-back/workbook-file.js';

const renameFailure = vi.hoisted(() => ({ code: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (renameFailure.code !== null) throw Object.assign(new Error(`${renameFailure.code}: rename '${from}' -> '${to}'`), { code: renameFailure.code });
      return actual.rename(from, to);
    },
  };
});

describe('replacing a workbook that another program holds', () => {
  it.each([['EBUSY'], ['EPERM'], ['EACCES']])('%s: refused in one line that says to close it, the file and its folder left as they were', async (code) => {
    const dir = mkdtempSync(join(tmpdir(), 'cceg-in-use-'));
    const path = join(dir, 'group.xlsx');
    writeFileSync(path, 'the bytes as saved');
    const { stamp } = await readWorkbookFile(path);
    renameFailure.code = code;
    try {
      await expect(replaceWorkbookFile(path, Buffer.from('new bytes'), stamp)).rejects.toMatchObject({
        code: 'UNREADABLE_WORKBOOK',
        message: `Cannot write ${path}: it is open in another program or read-only; close it and sync again.`,
      });
    } finally {
      renameFailure.code = null;
    }
    expect(readFileSync(path, 'utf8')).toBe('the bytes as saved');
    expect(readdirSync(dir)).toEqual(['group.xlsx']);
  });
});
