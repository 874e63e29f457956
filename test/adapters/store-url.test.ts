// `--store` parsing: sqlite:PATH, firestore, the default file beside an .xlsx, and one clear line for anything else.
import { describe, expect, it } from 'vitest';
import { parseStoreUrl, type StoreLocation } from '../../functions/adapters/store-url.js';
import type { CcegError } from '../../functions/core/errors.js';

const cwd = '/home/ig/work';

describe('parseStoreUrl', () => {
  it.each<{ text: string | undefined; workbook: string | null; expected: StoreLocation; why: string }>([
    { why: 'an absolute sqlite path is kept', text: 'sqlite:/data/cceg.db', workbook: null, expected: { kind: 'sqlite', path: '/data/cceg.db' } },
    { why: 'a relative sqlite path is resolved from the working folder', text: 'sqlite:stores/ig.db', workbook: null, expected: { kind: 'sqlite', path: '/home/ig/work/stores/ig.db' } },
    { why: 'a ./ and ../ path is normalised', text: 'sqlite:../other/./ig.db', workbook: null, expected: { kind: 'sqlite', path: '/home/ig/other/ig.db' } },
    { why: 'spaces in a path are kept', text: 'sqlite:My Groups/ig.db', workbook: null, expected: { kind: 'sqlite', path: '/home/ig/work/My Groups/ig.db' } },
    { why: 'an explicit store wins over the default beside the workbook', text: 'sqlite:/data/cceg.db', workbook: '/x/group.xlsx', expected: { kind: 'sqlite', path: '/data/cceg.db' } },
    { why: 'the scheme is not case-sensitive', text: 'SQLite:/data/cceg.db', workbook: null, expected: { kind: 'sqlite', path: '/data/cceg.db' } },
    { why: 'firestore names Firestore', text: 'firestore', workbook: '/x/group.xlsx', expected: { kind: 'firestore' } },
    { why: 'Firestore is not case-sensitive either', text: 'Firestore', workbook: null, expected: { kind: 'firestore' } },
    { why: 'no --store keeps the database beside the .xlsx, named after it', text: undefined, workbook: '/x/group.xlsx', expected: { kind: 'sqlite', path: '/x/group.cceg.db' } },
    { why: 'the .xlsx suffix is replaced whatever its case', text: undefined, workbook: '/x/Group.XLSX', expected: { kind: 'sqlite', path: '/x/Group.cceg.db' } },
    { why: 'a relative workbook gets its default store in the same folder', text: undefined, workbook: 'books/group.xlsx', expected: { kind: 'sqlite', path: '/home/ig/work/books/group.cceg.db' } },
    { why: 'a workbook without the .xlsx suffix gets .cceg.db appended', text: undefined, workbook: '/x/group', expected: { kind: 'sqlite', path: '/x/group.cceg.db' } },
  ])('$why', ({ text, workbook, expected }) => {
    expect(parseStoreUrl(text, workbook, cwd)).toEqual(expected);
  });

  it.each([
    { text: '' },
    { text: 'sqlite:' },
    { text: 'sqlite:   ' },
    { text: 'postgres://db.example/cceg' },
    { text: 'firestore:projects/x' },
    { text: '/data/cceg.db' },
    { text: 'sqlite' },
  ])('refuses "$text" with one line naming the two forms', ({ text }) => {
    expect(faultOf(() => parseStoreUrl(text, '/x/group.xlsx', cwd))).toEqual({
      code: 'BAD_OPTION',
      message: `--store "${text}" is not a store: use sqlite:PATH or firestore.`,
    });
  });

  it('asks for --store when there is no .xlsx workbook to keep the database beside', () => {
    expect(faultOf(() => parseStoreUrl(undefined, null, cwd))).toEqual({
      code: 'BAD_OPTION',
      message: 'no --store given and no .xlsx workbook to keep one beside: use --store sqlite:PATH or --store firestore.',
    });
  });

  it('resolves relative paths from the process working folder by default', () => {
    expect(parseStoreUrl('sqlite:ig.db', null)).toEqual({ kind: 'sqlite', path: `${process.cwd()}/ig.db` });
  });
});

function faultOf(work: () => unknown): Pick<CcegError, 'code' | 'message'> {
  try {
    work();
  } catch (error) {
    const { code, message } = error as CcegError;
    return { code, message };
  }
  throw new Error('the call should have failed');
}
