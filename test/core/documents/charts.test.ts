// Tests of the inline SVG charts: accessible, escaped, and showing the members band.
import { describe, expect, it } from 'vitest';
import { membersChartSvg, regionsChartSvg } from '../../../functions/core/documents/charts.js';
import { escapeHtml } from '../../../functions/core/documents/html.js';
import { HOSTILE } from './expect-document.js';

describe('membersChartSvg', () => {
  const svg = membersChartSvg([{ code: 'GNSO', members: 3 }, { code: 'ALAC', members: 1 }, { code: 'GAC', members: 7 }], 2, 5).text;

  it('is an inline SVG with a title and an aria-label naming the band', () => {
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('<title>Members per organization against the 2–5 band</title>');
    expect(svg).toContain('aria-label="Members per organization against the 2–5 band"');
  });

  it('draws one bar per organization and shades the band', () => {
    expect(svg.match(/fill="#3b5b8c"/g)).toHaveLength(1);
    expect(svg.match(/fill="#b03a2e"/g)).toHaveLength(2);
    expect(svg).toContain('fill="#dcebd5"');
    expect(svg).toContain('>GAC<');
  });

  it('escapes the labels', () => {
    const hostile = membersChartSvg([{ code: HOSTILE, members: 2 }], 2, 5).text;
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain(escapeHtml(HOSTILE));
  });
});

describe('regionsChartSvg', () => {
  it('draws one labelled bar per region, escaped', () => {
    const svg = regionsChartSvg([{ region: 'Europe', members: 4 }, { region: HOSTILE, members: 1 }]).text;
    expect(svg).toContain('<title>Members by region</title>');
    expect(svg).toContain('>Europe<');
    expect(svg).toContain(escapeHtml(HOSTILE));
    expect(svg).not.toContain('<script>');
  });

  it('labels at most 11 ticks however many members there are (0, 5, 10… for 40)', () => {
    const svg = regionsChartSvg([{ region: 'Europe', members: 40 }]).text;
    const ticks = [...svg.matchAll(/text-anchor="middle">(\d+)</g)].map((match) => Number(match[1]));
    expect(ticks).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
  });

  it('draws an empty chart when there are no members', () => {
    expect(regionsChartSvg([]).text).toContain('</svg>');
  });
});
