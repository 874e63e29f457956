// Tests of which documents fall due on a day: each kind fires in its window, not outside it, and on its boundary days.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { dueDocuments, isPastMoment, pastMomentReason } from '../../../functions/core/documents/due-documents.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { consensusCall, endorsement, meeting, org, paper } from '../../support/group-builder.js';

const icann63 = meeting({ id: 'ICANN63', name: 'ICANN63', type: 'ICANN AGM', startDate: '2018-10-20', endDate: '2018-10-26' });
const rows: GroupRows = {
  ...emptyGroupRows(),
  Organizations: [org({ code: 'GNSO' }), org({ code: 'ALAC', participating: false })],
  Meetings: [
    meeting({ id: 'ICANN61', startDate: '2018-03-10' }),
    icann63,
    meeting({ id: 'M-0001', type: 'CCEG Call', startDate: '2018-03-10', faceToFace: false }),
    meeting({ id: 'ICANN62', startDate: '2018-06-25', faceToFace: false }),
    meeting({ id: null, startDate: '2018-03-10' }),
  ],
  Papers: [
    paper({ id: 'PP-0001', adoptedOn: '2018-05-01' }),
    paper({ id: 'PP-0002' }),
    paper({ id: 'PP-0003' }),
    paper({ id: 'PP-0004' }),
    paper({ id: null, adoptedOn: '2018-05-01' }),
  ],
  Endorsements: [
    endorsement({ paper: 'PP-0002', organization: 'GNSO', decision: 'Not Support', decidedOn: '2018-07-01' }),
    endorsement({ paper: 'PP-0003', organization: 'ALAC', decision: 'Not Support', decidedOn: '2018-07-01' }),
    endorsement({ paper: 'PP-0004', organization: 'GNSO', decision: 'Not Support', decidedOn: null }),
    endorsement({ paper: 'PP-0001', organization: 'GNSO', decision: 'Support', decidedOn: '2018-05-01' }),
  ],
  ConsensusCalls: [
    consensusCall({ id: 'CC-0001', calledOn: '2018-08-01', designation: 'No Consensus' }),
    consensusCall({ id: 'CC-0002', calledOn: '2018-08-01', designation: 'Consensus' }),
    consensusCall({ id: 'CC-0003', calledOn: '2018-08-01', designation: null }),
  ],
};

function dueOn(today: string): string[] {
  return dueDocuments(rows, today, DEFAULT_CONFIG).map((due) => `${due.kind} ${due.key}`);
}

describe('dueDocuments', () => {
  it.each([
    { name: 'an update report 21 days before an ICANN meeting (boundary day)', today: '2018-02-17', due: 'update-report ICANN61' },
    { name: 'an update report the day before the meeting', today: '2018-03-09', due: 'update-report ICANN61' },
    { name: 'an update report for an AGM', today: '2018-09-29', due: 'update-report ICANN63' },
    { name: 'an annual report 21 days before the AGM (boundary day)', today: '2018-09-29', due: 'annual-report ICANN63' },
    { name: 'a circulation notice on the day of adoption', today: '2018-05-01', due: 'notice PP-0001' },
    { name: 'a circulation notice after adoption', today: '2018-12-31', due: 'notice PP-0001' },
    { name: 'a dissent notice on the day of the Not Support', today: '2018-07-01', due: 'dissent PP-0002' },
    { name: 'a dissent notice for a Not Support without a date', today: '2018-01-01', due: 'dissent PP-0004' },
    { name: "a Chair's Report on the day of a No Consensus call", today: '2018-08-01', due: 'chair-report CC-0001' },
  ])('fires: $name', ({ today, due }) => {
    expect(dueOn(today)).toContain(due);
  });

  it.each([
    { name: 'an update report 22 days before the meeting', today: '2018-02-16', due: 'update-report ICANN61' },
    { name: 'an update report on the first day of the meeting', today: '2018-03-10', due: 'update-report ICANN61' },
    { name: 'an update report for a CCEG call', today: '2018-03-01', due: 'update-report M-0001' },
    { name: 'an update report for a meeting not face to face', today: '2018-06-20', due: 'update-report ICANN62' },
    { name: 'an annual report for a public meeting', today: '2018-03-01', due: 'annual-report ICANN61' },
    { name: 'an annual report on the first day of the AGM', today: '2018-10-20', due: 'annual-report ICANN63' },
    { name: 'a circulation notice the day before adoption', today: '2018-04-30', due: 'notice PP-0001' },
    { name: 'a circulation notice for a paper not adopted', today: '2018-12-31', due: 'notice PP-0002' },
    { name: 'a dissent notice the day before the Not Support', today: '2018-06-30', due: 'dissent PP-0002' },
    { name: 'a dissent notice from an organization not participating', today: '2018-12-31', due: 'dissent PP-0003' },
    { name: 'a dissent notice for Support', today: '2018-12-31', due: 'dissent PP-0001' },
    { name: "a Chair's Report the day before the call", today: '2018-07-31', due: 'chair-report CC-0001' },
    { name: "a Chair's Report for a Consensus call", today: '2018-12-31', due: 'chair-report CC-0002' },
    { name: "a Chair's Report for an undesignated call", today: '2018-12-31', due: 'chair-report CC-0003' },
  ])('does not fire: $name', ({ today, due }) => {
    expect(dueOn(today)).not.toContain(due);
  });

  it('dates the moment of a notice by its Adopted On and of a dissent by the first dated Not Support of a participating organization', () => {
    const moments = (today: string) => Object.fromEntries(dueDocuments(rows, today, DEFAULT_CONFIG).map((due) => [`${due.kind} ${due.key}`, due.since]));
    expect(moments('2018-12-31')).toMatchObject({ 'notice PP-0001': '2018-05-01', 'dissent PP-0002': '2018-07-01', 'dissent PP-0004': null, 'chair-report CC-0001': null });
    const twoDissents = { ...rows, Organizations: [...rows.Organizations, org({ code: 'ccNSO' })], Endorsements: [
      endorsement({ paper: 'PP-0002', organization: 'GNSO', decision: 'Not Support', decidedOn: '2018-07-01' }),
      endorsement({ paper: 'PP-0002', organization: 'ALAC', decision: 'Not Support', decidedOn: '2018-06-01' }),
      endorsement({ paper: 'PP-0002', organization: 'ccNSO', decision: 'Not Support', decidedOn: '2018-06-15' }),
    ] };
    expect(dueDocuments(twoDissents, '2018-12-31', DEFAULT_CONFIG).find((due) => due.kind === 'dissent')?.since).toBe('2018-06-15');
  });

  it.each([
    { name: 'a notice on the day of adoption', today: '2018-05-01', key: 'notice PP-0001', past: false },
    { name: 'a notice reports.backfillDays (7) after adoption', today: '2018-05-08', key: 'notice PP-0001', past: false },
    { name: 'a notice 8 days after adoption', today: '2018-05-09', key: 'notice PP-0001', past: true },
    { name: 'a dissent 8 days after the first Not Support', today: '2018-07-09', key: 'dissent PP-0002', past: true },
    { name: 'a dissent whose Not Support has no date', today: '2018-12-31', key: 'dissent PP-0004', past: false },
    { name: "a Chair's Report, however old", today: '2018-12-31', key: 'chair-report CC-0001', past: false },
  ])('isPastMoment: $name is past: $past', ({ today, key, past }) => {
    const due = dueDocuments(rows, today, DEFAULT_CONFIG).find((document) => `${document.kind} ${document.key}` === key);
    expect(due && isPastMoment(due, today, DEFAULT_CONFIG)).toBe(past);
  });

  it('follows reports.backfillDays, and says why a past notice is skipped', () => {
    const config = { ...DEFAULT_CONFIG, reports: { ...DEFAULT_CONFIG.reports, backfillDays: 30 } };
    const [notice] = dueDocuments(rows, '2018-05-31', config).filter((due) => due.kind === 'notice');
    expect(notice && isPastMoment(notice, '2018-05-31', config)).toBe(false);
    expect(notice && isPastMoment(notice, '2018-06-01', config)).toBe(true);
    expect(notice && pastMomentReason(notice, '2018-06-01', config)).toBe(
      'the paper was adopted on 2018-05-01, more than 30 days before 2018-06-01 (the group\'s setting reports.backfillDays); cceg report renders it on request');
  });

  it('skips rows without an ID and follows reports.draftDays', () => {
    expect(dueOn('2018-03-01')).toEqual(['update-report ICANN61', 'dissent PP-0004']);
    const config = { ...DEFAULT_CONFIG, reports: { ...DEFAULT_CONFIG.reports, draftDays: 7 } };
    expect(dueDocuments(rows, '2018-03-02', config).map((due) => due.key)).not.toContain('ICANN61');
    expect(dueDocuments(rows, '2018-03-03', config).map((due) => due.key)).toContain('ICANN61');
  });
});
