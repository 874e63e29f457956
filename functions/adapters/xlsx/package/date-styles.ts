// Which cell styles of a workbook show numbers as dates, read from xl/styles.xml (cell formats and number formats).
import { attributesOf, elementPrefix, startTagSource } from './xml-text.js';

/** The built-in number formats (ECMA-376 §18.8.30) that show a date or a time. */
const BUILT_IN_DATE_FORMATS: Readonly<Record<number, string>> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

/** A number format with date or time letters outside quotes and brackets (the test exceljs uses). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Whether cell style `s` (an index into `<cellXfs>`) shows its number as a date; '' (no styles part) has none. */
export function dateStyles(stylesXml: string): (style: number) => boolean {
  const prefix = elementPrefix(stylesXml, 'styleSheet') ?? '';
  const formats = new Map<number, string>(Object.entries(BUILT_IN_DATE_FORMATS).map(([id, code]) => [Number(id), code]));
  for (const match of stylesXml.matchAll(new RegExp(startTagSource(`${prefix}numFmt`), 'g'))) {
    const attributes = attributesOf(match[0]);
    formats.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
  }
  const open = new RegExp(startTagSource(`${prefix}cellXfs`)).exec(stylesXml);
  const close = open ? stylesXml.indexOf(`</${prefix}cellXfs>`, open.index) : -1;
  const section = open && close > 0 ? stylesXml.slice(open.index + open[0].length, close) : '';
  const dates = Array.from(section.matchAll(new RegExp(startTagSource(`${prefix}xf`), 'g')), (match) =>
    isDateFormat(formats.get(Number(attributesOf(match[0]).get('numFmtId') ?? 0))));
  return (style) => dates[style] ?? false;
}
