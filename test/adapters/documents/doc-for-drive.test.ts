// docForDrive: the rendered HTML becomes a .docx with PNG charts, headings, lists, tables and the §2 notice, which LibreOffice prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { docForDrive } from '../../../functions/adapters/google/doc-for-drive.js';
import { CHART_PIXEL_RATIO } from '../../../functions/adapters/google/docx/chart-png.js';
import { DOCX_TYPE } from '../../../functions/adapters/google/docx/docx-package.js';
import { CCEG_ONLY_NOTICE } from '../../../functions/core/documents/html.js';
import { documentXml, docxParts, docxText, PNG_SIGNATURE, pngSize } from '../../support/docx-parts.js';
import { hasSoffice } from '../../support/real-programs.js';
import { sampleUpdateReport } from './sample-report.js';

const EMU_PER_CSS_PIXEL = 9525;
const hasPoppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** The charts of a rendered page: their accessible names and sizes, as its `<svg>` elements say. */
function svgChartsOf(html: string): { label: string; width: number; height: number }[] {
  return [...html.matchAll(/<svg\b[^>]*>/g)].map(([tag]) => ({
    label: /aria-label="([^"]*)"/.exec(tag)?.[1] ?? '',
    width: Number(/\swidth="(\d+)"/.exec(tag)?.[1]),
    height: Number(/\sheight="(\d+)"/.exec(tag)?.[1]),
  }));
}

/** The `w:p` elements of a document.xml. */
function paragraphsOf(xml: string): string[] {
  return xml.match(/<w:p>.*?<\/w:p>|<w:p\/>/g) ?? [];
}

/** The .docx printed to PDF by LibreOffice headless (own profile): the text of each page and the images listed. */
function printWithLibreOffice(docx: Buffer): { pages: string[]; images: { page: number; width: number; height: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cceg-docx-'));
  try {
    writeFileSync(join(dir, 'report.docx'), docx);
    const converted = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore',
      '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { encoding: 'utf8', timeout: 120_000 });
    if (converted.status !== 0) throw new Error(`LibreOffice could not print the .docx: ${converted.stdout} ${converted.stderr}`);
    const pdf = join(dir, 'report.pdf');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    const listed = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2);
    const images = listed.map((line) => line.trim().split(/\s+/)).filter((cells) => cells[2] === 'image')
      .map(([page, , , width, height]) => ({ page: Number(page), width: Number(width), height: Number(height) }));
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), images };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('docForDrive', () => {
  const report = sampleUpdateReport();
  const charts = svgChartsOf(report.html);

  it('turns the update report into a .docx holding no SVG, with each chart as a PNG drawn at twice its size', async () => {
    const upload = await docForDrive(report.title, report.html);
    expect(upload.mimeType).toBe(DOCX_TYPE);
    expect(charts).toHaveLength(2);

    const parts = await docxParts(upload.body);
    for (const [path, bytes] of parts) expect(bytes.includes('<svg'), `${path} holds no <svg`).toBe(false);
    const pngs = charts.map((_, index) => parts.get(`word/media/chart${index + 1}.png`) ?? Buffer.alloc(0));
    pngs.forEach((png, index) => {
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: (charts[index]?.width ?? 0) * CHART_PIXEL_RATIO, height: (charts[index]?.height ?? 0) * CHART_PIXEL_RATIO });
    });
    expect(parts.get('[Content_Types].xml')?.toString()).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(parts.get('word/_rels/document.xml.rels')?.toString()).toContain('Target="media/chart2.png"');
  });

  it('shows each chart at the size it prints, side by side in one paragraph, described by its accessible name', async () => {
    const xml = await documentXml((await docForDrive(report.title, report.html)).body);
    const withCharts = paragraphsOf(xml).filter((paragraph) => paragraph.includes('<w:drawing>'));
    expect(withCharts).toHaveLength(1);
    for (const chart of charts) {
      expect(withCharts[0]).toContain(`<wp:extent cx="${chart.width * EMU_PER_CSS_PIXEL}" cy="${chart.height * EMU_PER_CSS_PIXEL}"/>`);
      expect(withCharts[0]).toContain(`descr="${chart.label}"`);
    }
  });

  it('keeps the §2 notice as a bordered, shaded, bold paragraph right after the title and the line under it', async () => {
    const xml = await documentXml((await docForDrive(report.title, report.html)).body);
    const paragraphs = paragraphsOf(xml);
    expect(paragraphs[0]).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphs[0]).toContain(report.title);
    const notice = paragraphs[2] ?? '';
    expect(notice).toContain(CCEG_ONLY_NOTICE);
    expect(notice).toMatch(/<w:pBdr><w:top w:val="single" w:sz="8"[^>]*\/><w:left [^>]*\/><w:bottom [^>]*\/><w:right [^>]*\/><\/w:pBdr><w:shd [^>]*w:fill="F3F3F3"\/>/);
    expect(notice).toContain('<w:rPr><w:b/></w:rPr>');
  });

  it('makes headings Word headings, lists numbered paragraphs (each list its own) and tables Word tables with a header row', async () => {
    const html = '<h1>Title</h1><h2>Section</h2><ul><li>one <strong>bold</strong></li><li class="more">and 2 more</li></ul><ol><li>first</li></ol>'
      + '<table><tbody><tr><th>Org</th><th>Members</th></tr><tr><td>GAC</td><td>2</td></tr></tbody></table><p class="none">None.</p>';
    const parts = await docxParts((await docForDrive('Sample', html)).body);
    const xml = parts.get('word/document.xml')?.toString() ?? '';
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml.match(/<w:numId w:val="1"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:numId w:val="2"\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">bold</w:t>');
    expect(xml).toContain('<w:rPr><w:i/><w:color w:val="444444"/></w:rPr><w:t xml:space="preserve">and 2 more</w:t>');
    expect(xml).toContain('<w:rPr><w:i/><w:color w:val="444444"/></w:rPr><w:t xml:space="preserve">None.</w:t>');
    const numbering = parts.get('word/numbering.xml')?.toString() ?? '';
    expect(numbering).toMatch(/<w:num w:numId="1"><w:abstractNumId w:val="0"\/>/);
    expect(numbering).toMatch(/<w:num w:numId="2"><w:abstractNumId w:val="1"\/>/);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tr>/g)).toHaveLength(2);
    expect(xml).toContain('<w:trPr><w:tblHeader/></w:trPr>');
    expect(xml).toContain('<w:b/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">Org</w:t>');
  });

  it('shows the text the HTML says: entities decoded, markup characters escaped, white space collapsed, no head or style', async () => {
    const html = '<!doctype html><html><head><title>T</title><style>p { color: red; }</style></head><body>\n<p>O&#39;Brien &amp; &lt;b&gt;\n  “Gouvernance” — 互联网</p>\n</body></html>';
    expect(await docxText((await docForDrive('T', html)).body)).toBe('O\'Brien & <b> “Gouvernance” — 互联网');
  });

  it('keeps web and mail links as links, and other links as their text', async () => {
    const html = '<p><a href="https://www.icann.org/igf?a=1&amp;b=2">IGF</a>, <a href="mailto:chairs@example.org">chairs</a>, <a href="javascript:alert(1)">plain</a></p>';
    const parts = await docxParts((await docForDrive('Links', html)).body);
    const xml = parts.get('word/document.xml')?.toString() ?? '';
    const rels = parts.get('word/_rels/document.xml.rels')?.toString() ?? '';
    expect(xml.match(/<w:hyperlink r:id="rIdLink\d"><w:r><w:rPr><w:color w:val="1155CC"\/><w:u w:val="single"\/><\/w:rPr>/g)).toHaveLength(2);
    expect(rels).toContain('Target="https://www.icann.org/igf?a=1&amp;b=2" TargetMode="External"');
    expect(rels).toContain('Target="mailto:chairs@example.org" TargetMode="External"');
    expect(rels).not.toContain('javascript');
    expect(await docxText(Buffer.from((await docForDrive('Links', html)).body))).toBe('IGF, chairs, plain');
  });

  it('gives the same bytes for the same document, so a re-run uploads the same file', async () => {
    const first = await docForDrive(report.title, report.html);
    const second = await docForDrive(report.title, report.html);
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('gives the same bytes for the same document drafted on another day: the package holds no folder entry stamped with the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-01T09:00:00Z'));
      const first = await docForDrive(report.title, report.html);
      vi.setSystemTime(new Date('2026-12-02T17:30:07Z'));
      const second = await docForDrive(report.title, report.html);
      expect(second.body.equals(first.body)).toBe(true);
      expect([...(await docxParts(first.body)).keys()].filter((name) => name.endsWith('/'))).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(!hasSoffice || !hasPoppler)('is printed by LibreOffice with both charts as images and the §2 notice on page 1', async () => {
    const printed = printWithLibreOffice((await docForDrive(report.title, report.html)).body);
    expect(printed.pages.length).toBeGreaterThanOrEqual(1);
    expect(printed.pages[0]?.replace(/\s+/g, ' ')).toContain(CCEG_ONLY_NOTICE);
    expect(printed.images.map(({ width, height }) => ({ width, height }))).toEqual(
      charts.map((chart) => ({ width: chart.width * CHART_PIXEL_RATIO, height: chart.height * CHART_PIXEL_RATIO })));
  }, 120_000);
});
