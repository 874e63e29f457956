// Inline SVG charts for the reports: members per organization against the band, and members by region.
import { html, type SafeHtml } from './html.js';

/** Active Members of one organization. */
export interface OrganizationCount {
  readonly code: string;
  readonly members: number;
}

/** Active Members from one region. */
export interface RegionCount {
  readonly region: string;
  readonly members: number;
}

interface Bar {
  readonly label: string;
  readonly value: number;
}

interface Band {
  readonly min: number;
  readonly max: number;
}

const WIDTH = 320;
const LABEL = 118;
const RIGHT = 22;
const BAR = 14;
const GAP = 6;
const TOP = 6;
const AXIS = 20;
const IN_BAND = '#3b5b8c';
const OUT_OF_BAND = '#b03a2e';

/** The distance between two labelled ticks: 1, 2, 5, 10, 20, 50… so that an axis up to `scaleMax` has at most 10 labels. */
function tickStep(scaleMax: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [1, 2, 5]) if (scaleMax / (step * magnitude) <= 10) return step * magnitude;
  }
}

/** Horizontal bars on an axis from 0 to `scaleMax`; `band`, when given, is shaded behind the bars. */
function barChart(label: string, bars: readonly Bar[], scaleMax: number, band: Band | null): SafeHtml {
  const plotBottom = TOP + bars.length * (BAR + GAP);
  const height = plotBottom + AXIS;
  const unit = (WIDTH - LABEL - RIGHT) / Math.max(scaleMax, 1);
  const x = (value: number) => Math.round((LABEL + value * unit) * 10) / 10;
  const shaded = band === null ? null
    : html`<rect x="${x(band.min)}" y="0" width="${x(band.max) - x(band.min)}" height="${plotBottom}" fill="#dcebd5"/>`;
  const rows = bars.map(({ label: name, value }, index) => {
    const y = TOP + index * (BAR + GAP);
    const fill = band !== null && (value < band.min || value > band.max) ? OUT_OF_BAND : IN_BAND;
    return html`<text x="${LABEL - 4}" y="${y + BAR - 3}" text-anchor="end">${name}</text><rect x="${LABEL}" y="${y}" width="${
      x(value) - LABEL}" height="${BAR}" fill="${fill}"/><text x="${x(value) + 3}" y="${y + BAR - 3}">${value}</text>`;
  });
  const step = tickStep(scaleMax);
  const ticks = Array.from({ length: Math.floor(scaleMax / step) + 1 }, (_, index) =>
    html`<text x="${x(index * step)}" y="${plotBottom + 11}" text-anchor="middle">${index * step}</text>`);
  const legend = band === null ? null
    : html`<text x="${WIDTH - RIGHT}" y="${height - 1}" text-anchor="end" fill="#4a7a3a">shaded: ${band.min}–${band.max} members</text>`;
  return html`<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${label}" font-family="Helvetica, Arial, sans-serif" font-size="9"><title>${label}</title>${
    shaded}${rows}<line x1="${LABEL}" y1="${plotBottom}" x2="${x(scaleMax)}" y2="${plotBottom}" stroke="#333" stroke-width="0.5"/>${
    ticks}${legend}</svg>`;
}

/** Members per organization as bars against the `min`–`max` band (shaded); bars outside the band are red. */
export function membersChartSvg(counts: readonly OrganizationCount[], min: number, max: number): SafeHtml {
  const scaleMax = Math.max(max + 1, ...counts.map((count) => count.members));
  const label = `Members per organization against the ${min}–${max} band`;
  return barChart(label, counts.map(({ code, members }) => ({ label: code, value: members })), scaleMax, { min, max });
}

/** Members by region as bars. */
export function regionsChartSvg(counts: readonly RegionCount[]): SafeHtml {
  const scaleMax = Math.max(1, ...counts.map((count) => count.members));
  return barChart('Members by region', counts.map(({ region, members }) => ({ label: region, value: members })), scaleMax, null);
}
