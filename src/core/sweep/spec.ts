/**
 * A sweep: a base configuration (a preset plus `--set` overrides), up to MAX_AXES axes (a config
 * path and its values; the cells are their grid), the methods (the runner's `--methods` syntax,
 * so the list is itself the K axis) and the seeds. expandSweep() checks all of it before anything
 * trains and lists every problem at once, each naming the path or flag, the value and what is
 * allowed; each cell's config is run through validate() once (the seeds, the only thing that
 * differs between a cell's runs, are checked by the seeds rule, seedList.ts).
 */
import type { ExperimentConfig, RunSpec } from '../config';
import { runLabel } from '../config';
import { applyOverride, applyOverrides, leafPaths } from '../configOverride';
import { methodReads } from '../fields/table';
import { RUNS_ALLOWED } from '../fields/pageFields';
import { seedListProblem, withSeeds } from '../seedList';
import type { PresetName } from '../presets';
import { isPresetName, PRESET_NAMES, presetConfig } from '../presets';
import { decodeRuns, encodeRuns } from '../urlCodec';
import { validate } from '../validate';

/** More axes make a grid nobody can read; more cells take hours on 2 cores. */
export const MAX_AXES = 3;
export const MAX_CELLS = 64;

export interface SweepAxis {
  /** Dotted config path, e.g. "masst.agentAlpha". */
  path: string;
  /** Each value as `--set path=value` takes it ("0.9", "shared", "0.6,0.85" for a list). */
  values: string[];
}

export interface SweepSpec {
  preset: PresetName;
  /** `field=value` overrides of the preset, in order, before the axes. */
  set: string[];
  axes: SweepAxis[];
  /** "sst,masst2,masst4": the first is the baseline every other method is compared with first. */
  methods: string;
  seeds: number[];
}

export interface SweepCell {
  /** 0-based, row-major over the axes (the last axis varies fastest). */
  index: number;
  /** The value of each axis, by path, as given. */
  settings: Record<string, string>;
  /** "masst.agentAlpha=shared · gallery.alpha=0.9". */
  label: string;
  /** The cell's configuration, with the methods as its runs and the first seed as its seed. */
  config: ExperimentConfig;
}

export interface SweepPlan {
  spec: SweepSpec;
  methods: RunSpec[];
  cells: SweepCell[];
  /** Said on stdout and kept in sweep.json, e.g. that an axis makes the baseline train per cell. */
  notes: string[];
}

/** What --methods and a spec's "methods" allow. */
export const METHODS_ALLOWED = `${RUNS_ALLOWED}, each once`;

/** `path=v1,v2,…` (the runner's --axis). A list-valued field cannot be split on commas: use --spec. */
export function parseAxis(text: string, base: ExperimentConfig): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1)
    throw new Error(
      `--axis "${text}" is not allowed: expected path=value1,value2,…, e.g. --axis masst.agentAlpha=shared,horizonMatched`,
    );
  const path = text.slice(0, eq);
  if (leafPaths(base).get(path) === 'number[]') {
    throw new Error(
      `--axis "${text}" is not allowed: ${path} holds a list, so its values cannot be separated by commas; expected a --spec file whose axis values are lists, e.g. {"path": "${path}", "values": [[0.6, 0.85], [0.5]]}`,
    );
  }
  return { path, values: text.slice(eq + 1).split(',') };
}

/** A value of an axis in --spec JSON as the text --set takes; null when it has no such form. */
function valueText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.join(',');
  return null;
}

/** A --spec file's JSON as a spec; shape errors name the key, the value and what is allowed. */
export function sweepSpecFromJson(json: unknown, source: string): SweepSpec {
  const bad = (key: string, value: unknown, allowed: string): never => {
    throw new Error(`${source}: "${key}" = ${JSON.stringify(value)} is not allowed: expected ${allowed}`);
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    bad('(top level)', json, 'an object with preset, set, axes, methods and seeds');
  const o = json as Record<string, unknown>;
  const known = ['preset', 'set', 'axes', 'methods', 'seeds'];
  for (const k of Object.keys(o)) if (!known.includes(k)) bad(k, o[k], `only the keys ${known.join(', ')}`);
  const preset = o.preset ?? 'demo';
  if (typeof preset !== 'string' || !isPresetName(preset))
    return bad('preset', preset, `one of ${PRESET_NAMES.join(', ')}`);
  const set = o.set ?? [];
  if (!Array.isArray(set) || !set.every((s) => typeof s === 'string'))
    return bad('set', set, 'a list of "field=value" strings');
  if (!Array.isArray(o.axes))
    return bad('axes', o.axes, 'a list of {"path": "masst.agentAlpha", "values": ["shared", "horizonMatched"]}');
  const axes = o.axes.map((a: unknown, i): SweepAxis => {
    const axis = a as { path?: unknown; values?: unknown } | null;
    if (axis === null || typeof axis !== 'object' || typeof axis.path !== 'string' || !Array.isArray(axis.values)) {
      return bad(`axes[${i}]`, a, '{"path": "a.config.path", "values": [value, …]}');
    }
    const values = axis.values.map(
      (v: unknown) => valueText(v) ?? bad(`axes[${i}].values`, v, 'strings, numbers, true/false or lists of numbers'),
    );
    return { path: axis.path, values };
  });
  const methods =
    Array.isArray(o.methods) && o.methods.every((m) => typeof m === 'string') ? o.methods.join(',') : o.methods;
  if (typeof methods !== 'string')
    return bad('methods', o.methods, `"sst,masst2,masst4" or ["sst", "masst2"]: ${METHODS_ALLOWED}`);
  if (
    !Array.isArray(o.seeds) ||
    !o.seeds.every((s) => Number.isInteger(s) && (s as number) >= 0 && (s as number) <= 0xffffffff)
  ) {
    return bad('seeds', o.seeds, 'a list of integers from 0 to 4294967295, e.g. [1, 2, 3]');
  }
  return { preset, set: set as string[], axes, methods, seeds: o.seeds as number[] };
}

function duplicates<T>(xs: readonly T[]): T[] {
  return [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))];
}

/** Every combination of the axes' value indices, the last axis fastest. */
function grid(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((prefix) => Array.from({ length: n }, (_, i) => [...prefix, i]));
  return out;
}

/** The spec's methods, or the problem with them. */
function methodsOf(text: string, problems: string[]): RunSpec[] {
  const runs = decodeRuns(text);
  if (runs === null) {
    problems.push(`methods "${text}" is not allowed: expected ${METHODS_ALLOWED}`);
    return [];
  }
  const twice = duplicates(runs.map(runLabel));
  if (twice.length > 0)
    problems.push(`methods "${text}" is not allowed: ${twice.join(', ')} is given twice; expected ${METHODS_ALLOWED}`);
  return runs;
}

function axisProblems(spec: SweepSpec, base: ExperimentConfig, methods: readonly RunSpec[]): string[] {
  const problems: string[] = [];
  const paths = leafPaths(base);
  if (spec.axes.length === 0 || spec.axes.length > MAX_AXES) {
    problems.push(`${spec.axes.length} axes are not allowed: expected 1 to ${MAX_AXES} (--axis path=value1,value2)`);
  }
  for (const path of duplicates(spec.axes.map((a) => a.path)))
    problems.push(`axis ${path} is given twice: expected each path on one axis`);
  for (const axis of spec.axes) {
    if (axis.path === 'seed') {
      problems.push(
        'axis seed is not allowed: the seeds are their own list (--seeds 1,2,3), every cell runs all of them',
      );
      continue;
    }
    if (!paths.has(axis.path)) {
      problems.push(
        `axis path "${axis.path}" is not allowed: expected one of ${[...paths.keys()].filter((p) => p !== 'seed').join(', ')}`,
      );
      continue;
    }
    if (axis.values.length === 0) problems.push(`axis ${axis.path} has no values: expected at least one`);
    for (const v of duplicates(axis.values))
      problems.push(`axis ${axis.path} value "${v}" is given twice: expected each value once`);
    for (const v of axis.values) {
      try {
        applyOverride(base, `${axis.path}=${v}`);
      } catch (e) {
        problems.push(`axis ${e instanceof Error ? e.message.replace(/^override /, '') : String(e)}`);
      }
    }
    if (methods.length > 0 && !methods.some((m) => methodReads(m.method, axis.path))) {
      problems.push(
        `axis ${axis.path} is not allowed with methods ${encodeRuns(methods)}: none of them reads it, every cell would be the same; expected a field one of them reads`,
      );
    }
  }
  return problems;
}

/** The cells of a spec, or throws an Error listing every problem (nothing has trained then). */
export function expandSweep(spec: SweepSpec): SweepPlan {
  const problems: string[] = [];
  const methods = methodsOf(spec.methods, problems);
  if (spec.seeds.length === 0) problems.push('seeds [] is not allowed: expected at least one seed, e.g. --seeds 1,2,3');
  for (const s of duplicates(spec.seeds)) problems.push(`seed ${s} is given twice: expected each seed once`);
  const seedsWhy = spec.seeds.length === 0 || duplicates(spec.seeds).length > 0 ? null : seedListProblem(spec.seeds);
  if (seedsWhy !== null) problems.push(`seeds ${JSON.stringify(spec.seeds)} is not allowed: expected ${seedsWhy}`);
  let base = presetConfig(spec.preset);
  try {
    base = applyOverrides(base, spec.set);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  if (methods.length > 0) base.runs = methods;
  problems.push(...axisProblems(spec, base, methods));
  const cellCount = spec.axes.reduce((n, a) => n * a.values.length, 1);
  if (cellCount > MAX_CELLS) {
    problems.push(
      `a grid of ${spec.axes.map((a) => a.values.length).join(' × ')} = ${cellCount} cells is not allowed: expected at most ${MAX_CELLS} cells`,
    );
  }
  if (problems.length > 0) throw new Error(`Invalid sweep:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const cells = grid(spec.axes.map((a) => a.values.length)).map((at, index): SweepCell => {
    const settings: Record<string, string> = {};
    let config = base;
    spec.axes.forEach((axis, i) => {
      const value = axis.values[at[i] as number] as string;
      settings[axis.path] = value;
      config = applyOverride(config, `${axis.path}=${value}`);
    });
    const label = Object.entries(settings)
      .map(([p, v]) => `${p}=${v}`)
      .join(' · ');
    return { index, settings, label, config: withSeeds(config, spec.seeds) };
  });
  const invalid = new Set<string>();
  for (const cell of cells) {
    for (const issue of validate(cell.config)) invalid.add(`cell ${cell.label}: ${issue.message}`);
  }
  if (invalid.size > 0) throw new Error(`Invalid sweep:\n${[...invalid].map((p) => `  - ${p}`).join('\n')}`);
  return { spec, methods, cells, notes: baselineNotes(spec, methods) };
}

/** An axis the baseline reads makes it train once per cell, not once per seed: said, not refused. */
function baselineNotes(spec: SweepSpec, methods: readonly RunSpec[]): string[] {
  const baseline = methods[0];
  if (baseline === undefined) return [];
  const label = runLabel(baseline);
  return spec.axes
    .filter((a) => methodReads(baseline.method, a.path))
    .map(
      (a) =>
        `axis ${a.path} changes the baseline ${label}'s own settings: ${label} is trained per cell, not once per seed`,
    );
}
