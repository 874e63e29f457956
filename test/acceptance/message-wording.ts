// What a finding message must not say: "(s)", a group's setting passed off as the charter's number, a setting that does not exist.
import type { CharterConfig } from '../../functions/core/config.js';
import { CHARTER_NUMBERS } from '../../functions/core/rules/number-source.js';

/** The sections of the config that hold the charter parameters the rules read. */
const RULE_SECTIONS = ['members', 'soi', 'diversity', 'schedule', 'boardCoordination', 'reports', 'papers', 'endorsements', 'consensus', 'review', 'continuation'];

/** Every numeric rule parameter of `config`, by its dotted key. */
function ruleSettings(config: CharterConfig): Map<string, number> {
  const settings = new Map<string, number>();
  for (const section of RULE_SECTIONS) {
    for (const [name, value] of Object.entries(config[section as keyof CharterConfig] as Record<string, unknown>)) {
      if (typeof value === 'number') settings.set(`${section}.${name}`, value);
    }
  }
  return settings;
}

/** How a value can be written in a message: 14, and 25% for a share of 0.25. */
function spellings(value: number): string[] {
  return value > 0 && value < 1 ? [String(value), `${Math.round(value * 1000) / 10}%`] : [String(value)];
}

/** The standalone numbers of a text, leaving out dates, § references and IDs such as ICANN62 or PP-0001. */
function numbersIn(text: string): string[] {
  const plain = text.replace(/\d{4}-\d{2}-\d{2}/g, ' ').replace(/§\s*\d+/g, ' ').replace(/item \d+/g, ' ');
  return [...plain.matchAll(/(?<![\w.-])\d+(?:\.\d+)?%?(?![\w-])/g)].map(([number]) => number);
}

/** What is wrong with the wording of a message drawn with `config`; empty when nothing is. */
export function wordingProblems(message: string, config: CharterConfig): string[] {
  const problems: string[] = [];
  if (message.includes('(s)')) problems.push('says "(s)" instead of counting in the right number');
  const settings = ruleSettings(config);
  const charterValues = new Set(Object.values(CHARTER_NUMBERS).flatMap(spellings));
  // Numbers the group chose: every setting the charter does not state, and a charter number the group changed.
  const groupValues = new Set([...settings].filter(([key, value]) => (CHARTER_NUMBERS as Record<string, number>)[key] !== value).flatMap(([, value]) => spellings(value)));
  for (const clause of message.split(/[;()]|\.\s/)) {
    if (!/the charter(?:'s)?\b/i.test(clause)) continue;
    for (const number of numbersIn(clause)) {
      if (groupValues.has(number) && !charterValues.has(number)) problems.push(`says the charter sets ${number}, a value of the group's settings: "${clause.trim()}"`);
    }
  }
  for (const [, key] of message.matchAll(/(?:the group's|its) setting ([\w.]+)/g)) {
    const value = settings.get(key ?? '');
    if (value === undefined) problems.push(`names a setting ${key} that config/charter.yaml does not have`);
    else if (!spellings(value).some((spelled) => numbersIn(message).includes(spelled))) problems.push(`names the setting ${key} without its value ${value}`);
  }
  return problems;
}
