/**
 * How 'auto' picks a backend by measuring it (the trial itself runs in a worker,
 * worker/backendTrial.ts): the budget of each backend's trial, the choice from the timings, the
 * sentence the page shows, and the keys under which a choice is kept (per device and per
 * configuration shape, so the next comparison of the same shape is not measured again).
 * Pure: no tfjs, no storage.
 */
import type { ExperimentConfig } from './config';
import { runLabel } from './config';
import type { BackendName } from './backends';

/** The backends a trial times, cheapest to start first: wasm's trial is not slowed by a GPU backend's leftover work. */
export const TRIAL_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'webgpu'];

/** The whole trial's budget, ms: a few steps of each backend after its warm-up. */
export const TRIAL_BUDGET_MS = 3000;

/** Timed steps after the warm-up step, at most. */
export const TRIAL_STEPS = 3;

/**
 * One backend's trial: ms per lock-step of the comparison's runs, or why it has none. `threads`:
 * the wasm threads it ran on, where more than one (absent: one thread, or a GPU backend).
 */
export type TrialResult = (
  | { backend: BackendName; ok: true; msPerStep: number; steps: number; warmupMs: number }
  | { backend: BackendName; ok: false; reason: string }
) & { threads?: number };

/** What 'auto' chose, how, and on what; carried to the page in the backend report. */
export interface BackendMeasurement {
  chosen: BackendName;
  /** 'measured' now, or 'earlier' (kept from a trial of the same device and shape). */
  source: 'measured' | 'earlier';
  results: TrialResult[];
  /** The device (adapters, cores) and the configuration shape it was measured on (the cache key). */
  device: string;
  shape: string;
  /** Wall time of the whole trial, ms. */
  totalMs: number;
  /** Why the choice is not the fastest measured one (every trial failed, or the chosen backend could not start), or null. */
  fallback: string | null;
}

/**
 * The budget of the next trial: what is left of the total, shared evenly with the trials still to
 * come, so time a fast backend leaves over goes to the slower ones. ms.
 */
export function nextBudget(totalMs: number, spentMs: number, trialsLeft: number): number {
  if (trialsLeft < 1) throw new Error(`trialsLeft=${trialsLeft} is not allowed: expected at least 1`);
  return Math.max(0, totalMs - spentMs) / trialsLeft;
}

/** The fastest backend with a time; on equal times the earlier in TRIAL_ORDER. Null when no trial finished. */
export function fastest(results: readonly TrialResult[]): BackendName | null {
  let best: { backend: BackendName; ms: number } | null = null;
  for (const r of results) {
    if (r.ok && Number.isFinite(r.msPerStep) && (best === null || r.msPerStep < best.ms))
      best = { backend: r.backend, ms: r.msPerStep };
  }
  return best?.backend ?? null;
}

/**
 * The wasm threads to train on after `m`: those of the chosen backend's fastest trial. With threads
 * to spare, wasm is timed on them and on one (measured here: 2 threads 0.78× one for a demo run,
 * XNNPACK's per-kernel hand-off outweighing its tiny products; 1.27× for the shallow preset's).
 */
export function chosenThreads(m: BackendMeasurement): number {
  let best: { threads: number; ms: number } | null = null;
  for (const r of m.results) {
    if (r.backend === m.chosen && r.ok && (best === null || r.msPerStep < best.ms))
      best = { threads: r.threads ?? 1, ms: r.msPerStep };
  }
  return best?.threads ?? 1;
}

/** When every trial failed: the first backend that was able to start, in the order of the name-based choice; wasm if none. */
export function fallbackBackend(available: readonly BackendName[]): BackendName {
  return available.includes('wasm') ? 'wasm' : (available[0] ?? 'cpu');
}

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** One result as the page says it: "webgpu 38 ms/step" or "webgl: warm-up took over its 1.2 s budget". */
export function describeResult(r: TrialResult): string {
  const name = onThreads(r.backend, r.threads ?? 1);
  return r.ok ? `${name} ${ms(r.msPerStep)} ms/step` : `${name}: ${r.reason}`;
}

const onThreads = (backend: BackendName, threads: number): string =>
  threads > 1 ? `${backend} on ${threads} threads` : backend;

/**
 * "wasm 81 ms/step, webgl: …, webgpu 38 ms/step → webgpu" ("wasm on 2 threads 54 ms/step, wasm
 * 42 ms/step, … → wasm"), plus "(measured earlier)" for a kept choice.
 */
export function describeMeasurement(m: BackendMeasurement): string {
  const timings = m.results.map(describeResult).join(', ');
  const head = `${timings || 'no backend measured'} → ${onThreads(m.chosen, chosenThreads(m))}`;
  const tail = m.source === 'earlier' ? ' (measured earlier)' : ` (measured in ${(m.totalMs / 1000).toFixed(1)} s)`;
  return `${head}${tail}${m.fallback ? `. ${m.fallback}` : ''}`;
}

/**
 * What changes the cost of a step, and nothing else: image size and channels, batch, backbone,
 * embedding dimension, the classifier and queue sizes, the methods (with K), and the wasm threads.
 * Seeds, steps, learning rate and the schedule of evaluations do not change which backend is faster.
 */
export function shapeKey(config: ExperimentConfig, threads: number): string {
  const methods = config.runs.map(runLabel).join('+');
  const d = config.data;
  return [
    `size=${d.imageSize}x${d.channels}`,
    `batch=${config.batchSize}`,
    `backbone=${config.model.backbone}`,
    `embed=${config.model.embedDim}`,
    `ids=${d.trainIds}`,
    `queue=${config.gallery.queueSize}`,
    `methods=${methods}`,
    `threads=${threads}`,
  ].join(';');
}

/** The adapters a device shows, as the worker reads them (null: that API is absent). */
export interface DeviceAdapters {
  webgpu: { vendor: string; architecture: string } | null;
  webgl: { vendor: string; architecture: string } | null;
  cores: number;
}

/** The device part of the cache key: a new GPU, driver or core count is a new device. */
export function deviceKey(a: DeviceAdapters): string {
  const gpu = a.webgpu ? `${a.webgpu.vendor}/${a.webgpu.architecture}` : 'none';
  const gl = a.webgl ? `${a.webgl.vendor}/${a.webgl.architecture}` : 'none';
  return `webgpu=${gpu};webgl=${gl};cores=${a.cores}`;
}
