/**
 * 'auto' by measuring, run from the page: each backend's trial in a worker of its own
 * (worker/backendChooser.ts), wasm first. The wasm trial always finishes (the reference and the
 * fallback); a GPU backend's worker is terminated when its trial runs past its budget, since a
 * shader compile can block its thread for a minute on a software adapter (measured: webgl's first
 * step of the smoke preset took 83 s on SwiftShader here), and it then loses, with that said.
 * A GPU backend gets at least the wasm trial's own time, so a busy machine, where everything is
 * slower, does not shut the GPU out by the clock alone.
 */
import type { BackendMeasurement, TrialResult } from '../../core/backendChoice';
import { fallbackBackend, fastest, nextBudget, TRIAL_BUDGET_MS, TRIAL_ORDER } from '../../core/backendChoice';
import type { KeptChoice } from '../../core/backendChoiceCache';
import type { BackendName } from '../../core/backends';
import type { ExperimentConfig } from '../../core/config';
import type { FromWorker, ToWorker } from '../../worker/protocol';

/** How long a trial's worker may take to load and start its backend, ms. */
const START_LIMIT_MS = 20_000;
/** The wasm trial's limit once started, ms: it is never cut for time, only for hanging. */
const WASM_LIMIT_MS = 120_000;

type Answer = Extract<FromWorker, { type: 'trialResult' }>;
type Outcome =
  | { kind: 'answer'; answer: Answer; trialMs: number }
  | { kind: 'late' | 'noStart' }
  | { kind: 'error'; message: string };

/** Starts, watches and ends the trial workers (the pool, which also ends them on a reset). */
export interface TrialHost {
  spawn(): Worker;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function runOne(
  host: TrialHost,
  request: Extract<ToWorker, { type: 'trialBackend' }>,
  limitMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = host.spawn();
    let started = 0;
    let timer = setTimeout(() => done({ kind: 'noStart' }), START_LIMIT_MS);
    const done = (outcome: Outcome): void => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === 'trialStarted') {
        started = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => done({ kind: 'late' }), limitMs);
      } else if (msg.type === 'trialResult')
        done({ kind: 'answer', answer: msg, trialMs: started > 0 ? performance.now() - started : 0 });
      else if (msg.type === 'error') done({ kind: 'error', message: msg.message });
    };
    worker.onerror = (e) => done({ kind: 'error', message: e.message || 'the worker failed to load' });
    worker.postMessage(request);
  });
}

function resultOf(backend: BackendName, outcome: Outcome, budgetMs: number): TrialResult {
  switch (outcome.kind) {
    case 'answer':
      return outcome.answer.result ?? { backend, ok: false, reason: 'no result' };
    case 'late':
      return { backend, ok: false, reason: `warm-up and steps did not finish within its ${seconds(budgetMs)} budget` };
    case 'noStart':
      return { backend, ok: false, reason: `could not start within ${seconds(START_LIMIT_MS)}` };
    case 'error':
      return { backend, ok: false, reason: `failed (${outcome.message})` };
  }
}

/**
 * Measures the backends for `config` (wasm on `threads`, and on one thread where `threads` > 1),
 * or takes the kept choice for this device and shape. Throws when even the wasm trial's worker gave no answer (the caller then
 * chooses by the adapters' names).
 */
export async function measureBackends(
  host: TrialHost,
  sessionId: number,
  config: ExperimentConfig,
  threads: number,
  kept: KeptChoice[],
): Promise<BackendMeasurement> {
  const start = performance.now();
  const wasmBudget = nextBudget(TRIAL_BUDGET_MS, 0, TRIAL_ORDER.length);
  const first = await runOne(
    host,
    { type: 'trialBackend', sessionId, backend: 'wasm', config, threads, budgetMs: wasmBudget, kept },
    WASM_LIMIT_MS,
  );
  if (first.kind !== 'answer') {
    const failed = resultOf('wasm', first, wasmBudget);
    throw new Error(failed.ok ? 'no answer' : `wasm: ${failed.reason}`);
  }
  const { answer } = first;
  if (answer.earlier) return answer.earlier;
  const results: TrialResult[] = [{ ...resultOf('wasm', first, wasmBudget), ...(threads > 1 ? { threads } : {}) }];
  if (threads > 1) {
    // wasm on one thread too: XNNPACK's threads slow small nets down (core/backendChoice.ts chosenThreads).
    const single = await runOne(
      host,
      { type: 'trialBackend', sessionId, backend: 'wasm', config, threads: 1, budgetMs: wasmBudget, kept: [] },
      WASM_LIMIT_MS,
    );
    results.push(resultOf('wasm', single, wasmBudget));
  }
  const others = TRIAL_ORDER.filter((b) => b !== 'wasm' && answer.available.includes(b));
  for (const [i, backend] of others.entries()) {
    const budgetMs = Math.max(nextBudget(TRIAL_BUDGET_MS, performance.now() - start, others.length - i), first.trialMs);
    const outcome = await runOne(
      host,
      { type: 'trialBackend', sessionId, backend, config, threads, budgetMs, kept: [] },
      budgetMs,
    );
    results.push(resultOf(backend, outcome, budgetMs));
  }
  const best = fastest(results);
  const chosen = best ?? fallbackBackend(answer.available);
  return {
    chosen,
    source: 'measured',
    results,
    device: answer.device,
    shape: answer.shape,
    totalMs: performance.now() - start,
    fallback: best === null ? `No trial finished, so training runs on ${chosen}.` : null,
  };
}
