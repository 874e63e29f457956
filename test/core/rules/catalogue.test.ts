// The rule catalogue matches RULES.md: every ID, exactly once, with its severity and a § reference.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHARTER_RULES } from '../../../functions/core/rules/catalogue.js';
import { ACCESS_RULE_IDS, CHARTER_RULE_IDS, DATA_RULE_IDS, isDataRule, WORKBOOK_DATA_RULE_IDS } from '../../../functions/core/rule-ids.js';

const rulesMd = readFileSync(fileURLToPath(new URL('../../../../shared/spec/RULES.md', import.meta.url)), 'utf8');
const catalogued = [...rulesMd.matchAll(/^\| `([a-z]+\.[a-z-]+)` \| (error|warning) \|/gm)].map(([, id, severity]) => ({ id, severity }));

describe('the rule catalogue', () => {
  it('reads the IDs of RULES.md', () => {
    expect(catalogued.length).toBe(DATA_RULE_IDS.length + CHARTER_RULE_IDS.length);
  });

  it('knows every ID of RULES.md, and no other', () => {
    expect(catalogued.map((rule) => rule.id).sort()).toEqual([...DATA_RULE_IDS, ...CHARTER_RULE_IDS].sort());
  });

  it('implements every charter rule exactly once, with the severity RULES.md gives it', () => {
    const implemented = CHARTER_RULES.map((rule) => ({ id: rule.id, severity: rule.severity }));
    const expected = catalogued.filter((rule) => (CHARTER_RULE_IDS as readonly string[]).includes(rule.id as string));
    expect(implemented).toEqual(expected);
  });

  it('keeps the rules it adds out of RULES.md, and holds back the row of a data rule it adds', () => {
    const ids = catalogued.map((rule) => rule.id);
    for (const id of [...WORKBOOK_DATA_RULE_IDS, ...ACCESS_RULE_IDS]) expect(ids).not.toContain(id);
    expect(WORKBOOK_DATA_RULE_IDS.map(isDataRule)).toEqual(WORKBOOK_DATA_RULE_IDS.map(() => true));
    expect(ACCESS_RULE_IDS.map(isDataRule)).toEqual(ACCESS_RULE_IDS.map(() => false));
  });

  it('gives every charter rule a § reference', () => {
    for (const rule of CHARTER_RULES) expect(rule.charter).toMatch(/§\d/);
  });
});
