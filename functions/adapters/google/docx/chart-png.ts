// Renders an inline SVG chart to PNG with resvg, the image type Google Docs keeps (it keeps no SVG).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { CcegError } from '../../../core/errors.js';

/**
 * The font chart text is set in, shipped with the package (dejavu-fonts-ttf): the same PNG on every machine, and text
 * even where the system has no fonts at all (a Cloud Run functions image is not promised to have any).
 */
const CHART_FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));
const CHART_FONT_FAMILY = 'DejaVu Sans';

/** A chart as PNG: its bytes, its size in pixels and the size it is shown at (CSS pixels, 96 per inch). */
export interface ChartPng {
  readonly png: Buffer;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  readonly width: number;
  readonly height: number;
}

/** How many PNG pixels per CSS pixel of the chart: sharp when printed, still a few kilobytes. */
export const CHART_PIXEL_RATIO = 2;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * The PNG of an `<svg>…</svg>` written inside HTML (where it needs no `xmlns`), on white, at {@link CHART_PIXEL_RATIO}
 * pixels per CSS pixel, with its text set in DejaVu Sans (shipped, never the system's fonts). Throws INTERNAL when the
 * SVG is not one resvg reads.
 */
export function chartPng(svgSource: string): ChartPng {
  const source = /^<svg\b[^>]*\sxmlns=/.test(svgSource) ? svgSource : svgSource.replace(/^<svg\b/, `<svg xmlns="${SVG_NAMESPACE}"`);
  let resvg: Resvg;
  try {
    resvg = new Resvg(source, { fitTo: { mode: 'zoom', value: CHART_PIXEL_RATIO }, background: 'white', font: {
      loadSystemFonts: false, fontFiles: CHART_FONTS, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY,
    } });
  } catch (error) {
    throw new CcegError('INTERNAL', `A chart could not be drawn as PNG for Google Docs: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rendered = resvg.render();
  return { png: rendered.asPng(), pixelWidth: rendered.width, pixelHeight: rendered.height, width: resvg.width, height: resvg.height };
}
