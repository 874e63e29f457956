// The script bound to the spreadsheet, run in Node: the CCEG IG menu, and no file or function of it ever reads the secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppsScript, projectDir, projectFiles, watchedPropertiesStandIn, type AppsScriptSandbox } from '../support/apps-script.js';

const SPREADSHEET_ID = 'Sheet-1';
const SECRET_PROPERTY = 'CCEG_WEBHOOK_SECRET';
/** What an editor could have left in the bound script's properties: the audit URL, and a secret it must never use. */
const PROPERTIES = { CCEG_AUDIT_URL: 'https://audit.example.org/', [SECRET_PROPERTY]: 'left-here-by-an-editor', CCEG_FUNCTION_URL: 'https://example.org/onSheetEdit' };

/** The bound project over a spreadsheet with its UI; every read of the secret, by any store, is recorded in `secretReads`. */
function boundWorkspace(me = 'sec@gnso.example.org') {
  const shown = { alerts: [] as string[], toasts: [] as string[], dialogs: [] as string[], menus: [] as { title: string; items: [string, string][] }[] };
  const secretReads: string[] = [];
  const ui = {
    ButtonSet: { OK: 'OK' },
    alert: (title: string, message?: string) => shown.alerts.push(message ?? title),
    showModalDialog: (html: { content: string }) => shown.dialogs.push(html.content),
    createMenu(title: string) {
      const menu = { title, items: [] as [string, string][] };
      const builder = {
        addItem: (caption: string, fn: string) => (menu.items.push([caption, fn]), builder),
        addSeparator: () => builder,
        addToUi: () => shown.menus.push(menu),
      };
      return builder;
    },
  };
  const script = loadAppsScript({
    project: 'bound',
    activeUser: me,
    globals: {
      PropertiesService: watchedPropertiesStandIn({ ...PROPERTIES }, SECRET_PROPERTY, (how) => secretReads.push(how)),
      SpreadsheetApp: { getUi: () => ui, getActiveSpreadsheet: () => ({ getId: () => SPREADSHEET_ID, toast: (message: string) => shown.toasts.push(message) }) },
      Session: { getActiveUser: () => ({ getEmail: () => me }), getEffectiveUser: () => ({ getEmail: () => me }) },
      HtmlService: { createHtmlOutput: (content: string) => ({ content, setWidth() { return this; }, setHeight() { return this; } }) },
    },
  });
  return { script, shown, secretReads };
}

/** Every function the bound project defines, as global names. */
function definedFunctions(script: AppsScriptSandbox): string[] {
  return Object.keys(script.global).filter((name) => typeof script.global[name] === 'function');
}

describe('the bound project holds no secret', () => {
  it.each(projectFiles('bound'))('%s names neither the secret nor any signing', (file) => {
    const source = readFileSync(join(projectDir('bound'), file), 'utf8');
    expect(source).not.toContain(SECRET_PROPERTY);
    expect(source).not.toMatch(/computeHmac|X-CCEG-Signature|UrlFetchApp/);
  });

  it('has a manifest that cannot reach the network or create triggers', () => {
    const manifest = JSON.parse(readFileSync(join(projectDir('bound'), 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/script.external_request');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/script.scriptapp');
  });

  it('never reads the secret from any property store, whichever of its functions runs', () => {
    const { script, secretReads } = boundWorkspace();
    const names = definedFunctions(script);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'menuCheckNow', 'menuDraftUpdateReport', 'menuOpenAuditLog']));

    for (const name of names) {
      try {
        script.call(name);
      } catch {
        // A function that needs arguments may throw here; only reading the secret matters.
      }
    }
    expect(secretReads).toEqual([]);
    expect(script.fetches).toEqual([]);
  });
});

describe('the CCEG IG menu', () => {
  it('offers Check now, Draft update report and Open audit log, and nothing that installs a trigger', () => {
    const { script, shown } = boundWorkspace();
    script.call('onOpen');
    expect(shown.menus).toEqual([{
      title: 'CCEG IG',
      items: [['Check now', 'menuCheckNow'], ['Draft update report', 'menuDraftUpdateReport'], ['Open audit log', 'menuOpenAuditLog']],
    }]);
  });

  it('answers Check now by saying when the sheet is checked and how staff check it at once, and sends nothing', () => {
    const { script, shown, secretReads } = boundWorkspace();
    script.call('menuCheckNow');

    expect(script.fetches).toEqual([]);
    expect(secretReads).toEqual([]);
    expect(shown.alerts).toEqual([expect.stringMatching(/checked within seconds of every edit[\s\S]*daily run[\s\S]*ICANN staff[\s\S]*checkNow/)]);
  });

  it('says the update report is drafted by the daily run, and sends nothing', () => {
    const { script, shown } = boundWorkspace();
    script.call('menuDraftUpdateReport');
    expect(script.fetches).toEqual([]);
    expect(shown.alerts).toEqual([expect.stringMatching(/not drafted from this menu\. The daily run .* drafts it/)]);
  });

  it('shows how staff list and verify the audit log, with the audit URL from the Script Properties', () => {
    const { script, shown } = boundWorkspace();
    script.call('menuOpenAuditLog');
    expect(shown.dialogs).toHaveLength(1);
    expect(shown.dialogs[0]).toContain('https://audit.example.org/?action=list');
    expect(shown.dialogs[0]).toContain('https://audit.example.org/?action=verify');
  });
});
