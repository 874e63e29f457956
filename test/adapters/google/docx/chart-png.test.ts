// chartPng: a chart's PNG for Google Docs, its text set in the font shipped with the package, whatever the machine has.
import { describe, expect, it } from 'vitest';
import { chartPng } from '../../../../functions/adapters/google/docx/chart-png.js';

const svg = (text: string) => `<svg width="200" height="40" font-family="Helvetica, Arial, sans-serif"><text x="5" y="25">${text}</text></svg>`;

describe('chartPng', () => {
  it('draws the text of a chart with the shipped DejaVu Sans (system fonts are never loaded), so labels never vanish', () => {
    const labelled = chartPng(svg('GNSO 3'));
    const blank = chartPng(svg(''));
    expect(labelled.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(labelled.png.equals(blank.png)).toBe(false);
    expect([labelled.pixelWidth, labelled.pixelHeight, labelled.width, labelled.height]).toEqual([400, 80, 200, 40]);
  });

  it('gives the same bytes for the same chart on every run', () => {
    expect(chartPng(svg('ALAC 2')).png.equals(chartPng(svg('ALAC 2')).png)).toBe(true);
  });
});
