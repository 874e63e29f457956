// Reads an .xlsx workbook with exceljs's streaming reader: memory grows with the cells kept, not with the file.
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CcegError } from '../../core/errors.js';
import type { RawTab, RawWorkbook } from '../../core/model/raw-workbook.js';
import type { WorkbookReader } from '../../ports/workbook.port.js';
import { readWorksheet, type WorkbookParts } from './read-worksheet.js';
import { changedDuringSync, sameStamp, stampOf, type FileStamp } from './write-back/workbook-file.js';

const STREAM_OPTIONS = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' } as const;

/** The parts of exceljs's streaming reader used here; its typings declare none of them. */
interface StreamingBook extends WorkbookParts {
  parse(): AsyncIterator<{ eventType: string; value: unknown }>;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): unknown;
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** Reads every worksheet of an .xlsx file: row 1 as the header, then the non-empty rows with their sheet row numbers. */
export async function readXlsxWorkbook(path: string): Promise<RawWorkbook> {
  await assertFile(path);
  const source = createReadStream(path);
  let fail: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_resolve, reject) => (fail = reject));
  source.on('error', (error) => fail(error));
  guardUnzipStream(source, (error) => fail(error));
  const book = new ExcelJS.stream.xlsx.WorkbookReader(source, STREAM_OPTIONS) as unknown as StreamingBook;
  try {
    return await Promise.race([readTabs(book), failure]);
  } catch (error) {
    throw asCcegError(path, error);
  } finally {
    source.destroy();
  }
}

/** The workbook port over a local .xlsx file. */
export class XlsxWorkbookReader implements WorkbookReader {
  /** The file as the last `read` found it (the writer refuses to write into a file saved since), or null before one. */
  lastRead: FileStamp | null = null;

  constructor(private readonly path: string) {}

  /** Reads the whole workbook; throws FILE_NOT_FOUND, NOT_A_WORKBOOK or UNREADABLE_WORKBOOK (also when saved while read). */
  async read(): Promise<RawWorkbook> {
    const before = await stampOf(this.path);
    const workbook = await readXlsxWorkbook(this.path);
    if (!sameStamp(before, await stampOf(this.path))) throw changedDuringSync(this.path);
    this.lastRead = before;
    return workbook;
  }

  /** Checks cheaply, without parsing any sheet, that the file is an .xlsx package; throws like `read`. */
  async probe(): Promise<void> {
    await assertFile(this.path);
    const zip = await JSZip.loadAsync(await readFile(this.path)).catch(() => null);
    if (zip === null || zip.file('xl/workbook.xml') === null) throw new CcegError('NOT_A_WORKBOOK', `${this.path} is not an .xlsx workbook.`);
  }
}

async function assertFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  if (!info.isFile()) throw new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
}

/**
 * Guards the unzip stream exceljs pipes the file into. Its errors (a damaged entry) are reported here, because
 * exceljs may never look at them and would wait forever. And unzipper 0.10 emits `end` as soon as the whole file
 * is buffered, while parsed entries still wait in the stream: exceljs then stops early and loses the last entries,
 * such as xl/workbook.xml (exceljs issue #3064, intermittent). Only the stream's real end is let through.
 */
function guardUnzipStream(source: ReadStream, onError: (error: unknown) => void): void {
  const pipe = source.pipe.bind(source);
  source.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    destination.on('error', onError);
    const unzip = destination as unknown as Readable;
    const emit = unzip.emit.bind(unzip);
    unzip.emit = ((event: string | symbol, ...args: unknown[]) =>
      event === 'end' && !unzip.readableEnded ? false : emit(event, ...args)) as typeof unzip.emit;
    return pipe(destination, options);
  }) as typeof source.pipe;
}

async function readTabs(book: StreamingBook): Promise<RawWorkbook> {
  const sheets: { fileNumber: string; contents: Omit<RawTab, 'name'> }[] = [];
  let fileNumber = '';
  let sawWorkbook = false;
  book.on('entry', (entry) => {
    if (entry.type === 'worksheet') fileNumber = entry.id ?? '';
    if (entry.type === 'workbook') sawWorkbook = true;
  });
  // exceljs reads `model.sheets` when a worksheet comes before xl/workbook.xml; names are resolved at the end instead.
  book.model = {};
  const events = book.parse();
  for (let next = await events.next(); !next.done; next = await events.next()) {
    if (next.value.eventType !== 'worksheet') continue;
    const xml = (next.value.value as { iterator: AsyncIterable<unknown> }).iterator;
    sheets.push({ fileNumber, contents: await readWorksheet(xml, book) });
  }
  if (!sawWorkbook) throw new Error('The zip holds no xl/workbook.xml.');
  const tabs = sheets.map(({ fileNumber: number, contents }) => ({ ...sheetIdentity(book, number), contents }));
  return { tabs: tabs.sort((a, b) => a.position - b.position).map(({ name, contents }) => ({ name, ...contents })) };
}

/** The tab name and workbook position of `xl/worksheets/sheet<N>.xml` (file order is not tab order). */
function sheetIdentity(book: StreamingBook, fileNumber: string): { name: string; position: number } {
  const sheets = book.model?.sheets ?? [];
  const target = `worksheets/sheet${fileNumber}.xml`;
  const rel = book.workbookRels?.find((candidate) => candidate.Target.replace(/^\/?(xl\/)?/, '') === target);
  const position = rel ? sheets.findIndex((sheet) => sheet.rId === rel.Id) : -1;
  const sheet = sheets[position];
  return sheet ? { name: sheet.name, position } : { name: `Sheet${fileNumber}`, position: sheets.length + Number(fileNumber) };
}

function asCcegError(path: string, error: unknown): CcegError {
  if (error instanceof CcegError) return error;
  if (error instanceof Error && 'syscall' in error) return fileError(path, error);
  const fault = new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
  fault.cause = error;
  return fault;
}

function fileError(path: string, error: unknown): CcegError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const fault =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? new CcegError('FILE_NOT_FOUND', `Cannot open ${path}: no such file.`)
      : code === 'EISDIR'
        ? new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`)
        : new CcegError('UNREADABLE_WORKBOOK', `Cannot read ${path}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'read error')}.`);
  fault.cause = error;
  return fault;
}
