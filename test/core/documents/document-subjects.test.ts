// Tests of what each document is about: the valid IDs, the one-line refusals, and that the tick drafts only what report would.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { addDays } from '../../../functions/core/dates.js';
import { assertDocumentSubject, documentSubjects, type DocumentKind } from '../../../functions/core/documents/document-subjects.js';
import { dueDocuments } from '../../../functions/core/documents/due-documents.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { consensusCall, endorsement, meeting, org, paper } from '../../support/group-builder.js';

const rows: GroupRows = {
  ...emptyGroupRows(),
  Organizations: [org({ code: 'GNSO' }), org({ code: 'SSAC', participating: false })],
  Meetings: [
    meeting({ id: 'ICANN62', startDate: '2018-06-25', endDate: '2018-06-28' }),
    meeting({ id: 'ICANN63', type: 'ICANN AGM', startDate: '2018-10-20', endDate: '2018-10-26' }),
    meeting({ id: 'CALL-1', type: 'CCEG Call', startDate: '2018-06-01', endDate: '2018-06-01', faceToFace: false }),
    meeting({ id: 'ICANN64', startDate: '2019-03-09', endDate: '2019-03-14', faceToFace: false }),
  ],
  Papers: [
    paper({ id: 'PP-0001', adoptedOn: '2018-05-01' }),
    paper({ id: 'PP-0002', adoptedOn: '2018-06-01' }),
    paper({ id: 'PP-0003' }),
  ],
  Endorsements: [
    endorsement({ paper: 'PP-0002', organization: 'GNSO', decision: 'Not Support', decidedOn: '2018-07-01' }),
    endorsement({ paper: 'PP-0001', organization: 'SSAC', decision: 'Not Support', decidedOn: '2018-06-01' }),
  ],
  ConsensusCalls: [consensusCall({ id: 'CC-0001', calledOn: '2018-08-01', designation: 'No Consensus' }), consensusCall({ id: 'CC-0002', designation: 'Consensus' })],
};

describe('documentSubjects', () => {
  it.each([
    { kind: 'update-report', ids: ['ICANN62', 'ICANN63'] },
    { kind: 'annual-report', ids: ['ICANN63'] },
    { kind: 'notice', ids: ['PP-0001', 'PP-0002'] },
    { kind: 'dissent', ids: ['PP-0002'] },
    { kind: 'chair-report', ids: ['CC-0001'] },
  ] as const)('lists what a $kind may be about', ({ kind, ids }) => {
    expect(documentSubjects(rows, kind)).toEqual(ids);
  });
});

describe('assertDocumentSubject', () => {
  it.each([
    { kind: 'update-report', id: 'CALL-1', code: 'BAD_OPTION', says: 'CALL-1 is a CCEG Call, not an ICANN meeting held face to face; an IG Update Report is for an ICANN meeting held face to face: ICANN62, ICANN63.' },
    { kind: 'update-report', id: 'ICANN64', code: 'BAD_OPTION', says: 'ICANN64 is an ICANN Public Meeting not held face to face; an IG Update Report is for an ICANN meeting held face to face: ICANN62, ICANN63.' },
    { kind: 'update-report', id: 'ICANN99', code: 'UNKNOWN_ENTITY', says: 'No meeting has the ID ICANN99; an IG Update Report is for an ICANN meeting held face to face: ICANN62, ICANN63.' },
    { kind: 'annual-report', id: 'ICANN62', code: 'BAD_OPTION', says: 'ICANN62 is an ICANN Public Meeting, not an ICANN AGM; an Annual Report is for an ICANN AGM: ICANN63.' },
    { kind: 'notice', id: 'PP-0003', code: 'BAD_OPTION', says: 'PP-0003 was never adopted (no Adopted On); a circulation notice is for an adopted paper: PP-0001, PP-0002.' },
    { kind: 'notice', id: 'PP-9999', code: 'UNKNOWN_PAPER', says: 'No paper has the ID PP-9999; a circulation notice is for an adopted paper: PP-0001, PP-0002.' },
    {
      kind: 'dissent', id: 'PP-0001', code: 'BAD_OPTION',
      says: 'No participating organization decided Not Support on PP-0001; a dissent notice is for a paper a participating organization decided Not Support on: PP-0002.',
    },
    {
      kind: 'chair-report', id: 'CC-0002', code: 'BAD_OPTION',
      says: "Consensus call CC-0002 is designated Consensus, not No Consensus; a Chair's Report is for a consensus call designated No Consensus: CC-0001.",
    },
  ] as const)('refuses a $kind for $id with $code in one line that lists the valid IDs', ({ kind, id, code, says }) => {
    expect(() => assertDocumentSubject(rows, kind, id)).toThrow(expect.objectContaining({ code, message: says }));
  });

  it('says the workbook has none when no row fits, and lists ten IDs then how many more', () => {
    expect(() => assertDocumentSubject(emptyGroupRows(), 'chair-report', 'CC-0001')).toThrow(
      "No consensus call has the ID CC-0001; a Chair's Report is for a consensus call designated No Consensus, and the workbook has none yet.");
    const many = { ...emptyGroupRows(), Papers: Array.from({ length: 12 }, (_, i) => paper({ id: `PP-${String(i + 1).padStart(4, '0')}`, adoptedOn: '2018-01-01' })) };
    expect(() => assertDocumentSubject(many, 'notice', 'PP-0099')).toThrow(/: PP-0001, .*, PP-0010 and 2 more\.$/);
  });

  it('accepts every document the tick finds due, on every day of the year: the tick drafts nothing report would refuse', () => {
    for (let day = '2018-01-01'; day <= '2019-03-31'; day = addDays(day, 1)) {
      for (const due of dueDocuments(rows, day, DEFAULT_CONFIG)) expect(() => assertDocumentSubject(rows, due.kind as DocumentKind, due.key), `${day} ${due.kind} ${due.key}`).not.toThrow();
    }
  });
});
