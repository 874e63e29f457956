// The print style sheet every document carries inline: A4 pages numbered in the margin, headings kept with what follows.

/**
 * The inline CSS of every document. Page numbers are CSS page-margin boxes (`@bottom-right` with `counter(page)` and
 * `counter(pages)`), which Chromium prints since version 131, whether a person prints from the browser or a program
 * prints headless, and which land in the PDF as text. Headings avoid a break after them and list items, table rows and
 * figures avoid a break inside them, so no heading is the last line of a page and no item is split across two.
 * It holds no data: nothing typed into the sheet ever reaches a CSS string.
 */
export const PRINT_CSS = `
@page {
  size: A4;
  margin: 14mm 15mm 16mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; color: #333; }
}
* { box-sizing: border-box; }
body { font: 9.5pt/1.3 Georgia, "Times New Roman", serif; color: #111; margin: 0 auto; max-width: 178mm; }
h1 { font: bold 15pt/1.2 Helvetica, Arial, sans-serif; margin: 0 0 4pt; }
h2 { font: bold 11pt/1.2 Helvetica, Arial, sans-serif; margin: 8pt 0 3pt; border-bottom: 0.5pt solid #888; }
h3 { font: bold 10pt/1.2 Helvetica, Arial, sans-serif; margin: 6pt 0 2pt; }
h1, h2, h3 { break-after: avoid; break-inside: avoid; }
p, ul, table { margin: 0 0 3pt; }
ul { padding-left: 14pt; }
li, tr, figure, .notice { break-inside: avoid; }
li.more, p.none { font-style: italic; color: #444; }
a { color: #1a4d8f; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 0.5pt solid #999; padding: 1.5pt 4pt; text-align: left; vertical-align: top; }
.notice { border: 1pt solid #333; background: #f3f3f3; padding: 4pt 6pt; margin: 0 0 6pt; font-weight: bold; }
.charts { display: flex; gap: 8pt; align-items: flex-start; }
figure { margin: 0; flex: 1; max-width: 50%; }
figcaption { font: bold 9pt/1.2 Helvetica, Arial, sans-serif; margin: 0 0 2pt; }
figure svg { width: 100%; height: auto; max-height: 30mm; }
footer { margin-top: 6pt; border-top: 0.5pt solid #888; font-size: 8pt; color: #333; }
@media print { body { max-width: none; } }
`;
