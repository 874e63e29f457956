// What DriveDocumentPublisher uploads for Drive to convert into a Google Doc: the rendered HTML as a .docx with PNG charts.
import { docxPackage, DOCX_TYPE } from './docx/docx-package.js';
import { parseHtml } from './docx/html-tree.js';
import { wordBody } from './docx/wordml-body.js';

/** The bytes to upload and their MIME type. */
export interface DriveUpload {
  readonly mimeType: string;
  readonly body: Buffer;
}

/**
 * The rendered document as a Word file for Drive to import as a Google Doc. Drive's HTML import keeps neither inline
 * `<svg>` nor `<style>`, and Docs holds only PNG, JPEG and GIF images; a .docx carries each chart as a PNG part (drawn
 * from the same SVG) at the size it prints, the tables as tables, the headings as Heading styles and the §2 notice as
 * a bordered, shaded paragraph, all of which Drive's conversion of Word files keeps.
 */
export async function docForDrive(title: string, html: string): Promise<DriveUpload> {
  return { mimeType: DOCX_TYPE, body: await docxPackage(title, wordBody(parseHtml(html))) };
}
