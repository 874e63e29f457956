// Gives a column a width in a worksheet's `<cols>`, unless someone already gave it one: a width that exists is kept.
import { attributesOf, startTagSource, withAttribute } from '../package/xml-text.js';

/**
 * The sheet with 1-based `column` `width` characters wide. A `<col>` that covers the column with a width someone set
 * (`customWidth`) is kept as it is; one that covers it without (LibreOffice writes one for every column) is split
 * around it, each piece keeping its other attributes. `<cols>` is created before `<sheetData>` when there is none.
 */
export function withColumnWidth(xml: string, prefix: string, column: number, width: number): string {
  const ownCol = `<${prefix}col min="${column}" max="${column}" width="${width}" customWidth="1"/>`;
  const cols = new RegExp(`${startTagSource(`${prefix}cols`)}([\\s\\S]*?)</${prefix}cols>`).exec(xml);
  if (!cols) {
    const sheetData = xml.indexOf(`<${prefix}sheetData`);
    return sheetData < 0 ? xml : `${xml.slice(0, sheetData)}<${prefix}cols>${ownCol}</${prefix}cols>${xml.slice(sheetData)}`;
  }
  const content = cols[1]!;
  const contentStart = cols.index + cols[0].length - `</${prefix}cols>`.length - content.length;
  const pieces: string[] = [];
  let placed = false;
  let copied = 0;
  for (const match of content.matchAll(new RegExp(`${startTagSource(`${prefix}col`)}(?:</${prefix}col>)?`, 'g'))) {
    const attributes = attributesOf(match[0]);
    const min = Number(attributes.get('min'));
    const max = Number(attributes.get('max'));
    if (placed || max < column) continue;
    pieces.push(content.slice(copied, match.index));
    copied = match.index + match[0].length;
    placed = true;
    if (min > column) pieces.push(ownCol, match[0]);
    else if (['1', 'true'].includes(attributes.get('customWidth') ?? '')) return xml;
    else {
      const own = withAttribute(withAttribute(split(match[0], column, column)[0]!, 'width', String(width)), 'customWidth', '1');
      pieces.push(...split(match[0], min, column - 1), own, ...split(match[0], column + 1, max));
    }
  }
  pieces.push(content.slice(copied), placed ? '' : ownCol);
  return `${xml.slice(0, contentStart)}${pieces.join('')}${xml.slice(contentStart + content.length)}`;
}

/** The `<col>` narrowed to columns `min` to `max` (none when that is empty), keeping its other attributes. */
function split(col: string, min: number, max: number): string[] {
  if (max < min) return [];
  const selfClosing = col.replace(/>\s*<\/[\w.:-]+>$/, '/>');
  return [withAttribute(withAttribute(selfClosing, 'min', String(min)), 'max', String(max))];
}
