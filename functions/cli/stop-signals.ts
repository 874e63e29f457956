// SIGINT and SIGTERM during a CLI run: the run's own cleanup first, then exit 130 or 143 (128 + the signal's number).

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A signal that asks a run to stop. */
export type StopSignal = keyof typeof EXIT_CODES;

/** What a run does when it is asked to stop, before the process exits; it writes its own one line on stderr. */
export type StopCleanup = (signal: StopSignal) => Promise<void>;

/** Stops watching for the signals; never settles when a stop is under way (its cleanup ends the process). */
export type StopWatching = () => Promise<void>;

const nextLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Until the returned function has settled, SIGINT or SIGTERM runs `cleanup` and then ends the process with 130 or 143.
 * A second signal while the cleanup runs ends the process at once.
 */
export function onStopSignal(cleanup: StopCleanup): StopWatching {
  let stopping = false;
  const listener = (signal: StopSignal): void => {
    if (stopping) process.exit(EXIT_CODES[signal]);
    stopping = true;
    void cleanup(signal).catch(() => undefined).finally(() => process.exit(EXIT_CODES[signal]));
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return async () => {
    // A signal that arrived while the run's last steps never yielded to the event loop is only read from the loop's
    // signal pipe when it polls again: let it poll once more, or removing the listener would drop that signal unseen.
    await nextLoopTurn();
    await nextLoopTurn();
    if (stopping) return new Promise<never>(() => undefined);
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}
