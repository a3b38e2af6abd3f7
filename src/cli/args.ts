/**
 * Command-line flags of the experiment runner and the benchmark. Every bad flag is reported by
 * name with the value given and what is allowed; nothing is guessed. Parsed by hand, not with
 * node:util parseArgs: it rejects `--probe-every -1` as an "ambiguous" option argument and
 * `--fast` as an unknown option, naming neither the value nor what is allowed, and its errors
 * carry the flag only inside their English text.
 */
import type { RunSpec } from '../core/config';
import type { PresetName } from '../core/presets';
import { PRESET_NAMES } from '../core/presets';
import { intValue, methodsValue, presetValue, seedsValue, setValue } from './flagValues';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';

export interface ExperimentArgs {
  preset: PresetName;
  steps: number | null;
  /** null = the preset's seeds (presetSeeds). */
  seeds: number[] | null;
  backend: NodeBackend;
  out: string;
  evalEvery: number | null;
  /** Steps between smoothness probes (analysis.every); 0 = none. */
  probeEvery: number | null;
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
export type RunnerArgs = ({ kind: 'new'; args: ExperimentArgs } | { kind: 'resume'; args: ResumeArgs }) & { saveProbes: boolean };

/** The one flag without a value. */
export const SAVE_PROBES = '--save-probes';

const FLAGS = ['--preset', '--steps', '--seeds', '--backend', '--eval-every', '--probe-every', '--slice-every', '--workers', '--methods', '--set', '--out', '--checkpoint-every', '--faces', '--pairs', '--resume'] as const;

/** The flags that change how a resumed experiment runs, not what it computes. */
const RESUME_FLAGS: readonly string[] = ['--workers', '--backend', '--checkpoint-every'];

export const EXPERIMENT_USAGE = `Usage: npm run experiment -- [--preset ${PRESET_NAMES.join('|')}] [--steps N] [--seeds 1,2,3]
                              [--backend ${NODE_BACKENDS.join('|')}] [--eval-every N] [--probe-every N]
                              [--slice-every N] [--workers N] [--methods conventional,sst,masst4]
                              [--set field=value ...] [--out DIR] [--checkpoint-every N] [--save-probes]
                              [--faces DIR [--pairs FILE]]
       npm run experiment -- --resume DIR [--workers N] [--backend …] [--checkpoint-every N] [--save-probes]`;

/** The config field each flag sets, to name the flag when the field is invalid. */
export const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  steps: '--steps',
  'eval.every': '--eval-every',
  'analysis.every': '--probe-every',
  'analysis.landscapeEvery': '--slice-every',
};

function fail(flag: string, value: string | undefined, allowed: string): never {
  throw new Error(`${flag} ${value === undefined ? '(missing value)' : `"${value}"`} is not allowed: expected ${allowed}.\n${EXPERIMENT_USAGE}`);
}

const positiveInt = (flag: string, value: string | undefined, min: number): number => intValue(flag, value, min, fail);

function directory(flag: string, value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) fail(flag, value, 'a directory path');
  return value;
}

/**
 * A new experiment, or `--resume DIR` with at most --workers, --backend and --checkpoint-every:
 * any flag that would change what is computed (config, seeds, methods, output folder) is refused
 * by name.
 */
export function parseRunnerArgs(all: readonly string[]): RunnerArgs {
  // --save-probes is taken out first; every other flag takes one value, so flags sit at the even positions.
  const saveProbes = all.includes(SAVE_PROBES);
  const argv = all.filter((a) => a !== SAVE_PROBES);
  const at = argv.findIndex((a, i) => i % 2 === 0 && a === '--resume');
  if (at < 0) return { kind: 'new', args: parseExperimentArgs(argv), saveProbes };
  const dir = directory('--resume', argv[at + 1]);
  const rest = [...argv.slice(0, at), ...argv.slice(at + 2)];
  const flags = rest.filter((_, i) => i % 2 === 0);
  for (const flag of flags) {
    if (flag === '--resume') throw new Error(`--resume is given twice: expected one directory.\n${EXPERIMENT_USAGE}`);
    if ((FLAGS as readonly string[]).includes(flag) && !RESUME_FLAGS.includes(flag)) {
      throw new Error(`${flag} is not allowed with --resume: a resumed experiment keeps the config, seeds, methods and folder of ${dir}/results.json; expected only ${RESUME_FLAGS.join(', ')} (and ${SAVE_PROBES}).\n${EXPERIMENT_USAGE}`);
    }
  }
  const parsed = parseExperimentArgs(rest);
  return { kind: 'resume', args: { dir, workers: parsed.workers, backend: flags.includes('--backend') ? parsed.backend : null, checkpointEvery: parsed.checkpointEvery }, saveProbes };
}

export function parseExperimentArgs(argv: readonly string[]): ExperimentArgs {
  const args: ExperimentArgs = { preset: 'smoke', steps: null, seeds: null, backend: 'wasm', out: 'out/smoke', evalEvery: null, probeEvery: null, sliceEvery: null, workers: null, methods: null, overrides: [], checkpointEvery: null, faces: null, pairs: null };
  let outGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    i += 1;
    switch (flag) {
      case '--preset':
        args.preset = presetValue(flag, value, fail);
        break;
      case '--steps':
        args.steps = positiveInt(flag, value, 1);
        break;
      case '--seeds':
        args.seeds = seedsValue(flag, value, fail);
        break;
      case '--backend':
        if (value === undefined || !(NODE_BACKENDS as readonly string[]).includes(value)) fail(flag, value, `one of ${NODE_BACKENDS.join(', ')}`);
        args.backend = value as NodeBackend;
        break;
      case '--eval-every':
        args.evalEvery = positiveInt(flag, value, 0);
        break;
      case '--probe-every':
        args.probeEvery = positiveInt(flag, value, 0);
        break;
      case '--slice-every':
        args.sliceEvery = positiveInt(flag, value, 0);
        break;
      case '--workers':
        args.workers = positiveInt(flag, value, 1);
        break;
      case '--methods':
        args.methods = methodsValue(flag, value, fail);
        break;
      case '--set':
        args.overrides.push(setValue(flag, value, args.overrides, fail));
        break;
      case '--out':
        args.out = directory(flag, value);
        outGiven = true;
        break;
      case '--checkpoint-every':
        args.checkpointEvery = positiveInt(flag, value, 0);
        break;
      case '--faces':
        args.faces = directory(flag, value);
        break;
      case '--pairs':
        if (value === undefined || value === '' || value.startsWith('--')) fail(flag, value, 'the path of an LFW pairs.txt');
        args.pairs = value;
        break;
      default:
        i -= 1;
        fail('flag', flag, `one of ${FLAGS.join(', ')}, or ${SAVE_PROBES} (runner only)`);
    }
  }
  if (args.pairs !== null && args.faces === null) fail('--pairs', args.pairs, 'a pairs file together with --faces DIR (the pairs name images of that folder)');
  if (!outGiven) args.out = `out/${args.preset}`;
  return args;
}
