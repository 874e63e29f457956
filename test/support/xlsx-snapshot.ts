// Snapshots of an .xlsx file for before/after comparisons: zip entries, raw cell XML per tab, and what exceljs sees.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Every zip entry's uncompressed bytes, by entry name (folders left out). */
export async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) entries.set(file.name, await file.async('nodebuffer'));
  return entries;
}

/** The names of the entries added, removed or whose bytes differ between two snapshots. */
export function changedEntries(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)) || !after.has(name)).sort();
}

/** The SHA-256 of the file's bytes. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The zip part of each tab, by tab name, read from xl/workbook.xml and its relationships. */
export function sheetParts(entries: Map<string, Buffer>): Map<string, string> {
  const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const targets = new Map(Array.from(rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g), (m) => [m[1]!, m[2]!]));
  return new Map(Array.from(workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g), (m) => [m[1]!, `xl/${targets.get(m[2]!)!.replace(/^\/?xl\//, '')}`]));
}

/** Every `<c>` element of a sheet's XML, exactly as written, by cell reference. */
export function rawCells(sheetXml: string): Map<string, string> {
  return new Map(Array.from(sheetXml.matchAll(/<c r="([A-Z]+[0-9]+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g), (m) => [m[1]!, m[0]]));
}

/** A non-empty cell as exceljs's full reader models it: value, formula, type, style and note. */
export interface CellSnapshot {
  readonly value: string;
  readonly formula: string | undefined;
  readonly type: number;
  readonly style: string;
  readonly note: string | undefined;
}

/** One tab as exceljs's full reader sees it: cells by address, merges, validations, columns and state. */
export interface TabSnapshot {
  readonly cells: Map<string, CellSnapshot>;
  readonly rest: string;
}

/** Reads the file with exceljs's full (non-streaming) reader: fails if exceljs cannot open it. */
export async function exceljsSnapshot(path: string): Promise<{ tabs: Map<string, TabSnapshot>; definedNames: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const tabs = new Map<string, TabSnapshot>();
  book.eachSheet((sheet) => {
    const cells = new Map<string, CellSnapshot>();
    // Empty cells are left out (exceljs makes up empty cells up to a row's last one); rawCells compares them exactly.
    sheet.eachRow((row) => row.eachCell((cell) => {
      cells.set(cell.address, {
        value: JSON.stringify(cell.value), formula: cell.formula || undefined, type: cell.type,
        style: JSON.stringify(cell.style), note: cell.note === undefined ? undefined : JSON.stringify(cell.note),
      });
    }));
    const model = sheet.model as unknown as { merges?: unknown; dataValidations?: unknown; cols?: unknown };
    const rest = JSON.stringify({ merges: model.merges, validations: model.dataValidations, cols: model.cols, state: sheet.state, views: sheet.views });
    tabs.set(sheet.name, { cells, rest });
  });
  return { tabs, definedNames: JSON.stringify((book.definedNames as unknown as { model: unknown }).model) };
}

/** The cells of a tab snapshot without the given addresses, for comparing everything a write-back must not touch. */
export function withoutCells<T>(cells: Map<string, T>, addresses: ReadonlySet<string>): Map<string, T> {
  return new Map([...cells].filter(([address]) => !addresses.has(address)));
}
