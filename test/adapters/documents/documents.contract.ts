// The documents contract: every adapter (folder, Drive) registers this suite with its own `open`.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPublisher, DocumentToPublish } from '../../../functions/ports/documents.port.js';

/** A publisher under test, and how to read back what a location holds (a test's view, not part of the port). */
export interface OpenedPublisher {
  readonly publisher: DocumentPublisher;
  /** The HTML the document at `location` now holds. */
  readonly read?: (location: string) => Promise<string>;
}

const doc = (overrides: Partial<DocumentToPublish> = {}): DocumentToPublish => ({
  kind: 'update-report', key: 'M-0001', title: 'Update report M-0001', html: '<p>First draft</p>', existingLocation: null, ...overrides,
});

/** Registers the contract for a publisher; `open` must return a publisher over a new, empty place each time. */
export function documentPublisherContract(name: string, open: () => Promise<OpenedPublisher>): void {
  describe(`${name} keeps the documents contract`, () => {
    let opened: OpenedPublisher;
    beforeEach(async () => {
      opened = await open();
    });
    const readBack = async (location: string) => (opened.read ? opened.read(location) : null);

    it('publishing a new document creates it with the HTML given', async () => {
      const published = await opened.publisher.publish(doc());
      expect(published.created).toBe(true);
      expect(published.location).not.toBe('');
      if (opened.read) expect(await readBack(published.location)).toBe('<p>First draft</p>');
    });

    it('publishing again with the returned location updates the same document', async () => {
      const first = await opened.publisher.publish(doc());
      const second = await opened.publisher.publish(doc({ html: '<p>Second draft</p>', existingLocation: first.location }));
      expect(second).toEqual({ location: first.location, created: false });
      if (opened.read) expect(await readBack(first.location)).toBe('<p>Second draft</p>');
    });

    it('documents of two kinds with the same key go to two places', async () => {
      const report = await opened.publisher.publish(doc({ kind: 'update-report', html: '<p>report</p>' }));
      const annual = await opened.publisher.publish(doc({ kind: 'annual-report', html: '<p>annual</p>' }));
      expect(annual.created).toBe(true);
      expect(annual.location).not.toBe(report.location);
      if (opened.read) {
        expect(await readBack(report.location)).toBe('<p>report</p>');
        expect(await readBack(annual.location)).toBe('<p>annual</p>');
      }
    });

    it('titles, keys and HTML with quotes, slashes, backslashes and unicode are published and updated intact', async () => {
      const odd = [`O'Brien's "notes"`, 'a/b\\c', '../../escape', 'Gouvernance de l’Internet — ünïcødé 互联网'];
      for (const [index, text] of odd.entries()) {
        const html = `<h1>${text}</h1>`;
        const published = await opened.publisher.publish(doc({ kind: `kind '${index}'`, key: text, title: text, html }));
        expect(published.created).toBe(true);
        if (opened.read) expect(await readBack(published.location)).toBe(html);
        const again = await opened.publisher.publish(doc({ kind: `kind '${index}'`, key: text, title: text, html: `${html}!`, existingLocation: published.location }));
        expect(again).toEqual({ location: published.location, created: false });
        if (opened.read) expect(await readBack(published.location)).toBe(`${html}!`);
      }
    });
  });
}
