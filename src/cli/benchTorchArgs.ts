/**
 * The flags of `npm run bench:torch`: export-torch's flags that say which experiment to time
 * (exportTorchArgs.ts's table entries, shared); the export itself is fixed (no reference, no
 * evaluations).
 */
import { EXPORT_TORCH_COMMAND } from './exportTorchArgs';
import type { Command } from './flags/types';

/** Steps before timing starts in our engine (the first ones compile kernels and allocate). */
export const WARMUP = 2;

/** An export-torch entry without its mode (there it is one experiment's, not --sweep's; bench:torch has one mode). */
function anyMode<F extends { modes?: readonly string[] }>(flag: F): F {
  const copy = { ...flag };
  delete copy.modes;
  return copy;
}

const {
  '--preset': preset,
  '--steps': steps,
  '--seeds': seeds,
  '--methods': methods,
  '--set': set,
} = EXPORT_TORCH_COMMAND.flags;
const FLAGS = {
  '--preset': anyMode(preset),
  '--steps': anyMode(steps),
  '--seeds': anyMode(seeds),
  '--methods': anyMode(methods),
  '--set': anyMode(set),
};

export const BENCH_TORCH_COMMAND: Command<typeof FLAGS> = {
  name: 'bench:torch',
  summary:
    'times one training step of each run of a preset in our engine (wasm) and in its PyTorch export (CPU, 1 thread and every core), side by side, and writes bench/torch-results.json.',
  flags: FLAGS,
  modes: ['bench'],
};
