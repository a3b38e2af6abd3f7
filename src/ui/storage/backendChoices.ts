/**
 * The backend choices 'auto' measured, kept in localStorage per device and configuration shape
 * (core/backendChoiceCache.ts), so the next comparison of the same shape starts without a trial.
 * Storage that is absent, full or denied only means measuring again.
 */
import type { BackendMeasurement } from '../../core/backendChoice';
import type { KeptChoice } from '../../core/backendChoiceCache';
import { parseKept, withKept } from '../../core/backendChoiceCache';

const KEY = 'masst.backendChoices';

export function readKept(): KeptChoice[] {
  try {
    return parseKept(globalThis.localStorage?.getItem(KEY) ?? null);
  } catch {
    return [];
  }
}

export function keepMeasurement(m: BackendMeasurement): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(withKept(readKept(), m)));
  } catch {
    // Full or denied: the next comparison of this shape measures again.
  }
}

/** Forgets every kept choice (Clear stored data): the next comparison measures again. */
export function clearKeptBackendChoices(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Denied storage kept nothing to clear.
  }
}
