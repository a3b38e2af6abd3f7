/**
 * What the page's Sweep form offers and how it becomes a SweepSpec (spec.ts): the sweepable fields
 * (every settable leaf of the config but the seed, which is the seeds list, and the number lists,
 * whose commas would read as separate values), the values each allows where it is an enumeration
 * (a select of its choices) or a switch (true, false), and the form's configuration written as the
 * `set` overrides of its preset, so a page sweep has the same base as `npm run sweep --set …`.
 */
import type { ExperimentConfig } from '../config';
import { leafPaths } from '../configOverride';
import { fieldAt, valueAt, valueKind } from '../fields/table';
import type { PresetName } from '../presets';
import { presetConfig } from '../presets';

export interface SweepField {
  path: string;
  kind: 'number' | 'string' | 'boolean';
  /** Every value the field allows, as text; null for a number field (its range is validate()'s). */
  choices: string[] | null;
}

/** The fields an axis of the page's sweep may take (the field table's), in the config's order. */
export function sweepableFields(base: ExperimentConfig): SweepField[] {
  const out: SweepField[] = [];
  for (const path of leafPaths(base).keys()) {
    const f = fieldAt(path);
    const kind = f === undefined ? null : valueKind(f.rule);
    if (f === undefined || path === 'seed' || kind === null || kind === 'number[]') continue;
    const choices =
      f.rule.kind === 'choice' ? f.rule.choices.map(String) : kind === 'boolean' ? ['true', 'false'] : null;
    out.push({ path, kind, choices });
  }
  return out;
}

/** A leaf as `--set path=value` takes it. */
function leafText(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The `path=value` overrides that turn `preset` into `config`, in the config's order; the seed and
 * the runs are left out (a sweep has its own seeds and methods). applyOverrides(preset, result)
 * gives `config` back, but for those two.
 */
export function overridesOf(preset: PresetName, config: ExperimentConfig): string[] {
  const base = presetConfig(preset);
  const out: string[] = [];
  for (const path of leafPaths(config).keys()) {
    if (path === 'seed') continue;
    const mine = leafText(valueAt(config, path));
    if (leafText(valueAt(base, path)) !== mine) out.push(`${path}=${mine}`);
  }
  return out;
}
