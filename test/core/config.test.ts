// The charter parameters' schema (functions/core/config.ts): the plain defaults are the schema's own, and the schema, built on first use, validates as ever.
import { describe, expect, it } from 'vitest';
import { charterConfigSchema, DEFAULT_CONFIG, DEFAULT_LIMITS } from '../../functions/core/config.js';

describe('the charter config', () => {
  it('gives as DEFAULT_CONFIG exactly what the schema makes of no settings at all, key for key and in its order', () => {
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(JSON.stringify(charterConfigSchema().parse({})));
  });

  it('gives as DEFAULT_LIMITS the default limits, a plain object like any parsed config', () => {
    expect(DEFAULT_LIMITS).toEqual(charterConfigSchema().parse({}).limits);
    expect(structuredClone(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
  });

  it('hands out a fresh list for each default, so that a parsed config shares none with DEFAULT_CONFIG', () => {
    const parsed = charterConfigSchema().parse({});
    parsed.access.staff.push('someone@example.org');

    expect(DEFAULT_CONFIG.access.staff).toEqual([]);
    expect(charterConfigSchema().parse({}).access.staff).toEqual([]);
  });

  it.each([
    [{ members: { min: 6 } }, ['members', 'min']],
    [{ limits: { cellsPerRow: 20_000 } }, ['limits', 'cellsPerRow']],
    [{ access: { staff: ['not-an-e-mail'] } }, ['access', 'staff', 0]],
  ])('refuses %j at the key %j', (input, path) => {
    const result = charterConfigSchema().safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
