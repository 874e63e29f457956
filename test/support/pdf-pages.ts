// Reading printed PDFs in tests with poppler-utils: the text of each page, and each page as a small PNG.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when poppler-utils' `pdftotext` and `pdftoppm` run (Debian: apt-get install poppler-utils). */
export const hasPoppler = ['pdftotext', 'pdftoppm'].every((program) => spawnSync(program, ['-v'], { stdio: 'ignore' }).status === 0);

function inTemporaryFolder<T>(pdf: Buffer, use: (file: string, folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'cceg-pdf-'));
  try {
    const file = join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function run(program: string, args: readonly string[]): string {
  const result = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.error?.message || `exit ${result.status}`}`);
  return result.stdout;
}

/** The text of each page of a PDF, as `pdftotext` reads it in reading order: one string per page, lines trimmed, no empty lines. */
export function pdfPageTexts(pdf: Buffer): string[][] {
  const text = inTemporaryFolder(pdf, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']));
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
}

/**
 * Renders every page of a PDF to `<folder>/<name>-<n>.png` at `dpi` dots per inch (`pdftoppm -png`), replacing the
 * pages of an earlier render of that name, and returns the files written, page 1 first.
 */
export function pdfPagesToPng(pdf: Buffer, folder: string, name: string, dpi = 60): string[] {
  const pageFile = new RegExp(`^${name}-(\\d+)\\.png$`);
  for (const file of readdirSync(folder)) if (pageFile.test(file)) rmSync(join(folder, file));
  return inTemporaryFolder(pdf, (file, work) => {
    run('pdftoppm', ['-png', '-r', String(dpi), file, join(work, 'page')]);
    const rendered = readdirSync(work).filter((entry) => /^page-\d+\.png$/.test(entry))
      .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
    return rendered.map((entry, index) => {
      const target = join(folder, `${name}-${index + 1}.png`);
      copyFileSync(join(work, entry), target);
      return target;
    });
  });
}
