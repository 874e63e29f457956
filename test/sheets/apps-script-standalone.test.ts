// The staff's standalone project, run in Node: installing the spreadsheet's edit trigger once, removing it, and checkNow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppsScript, projectDir, type FetchAnswer } from '../support/apps-script.js';

const SPREADSHEET_ID = 'Sheet-1';
const PROPERTIES = { CCEG_FUNCTION_URL: 'https://example.org/onSheetEdit', CCEG_WEBHOOK_SECRET: 'shared-secret', CCEG_SPREADSHEET_ID: SPREADSHEET_ID };

interface Trigger {
  handler: string;
  source: string;
}

/** The project's triggers (shared by every account, each seeing only its own) and Script Properties, as `me` runs it. */
function project(options: { me: string; triggers?: (Trigger & { owner: string })[]; properties?: Record<string, string>; answer?: () => FetchAnswer }) {
  const triggers = options.triggers ?? [];
  const asTrigger = (trigger: Trigger) => ({ getHandlerFunction: () => trigger.handler, getTriggerSourceId: () => trigger.source, trigger });
  const script = loadAppsScript({
    project: 'standalone',
    properties: options.properties ?? { ...PROPERTIES },
    ...(options.answer ? { answer: options.answer } : {}),
    globals: {
      Session: { getActiveUser: () => ({ getEmail: () => options.me }), getEffectiveUser: () => ({ getEmail: () => options.me }) },
      ScriptApp: {
        getProjectTriggers: () => triggers.filter((trigger) => trigger.owner === options.me).map(asTrigger),
        deleteTrigger: (wrapped: { trigger: Trigger }) => triggers.splice(triggers.indexOf(wrapped.trigger as Trigger & { owner: string }), 1),
        newTrigger: (handler: string) => ({
          forSpreadsheet: (key: string) => ({
            onEdit: () => ({ create: () => triggers.push({ handler, source: key, owner: options.me }) }),
          }),
        }),
      },
    },
  });
  return { script, triggers };
}

describe('the standalone project\'s manifest', () => {
  it('asks for the scopes a spreadsheet trigger, its posts and its editor\'s e-mail need, and no UI', () => {
    const manifest = JSON.parse(readFileSync(join(projectDir('standalone'), 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; runtimeVersion: string };
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('installTriggers', () => {
  const edit = { handler: 'onEditInstalled', source: SPREADSHEET_ID };

  it('creates one installable onEdit trigger for the spreadsheet of CCEG_SPREADSHEET_ID, and none more when run again', () => {
    const { script, triggers } = project({ me: 'ines@icann.example.org' });
    script.call('installTriggers');
    script.call('installTriggers');
    expect(triggers).toEqual([{ ...edit, owner: 'ines@icann.example.org' }]);
    expect(script.logs).toEqual([expect.stringMatching(/^CCEG IG: Installed: every edit of spreadsheet Sheet-1/), expect.stringMatching(/^CCEG IG: Already installed/)]);
  });

  it('installs nothing, and says why, while CCEG_SPREADSHEET_ID is not set', () => {
    const { script, triggers } = project({ me: 'ines@icann.example.org', properties: { CCEG_WEBHOOK_SECRET: 'shared-secret' } });
    script.call('installTriggers');
    expect(triggers).toEqual([]);
    expect(script.logs).toEqual([expect.stringMatching(/Set the Script Property CCEG_SPREADSHEET_ID/)]);
  });

  it('leaves another account\'s trigger alone and names who installed it', () => {
    const properties = { ...PROPERTIES };
    const first = project({ me: 'ines@icann.example.org', properties });
    first.script.call('installTriggers');
    const second = project({ me: 'other@icann.example.org', triggers: first.triggers, properties });

    second.script.call('installTriggers');
    expect(second.triggers).toEqual([{ ...edit, owner: 'ines@icann.example.org' }]);
    expect(second.script.logs).toEqual([expect.stringMatching(/already installed by ines@icann\.example\.org/)]);
    expect(properties).toMatchObject({ CCEG_TRIGGER_INSTALLED_BY: 'ines@icann.example.org' });
  });

  it('removes only this account\'s edit triggers', () => {
    const { script, triggers } = project({
      me: 'ines@icann.example.org',
      triggers: [{ ...edit, owner: 'ines@icann.example.org' }, { handler: 'somethingElse', source: SPREADSHEET_ID, owner: 'ines@icann.example.org' }, { ...edit, owner: 'other@icann.example.org' }],
    });
    script.call('uninstallTriggers');
    expect(triggers).toEqual([{ handler: 'somethingElse', source: SPREADSHEET_ID, owner: 'ines@icann.example.org' }, { ...edit, owner: 'other@icann.example.org' }]);
  });
});

describe('checkNow', () => {
  it('posts a signed check request for the spreadsheet, naming the account that runs it, and logs that it was checked', () => {
    const { script } = project({ me: 'ines@icann.example.org' });
    script.call('checkNow');
    expect(script.fetches.map((call) => JSON.parse(call.params.payload))).toEqual([{ check: true, spreadsheetId: SPREADSHEET_ID, editor: 'ines@icann.example.org' }]);
    expect(script.fetches[0]!.params.headers['X-CCEG-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(script.logs).toEqual([expect.stringMatching(/^CCEG IG: Checked\./)]);
  });

  it('says, without claiming a check, when onSheetEdit takes only edits (400)', () => {
    const { script } = project({ me: 'ines@icann.example.org', answer: () => ({ status: 400, text: '{"error":{"code":"BAD_REQUEST"}}' }) });
    script.call('checkNow');
    expect(script.logs).toEqual([expect.stringMatching(/does not take "Check now" requests/)]);
  });
});
