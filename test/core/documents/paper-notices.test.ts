// Tests of the paper notices (§4): circulation to the chairs, and dissent with the charter's three options.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { DISSENT_OPTIONS } from '../../../functions/core/derived/tally.js';
import { escapeHtml } from '../../../functions/core/documents/html.js';
import { renderCirculationNotice, renderDissentNotice } from '../../../functions/core/documents/paper-notices.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { endorsement, org, paper } from '../../support/group-builder.js';
import { expectEscaped, expectSelfContainedDocument, HOSTILE } from './expect-document.js';

const context = { today: '2018-10-06', config: DEFAULT_CONFIG, runId: 'run-7' };
const groupName = DEFAULT_CONFIG.group.name;

function rows(): GroupRows {
  return {
    ...emptyGroupRows(),
    Organizations: [
      org({ code: 'GNSO', name: 'Generic Names Supporting Organization', chairEmail: 'chair@gnso.example' }),
      org({ code: 'ALAC', name: HOSTILE }),
      org({ code: 'SSAC', name: 'Security and Stability Advisory Committee', participating: false }),
    ],
    Papers: [paper({ id: 'PP-0001', title: HOSTILE, adoptedOn: '2018-09-01', circulatedOn: '2018-09-05', designation: 'Consensus' })],
    Endorsements: [
      endorsement({ organization: 'GNSO', decision: 'Endorse' }),
      endorsement({ id: 'E-0002', organization: 'ALAC', decision: 'Not Support', reasons: HOSTILE, supportedParts: `Part 1 ${HOSTILE}` }),
    ],
  };
}

describe('renderCirculationNotice', () => {
  const notice = renderCirculationNotice(rows(), 'PP-0001', context);

  it('is a self-contained document addressed to the participating organizations only', () => {
    expectSelfContainedDocument(notice.html, groupName, '2018-10-06', 'run-7');
    expect(notice.html).toContain('chair@gnso.example');
    expect(notice.html).not.toContain('Security and Stability');
  });

  it('asks for decisions by the circulation date plus the reminder days', () => {
    expect(notice.html).toContain('<strong>2018-10-05</strong>');
  });

  it('escapes the paper title and organization names', () => {
    expectEscaped(notice.html);
  });

  it('refuses a paper that does not exist with UNKNOWN_PAPER', () => {
    expect(() => renderCirculationNotice(rows(), 'PP-9999', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PAPER' }));
  });
});

describe('renderDissentNotice', () => {
  const notice = renderDissentNotice(rows(), 'PP-0001', context);

  it('is a self-contained document listing the charter\'s three options', () => {
    expectSelfContainedDocument(notice.html, groupName, '2018-10-06', 'run-7');
    for (const option of DISSENT_OPTIONS) expect(notice.html).toContain(escapeHtml(option));
  });

  it('names who did not support the paper, their reasons and the parts they support, escaped', () => {
    expectEscaped(notice.html);
    expect(notice.html).toContain(`Reasons: ${escapeHtml(HOSTILE)}`);
    expect(notice.html).toContain(`Parts supported: Part 1 ${escapeHtml(HOSTILE)}`);
    expect(notice.html).toContain('Generic Names Supporting Organization (GNSO): Endorse');
  });

  it('says so when no organization dissents', () => {
    const calm = { ...rows(), Endorsements: [endorsement({ organization: 'GNSO', decision: 'Endorse' })] };
    expect(renderDissentNotice(calm, 'PP-0001', context).html).toContain('No participating organization has decided Not Support.');
  });

  it('refuses a paper that does not exist with UNKNOWN_PAPER', () => {
    expect(() => renderDissentNotice(rows(), 'PP-9999', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PAPER' }));
  });
});
