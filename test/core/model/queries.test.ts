// The questions rules ask of the records: endorsements indexed by paper, once per Endorsements tab.
import { describe, expect, it } from 'vitest';
import { emptyGroupRows } from '../../../functions/core/model/group.js';
import { decisionOf, endorsementsByPaper } from '../../../functions/core/model/queries.js';
import { endorsement } from '../../support/group-builder.js';

describe('endorsementsByPaper', () => {
  it('indexes by paper, then organization, the first row of a pair winning', () => {
    const rows = { ...emptyGroupRows(), Endorsements: [
      endorsement({ paper: 'P-0001', organization: 'GNSO', decision: 'Endorse' }),
      endorsement({ paper: 'P-0001', organization: 'GNSO', decision: 'Not Support' }),
      endorsement({ paper: 'P-0002', organization: 'ALAC', decision: 'Support' }),
    ] };
    const index = endorsementsByPaper(rows);
    expect([decisionOf(index, 'P-0001', 'GNSO'), decisionOf(index, 'P-0002', 'ALAC'), decisionOf(index, 'P-0002', 'GNSO')]).toEqual(['Endorse', 'Support', 'Pending']);
  });

  it('builds the index of one Endorsements tab once, and a new one for other rows', () => {
    const endorsements = [endorsement({ paper: 'P-0001', organization: 'GNSO', decision: 'Endorse' })];
    const rows = { ...emptyGroupRows(), Endorsements: endorsements };
    const first = endorsementsByPaper(rows);
    expect(endorsementsByPaper({ ...emptyGroupRows(), Endorsements: endorsements })).toBe(first);
    const other = endorsementsByPaper({ ...rows, Endorsements: [endorsement({ paper: 'P-0001', organization: 'GNSO', decision: 'Support' })] });
    expect(other).not.toBe(first);
    expect(decisionOf(other, 'P-0001', 'GNSO')).toBe('Support');
  });
});
