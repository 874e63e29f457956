// Tests of the Chair's Report (§6): pre-filled from a No Consensus call, empty sections for the chairs, refusals.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { CHAIR_REPORT_SECTIONS, renderChairReport } from '../../../functions/core/documents/chair-report.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { consensusCall, paper } from '../../support/group-builder.js';
import { expectEscaped, expectSelfContainedDocument, HOSTILE } from './expect-document.js';

const context = { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'run-9' };
const groupName = DEFAULT_CONFIG.group.name;

function rows(): GroupRows {
  return {
    ...emptyGroupRows(),
    Papers: [paper({ id: 'PP-0005', title: HOSTILE })],
    ConsensusCalls: [
      consensusCall({ id: 'CC-0005', subject: HOSTILE, paper: 'PP-0005', calledOn: '2018-08-22', designation: 'No Consensus',
        membersInvolved: 14, objections: 6, minorityViewpoints: HOSTILE }),
      consensusCall({ id: 'CC-0001', designation: 'Consensus' }),
      consensusCall({ id: 'CC-0002' }),
    ],
  };
}

describe('renderChairReport', () => {
  const report = renderChairReport(rows(), 'CC-0005', context);

  it('is a self-contained document pre-filled with the call', () => {
    expectSelfContainedDocument(report.html, groupName, '2018-10-06', 'run-9');
    expect(report.html).toContain('2018-08-22');
    expect(report.html).toContain('<td>14</td>');
    expect(report.html).toContain('<td>6</td>');
    expect(report.html).toContain('PP-0005');
  });

  it('has the sections the chairs complete, empty, and the Final Chair\'s Report note', () => {
    for (const section of CHAIR_REPORT_SECTIONS) expect(report.html).toContain(`<h2>${section}</h2>\n<p class="none">To be completed by the Chair(s).</p>`);
    expect(report.html).toContain('<h2>Minority viewpoints</h2>');
    expect(report.html).toContain("Final Chair's Report");
  });

  it('escapes the subject, the paper title and the minority viewpoints', () => {
    expectEscaped(report.html);
  });

  it('refuses an unknown call with UNKNOWN_ENTITY', () => {
    expect(() => renderChairReport(rows(), 'CC-9999', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ENTITY' }));
  });

  it.each(['CC-0001', 'CC-0002'])('refuses %s, which is not No Consensus, with BAD_OPTION', (id) => {
    expect(() => renderChairReport(rows(), id, context)).toThrow(expect.objectContaining({ code: 'BAD_OPTION', message: expect.stringContaining('not No Consensus') }));
  });
});
