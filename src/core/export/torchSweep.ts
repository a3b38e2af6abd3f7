/**
 * A sweep (core/sweep/spec.ts) as one PyTorch project: the grid checked as `npm run sweep` checks
 * it, every cell's config checked as a single export is (torchSupport.ts), and each distinct run
 * given the runner's run key (core/sweep/runKey.ts) on the backend "pytorch" — so a run trained in
 * PyTorch never shares a key, or a store entry, with a wasm run of the same settings. Each
 * distinct run is trained once, by the first cell that uses it (its "owner", as the runner's
 * distinctRuns.ts slot), and the merge gives it to every cell that uses it.
 */
import type { ExperimentConfig } from '../config';
import { runLabel } from '../config';
import { applyOverrides } from '../configOverride';
import { canonicalJson } from '../data/cache';
import { presetConfig } from '../presets';
import type { DistinctRuns } from '../sweep/distinctRuns';
import { distinctRuns } from '../sweep/distinctRuns';
import type { SweepFile } from '../sweep/file';
import { PYTORCH_SWEEP_BACKEND } from '../sweep/file';
import type { SweepPlan, SweepSpec } from '../sweep/spec';
import { expandSweep } from '../sweep/spec';
import { torchExportProblems, withoutAnalysis } from './torchSupport';

/** Bump when sweep-plan.json's layout changes (templates/torch/masst_sweep.py reads it). */
export const TORCH_SWEEP_PLAN_VERSION = 1;

/** The analysis fields a PyTorch export switches off, with their "off" values (torchSupport.ts withoutAnalysis). */
const ANALYSIS_OFF: ReadonlyArray<[keyof ExperimentConfig['analysis'], string]> = [
  ['every', '0'],
  ['landscapeEvery', '0'],
  ['slice2d', 'false'],
];

/**
 * The spec as the project trains it: the preset's own landscape measurements switched off by
 * `set` entries before the user's (so sweep.json's spec says what ran and the page's cell details
 * show only the axes), none added for a field the user's `set` names (that one is checked as
 * given: asking for probes is refused by name, not overridden).
 */
export function torchSweepSpec(spec: SweepSpec): SweepSpec {
  const preset = presetConfig(spec.preset);
  const off = withoutAnalysis(preset).analysis;
  const named = new Set(spec.set.map((s) => s.slice(0, s.indexOf('='))));
  const added = ANALYSIS_OFF.filter(
    ([field]) => preset.analysis[field] !== off[field] && !named.has(`analysis.${field}`),
  ).map(([field, value]) => `analysis.${field}=${value}`);
  return { ...spec, set: [...added, ...spec.set] };
}

/** One run of a cell in sweep-plan.json: its key, who trains it. */
export interface TorchSweepRun {
  key: string;
  label: string;
  method: string;
  agents: number;
  seed: number;
  /** The cell that trains it (the first that uses it); the others read its result. */
  owner: number;
}

export interface TorchSweepCell {
  index: number;
  label: string;
  settings: Record<string, string>;
  /** The cell's config (its runs: the sweep's methods; its seed: the first). */
  config: ExperimentConfig;
  /** Seed → the data index.json the cell's runs of that seed read (relative to the project). */
  data: Record<string, string>;
  /** Methods (in the spec's order) × seeds (in the spec's order), as the runner lists a cell's runs. */
  runs: TorchSweepRun[];
}

/** sweep-plan.json: what `train.py --cell N` trains and what run_sweep.py merges into sweep.json. */
export interface TorchSweepPlanFile {
  version: number;
  source: 'pytorch';
  backend: typeof PYTORCH_SWEEP_BACKEND;
  /** The sweep.json `versions` the merge writes (this build's). */
  versions: SweepFile['versions'];
  spec: SweepSpec;
  methods: string[];
  notes: string[];
  runs: { grid: number; distinct: number };
  cells: TorchSweepCell[];
}

export interface TorchSweep {
  plan: SweepPlan;
  distinct: DistinctRuns;
  /** Data setting (canonical JSON of config.data) → the cells that use it, in order of first use. */
  dataGroups: Array<{ data: ExperimentConfig['data']; cells: number[] }>;
}

/** The grid of a spec, ready to export, or throws an Error listing every problem (spec, then cells). */
export function torchSweep(spec: SweepSpec): TorchSweep {
  const exported = torchSweepSpec(spec);
  // The base first, so a user's `set` asking for probes is named once and not once per cell.
  let baseProblems: string[] = [];
  try {
    baseProblems = torchExportProblems(applyOverrides(withoutAnalysis(presetConfig(spec.preset)), exported.set)).map(
      (p) => `set: ${p}`,
    );
  } catch {
    // A `set` entry the config does not take: expandSweep below names it with the spec's other problems.
  }
  if (baseProblems.length > 0)
    throw new Error(`Cannot export this sweep:\n${baseProblems.map((p) => `  - ${p}`).join('\n')}`);
  const plan = expandSweep(exported);
  const cellProblems = plan.cells.flatMap((c) => torchExportProblems(c.config).map((p) => `cell ${c.label}: ${p}`));
  if (cellProblems.length > 0)
    throw new Error(`Cannot export this sweep:\n${cellProblems.map((p) => `  - ${p}`).join('\n')}`);
  const groups = new Map<string, { data: ExperimentConfig['data']; cells: number[] }>();
  for (const cell of plan.cells) {
    const key = canonicalJson(cell.config.data);
    const group = groups.get(key) ?? { data: cell.config.data, cells: [] };
    group.cells.push(cell.index);
    groups.set(key, group);
  }
  return { plan, distinct: distinctRuns(plan, PYTORCH_SWEEP_BACKEND), dataGroups: [...groups.values()] };
}

/** The data folder of a group's seed: data/seed-S with one data setting, data/set-G/seed-S with several. */
export function sweepDataDir(sweep: TorchSweep, group: number, seed: number): string {
  return sweep.dataGroups.length === 1 ? `data/seed-${seed}` : `data/set-${group}/seed-${seed}`;
}

/** The sweep-plan.json of an exported sweep. */
export function torchSweepPlanFile(sweep: TorchSweep, versions: SweepFile['versions']): TorchSweepPlanFile {
  const { plan, distinct } = sweep;
  const seeds = plan.spec.seeds;
  const groupOf = (cell: number): number => sweep.dataGroups.findIndex((g) => g.cells.includes(cell));
  const cells = plan.cells.map((cell): TorchSweepCell => ({
    index: cell.index,
    label: cell.label,
    settings: cell.settings,
    config: cell.config,
    data: Object.fromEntries(
      seeds.map((s) => [String(s), `${sweepDataDir(sweep, groupOf(cell.index), s)}/index.json`]),
    ),
    runs: (distinct.cellSlots[cell.index] ?? []).flatMap((s) => {
      const slot = distinct.slots[s] as DistinctRuns['slots'][number];
      return seeds.map((seed, i) => ({
        key: slot.keys[i] as string,
        label: slot.label,
        method: slot.spec.method,
        agents: slot.spec.agents,
        seed,
        owner: slot.cell,
      }));
    }),
  }));
  return {
    version: TORCH_SWEEP_PLAN_VERSION,
    source: 'pytorch',
    backend: PYTORCH_SWEEP_BACKEND,
    versions,
    spec: plan.spec,
    methods: plan.methods.map(runLabel),
    notes: plan.notes,
    runs: {
      grid: plan.cells.length * plan.methods.length * seeds.length,
      distinct: distinct.slots.length * seeds.length,
    },
    cells,
  };
}
