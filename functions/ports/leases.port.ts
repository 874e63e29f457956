// The leases port: named, expiring locks that serialize syncs of one workbook across processes.
/** Where leases are kept (the record store's database). */
export interface Leases {
  /**
   * Takes the lease `key` for `holder` until `now + ttlMs`; false while another holder's lease has not expired, unless
   * the store can tell that the holder's process is gone (SQLite on the same host: it records each lease's PID and host).
   */
  acquireLease(key: string, holder: string, ttlMs: number, now: Date): Promise<boolean>;
  /** Gives the lease back (only its holder can). */
  releaseLease(key: string, holder: string): Promise<void>;
}
