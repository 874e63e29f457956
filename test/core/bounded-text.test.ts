// Bounded text: quoted values of at most 60 characters and messages of at most 1,000, clipped with "…".
import { describe, expect, it } from 'vitest';
import { boundedMessage, CELL_MAX, clipText, QUOTED_MAX } from '../../functions/core/bounded-text.js';
import { boundFindings, type Finding } from '../../functions/core/findings.js';

describe('clipText', () => {
  it('leaves short text alone and ends clipped text with "…" at exactly the maximum', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never cuts an emoji in half', () => {
    const clipped = clipText(`${'x'.repeat(8)}😀😀`, 10);
    expect(clipped).toBe(`${'x'.repeat(8)}…`);
    expect(clipped.isWellFormed()).toBe(true);
  });
});

describe('boundedMessage', () => {
  it('clips a quoted value of 32,767 characters to 60, keeping the words around it', () => {
    const message = boundedMessage(`Organization "${'G'.repeat(32_767)}": no such organization code in the Organizations tab.`);
    expect(message).toBe(`Organization "${'G'.repeat(QUOTED_MAX - 1)}…": no such organization code in the Organizations tab.`);
  });

  it('clips an unquoted name typed without spaces, and the whole message to 1,000 characters', () => {
    expect(boundedMessage(`${'A'.repeat(500)} (P-0005) is a Member`)).toBe(`${'A'.repeat(59)}… (P-0005) is a Member`);
    const words = boundedMessage(`${'word '.repeat(1000)}end`);
    expect(words).toHaveLength(CELL_MAX);
    expect(words.endsWith('…')).toBe(true);
  });
});

describe('boundFindings', () => {
  it('bounds every message and ID, and returns the same finding when there is nothing to clip', () => {
    const short: Finding = { rule: 'ref.unknown', severity: 'error', tab: 'Roster', row: 2, column: 'Organization', id: 'P-0001', message: 'ok', charter: null };
    const long: Finding = { ...short, id: 'P'.repeat(200), message: `"${'x'.repeat(5000)}"` };
    const [kept, clipped] = boundFindings([short, long]);
    expect(kept).toBe(short);
    expect(clipped!.id).toHaveLength(QUOTED_MAX);
    expect(clipped!.message).toHaveLength(QUOTED_MAX + 2);
  });
});

describe('boundedMessage, against its definition by regular expressions', () => {
  /** The definition: quoted values, then unbroken runs, clipped to QUOTED_MAX; the whole to CELL_MAX. */
  function reference(message: string): string {
    if (message.length <= QUOTED_MAX) return message;
    const quoted = message.replace(/"([^"]{61,})"/g, (_match, value: string) => `"${clipText(value, QUOTED_MAX)}"`);
    return clipText(quoted.replace(/[^\s"]{61,}/g, (run) => clipText(run, QUOTED_MAX)), CELL_MAX);
  }

  /** Messages of every kind that matters: short and long words, quotes near and far apart, tabs, NBSP, long texts. */
  function messages(): string[] {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pieces = ['Roster row 12', '"', ' ', '\t', '\u00a0', 'x'.repeat(59), 'y'.repeat(60), 'z'.repeat(61), 'w'.repeat(120), 'a b c '.repeat(12), 'é🌍', '\n'];
    const made: string[] = [];
    for (let count = 0; count < 3_000; count++) {
      let text = '';
      const length = 1 + Math.floor(random() * 12);
      for (let piece = 0; piece < length; piece++) text += pieces[Math.floor(random() * pieces.length)];
      made.push(text);
    }
    made.push('q'.repeat(CELL_MAX + 5), `"${'long value '.repeat(10)}" and "${'v'.repeat(70)}"`, `"${'a'.repeat(58)}" "${'b'.repeat(58)}"`);
    return made;
  }

  it('gives the same text for thousands of messages of every shape', () => {
    for (const message of messages()) expect(boundedMessage(message), JSON.stringify(message)).toBe(reference(message));
  });
});
