/**
 * A runner killed outright (SIGKILL: no handler runs) after its first checkpoint but before any
 * run finished: results.json already holds the plan, written before training, so `--resume`
 * continues from the checkpoint and ends with the numbers of a run never stopped (cpu, bit for bit).
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numbers, readResults, requireRunner, startRunner, TINY_CPU, until } from '../test/runnerProcess';
import { checkpointPaths } from './checkpointFiles';
import { RESULTS_VERSION } from '../core/results/resultsFile';

/** 12 steps with a checkpoint every 2: SST's first checkpoint comes well before either run ends. */
const FLAGS = [...TINY_CPU, '--steps', '12', '--eval-every', '6', '--checkpoint-every', '2'];

describe('runner killed before its first seed finished', () => {
  beforeAll(requireRunner);

  it('--resume continues from the checkpoints with the numbers of a run never stopped', async () => {
    const [ref, out] = [await mkdtemp(join(tmpdir(), 'masst-ref-')), await mkdtemp(join(tmpdir(), 'masst-kill-'))];
    const straight = startRunner([...FLAGS, '--out', ref]);
    const child = startRunner([...FLAGS, '--out', out]);
    const first = checkpointPaths(out, 1, 'SST').checkpoint;
    await until('the first checkpoint', 90_000, () => (existsSync(first) ? true : null), 10);
    child.process.kill('SIGKILL');
    expect(await child.exit).toBe(null);
    // Only the plan: no run had finished, so no results.
    const plan = await readResults(out);
    expect(plan).toMatchObject({
      version: RESULTS_VERSION,
      complete: false,
      seeds: [],
      plannedSeeds: [1],
      runs: [],
      untrained: [],
      backend: 'cpu',
    });

    const resumed = startRunner(['--resume', out]);
    expect(await resumed.exit, resumed.stderr()).toBe(0);
    expect(resumed.stderr()).toMatch(
      new RegExp(
        `resuming ${out}: 0 of 2 runs kept as they are, 1 continued from their checkpoint \\(SST on seed 1 at step \\d+\\), 1 from step 0`,
      ),
    );
    expect(await straight.exit).toBe(0);
    const [expected, got] = [await readResults(ref), await readResults(out)];
    expect(got).toMatchObject({ complete: true, seeds: [1], plannedSeeds: [1], backend: 'cpu' });
    expect(got?.runs.map((r) => r.history.length)).toEqual([12, 12]);
    expect(numbers(got)).toEqual(numbers(expected));
    expect(got?.untrained).toEqual(expected?.untrained);
    expect(got?.pairedDifferences).toEqual(expected?.pairedDifferences);
    expect(resumed.stdout()).toMatch(/^MASST K=2 +\d/m);
  }, 120_000);
});
