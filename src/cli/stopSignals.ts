/**
 * SIGINT and SIGTERM for the runner: the first one aborts the returned signal (the pool stops
 * every run at its next step and the runner writes what it has); a second one exits at once.
 * Exit codes follow the shell's 128 + signal number: 130 for SIGINT, 143 for SIGTERM.
 */
import { constants } from 'node:os';

export type StopSignalName = 'SIGINT' | 'SIGTERM';

export function exitCodeOf(name: StopSignalName): number {
  return 128 + constants.signals[name];
}

export interface StopSignals {
  signal: AbortSignal;
  /** The first signal received, or null. */
  received(): StopSignalName | null;
}

/** Installs the handlers for the life of the process; `onFirst` tells the user what happens next. */
export function onStopSignals(onFirst: (name: StopSignalName) => void): StopSignals {
  const controller = new AbortController();
  let first: StopSignalName | null = null;
  const handle = (name: StopSignalName): void => {
    if (first !== null) process.exit(exitCodeOf(name));
    first = name;
    onFirst(name);
    controller.abort();
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
  return { signal: controller.signal, received: () => first };
}
