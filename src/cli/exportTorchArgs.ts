/**
 * Flags of `npm run export-torch`: the runner's config flags (--preset, --steps, --seeds,
 * --methods, --eval-every, --set) plus where to write, whether to add the reference, and real data
 * as FaceX-Zoo image lists. Runner flags that mean nothing for a PyTorch project (--backend,
 * --workers) and measurements the export does not carry (--probe-every, --slice-every above 0)
 * are refused by name.
 */
import type { RunSpec } from '../core/config';
import type { PresetName } from '../core/presets';
import { PRESET_NAMES } from '../core/presets';
import { intValue, methodsValue, presetValue, seedsValue, setValue } from './flagValues';

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

export const EXPORT_TORCH_USAGE = `Usage: npm run export-torch -- --out DIR [--preset ${PRESET_NAMES.join('|')}] [--steps N] [--seeds 1,2]
                                [--methods conventional,sst,masst4] [--eval-every N] [--set field=value ...]
                                [--with-reference | --no-reference] [--reference-steps N]
                                [--train-list FILE --test-list FILE --pairs FILE --data-root DIR]`;

function fail(flag: string, value: string | undefined, allowed: string): never {
  throw new Error(`${flag} ${value === undefined ? '(missing value)' : `"${value}"`} is not allowed: expected ${allowed}.\n${EXPORT_TORCH_USAGE}`);
}

const int = (flag: string, value: string | undefined, min: number): number => intValue(flag, value, min, fail);

function path(flag: string, value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) fail(flag, value, 'a path');
  return value;
}

const NOT_EXPORTED: Record<string, string> = {
  '--backend': 'the project runs on PyTorch; pick its device with train.py --device',
  '--workers': 'the project scales with torchrun --nproc_per_node',
};

export function parseExportTorchArgs(argv: readonly string[]): ExportTorchArgs {
  const args: ExportTorchArgs = { preset: 'smoke', steps: null, seeds: null, methods: null, evalEvery: null, overrides: [], out: '', withReference: true, referenceSteps: 5, lists: null };
  const lists: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (flag === '--with-reference' || flag === '--no-reference') {
      args.withReference = flag === '--with-reference';
      continue;
    }
    i += 1;
    switch (flag) {
      case '--preset':
        args.preset = presetValue(flag, value, fail);
        break;
      case '--steps':
        args.steps = int(flag, value, 1);
        break;
      case '--seeds':
        args.seeds = seedsValue(flag, value, fail);
        break;
      case '--methods':
        args.methods = methodsValue(flag, value, fail);
        break;
      case '--eval-every':
        args.evalEvery = int(flag, value, 0);
        break;
      case '--probe-every':
      case '--slice-every':
        if (int(flag, value, 0) !== 0) fail(flag, value, '0: the PyTorch export does not measure the loss landscape yet');
        break;
      case '--set':
        args.overrides.push(setValue(flag, value, args.overrides, fail));
        break;
      case '--out':
        args.out = path(flag, value);
        break;
      case '--reference-steps':
        args.referenceSteps = int(flag, value, 1);
        break;
      case '--train-list':
      case '--test-list':
      case '--pairs':
      case '--data-root':
        lists[flag] = path(flag, value);
        break;
      default:
        if (NOT_EXPORTED[flag] !== undefined) throw new Error(`${flag} is not an option of export-torch: ${NOT_EXPORTED[flag]}.\n${EXPORT_TORCH_USAGE}`);
        fail('flag', flag, 'one of --out, --preset, --steps, --seeds, --methods, --eval-every, --set, --with-reference, --no-reference, --reference-steps, --train-list, --test-list, --pairs, --data-root');
    }
  }
  if (args.out === '') fail('--out', undefined, 'the folder to write the project to');
  const given = ['--train-list', '--test-list', '--pairs', '--data-root'].filter((f) => lists[f] !== undefined);
  if (given.length > 0 && given.length < 4) {
    const missing = ['--train-list', '--test-list', '--pairs', '--data-root'].filter((f) => lists[f] === undefined);
    throw new Error(`real data needs --train-list, --test-list, --pairs and --data-root together; missing ${missing.join(', ')}.\n${EXPORT_TORCH_USAGE}`);
  }
  if (given.length === 4) {
    args.lists = { trainList: lists['--train-list'] as string, testList: lists['--test-list'] as string, pairs: lists['--pairs'] as string, root: lists['--data-root'] as string };
    if (args.withReference && argv.includes('--with-reference')) throw new Error('--with-reference needs the synthetic data: the reference is the playground run on it; drop it with real data (--train-list …)');
    args.withReference = false;
  }
  return args;
}
