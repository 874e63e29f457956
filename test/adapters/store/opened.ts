// What a contract suite opens: a store port, and the close that ends the store behind it.
/** Port `P` of a store the suite opened itself and closes after each case. */
export type Opened<P> = P & { close(): Promise<void> };
