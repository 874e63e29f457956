// The script bound to the spreadsheet, run in Node: the CCEG IG menu, its requests (the user's ID token, never the secret).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppsScript, projectDir, projectFiles, watchedPropertiesStandIn, type AppsScriptSandbox, type FetchAnswer, type FetchCall } from '../support/apps-script.js';

const SPREADSHEET_ID = 'Sheet-1';
const SECRET_PROPERTY = 'CCEG_WEBHOOK_SECRET';
/** What an editor could have left in the bound script's properties: the audit URL, and a secret it must never use. */
const PROPERTIES = {
  CCEG_AUDIT_URL: 'https://audit.example.org/', CCEG_CALENDAR_URL: 'https://calendar.example.org/',
  [SECRET_PROPERTY]: 'left-here-by-an-editor', CCEG_FUNCTION_URL: 'https://example.org/onSheetEdit',
};
/** The ID token the stand-in ScriptApp gives the menu. */
const ID_TOKEN = 'header.payload.signature';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A tab in the stand-in spreadsheet: its name, header and rows of display values, and the selected row. */
interface ActiveTab {
  readonly name: string;
  readonly rows: string[][];
  readonly selectedRow: number;
}

const ROSTER: ActiveTab = { name: 'Roster', rows: [['ID', 'Name', 'Role'], ['P-0001', 'Ana Costa', 'Chair'], ['', 'New person', 'Member']], selectedRow: 2 };

/** The stand-in sheet of `tab`: name, selection, last column and ranges of display values. */
function sheetOf(tab: ActiveTab) {
  const cell = (row: number, column: number) => tab.rows[row - 1]?.[column - 1] ?? '';
  return {
    getName: () => tab.name,
    getActiveRange: () => ({ getRow: () => tab.selectedRow }),
    getLastColumn: () => Math.max(0, ...tab.rows.map((row) => row.length)),
    getRange: (row: number, column: number, rows = 1, columns = 1) => ({
      getDisplayValue: () => cell(row, column),
      getDisplayValues: () => Array.from({ length: rows }, (_r, r) => Array.from({ length: columns }, (_c, c) => cell(row + r, column + c))),
    }),
  };
}

/** The bound project over a spreadsheet with its UI; every read of the secret, by any store, is recorded in `secretReads`. */
function boundWorkspace(options: { me?: string; tab?: ActiveTab; answer?: (call: FetchCall) => FetchAnswer; properties?: Record<string, string>; token?: string | null } = {}) {
  const me = options.me ?? 'sec@gnso.example.org';
  const shown = { alerts: [] as string[], toasts: [] as string[], dialogs: [] as string[], titles: [] as string[], menus: [] as { title: string; items: [string, string][] }[] };
  const secretReads: string[] = [];
  const ui = {
    ButtonSet: { OK: 'OK' },
    alert: (title: string, message?: string) => shown.alerts.push(message ?? title),
    showModalDialog: (html: { content: string }, title: string) => shown.dialogs.push(html.content) && shown.titles.push(title),
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
    ...(options.answer ? { answer: options.answer } : {}),
    globals: {
      PropertiesService: watchedPropertiesStandIn({ ...(options.properties ?? PROPERTIES) }, SECRET_PROPERTY, (how) => secretReads.push(how)),
      ScriptApp: { getIdentityToken: () => (options.token === undefined ? ID_TOKEN : options.token) },
      SpreadsheetApp: {
        getUi: () => ui,
        getActiveSpreadsheet: () => ({ getId: () => SPREADSHEET_ID, toast: (message: string) => shown.toasts.push(message) }),
        getActiveSheet: () => sheetOf(options.tab ?? ROSTER),
      },
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
    expect(source).not.toMatch(/computeHmac|X-CCEG-Signature|CCEG_FUNCTION_URL/);
  });

  it('has a manifest with the ID token\'s scopes (openid, e-mail) and fetching, but none that creates triggers or reaches other files', () => {
    const manifest = JSON.parse(readFileSync(join(projectDir('bound'), 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
      'openid',
    ]);
  });

  it('never reads the secret from any property store, whichever of its functions runs', () => {
    const { script, secretReads } = boundWorkspace();
    const names = definedFunctions(script);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'menuCheckNow', 'menuDraftUpdateReport', 'menuOpenAuditLog', 'menuHistoryOfThisRow', 'menuSubscribeToCalendar']));

    for (const name of names) {
      try {
        script.call(name);
      } catch {
        // A function that needs arguments may throw here; only reading the secret matters.
      }
    }
    expect(secretReads).toEqual([]);
    // What it fetches goes to the audit or calendar function only, with the user's ID token and nothing signed (a helper
    // called here without its URL argument fetches `undefined`, which reaches no function).
    expect(script.fetches.length).toBeGreaterThan(0);
    for (const call of script.fetches) {
      if (call.url !== undefined) expect(call.url).toMatch(/^https:\/\/(audit|calendar)\.example\.org\/\?action=/);
      expect(call.params.headers).toEqual({ Authorization: `Bearer ${ID_TOKEN}` });
    }
  });
});

describe('the CCEG IG menu', () => {
  it('offers Check now, Draft update report, Open audit log, History of this row, Subscribe to the calendar, and nothing that installs a trigger', () => {
    const { script, shown } = boundWorkspace();
    script.call('onOpen');
    expect(shown.menus).toEqual([{
      title: 'CCEG IG',
      items: [
        ['Check now', 'menuCheckNow'], ['Draft update report', 'menuDraftUpdateReport'], ['Open audit log', 'menuOpenAuditLog'],
        ['History of this row', 'menuHistoryOfThisRow'], ['Subscribe to the calendar', 'menuSubscribeToCalendar'],
      ],
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

});

/** An answer of the audit function: a link for `?action=link`. */
const linkAnswer = (url = 'https://audit.example.org/?action=page&by=ines%40icann.example.org&entity=Roster%2FP-0001&expires=1&sig=abc') =>
  (): FetchAnswer => ({ status: 200, text: JSON.stringify({ url, expiresAt: '2018-10-30T09:22:00.000Z' }) });
const errorAnswer = (status: number, message: string) => (): FetchAnswer => ({ status, text: JSON.stringify({ error: { code: 'X', message } }) });

describe('History of this row', () => {
  it('asks the audit function for a link to the selected row\'s record with the user\'s ID token, and shows it to open in a new tab', () => {
    const { script, shown } = boundWorkspace({ answer: linkAnswer() });
    script.call('menuHistoryOfThisRow');

    expect(script.fetches).toEqual([{
      url: 'https://audit.example.org/?action=link&entity=Roster%2FP-0001',
      params: { method: 'get', headers: { Authorization: `Bearer ${ID_TOKEN}` }, muteHttpExceptions: true },
    }]);
    expect(shown.titles).toEqual(['CCEG IG: history of Roster/P-0001']);
    const dialog = shown.dialogs[0]!;
    expect(dialog).toContain('<a href="https://audit.example.org/?action=page&amp;by=ines%40icann.example.org&amp;entity=Roster%2FP-0001&amp;expires=1&amp;sig=abc" target="_blank" rel="noopener">Open the history of Roster/P-0001</a>');
    expect(dialog).toContain('window.open("https://audit.example.org/?action=page&by=ines%40icann.example.org&entity=Roster%2FP-0001&expires=1&sig=abc", "_blank", "noopener")');
  });

  it('finds the record by the Code column on the Organizations tab', () => {
    const tab = { name: 'Organizations', rows: [['Code', 'Name'], ['GNSO', 'Generic Names']], selectedRow: 2 };
    const { script } = boundWorkspace({ tab, answer: linkAnswer() });
    script.call('menuHistoryOfThisRow');
    expect(script.fetches[0]!.url).toBe('https://audit.example.org/?action=link&entity=Organizations%2FGNSO');
  });

  it.each<[string, ActiveTab, RegExp]>([
    ['a row with no ID yet', { ...ROSTER, selectedRow: 3 }, /Row 3 of Roster has no ID yet/],
    ['the header row', { ...ROSTER, selectedRow: 1 }, /row below the header/],
    ['a system tab', { name: 'Findings', rows: [['Severity', 'Rule']], selectedRow: 2 }, /Findings tab is rewritten by CCEG IG Ops/],
    ['a tab without an ID column', { name: 'Notes', rows: [['Note'], ['hello']], selectedRow: 2 }, /Notes tab has no ID column/],
  ])('says so, and asks nothing, for %s', (_name, tab, message) => {
    const { script, shown } = boundWorkspace({ tab });
    script.call('menuHistoryOfThisRow');
    expect(script.fetches).toEqual([]);
    expect(shown.alerts).toEqual([expect.stringMatching(message)]);
  });

  it('tells someone off the staff allow-list what the function said, escaped nowhere because an alert is text', () => {
    const { script, shown } = boundWorkspace({ answer: errorAnswer(403, 'sec@gnso.example.org is not on the staff allow-list (access.staff).') });
    script.call('menuHistoryOfThisRow');
    expect(shown.dialogs).toEqual([]);
    expect(shown.alerts).toEqual(['Only ICANN staff on the allow-list can read the audit log. sec@gnso.example.org is not on the staff allow-list (access.staff).']);
  });

  it.each<[string, Parameters<typeof boundWorkspace>[0], RegExp]>([
    ['no audit URL', { properties: {} }, /Script Property CCEG_AUDIT_URL/],
    ['no identity token', { token: null }, /no identity token: reload the spreadsheet/],
    ['a network failure', { answer: () => new Error('DNS error') }, /could not be sent \(DNS error\)/],
    ['a 401', { answer: errorAnswer(401, 'The token has expired.') }, /did not accept your Google identity\. The token has expired\./],
    ['a 500 that is no JSON', { answer: () => ({ status: 500, text: '<html>' }) }, /answered HTTP 500/],
    ['a link that is no https URL', { answer: linkAnswer('javascript:alert(1)') }, /answered HTTP 200/],
  ])('shows a clear alert for %s', (_name, options, message) => {
    const { script, shown } = boundWorkspace(options);
    script.call('menuHistoryOfThisRow');
    expect(shown.dialogs).toEqual([]);
    expect(shown.alerts).toEqual([expect.stringMatching(message)]);
  });

  it('escapes a hostile link in the attribute and cannot end the script with it', () => {
    const url = `https://audit.example.org/?x=</script>${HOSTILE}`.replace(/[\s"'<>]/g, '') + '&q=%3C';
    const { script, shown } = boundWorkspace({ answer: linkAnswer(url) });
    script.call('menuHistoryOfThisRow');
    expect(shown.dialogs).toHaveLength(1);
    expect(shown.dialogs[0]).not.toMatch(/<\/script>[^]*<\/script>/);
    const hostileTab = { name: 'Roster', rows: [['ID'], [HOSTILE]], selectedRow: 2 };
    const hostile = boundWorkspace({ tab: hostileTab, answer: linkAnswer() });
    hostile.script.call('menuHistoryOfThisRow');
    expect(hostile.shown.dialogs[0]).toContain('Open the history of Roster/&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile.shown.dialogs[0]).not.toContain('<img');
  });
});

describe('Open audit log', () => {
  it('asks for a link to the whole log, with no entity', () => {
    const { script, shown } = boundWorkspace({ answer: linkAnswer('https://audit.example.org/?action=page&by=a&expires=1&sig=abc') });
    script.call('menuOpenAuditLog');
    expect(script.fetches.map((call) => call.url)).toEqual(['https://audit.example.org/?action=link']);
    expect(shown.dialogs[0]).toContain('>Open the audit log</a>');
  });
});

describe('Subscribe to the calendar', () => {
  const feed = 'https://calendar.example.org/?token=0123456789abcdef0123456789abcdef';

  it('asks the calendar function with the user\'s ID token and shows the feed URL and its webcal:// form', () => {
    const { script, shown } = boundWorkspace({ answer: () => ({ status: 200, text: JSON.stringify({ url: feed, audience: 'GNSO' }) }) });
    script.call('menuSubscribeToCalendar');

    expect(script.fetches).toEqual([{
      url: 'https://calendar.example.org/?action=subscribe',
      params: { method: 'get', headers: { Authorization: `Bearer ${ID_TOKEN}` }, muteHttpExceptions: true },
    }]);
    expect(shown.dialogs[0]).toContain(`value="${feed}"`);
    expect(shown.dialogs[0]).toContain('href="webcal://calendar.example.org/?token=0123456789abcdef0123456789abcdef"');
    expect(shown.dialogs[0]).toContain('for <b>GNSO</b>');
  });

  it('escapes what the function answers', () => {
    const { script, shown } = boundWorkspace({ answer: () => ({ status: 200, text: JSON.stringify({ url: `${feed}&a=1`, audience: HOSTILE }) }) });
    script.call('menuSubscribeToCalendar');
    expect(shown.dialogs[0]).not.toContain('<img');
    expect(shown.dialogs[0]).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(shown.dialogs[0]).toContain(`value="${feed}&amp;a=1"`);
  });

  it.each<[string, Parameters<typeof boundWorkspace>[0], string]>([
    ['no feed for the user (404)', { answer: () => ({ status: 404, text: JSON.stringify({ error: 'No organization of yours has a calendar feed.' }) }) },
      'There is no calendar feed for you. No organization of yours has a calendar feed.'],
    ['a refused identity (403)', { answer: errorAnswer(403, 'Who are you?') }, 'The calendar did not accept your Google identity. Who are you?'],
    ['a refused identity (401)', { answer: errorAnswer(401, 'The token has expired.') }, 'The calendar did not accept your Google identity. The token has expired.'],
    ['no calendar URL', { properties: { CCEG_AUDIT_URL: 'https://audit.example.org/' } }, 'The calendar\'s address is not set (Script Property CCEG_CALENDAR_URL): ask ICANN staff.'],
  ])('says why there is nothing to subscribe to on %s', (_name, options, message) => {
    const { script, shown } = boundWorkspace(options);
    script.call('menuSubscribeToCalendar');
    expect(shown.dialogs).toEqual([]);
    expect(shown.alerts).toEqual([message]);
  });
});
