/**
 * How a sweep cell's configuration differs from the sweep's base (its preset with the `set`
 * overrides applied and its methods as the runs): the settings of its axes, and whatever else a
 * file's cell config holds that the base does not. Shown beside the cell's numbers on the page.
 */
import type { ExperimentConfig } from '../config';
import { applyOverrides } from '../configOverride';
import { presetConfig } from '../presets';
import type { SweepSpec } from './spec';

export interface ConfigDifference {
  path: string;
  /** As text; "(none)" where one side lacks the path. */
  base: string;
  cell: string;
}

/** Dotted path → value text of every leaf (a list of numbers is one leaf). */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  } else {
    out.set(path, JSON.stringify(value) ?? String(value));
  }
  return out;
}

/** The base config of a spec; null when this build's presets no longer take its `set` overrides. */
export function sweepBase(spec: SweepSpec): ExperimentConfig | null {
  try {
    return applyOverrides(presetConfig(spec.preset), spec.set);
  } catch {
    return null;
  }
}

/** Every leaf where the cell differs from the base, but the seed and the runs (every cell has the same ones). */
export function configDifferences(base: ExperimentConfig, cell: ExperimentConfig): ConfigDifference[] {
  const a = leaves(base, '', new Map());
  const b = leaves(cell, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter(
    (p) => p !== 'seed' && p !== 'runs' && !p.startsWith('runs.'),
  );
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => ({ path: p, base: a.get(p) ?? '(none)', cell: b.get(p) ?? '(none)' }));
}
