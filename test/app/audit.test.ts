// The audit use cases over a real SQLite store: the page's verdict and list come from one read of the log.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../functions/adapters/sqlite/sqlite-record-store.js';
import { listAudit, verifiedListAudit, verifyAudit } from '../../functions/app/audit.js';
import { createBatch } from '../adapters/store/record-store.fixtures.js';

describe('verifiedListAudit', () => {
  it('gives the verdict of verifyAudit and the entries of listAudit, reading the log once', async () => {
    const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cceg-audit-app-')), 'store.db'));
    try {
      await store.commit(createBatch('run-1', 1_200));
      const filter = { entity: 'Roster/P-0007' };
      const expected = { verdict: await verifyAudit(store), entries: await listAudit(store, filter) };
      let pages = 0;
      const auditPage = store.auditPage.bind(store);
      store.auditPage = (after, limit) => {
        pages += 1;
        return auditPage(after, limit);
      };

      const result = await verifiedListAudit(store, filter);

      expect(result).toEqual(expected);
      expect(result.entries).toHaveLength(1);
      // 1,200 entries are one full page of 1,000 and a short one that ends the read: once through the log (twice was 4).
      expect(pages).toBe(2);
    } finally {
      await store.close();
    }
  });
});
