// The deployment files: firebase.json points at what exists, the rules deny every client, the index overrides name real fields.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { describe, expect, it } from 'vitest';
import { firestoreLayout } from '../../functions/adapters/firestore/firestore-layout.js';
import { auditEntrySchema } from '../../functions/core/audit/audit-entry.js';
import { sheetEditSchema } from '../../functions/core/records/sheet-edit.js';
import { storedRecordSchema } from '../../functions/core/records/stored-record.js';

const ROOT = join(import.meta.dirname, '..', '..');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
}

interface FirebaseJson {
  functions: { source: string; runtime: string; predeploy?: string[]; ignore?: string[] }[];
  firestore: { rules: string; indexes: string };
  emulators: Record<string, { port?: number }>;
}

interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  indexes: unknown[];
}

/** The rules text without its comments. */
function rulesWithoutComments(): string {
  return readFileSync(join(ROOT, 'firestore.rules'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

describe('firebase.json', () => {
  const firebase = readJson('firebase.json') as FirebaseJson;

  it('parses and names a Node 24 functions source that holds the package and its build configuration', () => {
    expect(firebase.functions).toHaveLength(1);
    const [functions] = firebase.functions;
    expect(functions!.runtime).toBe('nodejs24');
    const source = join(ROOT, functions!.source);
    expect(statSync(source).isDirectory()).toBe(true);
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.build.json', 'functions', 'config/charter.yaml']) {
      expect(existsSync(join(source, needed)), needed).toBe(true);
    }
  });

  it('builds before deploying with a script the package has, and uploads none of the tests, workbooks or local stores', () => {
    const [functions] = firebase.functions;
    const scripts = (readJson('package.json') as { scripts: Record<string, string> }).scripts;
    for (const step of functions!.predeploy ?? []) {
      const script = /npm (?:--prefix \S+ )?run (\S+)/.exec(step)?.[1];
      expect(script && scripts[script], step).toBeTruthy();
    }
    const ignore = functions!.ignore ?? [];
    for (const left of ['node_modules', 'test', 'sheets', '**/*.cceg.db']) expect(ignore).toContain(left);
    for (const kept of ['functions', 'config', 'lib', 'package.json', 'tsconfig.build.json']) expect(ignore).not.toContain(kept);
  });

  it('points at rules and index files that exist', () => {
    expect(existsSync(join(ROOT, firebase.firestore.rules))).toBe(true);
    expect(existsSync(join(ROOT, firebase.firestore.indexes))).toBe(true);
  });

  it('gives the Firestore and functions emulators distinct ports', () => {
    const firestorePort = firebase.emulators.firestore?.port;
    const functionsPort = firebase.emulators.functions?.port;
    expect(Number.isInteger(firestorePort)).toBe(true);
    expect(Number.isInteger(functionsPort)).toBe(true);
    expect(firestorePort).not.toBe(functionsPort);
  });
});

describe('firestore.rules', () => {
  const rules = rulesWithoutComments();

  it('uses rules version 2 and matches every document of the database', () => {
    expect(rules).toMatch(/rules_version\s*=\s*['"]2['"]\s*;/);
    expect(rules).toMatch(/service\s+cloud\.firestore\s*{/);
    expect(rules).toMatch(/match\s+\/databases\/{database}\/documents\s*{/);
    expect(rules).toMatch(/match\s+\/{document=\*\*}\s*{/);
  });

  it('has no allow statement with a condition other than false, and none without a condition', () => {
    const allows = rules.match(/\ballow\b[^;]*;/g) ?? [];
    expect(allows.length).toBeGreaterThan(0);
    for (const statement of allows) expect(statement.replace(/\s+/g, ' ')).toMatch(/^allow [a-z, ]+: if false;$/);
    expect(rules).not.toMatch(/\bif\s+true\b/);
  });

  it('denies both reading and writing', () => {
    const granted = (rules.match(/\ballow\s+([a-z,\s]+):/g) ?? []).flatMap((statement) => statement.replace(/^allow|:$/g, '').split(',').map((verb) => verb.trim()));
    expect(granted).toEqual(expect.arrayContaining(['read', 'write']));
  });
});

describe('firestore.indexes.json', () => {
  const indexes = readJson('firestore.indexes.json') as { indexes: unknown[]; fieldOverrides: FieldOverride[] };

  it('declares no composite index, as every query of the Firestore adapter filters and orders on one field', () => {
    const dir = join(ROOT, 'functions', 'adapters', 'firestore');
    const queries = readdirSync(dir).filter((file) => file.endsWith('.ts'))
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').split(';').filter((statement) => /\.(where|orderBy)\(/.test(statement)));
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      const fields = new Set([...query.matchAll(/\.(?:where|orderBy)\('([^']+)'/g)].map((match) => match[1]));
      expect(fields.size, query.trim().split('\n').at(-1)).toBe(1);
    }
    expect(indexes.indexes).toEqual([]);
  });

  it('turns indexing off for the big text and blob fields only, in the collection groups the store really writes', () => {
    const layout = firestoreLayout(new Firestore({ projectId: 'cceg-test' }));
    const blobs: [string, readonly string[], readonly string[]][] = [
      [layout.records('Roster').id, Object.keys(storedRecordSchema.shape), ['data']],
      [layout.audit().id, Object.keys(auditEntrySchema.shape), ['before', 'after']],
      [layout.chunk('run', 0).parent.id, ['n', 'payload'], ['payload']],
      [layout.edits().id, Object.keys(sheetEditSchema.shape), ['oldValue', 'newValue']],
    ];
    const expected = blobs.flatMap(([group, stored, fields]) => {
      for (const field of fields) expect(stored).toContain(field);
      return fields.map((field) => `${group}.${field}`);
    });
    expect(indexes.fieldOverrides.map((override) => `${override.collectionGroup}.${override.fieldPath}`).sort()).toEqual(expected.sort());
    for (const override of indexes.fieldOverrides) expect(override.indexes).toEqual([]);
  });
});

describe('the deploy guide and the package, on Node 24', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const pkg = readJson('package.json') as { engines: { node: string }; devDependencies: Record<string, string>; scripts: Record<string, string> };
  const charter = readFileSync(join(ROOT, 'config', 'charter.yaml'), 'utf8');

  it('deploys every function on the nodejs24 runtime, the one package.json and firebase.json name', () => {
    const runtimes = [...readme.matchAll(/--runtime=(\S+)/g)].map((match) => match[1]);
    expect(runtimes).toEqual(['nodejs24', 'nodejs24', 'nodejs24', 'nodejs24']);
    expect(pkg.engines.node).toBe('>=24');
    expect(pkg.devDependencies['@types/node']).toMatch(/^\^24\./);
  });

  it('creates the scheduler job with retries, and a tick timeout equal to the function\'s and the attempt deadline', () => {
    const job = /gcloud scheduler jobs create http[^`]*?(?=\n```|\ngcloud scheduler jobs run)/.exec(readme)?.[0] ?? '';
    expect(job).toMatch(/--max-retry-attempts=3\b/);
    expect(job).toMatch(/--min-backoff=60s\b/);
    expect(job).toMatch(/--max-backoff=600s\b/);
    const deadline = /--attempt-deadline=(\d+)s/.exec(job)?.[1];
    const timeout = /deploy cceg-tick [^`]*?--timeout=(\d+)s/.exec(readme)?.[1];
    const configured = /tickTimeoutSeconds:\s*(\d+)/.exec(charter)?.[1];
    expect([deadline, timeout]).toEqual([configured, configured]);
  });

  it('gives the full login command with the Sheets and Drive scopes, and the emulators their project ID', () => {
    expect(readme).toContain('gcloud auth application-default login --scopes=openid,https://www.googleapis.com/auth/userinfo.email,https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/spreadsheets,https://www.googleapis.com/auth/drive');
    expect(pkg.scripts.emulators).toBe('firebase emulators:start --only firestore --project demo-cceg');
    expect(pkg.scripts['deploy:rules']).toBe('firebase deploy --only firestore');
    expect(pkg.devDependencies['firebase-tools']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
