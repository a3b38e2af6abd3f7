/**
 * Flags of `npm run sweep`: the sweep itself (--preset, --set, --axis, --methods, --seeds, or a
 * --spec file holding them) and how it runs (--out, --backend, --workers, --store), or `--resume
 * DIR` with only --workers and --store. Every bad flag is named with its value and what is
 * allowed; the spec's own checks (paths, values, grid size) are core/sweep/spec.ts's.
 */
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import { presetConfig, presetSeeds } from '../core/presets';
import type { SweepSpec } from '../core/sweep/spec';
import { MAX_AXES, MAX_CELLS, parseAxis } from '../core/sweep/spec';
import { encodeRuns } from '../core/urlCodec';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { parseFlags } from './flags/parse';
import type { Command } from './flags/types';
import { bad, intFlag, methodsFlag, oneOfFlag, pathFlag, presetFlag, seedsFlag, setFlag } from './flags/values';
import { RUN_STORE_DIR } from './runStore';

/** How a sweep runs, whatever it computes. */
export interface SweepRunOptions {
  workers: number | null;
  /** The run store's folder (runStore.ts). */
  store: string;
}

export type SweepArgs =
  | ({ kind: 'flags'; spec: SweepSpec; backend: NodeBackend; out: string } & SweepRunOptions)
  | ({ kind: 'file'; file: string; backend: NodeBackend; out: string } & SweepRunOptions)
  | ({ kind: 'resume'; dir: string } & SweepRunOptions);

/** What --axis takes; core/sweep/spec.ts's parseAxis checks the path and the values. */
const AXIS_ALLOWED = 'path=value1,value2, e.g. --axis masst.agentAlpha=shared,horizonMatched';
const FLAGS_MODE = ['flags'];
const BUILD = ['flags', 'file'];
const ALL = ['flags', 'file', 'resume'];

const FLAGS = {
  '--preset': presetFlag({ meaning: 'The preset the sweep starts from.', default: 'demo', modes: FLAGS_MODE }),
  '--set': setFlag({
    meaning: 'Sets a config value of every cell by its path, before the axes; each field once.',
    example: 'steps=300',
    modes: FLAGS_MODE,
  }),
  '--axis': {
    kind: 'list' as const,
    metavar: 'path=value1,value2',
    allowed: AXIS_ALLOWED,
    meaning: `An axis of the grid: a config path and its values (up to ${MAX_AXES} axes, ${MAX_CELLS} cells).`,
    defaultText: 'none (one cell)',
    modes: FLAGS_MODE,
    read(value: string | undefined, flag: string): string {
      if (value === undefined || value.startsWith('--')) bad(flag, value, AXIS_ALLOWED);
      return value;
    },
  },
  '--methods': methodsFlag({
    meaning: 'The methods of every cell: the list is itself the K axis.',
    metavar: 'sst,masst2,masst4',
    modes: FLAGS_MODE,
  }),
  '--seeds': seedsFlag({ meaning: 'The seeds of every cell.', modes: FLAGS_MODE }),
  '--backend': oneOfFlag({ meaning: 'The tfjs backend.', choices: NODE_BACKENDS, default: 'wasm', modes: BUILD }),
  '--workers': intFlag({
    meaning: 'Worker threads training runs side by side.',
    min: 1,
    default: null,
    defaultText: 'the cores available (1 on webgpu: one device)',
    modes: ALL,
  }),
  '--out': pathFlag({
    meaning: 'The folder for sweep.json and sweep.csv.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: null,
    defaultText: 'out/sweep-<preset> (out/sweep with --spec)',
    modes: BUILD,
  }),
  '--store': pathFlag({
    meaning: 'The run store: finished runs by run key, reused by any sweep that shares them.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: RUN_STORE_DIR,
    modes: ALL,
  }),
  '--spec': pathFlag({
    meaning: 'A JSON file holding the whole sweep (preset, set, axes, methods, seeds).',
    metavar: 'FILE',
    allowed: 'the path of a sweep spec (JSON: preset, set, axes, methods, seeds)',
    default: null,
    defaultText: 'the sweep of the flags',
    modes: ['file'],
  }),
  '--resume': pathFlag({
    meaning: 'Rerun the sweep of DIR/sweep.json, training only what the run store lacks.',
    metavar: 'DIR',
    allowed: 'a folder with the sweep.json of an earlier sweep',
    default: null,
    defaultText: 'a new sweep',
    modes: ['resume'],
  }),
};

export const SWEEP_COMMAND: Command<typeof FLAGS> = {
  name: 'sweep',
  summary:
    'trains a grid of configs × methods × seeds, each distinct run once (run store), and writes the effect of every cell to DIR/sweep.json and sweep.csv.',
  flags: FLAGS,
  modes: [
    'flags',
    {
      name: 'resume',
      flag: '--resume',
      refusal: (flag, dir, allowed) =>
        `${flag} is not allowed with --resume: a resumed sweep keeps the spec, backend and folder of ${dir}/sweep.json; expected only ${allowed.join(', ')}.`,
    },
    {
      name: 'file',
      flag: '--spec',
      refusal: (flag, file, allowed) =>
        `${flag} is not allowed with --spec ${file}: the file holds the whole sweep; expected only ${allowed.join(', ')}.`,
    },
  ],
};

export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  const { mode, values: v } = parseFlags(SWEEP_COMMAND, argv);
  const run = { workers: v['--workers'], store: v['--store'] };
  if (mode === 'resume') return { kind: 'resume', dir: v['--resume'] as string, ...run };
  if (mode === 'file')
    return {
      kind: 'file',
      file: v['--spec'] as string,
      backend: v['--backend'],
      out: v['--out'] ?? 'out/sweep',
      ...run,
    };
  const preset: PresetName = v['--preset'];
  const base: ExperimentConfig = presetConfig(preset);
  const axes = v['--axis'].map((t) => parseAxis(t, base));
  const methods = v['--methods'];
  const spec: SweepSpec = {
    preset,
    set: v['--set'],
    axes,
    methods: encodeRuns(methods ?? base.runs),
    seeds: v['--seeds'] ?? presetSeeds(preset),
  };
  return { kind: 'flags', spec, backend: v['--backend'], out: v['--out'] ?? `out/sweep-${preset}`, ...run };
}
