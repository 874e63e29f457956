// The calendar's token check: the audience of a configured token, and null for anything else.
import { describe, expect, it } from 'vitest';
import { tokenMatcher } from '../../functions/entry/calendar.js';

const TOKENS = { chairs: 'c'.repeat(40), GAC: 'g'.repeat(40) };

describe('tokenMatcher', () => {
  it.each([
    { name: "the chairs' token", candidate: 'c'.repeat(40), audience: 'chairs' },
    { name: "GAC's token", candidate: 'g'.repeat(40), audience: 'GAC' },
    { name: 'a token one character short', candidate: 'g'.repeat(39), audience: null },
    { name: 'a token one character long', candidate: 'g'.repeat(41), audience: null },
    { name: 'a token in another case', candidate: 'G'.repeat(40), audience: null },
    { name: 'the empty string', candidate: '', audience: null },
  ])('finds the audience of $name', ({ candidate, audience }) => {
    expect(tokenMatcher(TOKENS)(candidate)).toBe(audience);
  });

  it('matches nothing when no token is configured, not even the empty string', () => {
    const match = tokenMatcher({});
    expect(match('')).toBeNull();
    expect(match('c'.repeat(40))).toBeNull();
  });
});
