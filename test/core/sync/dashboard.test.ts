// Tests of the Dashboard rows: members against the band, tallies, next deadlines, continuation, and the sync times.
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

describe('dashboardRows: members per organization', () => {
  it.each([
    { name: 'below the minimum with one member', count: 1, verdict: 'below the minimum of 2' },
    { name: 'within the band at the minimum', count: 2, verdict: 'within 2–5' },
    { name: 'within the band at the maximum', count: 5, verdict: 'within 2–5' },
    { name: 'above the maximum with six members', count: 6, verdict: 'above the maximum of 5' },
    { name: 'below the minimum with no member at all', count: 0, verdict: 'below the minimum of 2' },
  ])('is $name', ({ count, verdict }) => {
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: members('GNSO', count) }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Members')).toEqual([['Members', 'GNSO', count, verdict]]);
  });

  it('lists only participating organizations, in sheet order', () => {
    const organizations = [org({ code: 'GNSO' }), org({ code: 'GAC', participating: false }), org({ code: 'ALAC' })];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Roster: [...members('ALAC', 2), ...members('GAC', 3)] }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Members').map((row) => [row[1], row[2]])).toEqual([['GNSO', 0], ['ALAC', 2]]);
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
    expect(section(rows, 'Members')).toEqual([['Members', 'GNSO', 2, 'within 2–5']]);
  });

  it('counts a member whose term starts or ends today', () => {
    const roster = [person({ id: 'P-1', startDate: TODAY }), person({ id: 'P-2', endDate: TODAY })];
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: roster }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Members')[0]?.[2]).toBe(2);
  });

  it('uses the band of the configuration', () => {
    const config = charterConfigSchema.parse({ members: { min: 3, max: 4 } });
    const rows = dashboardRows(rowsOf({ Organizations: [org({ code: 'GNSO' })], Roster: members('GNSO', 2) }), TODAY, config, null);
    expect(section(rows, 'Members')).toEqual([['Members', 'GNSO', 2, 'below the minimum of 3']]);
  });
});

describe('dashboardRows: tallies', () => {
  const organizations = [org({ code: 'GNSO' }), org({ code: 'ALAC' }), org({ code: 'ccNSO' })];

  it('gives one tally row per paper, in sheet order, with its state and counts', () => {
    const papers = [paper({ id: 'PP-0002' }), paper({ id: 'PP-0001' })];
    const endorsements = [
      endorsement({ paper: 'PP-0001', organization: 'GNSO', decision: 'Endorse' }), endorsement({ paper: 'PP-0001', organization: 'ALAC', decision: 'Support' }),
      endorsement({ paper: 'PP-0001', organization: 'ccNSO', decision: 'Endorse' }), endorsement({ paper: 'PP-0002', organization: 'GNSO', decision: 'Support' }),
    ];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Papers: papers, Endorsements: endorsements }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Tally')).toEqual([
      ['Tally', 'PP-0002', 'awaiting decisions', 'Endorse 0, Support 1, Not Support 0, Pending 2'],
      ['Tally', 'PP-0001', 'may publish', 'Endorse 2, Support 1, Not Support 0, Pending 0'],
    ]);
  });

  it('names the dissenting organizations of a paper', () => {
    const endorsements = [endorsement({ organization: 'GNSO', decision: 'Not Support' }), endorsement({ organization: 'ccNSO', decision: 'Not Support' })];
    const rows = dashboardRows(rowsOf({ Organizations: organizations, Papers: [paper()], Endorsements: endorsements }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Tally')).toEqual([['Tally', 'PP-0001', 'dissent', 'Endorse 0, Support 0, Not Support 2, Pending 1; dissent: GNSO, ccNSO']]);
  });

  it('has no tally rows without papers', () => {
    expect(section(dashboardRows(rowsOf({ Organizations: organizations }), TODAY, DEFAULT_CONFIG, null), 'Tally')).toEqual([]);
  });
});

describe('dashboardRows: next deadlines', () => {
  const due = (name: string, dueDate: string, fields: Parameters<typeof activity>[0] = {}) => activity({ id: `W-${name}`, activity: name, dueDate, ...fields });

  it('lists open deadlines from today on, soonest first, with what is due and for whom', () => {
    const work = [due('Later', '2018-07-01', { owner: 'Ana' }), due('Today', TODAY), due('Yesterday', '2018-05-31'), due('Done', '2018-06-10', { status: 'Done' }), due('Cancelled', '2018-06-11', { status: 'Cancelled' })];
    const rows = dashboardRows(rowsOf({ WorkPlan: work }), TODAY, DEFAULT_CONFIG, null);
    expect(section(rows, 'Next deadline')).toEqual([
      ['Next deadline', TODAY, 'Work plan activity "Today" (Other)', 'for Co-Chairs'],
      ['Next deadline', '2018-07-01', 'Work plan activity "Later" (Other)', 'for Ana'],
    ]);
  });

  it('lists at most the ten next deadlines', () => {
    const work = Array.from({ length: 12 }, (_, index) => due(`A${String(index).padStart(2, '0')}`, `2018-07-${String(index + 1).padStart(2, '0')}`));
    const listed = section(dashboardRows(rowsOf({ WorkPlan: work }), TODAY, DEFAULT_CONFIG, null), 'Next deadline');
    expect(listed.map((row) => row[1])).toEqual(Array.from({ length: 10 }, (_, index) => `2018-07-${String(index + 1).padStart(2, '0')}`));
  });

  it('has no deadline rows when nothing is due', () => {
    expect(section(dashboardRows(rowsOf({ WorkPlan: [due('Past', '2018-01-01')] }), TODAY, DEFAULT_CONFIG, null), 'Next deadline')).toEqual([]);
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

  it('changes with today: a deadline that passed is no longer listed', () => {
    const dates = (today: string) => section(dashboardRows(group(), today, DEFAULT_CONFIG, null), 'Next deadline').map((row) => row[1]);
    expect(dates('2018-06-15')).toEqual(['2018-06-15', '2018-11-25']);
    expect(dates('2018-06-16')).toEqual(['2018-11-25']);
  });
});
