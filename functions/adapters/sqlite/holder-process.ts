// The process that holds a SQLite lease (PID and host name), and whether it is gone, so that its lease can be taken over.
import { hostname } from 'node:os';

/** A process that takes leases through a store: its PID and the name of the host it runs on. */
export interface HolderProcess {
  readonly pid: number;
  readonly host: string;
}

/** This process. */
export function thisProcess(): HolderProcess {
  return { pid: process.pid, host: hostname() };
}

/**
 * True when the lease's process ran on this host and is gone: no process has its PID (`kill(pid, 0)` fails with
 * ESRCH). A lease taken on another host, or by a store that did not record its process, is never judged gone.
 */
export function holderIsGone(holder: { readonly pid: number | null; readonly host: string | null }, here: HolderProcess): boolean {
  if (holder.pid === null || holder.host !== here.host || !Number.isSafeInteger(holder.pid) || holder.pid <= 0) return false;
  if (holder.pid === here.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
