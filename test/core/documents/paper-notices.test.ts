// Tests of the paper notices (§4): circulation to the chairs, and dissent with the charter's three options.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../functions/core/config.js';
import { DISSENT_OPTIONS } from '../../../functions/core/derived/tally.js';
import { escapeHtml } from '../../../functions/core/documents/html.js';
import { DECISION_TIMING_QUOTE, renderCirculationNotice, renderDissentNotice } from '../../../functions/core/documents/paper-notices.js';
import { emptyGroupRows, type GroupRows } from '../../../functions/core/model/group.js';
import { endorsement, org, paper, person } from '../../support/group-builder.js';
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
    Roster: [
      person({ id: 'P-0001', name: 'Marta Lindqvist', email: 'marta@cceg.example', role: 'Co-Chair' }),
      person({ id: 'P-0002', name: 'Kwame Asante', email: 'kwame@cceg.example', role: 'Chair', organization: 'ALAC' }),
      person({ id: 'P-0003', name: 'Former Chair', email: 'former@cceg.example', role: 'Co-Chair', endDate: '2018-09-30' }),
      person({ id: 'P-0004', name: 'Ana Member', email: 'ana@cceg.example', role: 'Member' }),
    ],
    Papers: [
      paper({ id: 'PP-0001', title: HOSTILE, adoptedOn: '2018-09-01', releasedOn: '2018-09-03', circulatedOn: '2018-09-05', designation: 'Consensus',
        documentUrl: 'https://example.org/papers/pp-0001.pdf?a=1&b="x"' }),
      paper({ id: 'PP-0002', title: 'Supplemental to PP-0001', kind: 'Supplemental', supersedes: 'PP-0001', adoptedOn: '2018-10-01' }),
      paper({ id: 'PP-0003', title: 'Supplemental naming no original', kind: 'Supplemental', adoptedOn: '2018-10-01', documentUrl: 'javascript:alert(1)' }),
      paper({ id: 'PP-0004', title: 'Never adopted' }),
    ],
    Endorsements: [
      endorsement({ organization: 'GNSO', decision: 'Endorse' }),
      endorsement({ id: 'E-0002', organization: 'ALAC', decision: 'Not Support', reasons: HOSTILE, supportedParts: `Part 1 ${HOSTILE}` }),
      endorsement({ id: 'E-0003', paper: 'PP-0002', organization: 'SSAC', decision: 'Not Support', reasons: 'Not a participant.' }),
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

  it('links the paper\'s Document URL, escaped, and gives its adoption, release and circulation dates', () => {
    expect(notice.html).toContain('<a href="https://example.org/papers/pp-0001.pdf?a=1&amp;b=&quot;x&quot;">https://example.org/papers/pp-0001.pdf?a=1&amp;b=&quot;x&quot;</a>');
    expect(notice.html).toContain('<tr><th>Adopted on</th><td>2018-09-01</td></tr>');
    expect(notice.html).toContain('<tr><th>Released publicly on</th><td>2018-09-03</td></tr>');
    expect(notice.html).toContain('<tr><th>Circulated on</th><td>2018-09-05</td></tr>');
  });

  it('never links an address that is not http or https', () => {
    const page = renderCirculationNotice(rows(), 'PP-0003', context).html;
    expect(page).toContain('<td>javascript:alert(1)</td>');
    expect(page).not.toMatch(/href="javascript/i);
  });

  it('says what a supplemental paper supersedes, "nothing recorded" when it names none, and nothing for another paper', () => {
    expect(renderCirculationNotice(rows(), 'PP-0002', context).html).toContain(`<tr><th>Supersedes</th><td>PP-0001 — ${escapeHtml(HOSTILE)}</td></tr>`);
    expect(renderCirculationNotice(rows(), 'PP-0003', context).html).toContain('<tr><th>Supersedes</th><td>nothing recorded</td></tr>');
    expect(notice.html).not.toContain('Supersedes');
  });

  it('asks for the decisions to be sent to the CCEG\'s active chairs, with their e-mails', () => {
    expect(notice.html).toContain('<li>Marta Lindqvist, CCEG IG Co-Chair — marta@cceg.example</li>');
    expect(notice.html).toContain('<li>Kwame Asante, CCEG IG Chair — kwame@cceg.example</li>');
    expect(notice.html).not.toContain('former@cceg.example');
    expect(notice.html).not.toContain('ana@cceg.example');
  });

  it('quotes the charter\'s "as soon as feasible" and gives the reminder as the group\'s setting, not as a deadline', () => {
    expect(notice.html).toContain(`The charter sets no deadline: “${escapeHtml(DECISION_TIMING_QUOTE)}” (§4).`);
    expect(notice.html).toContain('If an organization has not decided by <strong>2018-10-05</strong>,\nthe group will send a reminder after 30 days (the group\'s setting endorsements.reminderDays).');
    expect(notice.html).not.toContain('awaited by');
  });

  it('escapes the paper title and organization names', () => {
    expectEscaped(notice.html);
  });

  it('refuses a paper that does not exist with UNKNOWN_PAPER', () => {
    expect(() => renderCirculationNotice(rows(), 'PP-9999', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PAPER' }));
  });

  it('refuses a paper never adopted with BAD_OPTION, naming the adopted papers', () => {
    expect(() => renderCirculationNotice(rows(), 'PP-0004', context)).toThrow(expect.objectContaining({
      code: 'BAD_OPTION',
      message: 'PP-0004 was never adopted (no Adopted On); a circulation notice is for an adopted paper: PP-0001, PP-0002, PP-0003.',
    }));
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

  it('refuses a paper no participating organization dissented on with BAD_OPTION, naming the papers one did', () => {
    const calm = { ...rows(), Endorsements: [endorsement({ organization: 'GNSO', decision: 'Endorse' })] };
    expect(() => renderDissentNotice(calm, 'PP-0001', context)).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
    expect(() => renderDissentNotice(rows(), 'PP-0002', context)).toThrow(expect.objectContaining({
      code: 'BAD_OPTION',
      message: 'No participating organization decided Not Support on PP-0002; a dissent notice is for a paper a participating organization decided Not Support on: PP-0001.',
    }));
  });

  it('refuses a paper that does not exist with UNKNOWN_PAPER', () => {
    expect(() => renderDissentNotice(rows(), 'PP-9999', context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PAPER' }));
  });
});
