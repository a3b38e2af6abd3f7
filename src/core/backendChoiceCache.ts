/**
 * The kept backend choices: one per device and configuration shape (backendChoice.ts keys), newest
 * last, at most MAX_KEPT. The page keeps them in localStorage as JSON (ui/storage/backendChoices.ts)
 * and sends those of the comparison's shape to the worker that chooses, which alone knows its
 * device. What is read back is checked: a malformed entry is dropped, never trusted.
 */
import type { BackendMeasurement, TrialResult } from './backendChoice';
import type { BackendName } from './backends';
import { isBackendChoice } from './backends';

export interface KeptChoice {
  device: string;
  shape: string;
  chosen: BackendName;
  results: TrialResult[];
}

export const MAX_KEPT = 40;

const isName = (v: unknown): v is BackendName => typeof v === 'string' && v !== 'auto' && isBackendChoice(v);

function isResult(v: unknown): v is TrialResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (!isName(r.backend)) return false;
  if (r.threads !== undefined && !(typeof r.threads === 'number' && Number.isInteger(r.threads) && r.threads >= 1))
    return false;
  if (r.ok === true)
    return [r.msPerStep, r.steps, r.warmupMs].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
  return r.ok === false && typeof r.reason === 'string';
}

function isKept(v: unknown): v is KeptChoice {
  if (typeof v !== 'object' || v === null) return false;
  const k = v as Record<string, unknown>;
  return (
    typeof k.device === 'string' &&
    typeof k.shape === 'string' &&
    isName(k.chosen) &&
    Array.isArray(k.results) &&
    k.results.every(isResult)
  );
}

/** The kept choices in `text` (stored JSON); malformed text or entries are dropped. */
export function parseKept(text: string | null): KeptChoice[] {
  if (text === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter(isKept).slice(-MAX_KEPT) : [];
}

/** `kept` with a measurement's choice added (replacing the same device and shape), the oldest dropped past MAX_KEPT. */
export function withKept(kept: readonly KeptChoice[], m: BackendMeasurement): KeptChoice[] {
  const entry: KeptChoice = { device: m.device, shape: m.shape, chosen: m.chosen, results: m.results };
  return [...kept.filter((k) => k.device !== m.device || k.shape !== m.shape), entry].slice(-MAX_KEPT);
}

/** The kept choice for this device and shape as a measurement made earlier, or null. */
export function keptFor(kept: readonly KeptChoice[], device: string, shape: string): BackendMeasurement | null {
  const k = kept.find((e) => e.device === device && e.shape === shape);
  return k
    ? { chosen: k.chosen, source: 'earlier', results: k.results, device, shape, totalMs: 0, fallback: null }
    : null;
}
