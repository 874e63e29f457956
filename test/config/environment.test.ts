// The environment variables the product reads, each parsed once: here, the switch of a CLI sync's store warm-up.
import { describe, expect, it } from 'vitest';
import { readEnvironment } from '../../functions/config/environment.js';

describe('readEnvironment', () => {
  it.each([
    ['on', true],
    ['off', false],
    ['', undefined],
    ['yes', undefined],
    [undefined, undefined],
  ])('reads CCEG_STORE_WARM_UP=%s as %s (unset: the CPUs decide)', (value, expected) => {
    expect(readEnvironment(value === undefined ? {} : { CCEG_STORE_WARM_UP: value }).storeWarmUp).toBe(expected);
  });
});
