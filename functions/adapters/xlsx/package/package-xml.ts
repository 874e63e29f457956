// Edits of a package's own XML (workbook.xml, relationships, content types), with whatever prefixes the file uses.
import { CcegError } from '../../../core/errors.js';
import { attributesOf, elementPrefix, escapeXml, startTagSource, withAttribute } from './xml-text.js';

/** The namespace of relationship IDs (`r:id`). */
export const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** workbook.xml with a `<sheet>` added after the last one, its `id` attribute in a prefix bound to the relationships namespace. */
export function withSheet(workbook: string, name: string, relationshipId: string): string {
  const prefix = elementPrefix(workbook, 'sheets') ?? '';
  return insertBefore(workbook, `</${prefix}sheets>`, `<${prefix}sheet name="${escapeXml(name)}" sheetId="${nextSheetId(workbook)}" ${idAttribute(workbook)}="${relationshipId}"/>`);
}

/** A relationships part with one more `<Relationship>`, written with the part's own prefix. */
export function withRelationship(relationships: string, id: string, type: string, target: string): string {
  const prefix = elementPrefix(relationships, 'Relationships') ?? '';
  return insertBefore(relationships, `</${prefix}Relationships>`, `<${prefix}Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`);
}

/** `[Content_Types].xml` with an `<Override>` for one more part, written with the part's own prefix. */
export function withContentType(contentTypes: string, part: string, contentType: string): string {
  const prefix = elementPrefix(contentTypes, 'Types') ?? '';
  return insertBefore(contentTypes, `</${prefix}Types>`, `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`);
}

/** Elements that follow `<calcPr>` in a workbook (ECMA-376 CT_Workbook), so a new one goes before the first of them. */
const AFTER_CALC_PR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * workbook.xml asking spreadsheet programs to recalculate every formula when they open it (`<calcPr fullCalcOnLoad="1"/>`),
 * so formulas over cells the sync wrote show their new values; the same text when it already asks.
 */
export function withFullCalcOnLoad(workbook: string): string {
  const prefix = elementPrefix(workbook, 'workbook') ?? '';
  const calcPr = new RegExp(startTagSource(`${prefix}calcPr`)).exec(workbook);
  if (calcPr) {
    if (['1', 'true'].includes(attributesOf(calcPr[0]).get('fullCalcOnLoad')?.trim() ?? '')) return workbook;
    return `${workbook.slice(0, calcPr.index)}${withAttribute(calcPr[0], 'fullCalcOnLoad', '1')}${workbook.slice(calcPr.index + calcPr[0].length)}`;
  }
  const element = `<${prefix}calcPr fullCalcOnLoad="1"/>`;
  const next = AFTER_CALC_PR.map((name) => new RegExp(`<${prefix}${name}(?=[\\s/>])`).exec(workbook)?.index).filter((at) => at !== undefined);
  if (next.length === 0) return insertBefore(workbook, `</${prefix}workbook>`, element);
  const at = Math.min(...next);
  return `${workbook.slice(0, at)}${element}${workbook.slice(at)}`;
}

/** Elements that come after `<definedNames>` in a workbook (ECMA-376 CT_Workbook). */
const AFTER_DEFINED_NAMES = ['calcPr', ...AFTER_CALC_PR];
const FILTER_DATABASE = '_xlnm._FilterDatabase';

/**
 * workbook.xml with the hidden name that says where the filter of tab `sheetName` lies (`_xlnm._FilterDatabase`,
 * which Excel writes with every filter and LibreOffice needs to see one), set to `range`.
 */
export function withFilterDatabase(workbook: string, sheetName: string, range: string): string {
  const prefix = elementPrefix(workbook, 'workbook') ?? '';
  const sheets = Array.from(workbook.matchAll(new RegExp(startTagSource('(?:[\\w.-]+:)?sheet'), 'g')), (match) => attributesOf(match[0]).get('name'));
  const sheetIndex = sheets.indexOf(sheetName);
  if (sheetIndex < 0) return workbook;
  const [first = 'A1', last = first] = range.split(':');
  const absolute = (reference: string) => reference.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const text = `'${sheetName.replace(/'/g, "''")}'!${absolute(first)}:${absolute(last)}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const existing = new RegExp(`(${startTagSource(`${prefix}definedName`)})([\\s\\S]*?)(</${prefix}definedName>)`, 'g');
  for (const match of workbook.matchAll(existing)) {
    const attributes = attributesOf(match[1]!);
    if (attributes.get('name') !== FILTER_DATABASE || attributes.get('localSheetId') !== String(sheetIndex)) continue;
    return `${workbook.slice(0, match.index)}${match[1]}${text}${match[3]}${workbook.slice(match.index + match[0].length)}`;
  }
  const name = `<${prefix}definedName name="${FILTER_DATABASE}" localSheetId="${sheetIndex}" hidden="1">${text}</${prefix}definedName>`;
  const names = new RegExp(startTagSource(`${prefix}definedNames`)).exec(workbook);
  if (names && !names[0].endsWith('/>')) return insertBefore(workbook, `</${prefix}definedNames>`, name);
  const list = `<${prefix}definedNames>${name}</${prefix}definedNames>`;
  if (names) return `${workbook.slice(0, names.index)}${list}${workbook.slice(names.index + names[0].length)}`;
  const next = AFTER_DEFINED_NAMES.map((element) => new RegExp(`<${prefix}${element}(?=[\\s/>])`).exec(workbook)?.index).filter((at) => at !== undefined);
  if (next.length === 0) return insertBefore(workbook, `</${prefix}workbook>`, list);
  const at = Math.min(...next);
  return `${workbook.slice(0, at)}${list}${workbook.slice(at)}`;
}

/** True when workbook.xml says the workbook uses the 1904 date system (`date1904` is `1` or `true`, as XML booleans go). */
export function usesDate1904(workbook: string): boolean {
  const workbookPr = new RegExp(startTagSource('(?:[\\w.-]+:)?workbookPr')).exec(workbook)?.[0];
  const value = workbookPr === undefined ? undefined : attributesOf(workbookPr).get('date1904')?.trim().toLowerCase();
  return value === '1' || value === 'true';
}

function insertBefore(xml: string, closing: string, element: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new CcegError('NOT_A_WORKBOOK', `The workbook has no ${closing} to add to.`);
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

function nextSheetId(workbook: string): number {
  const ids = Array.from(workbook.matchAll(/\ssheetId\s*=\s*["'](\d+)["']/g), (match) => Number(match[1]));
  return ids.reduce((max, id) => Math.max(max, id), 0) + 1;
}

/**
 * The `id` attribute of a new `<sheet>`: in the prefix that `<sheets>` or the root binds to the relationships namespace
 * (the innermost declaration of a prefix wins), else with its own declaration. openpyxl declares the prefix on each
 * `<sheet>`, where it is not in scope for a new one, and may not call it `r`.
 */
function idAttribute(workbook: string): string {
  const bound = new Map<string, string>();
  for (const element of ['sheets', 'workbook']) {
    const tag = new RegExp(startTagSource(`(?:[\\w.-]+:)?${element}`)).exec(workbook)?.[0];
    for (const [name, value] of attributesOf(tag ?? '')) {
      if (name.startsWith('xmlns:') && !bound.has(name.slice(6))) bound.set(name.slice(6), value);
    }
  }
  const prefix = [...bound].find(([, namespace]) => namespace === RELATIONSHIPS_NAMESPACE)?.[0];
  return prefix === undefined ? `xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id` : `${prefix}:id`;
}
