// The documents contract: every adapter (folder, Drive) registers this suite with its own `open`.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentPublisher, DocumentToPublish, PublishedDocument } from '../../../functions/ports/documents.port.js';

/** A publisher under test, and a test's view of what its locations hold (not part of the port). */
export interface OpenedPublisher {
  readonly publisher: DocumentPublisher;
  /** What the document at `location` now holds, as {@link OpenedPublisher.shown} tells it (the HTML, by default). */
  readonly read: (location: string) => Promise<string>;
  /** What `read` gives for a document published from `html`; where a publisher converts the HTML (Drive), its text. */
  readonly shown?: (html: string) => string;
  /** Changes the document at `location` as a person would (a chair typing into the Doc, someone editing the file). */
  readonly editByHand: (location: string, html: string) => Promise<void>;
  /** Removes the document at `location` as a person would (trash in Drive, deleting the file). */
  readonly removeByHand: (location: string) => Promise<void>;
}

const doc = (overrides: Partial<DocumentToPublish> = {}): DocumentToPublish => ({
  kind: 'update-report', key: 'M-0001', title: 'Update report M-0001', html: '<p>First draft</p>', previous: null, ...overrides,
});

/** What a later publish passes back of an earlier one. */
const previousOf = (published: PublishedDocument) => ({ location: published.location, version: published.version });

/** Registers the contract for a publisher; `open` must return a publisher over a new, empty place each time. */
export function documentPublisherContract(name: string, open: () => Promise<OpenedPublisher>): void {
  describe(`${name} keeps the documents contract`, () => {
    let opened: OpenedPublisher;
    beforeEach(async () => {
      opened = await open();
    });
    const shownOf = (html: string) => opened.shown?.(html) ?? html;

    it('publishing a new document creates it with the HTML given and a version to remember', async () => {
      const published = await opened.publisher.publish(doc());
      expect(published.outcome).toBe('created');
      expect(published.location).not.toBe('');
      expect(published.version).toEqual(expect.any(String));
      expect(await opened.read(published.location)).toBe(shownOf('<p>First draft</p>'));
    });

    it('publishing again with the previous location and version updates the same document', async () => {
      const first = await opened.publisher.publish(doc());
      const second = await opened.publisher.publish(doc({ html: '<p>Second draft</p>', previous: previousOf(first) }));
      expect(second).toMatchObject({ location: first.location, outcome: 'updated' });
      expect(second.version).toEqual(expect.any(String));
      expect(await opened.read(first.location)).toBe(shownOf('<p>Second draft</p>'));
      const third = await opened.publisher.publish(doc({ html: '<p>Third draft</p>', previous: previousOf(second) }));
      expect(third).toMatchObject({ location: first.location, outcome: 'updated' });
      expect(await opened.read(first.location)).toBe(shownOf('<p>Third draft</p>'));
    });

    it('keeps a document a person changed since it was published, and says why', async () => {
      const first = await opened.publisher.publish(doc());
      await opened.editByHand(first.location, '<p>The chairs wrote this</p>');
      const again = await opened.publisher.publish(doc({ html: '<p>Re-rendered</p>', previous: previousOf(first) }));
      expect(again).toMatchObject({ location: first.location, outcome: 'kept', version: first.version, reason: expect.stringMatching(/changed|modified/) });
      expect(await opened.read(first.location)).toBe(shownOf('<p>The chairs wrote this</p>'));
    });

    it('keeps a document a person removed: it is not drafted again', async () => {
      const first = await opened.publisher.publish(doc());
      await opened.removeByHand(first.location);
      const again = await opened.publisher.publish(doc({ html: '<p>Re-rendered</p>', previous: previousOf(first) }));
      expect(again).toMatchObject({ location: first.location, outcome: 'kept', reason: expect.stringMatching(/removed|trash|deleted/) });
    });

    it('overwrites when no version is remembered', async () => {
      const first = await opened.publisher.publish(doc());
      await opened.editByHand(first.location, '<p>Edited</p>');
      const again = await opened.publisher.publish(doc({ html: '<p>Forced</p>', previous: { location: first.location, version: null } }));
      expect(again).toMatchObject({ location: first.location, outcome: 'updated' });
      expect(await opened.read(first.location)).toBe(shownOf('<p>Forced</p>'));
    });

    it('documents of two kinds with the same key go to two places', async () => {
      const report = await opened.publisher.publish(doc({ kind: 'update-report', html: '<p>report</p>' }));
      const annual = await opened.publisher.publish(doc({ kind: 'annual-report', html: '<p>annual</p>' }));
      expect(annual.outcome).toBe('created');
      expect(annual.location).not.toBe(report.location);
      expect(await opened.read(report.location)).toBe(shownOf('<p>report</p>'));
      expect(await opened.read(annual.location)).toBe(shownOf('<p>annual</p>'));
    });

    it('titles, keys and HTML with quotes, slashes, backslashes and unicode are published and updated intact', async () => {
      const odd = [`O'Brien's "notes"`, 'a/b\\c', '../../escape', 'Gouvernance de l’Internet — ünïcødé 互联网'];
      for (const [index, text] of odd.entries()) {
        const html = `<h1>${text}</h1>`;
        const published = await opened.publisher.publish(doc({ kind: `kind '${index}'`, key: text, title: text, html }));
        expect(published.outcome).toBe('created');
        expect(await opened.read(published.location)).toBe(shownOf(html));
        const again = await opened.publisher.publish(doc({ kind: `kind '${index}'`, key: text, title: text, html: `${html}!`, previous: previousOf(published) }));
        expect(again).toMatchObject({ location: published.location, outcome: 'updated' });
        expect(await opened.read(published.location)).toBe(shownOf(`${html}!`));
      }
    });
  });
}
