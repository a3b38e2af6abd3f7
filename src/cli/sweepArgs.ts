/**
 * Flags of `npm run sweep`: the sweep itself (--preset, --set, --axis, --methods, --seeds, or a
 * --spec file holding them) and how it runs (--out, --backend, --workers, --store), or `--resume
 * DIR` with only --workers and --store. Every bad flag is named with its value and what is
 * allowed; the spec's own checks (paths, values, grid size) are core/sweep/spec.ts's.
 */
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import { PRESET_NAMES, presetConfig, presetSeeds } from '../core/presets';
import type { SweepSpec } from '../core/sweep/spec';
import { MAX_AXES, MAX_CELLS, parseAxis } from '../core/sweep/spec';
import { encodeRuns } from '../core/urlCodec';
import type { NodeBackend } from './backend-node';
import { NODE_BACKENDS } from './backend-node';
import { intValue, methodsValue, presetValue, seedsValue } from './flagValues';
import { RUN_STORE_DIR } from './runStore';

export const SWEEP_USAGE = `Usage: npm run sweep -- [--preset ${PRESET_NAMES.join('|')}] [--set field=value ...]
                         --axis path=value1,value2 [--axis …] (up to ${MAX_AXES} axes, ${MAX_CELLS} cells)
                         [--methods sst,masst2,masst4] [--seeds 1,2,3]
                         [--backend ${NODE_BACKENDS.join('|')}] [--workers N] [--out DIR] [--store DIR]
       npm run sweep -- --spec sweep.json [--backend …] [--workers N] [--out DIR] [--store DIR]
       npm run sweep -- --resume DIR [--workers N] [--store DIR]`;

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

function fail(flag: string, value: string | undefined, allowed: string): never {
  throw new Error(`${flag} ${value === undefined ? '(missing value)' : `"${value}"`} is not allowed: expected ${allowed}.\n${SWEEP_USAGE}`);
}

const path = (flag: string, value: string | undefined, what: string): string => {
  if (value === undefined || value === '' || value.startsWith('--')) fail(flag, value, what);
  return value;
};

const SPEC_FLAGS = ['--preset', '--set', '--axis', '--methods', '--seeds'];
const RESUME_FLAGS = ['--workers', '--store'];

export function parseSweepArgs(argv: readonly string[]): SweepArgs {
  let preset: PresetName = 'demo';
  const set: string[] = [];
  const axisTexts: string[] = [];
  let methods: string | null = null;
  let seeds: number[] | null = null;
  let backend: NodeBackend = 'wasm';
  let workers: number | null = null;
  let out: string | null = null;
  let store = RUN_STORE_DIR;
  let file: string | null = null;
  let resume: string | null = null;
  const given: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    given.push(flag);
    switch (flag) {
      case '--preset':
        preset = presetValue(flag, value, fail);
        break;
      case '--set':
        if (value === undefined || !/^[A-Za-z][\w.]*=/.test(value)) fail(flag, value, 'field=value, e.g. --set steps=300');
        set.push(value);
        break;
      case '--axis':
        if (value === undefined || value.startsWith('--')) fail(flag, value, 'path=value1,value2, e.g. --axis masst.agentAlpha=shared,horizonMatched');
        axisTexts.push(value);
        break;
      case '--methods':
        methods = encodeRuns(methodsValue(flag, value, fail));
        break;
      case '--seeds':
        seeds = seedsValue(flag, value, fail);
        break;
      case '--backend':
        if (value === undefined || !(NODE_BACKENDS as readonly string[]).includes(value)) fail(flag, value, `one of ${NODE_BACKENDS.join(', ')}`);
        backend = value as NodeBackend;
        break;
      case '--workers':
        workers = intValue(flag, value, 1, fail);
        break;
      case '--out':
        out = path(flag, value, 'a directory path');
        break;
      case '--store':
        store = path(flag, value, 'a directory path');
        break;
      case '--spec':
        file = path(flag, value, 'the path of a sweep spec (JSON: preset, set, axes, methods, seeds)');
        break;
      case '--resume':
        resume = path(flag, value, 'a folder with the sweep.json of an earlier sweep');
        break;
      default:
        fail('flag', flag, `one of ${[...SPEC_FLAGS, '--backend', '--workers', '--out', '--store', '--spec', '--resume'].join(', ')}`);
    }
  }
  if (resume !== null) {
    const other = given.find((f) => f !== '--resume' && !RESUME_FLAGS.includes(f));
    if (other !== undefined) throw new Error(`${other} is not allowed with --resume: a resumed sweep keeps the spec, backend and folder of ${resume}/sweep.json; expected only ${RESUME_FLAGS.join(', ')}.\n${SWEEP_USAGE}`);
    return { kind: 'resume', dir: resume, workers, store };
  }
  if (file !== null) {
    const other = given.find((f) => SPEC_FLAGS.includes(f));
    if (other !== undefined) throw new Error(`${other} is not allowed with --spec ${file}: the file holds the whole sweep; expected only --backend, --workers, --out, --store.\n${SWEEP_USAGE}`);
    return { kind: 'file', file, backend, out: out ?? 'out/sweep', workers, store };
  }
  const base: ExperimentConfig = presetConfig(preset);
  const axes = axisTexts.map((t) => parseAxis(t, base));
  const spec: SweepSpec = { preset, set, axes, methods: methods ?? encodeRuns(base.runs), seeds: seeds ?? presetSeeds(preset) };
  return { kind: 'flags', spec, backend, out: out ?? `out/sweep-${preset}`, workers, store };
}
