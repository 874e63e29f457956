// Which sync stores get the warm-up thread: big enough files on machines with a second CPU, unless CCEG_STORE_WARM_UP says.
import { describe, expect, it } from 'vitest';
import { storeWarmsUp } from '../../functions/cli/store-source.js';

const MB = 1024 * 1024;

describe('the store warm-up thread', () => {
  it('starts for a store of 16 MB or more on a machine with 2 CPUs or more', () => {
    expect(storeWarmsUp(51 * MB, 2, undefined)).toBe(true);
    expect(storeWarmsUp(16 * MB, 8, undefined)).toBe(true);
  });

  it('does not start for a smaller store, where starting a thread takes longer than what it spares, or on one CPU', () => {
    expect(storeWarmsUp(5 * MB, 8, undefined)).toBe(false);
    expect(storeWarmsUp(51 * MB, 1, undefined)).toBe(false);
  });

  it('starts or not as CCEG_STORE_WARM_UP says, whatever the store and the machine', () => {
    expect(storeWarmsUp(0, 1, true)).toBe(true);
    expect(storeWarmsUp(51 * MB, 8, false)).toBe(false);
  });
});
