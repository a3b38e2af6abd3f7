/**
 * What a sweep costs against training the same runs as experiments, measured side by side in one
 * run, through the commands a user types (built dist-cli/): the sweep of issue 18 (agent α ∈
 * {shared, horizonMatched} × methods sst, masst2, masst4, masst8 × seeds 1–3: 24 runs in the grid,
 * 21 distinct, since SST reads no `masst.*`) against the two experiments that train exactly those
 * 21 runs (α shared: sst and the three MASST; α horizonMatched: the three MASST), then the same
 * sweep again on the now-filled run store. The faces of the three seeds are made first, so neither
 * side pays for rendering. Both sides write their files, as a user's would.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { presetConfig } from '../../core/presets';
import { loadOrGenerateDataset } from '../dataset-cache-node';

const run = promisify(execFile);

export interface SweepCost {
  steps: number;
  workers: number;
  /** Runs the two experiments trained (= the sweep's distinct runs). */
  runs: number;
  /** Wall seconds of the two experiments, the sweep on an empty store, and the sweep again. */
  experiments: number;
  sweep: number;
  repeated: number;
  /** sweep / experiments: the target is ≤ 1.1. */
  ratio: number;
  /** What the repeated sweep trained and reused (from its sweep.json). */
  repeatedTrained: number;
  repeatedReused: number;
}

const SEEDS = '1,2,3';
const MASST = 'masst2,masst4,masst8';

/** Wall seconds of `node dist-cli/<script> args…`; its stderr is kept for a failure's message. */
async function timed(script: string, args: string[]): Promise<number> {
  const started = performance.now();
  try {
    await run(process.execPath, [`dist-cli/${script}`, ...args], { maxBuffer: 64 * 2 ** 20 });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(
      `sweep cost: node dist-cli/${script} ${args.join(' ')} failed: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
    );
  }
  return (performance.now() - started) / 1000;
}

export async function measureSweepCost(
  steps: number,
  workers: number,
  log: (line: string) => void,
): Promise<SweepCost> {
  const dir = await mkdtemp(join(tmpdir(), 'masst-sweep-cost-'));
  try {
    const data = presetConfig('demo').data;
    for (const seed of [1, 2, 3]) await loadOrGenerateDataset(data, seed);
    // The demo evaluates every 50 steps and checks smoothness every 100: here both twice a run, so
    // a short run is valid (every ≤ steps) and still pays for both, on either side.
    const every = String(Math.max(1, Math.floor(steps / 2)));
    const common = ['--preset', 'demo', '--seeds', SEEDS, '--workers', String(workers)];
    log(`sweep cost: two experiments, 21 runs × ${steps} steps on ${workers} workers…`);
    const experiment = (alpha: string, methods: string, out: string): string[] => [
      ...common,
      '--set',
      `masst.agentAlpha=${alpha}`,
      '--steps',
      String(steps),
      '--eval-every',
      every,
      '--smooth-every',
      every,
      '--methods',
      methods,
      '--out',
      join(dir, out),
    ];
    const experiments =
      (await timed('experiment.js', experiment('shared', `sst,${MASST}`, 'shared'))) +
      (await timed('experiment.js', experiment('horizonMatched', MASST, 'matched')));
    const sweepArgs = [
      ...common,
      '--set',
      `steps=${steps}`,
      '--set',
      `eval.every=${every}`,
      '--set',
      `analysis.every=${every}`,
      '--axis',
      'masst.agentAlpha=shared,horizonMatched',
      '--methods',
      `sst,${MASST}`,
      '--store',
      join(dir, 'store'),
      '--out',
      join(dir, 'sweep'),
    ];
    log('sweep cost: the sweep on an empty run store…');
    const sweep = await timed('sweep.js', sweepArgs);
    log('sweep cost: the same sweep again…');
    const repeated = await timed('sweep.js', sweepArgs);
    const file = JSON.parse(await readFile(join(dir, 'sweep', 'sweep.json'), 'utf8')) as {
      runs: { distinct: number; trained: number; reused: number };
    };
    return {
      steps,
      workers,
      runs: file.runs.distinct,
      experiments,
      sweep,
      repeated,
      ratio: sweep / experiments,
      repeatedTrained: file.runs.trained,
      repeatedReused: file.runs.reused,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function sweepCostLine(c: SweepCost): string {
  return (
    `sweep cost (demo, ${c.steps} steps, ${c.workers} workers): the same ${c.runs} runs as two experiments ${c.experiments.toFixed(1)} s, ` +
    `as a sweep ${c.sweep.toFixed(1)} s (${c.ratio.toFixed(2)}×; target ≤ 1.1×), the sweep again ${c.repeated.toFixed(1)} s ` +
    `(trained ${c.repeatedTrained}, reused ${c.repeatedReused})`
  );
}
