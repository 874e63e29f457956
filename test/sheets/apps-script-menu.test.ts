// The Apps Script's menu and trigger installation, run in Node over stand-ins for SpreadsheetApp, ScriptApp and HtmlService.
import { describe, expect, it } from 'vitest';
import { loadAppsScript, type FetchAnswer } from '../support/apps-script.js';

const FILES = ['Signing.gs', 'Edits.gs', 'Webhook.gs', 'Code.gs'];
const SPREADSHEET_ID = 'Sheet-1';
const PROPERTIES = { CCEG_FUNCTION_URL: 'https://example.org/onSheetEdit', CCEG_WEBHOOK_SECRET: 'shared-secret', CCEG_AUDIT_URL: 'https://audit.example.org/' };

interface Trigger {
  handler: string;
  source: string;
}

/** A spreadsheet with its UI, the project's triggers (shared by every account, each seeing only its own), and what was shown. */
function workspace(options: { me: string; triggers?: (Trigger & { owner: string })[]; properties?: Record<string, string>; answer?: () => FetchAnswer }) {
  const triggers = options.triggers ?? [];
  const shown = { alerts: [] as string[], toasts: [] as string[], dialogs: [] as string[], menus: [] as { title: string; items: [string, string][] }[] };
  const spreadsheet = { getId: () => SPREADSHEET_ID, toast: (message: string) => shown.toasts.push(message) };
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
  const asTrigger = (trigger: Trigger) => ({ getHandlerFunction: () => trigger.handler, getTriggerSourceId: () => trigger.source, trigger });
  const script = loadAppsScript({
    files: FILES,
    properties: options.properties ?? { ...PROPERTIES },
    activeUser: options.me,
    ...(options.answer ? { answer: options.answer } : {}),
    globals: {
      SpreadsheetApp: { getUi: () => ui, getActiveSpreadsheet: () => spreadsheet },
      Session: { getActiveUser: () => ({ getEmail: () => options.me }), getEffectiveUser: () => ({ getEmail: () => options.me }) },
      HtmlService: { createHtmlOutput: (content: string) => ({ content, setWidth() { return this; }, setHeight() { return this; } }) },
      ScriptApp: {
        getProjectTriggers: () => triggers.filter((trigger) => trigger.owner === options.me).map(asTrigger),
        deleteTrigger: (wrapped: { trigger: Trigger }) => triggers.splice(triggers.indexOf(wrapped.trigger as Trigger & { owner: string }), 1),
        newTrigger: (handler: string) => ({
          forSpreadsheet: (sheet: { getId(): string }) => ({
            onEdit: () => ({ create: () => triggers.push({ handler, source: sheet.getId(), owner: options.me }) }),
          }),
        }),
      },
    },
  });
  return { script, triggers, shown };
}

describe('the CCEG IG menu', () => {
  it('offers Check now, Draft update report and Open audit log, and the trigger installation', () => {
    const { script, shown } = workspace({ me: 'ines@icann.example.org' });
    script.call('onOpen');
    expect(shown.menus).toEqual([{
      title: 'CCEG IG',
      items: [
        ['Check now', 'menuCheckNow'],
        ['Draft update report', 'menuDraftUpdateReport'],
        ['Open audit log', 'menuOpenAuditLog'],
        ['Install the edit trigger (once, by staff)', 'installTriggers'],
      ],
    }]);
  });

  it('posts a signed check request for the spreadsheet, and says it was checked', () => {
    const { script, shown } = workspace({ me: 'ines@icann.example.org' });
    script.call('menuCheckNow');
    expect(script.fetches.map((call) => JSON.parse(call.params.payload))).toEqual([{ check: true, spreadsheetId: SPREADSHEET_ID, editor: 'ines@icann.example.org' }]);
    expect(script.fetches[0]!.params.headers['X-CCEG-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(shown.toasts.at(-1)).toMatch(/^Checked\./);
  });

  it('explains, without claiming a check, when onSheetEdit takes only edits (400)', () => {
    const { script, shown } = workspace({ me: 'ines@icann.example.org', answer: () => ({ status: 400, text: '{"error":{"code":"BAD_REQUEST"}}' }) });
    script.call('menuCheckNow');
    expect(shown.alerts).toEqual([expect.stringMatching(/does not take "Check now" requests: it checks the whole sheet after every edit and in the daily run/)]);
    expect(shown.toasts.some((toast) => toast.startsWith('Checked'))).toBe(false);
  });

  it('says the update report is drafted by the daily run, and sends nothing', () => {
    const { script, shown } = workspace({ me: 'ines@icann.example.org' });
    script.call('menuDraftUpdateReport');
    expect(script.fetches).toEqual([]);
    expect(shown.alerts).toEqual([expect.stringMatching(/not drafted from this menu\. The daily run .* drafts it/)]);
  });

  it('shows how staff list and verify the audit log, with the audit URL from the Script Properties', () => {
    const { script, shown } = workspace({ me: 'ines@icann.example.org' });
    script.call('menuOpenAuditLog');
    expect(shown.dialogs).toHaveLength(1);
    expect(shown.dialogs[0]).toContain('https://audit.example.org/?action=list');
    expect(shown.dialogs[0]).toContain('https://audit.example.org/?action=verify');
  });
});

describe('installTriggers', () => {
  const edit = { handler: 'onEditInstalled', source: SPREADSHEET_ID };

  it('creates one installable onEdit trigger for the spreadsheet, and none more when run again', () => {
    const { script, triggers, shown } = workspace({ me: 'ines@icann.example.org' });
    script.call('installTriggers');
    script.call('installTriggers');
    expect(triggers).toEqual([{ ...edit, owner: 'ines@icann.example.org' }]);
    expect(shown.alerts).toEqual([expect.stringMatching(/^Installed/), expect.stringMatching(/^Already installed/)]);
  });

  it('leaves another account\'s trigger alone and names who installed it', () => {
    const properties = { ...PROPERTIES };
    const first = workspace({ me: 'ines@icann.example.org', properties });
    first.script.call('installTriggers');
    const second = workspace({ me: 'other@icann.example.org', triggers: first.triggers, properties });

    second.script.call('installTriggers');
    expect(second.triggers).toEqual([{ ...edit, owner: 'ines@icann.example.org' }]);
    expect(second.shown.alerts).toEqual([expect.stringMatching(/already installed by ines@icann\.example\.org/)]);
    expect(properties).toMatchObject({ CCEG_TRIGGER_INSTALLED_BY: 'ines@icann.example.org' });
  });

  it('removes only this account\'s trigger for the spreadsheet', () => {
    const { script, triggers } = workspace({
      me: 'ines@icann.example.org',
      triggers: [{ ...edit, owner: 'ines@icann.example.org' }, { handler: 'somethingElse', source: SPREADSHEET_ID, owner: 'ines@icann.example.org' }],
    });
    script.call('uninstallTriggers');
    expect(triggers).toEqual([{ handler: 'somethingElse', source: SPREADSHEET_ID, owner: 'ines@icann.example.org' }]);
  });
});
