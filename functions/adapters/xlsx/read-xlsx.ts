// Reads an .xlsx workbook: its tabs in workbook order, each sheet streamed as it is inflated, whatever the zip entry order.
import { hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_LIMITS, type WorkbookLimits } from '../../core/config.js';
import { CcegError } from '../../core/errors.js';
import { fileSystemReason } from '../file-system-reason.js';
import type { RawTab, RawWorkbook } from '../../core/model/raw-workbook.js';
import type { WorkbookReader } from '../../ports/workbook.port.js';
import { dateStyles } from './package/date-styles.js';
import { usesDate1904 } from './package/package-xml.js';
import { XlsxPackage } from './package/xlsx-package.js';
import { readWorksheet, type WorkbookParts } from './read-worksheet.js';
import { assertNoFormulaRangeInSystemCells } from './system-formulas.js';
import { changedDuringSync, sameStamp, stampOf, type FileStamp } from './write-back/workbook-file.js';

/**
 * Reads every worksheet of an .xlsx file: row 1 as the header, then the non-empty rows with their sheet row numbers.
 * The package is opened from its central directory, so the zip's entry order does not matter: the date system and
 * the shared strings are known before any sheet is read. Memory holds the compressed file and the cells kept, within
 * `limits` (WORKBOOK_TOO_LARGE past them, checked as the parts inflate and the sheets stream). Refuses
 * (UNREADABLE_WORKBOOK) a workbook whose system-owned cells hold a formula filled over a range.
 */
export async function readXlsxWorkbook(path: string, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<RawWorkbook> {
  return readOpenedPackage(await openPackage(path, limits), path, limits);
}

/** A package opened from a file's bytes, with what those bytes hash to. */
interface OpenedPackage {
  readonly book: XlsxPackage;
  /** `RawWorkbook.fingerprint`: the SHA-256 of the whole file. */
  readonly fingerprint: string;
}

/** Opens the package of an .xlsx file (its central directory and workbook part), refusing what is not one. */
async function openPackage(path: string, limits: WorkbookLimits): Promise<OpenedPackage> {
  await assertFile(path);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  const book = await XlsxPackage.load(bytes, path, limits).catch((error: unknown) => {
    throw asCcegError(path, error);
  });
  return { book, fingerprint: `xlsx-sha256:${hash('sha256', bytes, 'hex')}` };
}

/** Reads every worksheet of an opened package, as {@link readXlsxWorkbook} says. */
async function readOpenedPackage({ book, fingerprint }: OpenedPackage, path: string, limits: WorkbookLimits): Promise<RawWorkbook> {
  try {
    const parts = await workbookParts(book);
    const tabs: RawTab[] = [];
    for (const sheet of book.tabs) {
      const { header, rows, formulaRanges } = await readWorksheet(book.textOf(sheet.part), parts, { file: path, tab: sheet.name, limits });
      assertNoFormulaRangeInSystemCells(sheet.name, header, formulaRanges);
      tabs.push({ name: sheet.name, header, rows });
    }
    return { tabs, fingerprint };
  } catch (error) {
    throw asCcegError(path, error);
  }
}

/** The shared strings, date styles and date system every sheet is read with; first, parts whose declared sizes pass the limits are refused. */
async function workbookParts(book: XlsxPackage): Promise<WorkbookParts> {
  const [sharedStringsPart, stylesPart] = await Promise.all([book.relatedPart('/sharedStrings'), book.relatedPart('/styles')]);
  book.refuseDeclaredSizes([book.workbookPart, ...[sharedStringsPart, stylesPart].filter((part) => part !== undefined), ...book.tabs.map((tab) => tab.part)]);
  const [workbook, sharedStrings] = await Promise.all([book.read(book.workbookPart), book.sharedStrings()]);
  const isDateStyle = dateStyles(stylesPart === undefined ? '' : await book.read(stylesPart));
  return { sharedString: (index) => sharedStrings.get(index), isDateStyle, date1904: usesDate1904(workbook) };
}

/** The workbook port over a local .xlsx file. */
export class XlsxWorkbookReader implements WorkbookReader {
  /** The file as the last `read` found it (the writer refuses to write into a file saved since), or null before one. */
  lastRead: FileStamp | null = null;

  /** `limits` (the config's) bound what the workbook may inflate to and hold; the shipped defaults when not given. */
  constructor(
    private readonly path: string,
    readonly limits: WorkbookLimits = DEFAULT_LIMITS,
  ) {}

  /** The package `probe` opened, with the file's stamp then: `read` reads it when the file is still the same. */
  private probed: { readonly stamp: FileStamp; readonly opened: OpenedPackage } | null = null;

  /** The fingerprint of the file as `probe` or `read` last opened it. */
  private fingerprintSeen: string | undefined;

  /** The package the last `read` read, until `takeReadPackage` takes it. */
  private readPackage: XlsxPackage | null = null;

  /** Reads the whole workbook; throws FILE_NOT_FOUND, NOT_A_WORKBOOK, WORKBOOK_TOO_LARGE or UNREADABLE_WORKBOOK (also when saved while read). */
  async read(): Promise<RawWorkbook> {
    this.readPackage = null;
    const before = await stampOf(this.path);
    const probed = this.probed;
    this.probed = null;
    const opened = probed !== null && sameStamp(probed.stamp, before) ? probed.opened : await openPackage(this.path, this.limits);
    this.fingerprintSeen = opened.fingerprint;
    const workbook = await readOpenedPackage(opened, this.path, this.limits);
    if (!sameStamp(before, await stampOf(this.path))) throw changedDuringSync(this.path);
    this.lastRead = before;
    this.readPackage = opened.book;
    return workbook;
  }

  /** Whether the file is still the one the last `read` read (same path, size, time and inode); false before a read or once it is gone. */
  async isCurrent(): Promise<boolean> {
    const read = this.lastRead;
    if (read === null) return false;
    const now = await stampOf(this.path).catch(() => null);
    return now !== null && sameStamp(read, now);
  }

  /** The fingerprint of the file as `probe` found it (the next `read` gives it unless the file is saved meanwhile), or undefined. */
  fingerprintAhead(): string | undefined {
    return this.fingerprintSeen;
  }

  /** Starts inflating the sheets of these tabs in the package the last `read` read, for the writer about to take it. */
  prefetchSheets(tabs: readonly string[]): void {
    const book = this.readPackage;
    for (const tab of tabs) {
      const part = book?.sheet(tab)?.part;
      if (part !== undefined) book!.prefetch(part);
    }
  }

  /**
   * The package the last `read` read (the file as `lastRead` stamps it), once: the writer writes into it instead of
   * opening the file again. Null when taken already or nothing was read.
   */
  takeReadPackage(): XlsxPackage | null {
    const book = this.readPackage;
    this.readPackage = null;
    return book;
  }

  /**
   * Checks cheaply, without parsing any sheet, that the file is an .xlsx package (whatever its entry order); throws like
   * `read`. The package stays open for the next `read`, which uses it if the file has not changed since.
   */
  async probe(): Promise<void> {
    this.probed = null;
    // A file that cannot be stamped is refused by openPackage, with its own reason.
    const before = await stampOf(this.path).catch(() => null);
    const opened = await openPackage(this.path, this.limits);
    this.fingerprintSeen = opened.fingerprint;
    const after = await stampOf(this.path);
    // Kept only when the file stood still while it was opened.
    if (before !== null && sameStamp(before, after)) this.probed = { stamp: after, opened };
  }
}

async function assertFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(path, error);
  });
  if (!info.isFile()) throw new CcegError('NOT_A_WORKBOOK', `${path} is not an .xlsx workbook.`);
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
        : new CcegError('UNREADABLE_WORKBOOK', `Cannot read ${path}: ${fileSystemReason(code, 'read')}.`);
  fault.cause = error;
  return fault;
}
