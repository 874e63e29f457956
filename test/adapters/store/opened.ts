// What a contract suite opens: a store port, and the close that ends the store behind it; opened afresh for each case.
import { afterEach, beforeEach } from 'vitest';

/** Port `P` of a store the suite opened itself and closes after each case. */
export type Opened<P> = P & { close(): Promise<void> };

/** Opens a fresh store with `open` before each case of the enclosing suite and closes it after; `keep` receives it. */
export function openForEachCase<P>(open: () => Promise<Opened<P>>, keep: (store: Opened<P>) => void): void {
  let opened: Opened<P> | undefined;
  beforeEach(async () => {
    opened = await open();
    keep(opened);
  });
  afterEach(async () => {
    await opened?.close();
  });
}
