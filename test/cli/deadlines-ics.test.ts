// `cceg deadlines --format ics`: the calendar function's UIDs (kind and record, no date), SEQUENCE:0, parsed by ical.js.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { SAMPLE_WORKBOOK } from '../support/sample-agm.js';

function events(ics: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('cceg deadlines --format ics', () => {
  it('names each event by kind and record, without its date, as the calendar feed does', async () => {
    const run = await cli(['deadlines', SAMPLE_WORKBOOK, '--format', 'ics', '--today', '2018-09-01']);

    expect(run.code).toBe(0);
    const parsed = events(run.out);
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.map((event) => event.uid)).toContain('workplan-due-W-0020@cceg-ig');
    for (const event of parsed) {
      expect(event.uid).toMatch(/^[a-z-]+-[A-Za-z0-9_.-]+@cceg-ig$/);
      expect(event.uid).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(event.sequence).toBe(0);
      expect(event.component.getFirstPropertyValue('last-modified')).toBeNull();
    }
  });

  it('writes the same UIDs on another day, when the dates shown differ', async () => {
    const uids = async (today: string) => events((await cli(['deadlines', SAMPLE_WORKBOOK, '--format', 'ics', '--today', today])).out).map((event) => event.uid);
    const early = await uids('2018-09-01');
    const later = await uids('2018-09-20');
    expect(later.filter((uid) => early.includes(uid)).length).toBeGreaterThan(0);
  });
});
