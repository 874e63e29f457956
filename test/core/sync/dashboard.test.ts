// Tests of the Dashboard rows: the to-do sections, members against the band, paper states, continuation, and the sync times.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, charterConfigSchema } from '../../../functions/core/config.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { DASHBOARD_HEADER, dashboardRows } from '../../../functions/core/sync/dashboard.js';
import { activity, endorsement, org, paper, person, review } from '../../support/group-builder.js';

const TODAY = '2018-06-01';

function rowsOf(rows: Partial<GroupRows>): GroupRows {
  return { ...emptyGroupRows(), ...rows };
}

function section(rows: (string | number)[][], name: string): (string | number)[][] {
  return rows.filter((row) => row[0] === name);
}

const members = (code: string, count: number) => Array.from({ length: count }, (_, index) => person({ id: `P-${code}-${index}`, organization: code }));

describe('dashboardRows', () => {
  it('starts with its header and ends with the day checked, the last change and the audit log\'s anchor', () => {
    const head = { seq: 42, hash: 'a'.repeat(64) };
    const rows = dashboardRows(emptyGroupRows(), TODAY, DEFAULT_CONFIG, '2018-05-30T10:00:00.000Z', head);
    expect(rows[0]).toEqual(['Section', 'Item', 'Value', 'Detail']);
    expect(rows[0]).toEqual([...DASHBOARD_HEADER]);
    expect(rows.slice(-3)).toEqual([
      ['Sync', 'Checked on', TODAY, ''], ['Sync', 'Last change committed', '2018-05-30T10:00:00.000Z', ''],
      ['Audit log', 'Anchor', `42:${'a'.repeat(64)}`, 'check it with: cceg audit verify --anchor SEQ:HASH'],
    ]);
  });

  it('says the last change is never and the log empty when nothing was ever committed', () => {
    expect(dashboardRows(emptyGroupRows(), TODAY, DEFAULT_CONFIG, null).slice(-2).map((row) => row[2])).toEqual(['never', 'empty']);
  });

  it('gives every row the four columns of its header', () => {
    const rows = dashboardRows(rowsOf({ Organizations: [org()], Papers: [paper()], WorkPlan: [activity({ dueDate: '2018-07-01' })] }), TODAY, DEFAULT_CONFIG, null);
    expect(rows.every((row) => row.length === 4)).toBe(true);
  });
});

describe('dashboardRows: membership per organization', () => {
  it.each([
    { name: 'below the minimum with one member', count: 1, verdict: 'below the minimum of 2' },
    { name: 'within the band at the minimum', count: 2, verdict: 'within 2–5' },
    { name: 'within the band at the maximum', count: 5, verdict: 'within 2–5' },
    { name: 'above the maximum with six members', count: 6, verdict: 'above the maximum of 5' },
    { name: 'below the minimum with no member at all', count: 0, verdict: 'below the minimum of 2' },
  ])('is $name', ({ count, verdict }) => {
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: members('GNSO', count) }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Membership')).toEqual([['Membership', 'GNSO', count, verdict]]);
  });

  it('lists only participating organizations, in sheet order', () => {
    const organizations = [org({ code: 'GNSO' }), org({ code: 'GAC', participating: false }), org({ code: 'ALAC' })];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Roster: [...members('ALAC', 2), ...members('GAC', 3)] }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Membership').map((row) => [row[1], row[2]])).toEqual([['GNSO', 0], ['ALAC', 2]]);
  });

  it.each([
    { name: 'a chair', fields: { role: 'Chair' as const } },
    { name: 'an observer', fields: { role: 'Observer' as const } },
    { name: 'a member who left before today', fields: { endDate: '2018-05-31' } },
    { name: 'a member who starts after today', fields: { startDate: '2018-06-02' } },
    { name: 'a member of another organization', fields: { organization: 'ALAC' } },
  ])('does not count $name', ({ fields }) => {
    const roster = [...members('GNSO', 2), person({ id: 'P-9999', organization: 'GNSO', ...fields })];
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: roster }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Membership')).toEqual([['Membership', 'GNSO', 2, 'within 2–5']]);
  });

  it('counts a member whose term starts or ends today', () => {
    const roster = [person({ id: 'P-1', startDate: TODAY }), person({ id: 'P-2', endDate: TODAY })];
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: roster }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Membership')[0]?.[2]).toBe(2);
  });

  it('uses the band of the configuration', () => {
    const config = charterConfigSchema().parse({ members: { min: 3, max: 4 } });
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: members('GNSO', 2) }), TODAY, config, null);
    expect(section(rows, 'Membership')).toEqual([['Membership', 'GNSO', 2, 'below the minimum of 3']]);
  });
});

describe('dashboardRows: papers', () => {
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO' })];

  it('gives one row per paper, in sheet order, with its state and counts', () => {
    const papers = [paper({ id: 'PP-0002', adoptedOn: '2018-05-01', circulatedOn: '2018-05-03' }), paper({ id: 'PP-0001' })];
    const endorsements = [
      endorsement({ paper: 'PP-0001', organization: 'GNSO', decision: 'Endorse' }), endorsement({ paper: 'PP-0001', organization: 'ALAC', decision: 'Support' }),
      endorsement({ paper: 'PP-0001', organization: 'ccNSO', decision: 'Endorse' }), endorsement({ paper: 'PP-0002', organization: 'GNSO', decision: 'Support' }),
    ];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Papers: papers, Endorsements: endorsements }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Papers')).toEqual([
      ['Papers', 'PP-0002', 'awaiting ALAC, ccNSO since 2018-05-03', 'Endorse 0, Support 1, Not Support 0, Pending 2'],
      ['Papers', 'PP-0001', 'may publish', 'Endorse 2, Support 1, Not Support 0, Pending 0'],
    ]);
  });

  it.each([
    { name: 'consultation open while it runs', fields: { consultationOpens: '2018-05-15', consultationCloses: TODAY }, state: 'consultation open' },
    { name: 'not yet adopted once its consultation closed', fields: { consultationCloses: '2018-05-31' }, state: 'not yet adopted' },
    { name: 'not yet circulated once adopted', fields: { adoptedOn: '2018-05-20' }, state: 'not yet circulated' },
    { name: 'decided once its Outcome is set', fields: { adoptedOn: '2018-05-20', circulatedOn: '2018-05-21', outcome: 'Published' as const }, state: 'decided' },
  ])('says a paper is $name', ({ fields, state }) => {
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Papers: [paper(fields)] }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Papers')[0]?.[2]).toBe(state);
  });

  it('names the dissenting organizations of a paper', () => {
    const endorsements = [endorsement({ organization: 'GNSO', decision: 'Not Support' }), endorsement({ organization: 'ccNSO', decision: 'Not Support' })];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Papers: [paper()], Endorsements: endorsements }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Papers')).toEqual([['Papers', 'PP-0001', 'dissent', 'Endorse 0, Support 0, Not Support 2, Pending 1; dissent: GNSO, ccNSO']]);
  });

  it('has no paper rows without papers', () => {
    expect(section(dashboardRows(rowsOf({ Organizations: organizations }), TODAY, DEFAULT_CONFIG, null), 'Papers')).toEqual([]);
  });
});

describe('dashboardRows: the to-do list', () => {
  const due = (name: string, dueDate: string, fields: Parameters<typeof activity>[0] = {}) => activity({ id: `W-${name}`, activity: name, dueDate, ...fields });

  it('starts with Overdue, Next 14 days and Drafts ready, before Membership and Papers', () => {
    const rows = dashboardRows(rowsOf({ Organizations: [org()], Papers: [paper()] }), TODAY, DEFAULT_CONFIG, null);
    const sections = [...new Set(rows.slice(1).map((row) => row[0]))];
    expect(sections.slice(0, 5)).toEqual(['Overdue', 'Next 14 days', 'Drafts ready', 'Membership', 'Papers']);
  });

  it('lists overdue items oldest first and the next 14 days, with who acts, the date and the action', () => {
    const work = [due('Later', '2018-06-15', { owner: 'ICANN staff' }), due('Today', TODAY), due('Yesterday', '2018-05-31'), due('Old', '2017-01-01'), due('Far', '2018-06-16')];
    const rows = dashboardRows(rowsOf({ WorkPlan: work }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Overdue')).toEqual([
      ['Overdue', 'Co-Chairs', '2017-01-01', 'Complete the work plan activity "Old", then set its Status to Done (WorkPlan/W-Old)'],
      ['Overdue', 'Co-Chairs', '2018-05-31', 'Complete the work plan activity "Yesterday", then set its Status to Done (WorkPlan/W-Yesterday)'],
    ]);
    expect(section(rows, 'Next 14 days')).toEqual([
      ['Next 14 days', 'Co-Chairs', TODAY, 'Complete the work plan activity "Today", then set its Status to Done (WorkPlan/W-Today)'],
      ['Next 14 days', 'staff', '2018-06-15', 'Complete the work plan activity "Later" (owner: ICANN staff), then set its Status to Done (WorkPlan/W-Later)'],
    ]);
  });

  it('says so in one row when a section is empty', () => {
    const rows = dashboardRows(emptyGroupRows(), TODAY, DEFAULT_CONFIG, null);
    expect(rows.slice(1, 4)).toEqual([
      ['Overdue', '', '', 'nothing overdue'], ['Next 14 days', '', '', 'nothing due in the next 14 days'], ['Drafts ready', '', '', 'no draft waiting to be sent'],
    ]);
  });

  it('lists a drafted document with its link', () => {
    const document = { kind: 'chair-report', key: 'CC-0001', title: "Chair's Report: X", location: '/tmp/docs/CC-0001.html', draftedAt: '2018-05-30T08:00:00.000Z' };
    const rows = dashboardRows(emptyGroupRows(), TODAY, DEFAULT_CONFIG, null, null, [document]);
    expect(section(rows, 'Drafts ready')).toEqual([
      ['Drafts ready', 'Co-Chairs', '2018-05-30', 'Send "Chair\'s Report: X", then record its delivery in Deliverables when sent: /tmp/docs/CC-0001.html (ConsensusCalls/CC-0001)'],
    ]);
  });
});

describe('dashboardRows: continuation', () => {
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO' })];

  it.each([
    {
      name: 'says there is no review yet, every participating organization continuing', reviews: [],
      row: ['Continuation', 'no review yet', 'continues', 'continuing: GNSO, ALAC, ccNSO; withdrawn: none; at least 2 needed'],
    },
    {
      name: 'gives the latest review year and who withdrew', reviews: [review({ year: 2017, organization: 'ALAC', decision: 'Withdraw' }), review({ year: 2018, organization: 'GNSO', decision: 'Withdraw' })],
      row: ['Continuation', '2018', 'continues', 'continuing: ALAC, ccNSO; withdrawn: GNSO; at least 2 needed'],
    },
    {
      name: 'says the group does not continue when too few organizations stay',
      reviews: [review({ organization: 'GNSO', decision: 'Withdraw' }), review({ organization: 'ALAC', decision: 'Withdraw' }), review({ organization: 'ccNSO', decision: 'Withdraw' })],
      row: ['Continuation', '2018', 'does not continue', 'continuing: none; withdrawn: GNSO, ALAC, ccNSO; at least 2 needed'],
    },
  ])('$name', ({ reviews, row }) => {
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Reviews: reviews }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Continuation')).toEqual([row]);
  });
});

describe('dashboardRows depends only on its inputs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function group(): GroupRows {
    return rowsOf({
      Organizations: [org({ code: 'GNSO' }), org({ code: 'ALAC' })], Roster: members('GNSO', 3),
      Papers: [paper()], Endorsements: [endorsement({ organization: 'ALAC', decision: 'Not Support' })],
      WorkPlan: [activity({ dueDate: '2018-06-15' })], Reviews: [review({ organization: 'ALAC', decision: 'Withdraw' })],
    });
  }

  it('gives the same rows for the same input, and leaves the input as it was', () => {
    const input = group();
    const copy = structuredClone(input);
    const first = dashboardRows(input, TODAY, DEFAULT_CONFIG, null);
    expect(dashboardRows(input, TODAY, DEFAULT_CONFIG, null)).toEqual(first);
    expect(dashboardRows(copy, TODAY, DEFAULT_CONFIG, null)).toEqual(first);
    expect(input).toEqual(copy);
  });

  it('does not read the clock: the rows are the same on any real day', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const later = dashboardRows(group(), TODAY, DEFAULT_CONFIG, null);
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    expect(dashboardRows(group(), TODAY, DEFAULT_CONFIG, null)).toEqual(later);
  });

  it('changes with today: a deadline that passes moves to Overdue', () => {
    const who = (today: string, name: string) => section(dashboardRows(group(), today, DEFAULT_CONFIG, null), name).map((row) => row[2]);
    expect(who('2018-06-15', 'Next 14 days')).toEqual(['2018-06-15']);
    expect(who('2018-06-16', 'Overdue')).toEqual(['2018-06-15']);
  });
});
