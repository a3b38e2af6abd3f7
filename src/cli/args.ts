/**
 * The flags of `npm run experiment`, declared once in EXPERIMENT_COMMAND's table: a new experiment,
 * or `--resume DIR` with only the flags that change how it runs, not what it computes. Parsing,
 * errors and --help come from the table (flags/).
 */
import type { RunSpec } from '../core/config';
import type { PresetName } from '../core/presets';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { field, FIELDS } from '../core/fields/table';
import { parseFlags } from './flags/parse';
import type { Command } from './flags/types';
import {
  bad,
  intFlag,
  methodsFlag,
  oneOfFlag,
  pathFlag,
  presetFlag,
  seedsFlag,
  setFlag,
  switchFlag,
} from './flags/values';

export interface ExperimentArgs {
  preset: PresetName;
  steps: number | null;
  /** null = the preset's seeds (presetSeeds). */
  seeds: number[] | null;
  backend: NodeBackend;
  out: string;
  evalEvery: number | null;
  /** Steps between smoothness probes (analysis.every); 0 = none. */
  smoothEvery: number | null;
  /** Steps between landscape slices (analysis.landscapeEvery); 0 = none. */
  sliceEvery: number | null;
  /** Worker threads of the pool; null = the cores available (1 on webgpu: one device). */
  workers: number | null;
  /** The methods to compare (`conventional,sst,masst4`); null = the preset's. */
  methods: RunSpec[] | null;
  /** `field=value` overrides of any config value, in order (configOverride.ts). */
  overrides: string[];
  /** Steps between periodic checkpoints of each run (0 = only on a stop and at the end); null = eval.every, or 100 when that is 0. */
  checkpointEvery: number | null;
  /** `--faces DIR`: train and evaluate on this LFW-layout folder instead of synthetic faces. */
  faces: string | null;
  /** `--pairs FILE`: the verification pairs (LFW pairs.txt); null = DIR/pairs.txt when present. */
  pairs: string | null;
}

/** `--resume DIR`: the experiment is the one in DIR/results.json; only how it runs may be given. */
export interface ResumeArgs {
  dir: string;
  workers: number | null;
  /** null = the backend of DIR/results.json; another one is refused (experiment.ts says why). */
  backend: NodeBackend | null;
  checkpointEvery: number | null;
}

/** `saveProbes`: --save-probes was given (each run's probe written to DIR/probes at the end). */
export type RunnerArgs = ({ kind: 'new'; args: ExperimentArgs } | { kind: 'resume'; args: ResumeArgs }) & {
  saveProbes: boolean;
};

const NEW = ['new'];
const BOTH = ['new', 'resume'];

/** The flag of a config field (the field table names it, core/fields/table.ts): its least value is the field's. */
function fieldFlag(path: string, meaning: string) {
  const { rule } = field(path);
  if (rule.kind !== 'int') throw new Error(`config field ${path} is not an integer: it has no integer flag`);
  return intFlag({ meaning, min: rule.min, default: null, defaultText: "the preset's", modes: NEW, configField: path });
}

const FLAGS = {
  '--preset': presetFlag({
    meaning: 'The preset: config, methods and seeds (src/core/presets.ts).',
    default: 'smoke',
    modes: NEW,
  }),
  '--steps': fieldFlag('steps', 'Training steps of every run.'),
  '--seeds': seedsFlag({ meaning: 'The seeds: every method trains once per seed.', modes: NEW }),
  '--methods': methodsFlag({ meaning: 'The methods to compare.', modes: NEW }),
  '--set': setFlag({
    meaning: 'Sets any config value by its path (--set optim.milestones=0.5,0.9); each field once.',
    example: 'data.imageSize=24',
    modes: NEW,
  }),
  '--eval-every': fieldFlag('eval.every', 'Steps between evaluations during training (0: only at the end).'),
  '--smooth-every': fieldFlag('analysis.every', 'Steps between smoothness probes (0: none).'),
  '--slice-every': fieldFlag('analysis.landscapeEvery', 'Steps between loss-landscape slices (0: none).'),
  '--faces': pathFlag({
    meaning: 'Train and evaluate on this folder in LFW layout instead of synthetic faces.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: null,
    defaultText: 'synthetic faces',
    modes: NEW,
  }),
  '--pairs': pathFlag({
    meaning: 'The verification pairs of --faces (LFW pairs.txt format).',
    metavar: 'FILE',
    allowed: 'the path of an LFW pairs.txt',
    default: null,
    defaultText: 'DIR/pairs.txt of --faces',
    modes: NEW,
  }),
  '--out': pathFlag({
    meaning: 'The folder for results.json, the loss CSVs, checkpoints and probes.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: null,
    defaultText: 'out/<preset>',
    modes: NEW,
  }),
  '--workers': intFlag({
    meaning: 'Worker threads training runs side by side.',
    min: 1,
    default: null,
    defaultText: 'the cores available (1 on webgpu: one device)',
    modes: BOTH,
  }),
  '--backend': oneOfFlag({
    meaning: 'The tfjs backend (with --resume: the one of results.json; another is refused).',
    choices: NODE_BACKENDS,
    default: 'wasm',
    modes: BOTH,
  }),
  '--checkpoint-every': intFlag({
    meaning: "Steps between each run's checkpoints (0: only on a stop and at the end).",
    min: 0,
    default: null,
    defaultText: 'eval.every, or 100 when that is 0',
    modes: BOTH,
  }),
  '--save-probes': switchFlag({
    meaning: "At the end, write each run's probe as a TensorFlow.js graph model to DIR/probes.",
    modes: BOTH,
  }),
  '--resume': pathFlag({
    meaning: 'Continue the experiment of DIR/results.json from its checkpoints, in the same folder.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: null,
    defaultText: 'a new experiment',
    modes: ['resume'],
  }),
};

export const EXPERIMENT_COMMAND: Command<typeof FLAGS> = {
  name: 'experiment',
  summary:
    'trains every method × seed of a preset headless, prints the method × metric table and the paired differences, and writes DIR/results.json.',
  flags: FLAGS,
  notOptions: { '--probe-every': 'it was renamed --smooth-every (the smoothness check), with the same meaning' },
  modes: [
    'new',
    {
      name: 'resume',
      flag: '--resume',
      refusal: (flag, dir, allowed) =>
        `${flag} is not allowed with --resume: a resumed experiment keeps the config, seeds, methods and folder of ${dir}/results.json; expected only ${allowed.join(', ')}.`,
    },
  ],
  check(v) {
    if (v['--pairs'] !== null && v['--faces'] === null)
      bad('--pairs', v['--pairs'], 'a pairs file together with --faces DIR (the pairs name images of that folder)');
  },
};

/** The flag of each config field that has one (the field table's), to name it when the field is invalid. */
export const FLAG_OF_FIELD: Readonly<Record<string, string>> = Object.fromEntries(
  FIELDS.flatMap((f) => (f.flag === undefined ? [] : [[f.path, f.flag]])),
);

/**
 * A new experiment, or `--resume DIR` with at most --workers, --backend, --checkpoint-every and
 * --save-probes: any flag that would change what is computed (config, seeds, methods, output
 * folder) is refused by name.
 */
export function parseRunnerArgs(argv: readonly string[]): RunnerArgs {
  const { mode, values: v, given } = parseFlags(EXPERIMENT_COMMAND, argv);
  const saveProbes = v['--save-probes'];
  if (mode === 'resume') {
    return {
      kind: 'resume',
      args: {
        dir: v['--resume'] as string,
        workers: v['--workers'],
        backend: given.includes('--backend') ? v['--backend'] : null,
        checkpointEvery: v['--checkpoint-every'],
      },
      saveProbes,
    };
  }
  const args: ExperimentArgs = {
    preset: v['--preset'],
    steps: v['--steps'],
    seeds: v['--seeds'],
    backend: v['--backend'],
    out: v['--out'] ?? `out/${v['--preset']}`,
    evalEvery: v['--eval-every'],
    smoothEvery: v['--smooth-every'],
    sliceEvery: v['--slice-every'],
    workers: v['--workers'],
    methods: v['--methods'],
    overrides: v['--set'],
    checkpointEvery: v['--checkpoint-every'],
    faces: v['--faces'],
    pairs: v['--pairs'],
  };
  return { kind: 'new', args, saveProbes };
}

/** The flags of a new experiment (no --resume). */
export function parseExperimentArgs(argv: readonly string[]): ExperimentArgs {
  const parsed = parseRunnerArgs(argv);
  if (parsed.kind !== 'new') throw new Error('--resume is not allowed here: expected the flags of a new experiment.');
  return parsed.args;
}
