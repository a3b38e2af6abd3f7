/**
 * The run key: a stable hash of exactly what a run's numbers depend on — the config fields its
 * method reads (the field table's `methods`, fields/table.ts), its own settings (method, K), the seed, the backend and
 * the engine version — and of nothing else. Two runs with the same key give the same numbers
 * (bit for bit on cpu), so a store keyed by it trains each run once: SST's key does not move
 * when a sweep changes `masst.*`.
 */
import type { ExperimentConfig, RunSpec } from '../config';
import { canonicalJson, hash64 } from '../data/cache';
import { ENGINE_VERSION } from '../engineVersion';
import { FIELDS, valueAt } from '../fields/table';

/** What the key hashes, readable (sweep.json keeps it beside the key). */
export interface RunKeyInput {
  engine: number;
  backend: string;
  method: RunSpec['method'];
  /** K for MASST; 1 for SST and Conventional. */
  agents: number;
  /** Every field the method reads, by dotted path (the seed among them). */
  fields: Record<string, unknown>;
}

/** `config.seed` is the run's seed; `config.runs` is not read (the run is `run`). */
export function runKeyInput(config: ExperimentConfig, run: RunSpec, backend: string): RunKeyInput {
  const fields: Record<string, unknown> = {};
  for (const f of FIELDS) {
    // A field missing from an older config is left out, as its absent key always was.
    if (f.methods.includes(run.method) && valueAt(config, f.path) !== undefined)
      fields[f.path] = valueAt(config, f.path);
  }
  return {
    engine: ENGINE_VERSION,
    backend,
    method: run.method,
    agents: run.method === 'masst' ? run.agents : 1,
    fields,
  };
}

/** "run-<16 hex digits>", the same for any key order of the config's objects. */
export function runKey(config: ExperimentConfig, run: RunSpec, backend: string): string {
  return `run-${hash64(canonicalJson(runKeyInput(config, run, backend)))}`;
}
