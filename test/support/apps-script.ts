// Runs the sheet's Apps Script files in a node:vm context, with small stand-ins for the Apps Script services they call.
import { createHmac, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';

/** sheets/apps-script/, where the two Apps Script projects live. */
export const APPS_SCRIPT_DIR = join(import.meta.dirname, '..', '..', 'sheets', 'apps-script');

/** The two projects: `bound` to the spreadsheet (the menu, no secret) and `standalone`, owned by staff (the trigger, signing). */
export type AppsScriptProject = 'bound' | 'standalone';

/** The folder of a project. */
export function projectDir(project: AppsScriptProject): string {
  return join(APPS_SCRIPT_DIR, project);
}

/** The .gs files of a project, as clasp would push them. */
export function projectFiles(project: AppsScriptProject): string[] {
  return readdirSync(projectDir(project)).filter((file) => file.endsWith('.gs')).sort();
}

/** The arguments of one `UrlFetchApp.fetch(url, params)` call. */
export interface FetchCall {
  readonly url: string;
  readonly params: {
    readonly method: string;
    readonly contentType: string;
    readonly payload: string;
    readonly headers: Record<string, string>;
    readonly muteHttpExceptions: boolean;
  };
}

/** What the stand-in UrlFetchApp answers: a status and a text, or a thrown error (a network failure). */
export type FetchAnswer = { status: number; text: string } | Error;

/** The Apps Script files loaded in one context, what they fetched and what they logged. */
export interface AppsScriptSandbox {
  /** The script's globals: its functions and `var`s. */
  readonly global: Context;
  readonly fetches: FetchCall[];
  readonly errors: string[];
  /** What it logged with console.warn. */
  readonly warnings: string[];
  /** What it logged with console.log (the execution log of a standalone project). */
  readonly logs: string[];
  /** Calls a global function of the script. */
  call<T>(name: string, ...args: unknown[]): T;
}

/** Bytes as Apps Script gives them: a plain array of signed bytes, -128..127. */
export function signedBytes(buffer: Buffer): number[] {
  return Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length));
}

function toBuffer(value: string | number[], charset: string | undefined): Buffer {
  if (typeof value !== 'string') return Buffer.from(value.map((byte) => byte & 0xff));
  return Buffer.from(value, charset === 'US_ASCII' ? 'ascii' : 'utf8');
}

/** `Utilities`: HMAC-SHA256 returning signed bytes like Apps Script does, UUIDs, charsets, base64. */
export function utilitiesStandIn() {
  return {
    Charset: { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' },
    computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
      return signedBytes(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
    },
    getUuid: (): string => randomUUID(),
    base64Encode: (data: string | number[], charset?: string): string => toBuffer(data, charset).toString('base64'),
  };
}

/** `PropertiesService` over a plain object of Script Properties, which it changes in place (share it to share them). */
export function propertiesStandIn(properties: Record<string, string>) {
  const scriptProperties = {
    getProperty: (key: string): string | null => (Object.hasOwn(properties, key) ? properties[key]! : null),
    setProperty: (key: string, value: string) => {
      properties[key] = value;
      return scriptProperties;
    },
    deleteProperty: (key: string) => {
      delete properties[key];
      return scriptProperties;
    },
  };
  return { getScriptProperties: () => scriptProperties };
}

/**
 * `PropertiesService` whose Script, User and Document Properties all hold `properties`, and which calls `onRead` whenever
 * `watched` is read from any of them (by `getProperty`, or from the object `getProperties` returns).
 */
export function watchedPropertiesStandIn(properties: Record<string, string>, watched: string, onRead: (how: string) => void) {
  const store = (name: string) => {
    const self = {
      getProperty: (key: string): string | null => {
        if (key === watched) onRead(`${name}.getProperty('${key}')`);
        return Object.hasOwn(properties, key) ? properties[key]! : null;
      },
      getProperties: (): Record<string, string> => {
        const copy: Record<string, string> = {};
        for (const [key, value] of Object.entries(properties)) {
          Object.defineProperty(copy, key, { enumerable: true, get: () => (key === watched && onRead(`${name}.getProperties().${key}`), value) });
        }
        return copy;
      },
      getKeys: (): string[] => Object.keys(properties),
      setProperty: (key: string, value: string) => ((properties[key] = value), self),
      deleteProperty: (key: string) => (delete properties[key], self),
    };
    return self;
  };
  return { getScriptProperties: () => store('ScriptProperties'), getUserProperties: () => store('UserProperties'), getDocumentProperties: () => store('DocumentProperties') };
}

/** Loads `files` of `project` (default: the standalone project, every .gs file of it) into a fresh context. */
export function loadAppsScript(options: {
  project?: AppsScriptProject;
  files?: readonly string[];
  properties?: Record<string, string>;
  activeUser?: string;
  answer?: (call: FetchCall) => FetchAnswer;
  /** More services (SpreadsheetApp, ScriptApp, HtmlService…), or replacements of the ones above. */
  globals?: Record<string, unknown>;
} = {}): AppsScriptSandbox {
  const fetches: FetchCall[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const logs: string[] = [];
  const answer = options.answer ?? (() => ({ status: 200, text: '{}' }));
  const global = createContext({
    Utilities: utilitiesStandIn(),
    PropertiesService: propertiesStandIn(options.properties ?? {}),
    Session: { getActiveUser: () => ({ getEmail: () => options.activeUser ?? '' }) },
    UrlFetchApp: {
      fetch(url: string, params: FetchCall['params']) {
        const call = { url, params: structuredClone(params) };
        fetches.push(call);
        const result = answer(call);
        if (result instanceof Error) throw result;
        return { getResponseCode: () => result.status, getContentText: () => result.text };
      },
    },
    console: {
      log: (...parts: unknown[]) => logs.push(parts.map(String).join(' ')),
      error: (...parts: unknown[]) => errors.push(parts.map(String).join(' ')),
      warn: (...parts: unknown[]) => warnings.push(parts.map(String).join(' ')),
    },
    ...options.globals,
  });
  const project = options.project ?? 'standalone';
  for (const file of options.files ?? projectFiles(project)) {
    runInContext(readFileSync(join(projectDir(project), file), 'utf8'), global, { filename: `${project}/${file}` });
  }
  return {
    global,
    fetches,
    errors,
    warnings,
    logs,
    call<T>(name: string, ...args: unknown[]): T {
      const fn: unknown = global[name];
      if (typeof fn !== 'function') throw new Error(`the Apps Script project has no function ${name}`);
      return (fn as (...values: unknown[]) => T)(...args);
    },
  };
}

/** A stand-in for the onEdit event of a block of cells on a tab; `values` are the block's cells after the edit. */
export function editEvent(options: {
  spreadsheetId: string;
  tab: string;
  row: number;
  column: number;
  values: string[][];
  oldValue?: string;
  user?: string;
}) {
  const rows = options.values.length;
  const columns = options.values[0]?.length ?? 0;
  const single = rows === 1 && columns === 1;
  const range = {
    getRow: () => options.row,
    getColumn: () => options.column,
    getNumRows: () => rows,
    getNumColumns: () => columns,
    getDisplayValue: () => options.values[0]?.[0] ?? '',
    getDisplayValues: () => options.values.map((row) => [...row]),
    getSheet: () => ({ getName: () => options.tab }),
  };
  return {
    range,
    source: { getId: () => options.spreadsheetId },
    user: { getEmail: () => options.user ?? '' },
    ...(single && options.values[0]![0] !== '' ? { value: options.values[0]![0] } : {}),
    ...(single && options.oldValue !== undefined ? { oldValue: options.oldValue } : {}),
  };
}
