/**
 * Flags of `npm run export-torch`: the runner's config flags (--preset, --steps, --seeds,
 * --methods, --eval-every, --set) plus where to write, whether to add the reference, and real data
 * as FaceX-Zoo image lists. Runner flags that mean nothing for a PyTorch project (--backend,
 * --workers) and measurements the export does not carry (--smooth-every, --slice-every above 0)
 * are refused by name. `--sweep FILE` exports a whole sweep instead (only with --out).
 */
import type { RunSpec } from '../core/config';
import type { PresetName } from '../core/presets';
import { parseFlags } from './flags/parse';
import type { Command } from './flags/types';
import {
  bad,
  FlagError,
  intFlag,
  methodsFlag,
  pathFlag,
  presetFlag,
  seedsFlag,
  setFlag,
  switchFlag,
  valueFlag,
} from './flags/values';

export interface ExportTorchArgs {
  preset: PresetName;
  steps: number | null;
  seeds: number[] | null;
  methods: RunSpec[] | null;
  evalEvery: number | null;
  overrides: string[];
  out: string;
  /** Export the first steps' weights, batches and losses (default on). */
  withReference: boolean;
  referenceSteps: number;
  /** Real data instead of the synthetic arrays: all four or none. */
  lists: { trainList: string; testList: string; pairs: string; root: string } | null;
}

/** The flags of one experiment; a --sweep file holds the whole sweep instead. */
const ONE = ['export'];

/** --smooth-every and --slice-every: taken as the runner takes them, but only 0. */
const noLandscape = (meaning: string) =>
  valueFlag<0>({ meaning, metavar: 'N', allowed: '0', default: 0, modes: ONE }, (value, flag) => {
    if (value === undefined || !/^\d+$/.test(value)) bad(flag, value, 'an integer ≥ 0');
    if (Number(value) !== 0) bad(flag, value, '0: the PyTorch export does not measure the loss landscape yet');
    return 0;
  });

const LISTS = ['--train-list', '--test-list', '--pairs', '--data-root'] as const;
/** What --sweep takes, as its errors and the file's reader (exportTorchSweep.ts) say it. */
export const SWEEP_FILE_ALLOWED =
  'a sweep spec (JSON: preset, set, axes, methods, seeds) or the sweep.json npm run sweep wrote';

const FLAGS = {
  '--out': pathFlag({
    meaning: 'The folder to write the PyTorch project to.',
    metavar: 'DIR',
    allowed: 'a directory path',
    default: '',
    defaultText: 'none (required)',
    required: true,
  }),
  '--preset': presetFlag({
    meaning: 'The preset: config, methods and seeds (src/core/presets.ts).',
    default: 'smoke',
    modes: ONE,
  }),
  '--steps': intFlag({
    meaning: 'Training steps of every run.',
    min: 1,
    default: null,
    defaultText: "the preset's",
    modes: ONE,
  }),
  '--seeds': seedsFlag({ meaning: 'The seeds: every method trains once per seed.', modes: ONE }),
  '--methods': methodsFlag({ meaning: 'The methods to compare.', modes: ONE }),
  '--eval-every': intFlag({
    meaning: 'Steps between evaluations during training (0: only at the end).',
    min: 0,
    default: null,
    defaultText: "the preset's",
    modes: ONE,
  }),
  '--smooth-every': noLandscape('Smoothness checks: not exported, so only 0 is taken (as the runner takes it).'),
  '--slice-every': noLandscape('Loss-landscape slices: not exported, so only 0 is taken (as the runner takes it).'),
  '--set': setFlag({
    meaning: 'Sets any config value by its path (--set optim.lr=0.01); each field once.',
    example: 'data.imageSize=24',
    modes: ONE,
  }),
  '--with-reference': switchFlag({
    meaning:
      "Export this engine's start weights, batches and losses of the first steps to reference/ (synthetic data only).",
    defaultText: 'on with synthetic data',
    modes: ONE,
  }),
  '--no-reference': switchFlag({
    meaning: 'Leave reference/ out: train.py draws the start values from the seed itself.',
    defaultText: 'off (on with real data)',
    modes: ONE,
  }),
  '--reference-steps': intFlag({
    meaning: 'Steps of each run recorded in reference/.',
    min: 1,
    default: 5,
    modes: ONE,
  }),
  '--train-list': pathFlag({
    meaning: 'Real data: the FaceX-Zoo training list (with --test-list, --pairs and --data-root).',
    metavar: 'FILE',
    allowed: 'a path',
    default: null,
    defaultText: 'synthetic faces',
    modes: ONE,
  }),
  '--test-list': pathFlag({
    meaning: 'Real data: the FaceX-Zoo test list.',
    metavar: 'FILE',
    allowed: 'a path',
    default: null,
    defaultText: 'synthetic faces',
    modes: ONE,
  }),
  '--pairs': pathFlag({
    meaning: 'Real data: the verification pairs.',
    metavar: 'FILE',
    allowed: 'a path',
    default: null,
    defaultText: 'synthetic faces',
    modes: ONE,
  }),
  '--data-root': pathFlag({
    meaning: 'Real data: the folder the lists are relative to.',
    metavar: 'DIR',
    allowed: 'a path',
    default: null,
    defaultText: 'synthetic faces',
    modes: ONE,
  }),
  '--sweep': pathFlag({
    meaning:
      'Export a whole sweep as one project (train.py --cell N, run_sweep.py): the spec file or sweep.json of npm run sweep.',
    metavar: 'FILE',
    allowed: SWEEP_FILE_ALLOWED,
    default: null,
    defaultText: 'one experiment',
    modes: ['sweep'],
  }),
};

export const EXPORT_TORCH_COMMAND: Command<typeof FLAGS> = {
  name: 'export-torch',
  summary: 'writes a PyTorch project that trains the experiment with python3 train.py or under torchrun.',
  flags: FLAGS,
  modes: [
    'export',
    {
      name: 'sweep',
      flag: '--sweep',
      refusal: (flag, file, allowed) =>
        `${flag} is not allowed with --sweep ${file}: the file holds the whole sweep (preset, set, axes, methods, seeds); expected only ${allowed.join(', ')}.`,
    },
  ],
  notOptions: {
    '--backend': 'the project runs on PyTorch; pick its device with train.py --device',
    '--workers': 'the project scales with torchrun --nproc_per_node',
    '--probe-every': 'it was renamed --smooth-every (the smoothness check), and only 0 is taken',
  },
  check(v) {
    const missing = LISTS.filter((f) => v[f] === null);
    if (missing.length > 0 && missing.length < LISTS.length) {
      throw new FlagError(
        `real data needs --train-list, --test-list, --pairs and --data-root together; missing ${missing.join(', ')}.`,
      );
    }
  },
};

/** `--sweep FILE --out DIR`: the file is read by exportTorchSweep.ts. */
export interface ExportTorchSweepArgs {
  sweep: string;
  out: string;
}

/** The flags of one experiment, or of a sweep (--sweep FILE). */
export function parseExportTorchCommand(
  argv: readonly string[],
): { kind: 'one'; args: ExportTorchArgs } | { kind: 'sweep'; args: ExportTorchSweepArgs } {
  const { mode, values: v } = parseFlags(EXPORT_TORCH_COMMAND, argv);
  if (mode === 'sweep') return { kind: 'sweep', args: { sweep: v['--sweep'] as string, out: v['--out'] } };
  return { kind: 'one', args: parseExportTorchArgs(argv) };
}

export function parseExportTorchArgs(argv: readonly string[]): ExportTorchArgs {
  const { values: v, given } = parseFlags(EXPORT_TORCH_COMMAND, argv);
  // The last of --with-reference and --no-reference counts.
  const reference = given.filter((f) => f === '--with-reference' || f === '--no-reference').at(-1);
  const args: ExportTorchArgs = {
    preset: v['--preset'],
    steps: v['--steps'],
    seeds: v['--seeds'],
    methods: v['--methods'],
    evalEvery: v['--eval-every'],
    overrides: v['--set'],
    out: v['--out'],
    withReference: reference !== '--no-reference',
    referenceSteps: v['--reference-steps'],
    lists: null,
  };
  const [trainList, testList, pairs, root] = LISTS.map((f) => v[f]);
  if (trainList && testList && pairs && root) {
    if (reference === '--with-reference')
      throw new Error(
        '--with-reference needs the synthetic data: the reference is the playground run on it; drop it with real data (--train-list …)',
      );
    args.lists = { trainList, testList, pairs, root };
    args.withReference = false;
  }
  return args;
}
