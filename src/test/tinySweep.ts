/**
 * The smoke preset shrunk to seconds (8 px, 24 IDs, 10 test IDs, 60 pairs, batch 4, a queue of 8),
 * as runner `--set` flags, for the tests that start the runner (runnerProcess.ts TINY_CPU, and the
 * sweep below).
 */
export const TINY_SETS: readonly string[] = [
  '--set',
  'batchSize=4',
  '--set',
  'data.trainIds=24',
  '--set',
  'data.testIds=10',
  '--set',
  'data.pairs=60',
  '--set',
  'gallery.queueSize=8',
  '--set',
  'data.imageSize=8',
  '--set',
  'data.augment.shiftPx=1',
];

/**
 * The runner sweep the sweep tests train (src/cli/sweep.test.ts, e2e/sweep.spec.ts): smoke shrunk
 * to seconds on cpu (8 px, 24 IDs, batch 4, 8 steps, probes every 4), two workers, 2 cells of
 * masst.agentAlpha × SST and MASST K=2, on `seeds` (comma-separated).
 */
export const tinySweep = (seeds: string): string[] => [
  '--preset',
  'smoke',
  '--backend',
  'cpu',
  '--workers',
  '2',
  '--set',
  'analysis.every=4',
  '--set',
  'analysis.landscapeEvery=0',
  '--set',
  'analysis.slice2d=false',
  ...TINY_SETS,
  '--set',
  'steps=8',
  '--set',
  'eval.every=4',
  '--axis',
  'masst.agentAlpha=shared,horizonMatched',
  '--methods',
  'sst,masst2',
  '--seeds',
  seeds,
];
