/**
 * The built runner as a user runs it (`node dist-cli/experiment.js`, built by
 * `vite build -c vite.cli.config.ts`): an unusable --out fails before any training; results.json
 * is written after each finished seed; SIGINT and SIGTERM stop the runs and keep what they did;
 * `--resume DIR` then finishes them with the numbers of a run never stopped (cpu, bit for bit).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../core/train/checkpointCodec';
import { checkpointPaths } from './checkpointFiles';
import type { ResultsFile } from '../core/results/resultsFile';
import { RESULTS_VERSION } from '../core/results/resultsFile';
import { TINY_CPU as TINY_CPU_SMOKE, until } from '../test/runnerProcess';

const runner = fileURLToPath(new URL('../../dist-cli/experiment.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Child {
  process: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, [runner, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, stderr: () => stderr, exit };
}

async function readResults(dir: string): Promise<ResultsFile | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

/** Smoke with cheap steps: no probes or slices. */
const SHORT = [
  '--preset',
  'smoke',
  '--backend',
  'wasm',
  '--smooth-every',
  '0',
  '--slice-every',
  '0',
  '--set',
  'analysis.slice2d=false',
];

/** runnerProcess's tiny cpu smoke (SST then MASST K=2, one worker), 8 steps each with an evaluation at 4 and 8. */
const TINY_CPU = [...TINY_CPU_SMOKE, '--steps', '8', '--eval-every', '4'];

/** Every file under `dir` with its bytes, to show that a refused resume changed nothing. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = await Promise.all(
    files
      .filter((f) => f.isFile())
      .map(
        async (f) =>
          [join(f.parentPath, f.name), (await readFile(join(f.parentPath, f.name))).toString('base64')] as const,
      ),
  );
  return new Map(entries);
}

/** What a run computed, without its timings. */
const numbers = (r: ResultsFile | null) =>
  r?.runs.map((x) => ({
    label: x.label,
    seed: x.seed,
    history: x.history,
    evals: x.evals,
    eval: x.eval,
    analysis: x.analysis,
  }));

describe('runner process', () => {
  beforeAll(() => {
    if (!existsSync(runner))
      throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
  });

  it('refuses an --out that is a file before any training', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'masst-cli-')), 'results.json');
    await writeFile(file, '{}');
    const child = start(['--preset', 'smoke', '--out', file]);
    expect(await child.exit).toBe(1);
    expect(child.stderr()).toContain(
      `--out "${file}" is not allowed: it is a file, expected a writable directory (EEXIST`,
    );
    expect(child.stderr()).not.toMatch(/runs \(|train /);
  });

  it('writes results.json after the first seed, marked incomplete, then the complete one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    const child = start([
      ...SHORT,
      '--steps',
      '20',
      '--eval-every',
      '0',
      '--seeds',
      '1,2',
      '--workers',
      '1',
      '--out',
      out,
    ]);
    // The plan comes first, before any training; then the file of the first finished seed.
    const plan = await until('results.json', 120_000, () => readResults(out));
    expect(plan).toMatchObject({ version: RESULTS_VERSION, complete: false, plannedSeeds: [1, 2] });
    const first = await until('results.json of seed 1', 120_000, async () => {
      const r = await readResults(out);
      return r !== null && r.seeds.length > 0 ? r : null;
    });
    expect(first).toMatchObject({ version: RESULTS_VERSION, complete: false, seeds: [1] });
    expect(first.runs.map((r) => [r.label, r.interrupted])).toEqual([
      ['Conventional', false],
      ['SST', false],
      ['MASST K=4', false],
    ]);
    expect(await child.exit).toBe(0);
    const last = await readResults(out);
    expect(last).toMatchObject({ complete: true, seeds: [1, 2] });
    expect(last?.runs).toHaveLength(6);
  }, 180_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'on %s stops every run, writes the finished and the interrupted ones, exits %i',
    async (signal, code) => {
      const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
      // 100 steps and 3 evaluations: seconds per run, so a signal at the first progress line (10 %
      // of all steps: ~30 steps into each of the first two runs) lands mid-run.
      const child = start([
        ...SHORT,
        '--steps',
        '100',
        '--eval-every',
        '25',
        '--seeds',
        '1,2',
        '--workers',
        '2',
        '--out',
        out,
      ]);
      await until('training progress', 120_000, () =>
        /^train [1-9]\d*\/\d+ steps/m.test(child.stderr()) ? true : null,
      );
      child.process.kill(signal);
      expect(await child.exit).toBe(code);
      expect(child.stderr()).toMatch(
        new RegExp(
          `${signal}: wrote \\d+ files to ${out} \\(results\\.json, \\d+ CSV\\), complete: false; \\d of 6 runs finished; interrupted: `,
        ),
      );
      const results = await readResults(out);
      expect(results?.complete).toBe(false);
      const cut = results?.runs.filter((r) => r.interrupted) ?? [];
      expect(cut.length).toBeGreaterThan(0);
      expect(cut.every((r) => r.eval === null && r.history.length < 100)).toBe(true);
      expect(cut.some((r) => r.history.length > 0)).toBe(true);
      // The evaluations done before the stop are kept: one every 25 steps.
      for (const r of cut)
        expect(r.evals.map((e) => e.step)).toEqual([25, 50, 75].filter((s) => s <= r.history.length));
      // Paired only where both runs of a seed have a final evaluation.
      const finished = new Set(results?.runs.filter((r) => !r.interrupted).map((r) => `${r.label}/${r.seed}`));
      for (const row of results?.pairedDifferences ?? [])
        for (const s of row.seeds) expect(finished.has(`${row.a}/${s}`) && finished.has(`${row.b}/${s}`)).toBe(true);
      // runs.csv: the page's CSV header, a row per step of every run (every evaluation falls on a trained step).
      const csv = (await readFile(join(out, 'runs.csv'), 'utf8')).trim().split('\n');
      expect(csv[0]).toBe('method,seed,step,loss,smoothed_loss,lr,accuracy,accuracy_std_err,auc');
      expect(csv).toHaveLength(1 + (results?.runs ?? []).reduce((n, r) => n + r.history.length, 0));
      expect(csv.filter((row) => row.startsWith(`${cut[0]?.label},${cut[0]?.seed},`))).toHaveLength(
        cut[0]?.history.length ?? -1,
      );
    },
    180_000,
  );

  it('after SIGINT, --resume finishes the interrupted run with the numbers of a run never stopped', async () => {
    const [ref, out] = [await mkdtemp(join(tmpdir(), 'masst-ref-')), await mkdtemp(join(tmpdir(), 'masst-cut-'))];
    // Side by side: the reference needs no signal.
    const straight = start([...TINY_CPU, '--out', ref]);
    const child = start([...TINY_CPU, '--out', out]);
    // SST trains first: stop once MASST K=2 has taken a step or more (steps 9 to 14 of 16).
    await until('MASST K=2 progress', 90_000, () =>
      /^train (9|1[0-4])\/16 steps/m.test(child.stderr()) ? true : null,
    );
    child.process.kill('SIGINT');
    expect(await child.exit).toBe(130);
    const cut = await readResults(out);
    expect(cut?.runs.map((r) => [r.label, r.interrupted])).toEqual([
      ['SST', false],
      ['MASST K=2', true],
    ]);
    const at = cut?.runs[1]?.history.length ?? 0;
    expect(at).toBeGreaterThan(0);
    // The stop wrote the checkpoint at the very step where the run stopped.
    const ckpt = checkpointPaths(out, 1, 'MASST K=2').checkpoint;
    const bytes = await readFile(ckpt);
    expect(
      decodeCheckpoint(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, ckpt).step,
    ).toBe(at);

    // A checkpoint with 4,000 flipped bytes is named as corrupt, and the folder is left as it was.
    const bad = await mkdtemp(join(tmpdir(), 'masst-bad-'));
    await cp(out, bad, { recursive: true });
    const badCkpt = checkpointPaths(bad, 1, 'MASST K=2').checkpoint;
    const flipped = Uint8Array.from(bytes);
    for (let i = 1; i <= 4000; i++) flipped[flipped.length - i] = (flipped[flipped.length - i] as number) ^ 0xff;
    await writeFile(badCkpt, flipped);
    const before = await snapshot(bad);
    const refused = start(['--resume', bad]);
    expect(await refused.exit).toBe(1);
    expect(refused.stderr()).toContain(`${badCkpt} is corrupt: it was written with CRC-32 `);
    expect(refused.stderr()).toContain(
      '; --resume uses no part of it: remove it to train MASST K=2 on seed 1 again from step 0',
    );
    expect(await snapshot(bad)).toEqual(before);

    const resumed = start(['--resume', out]);
    expect(await resumed.exit).toBe(0);
    expect(resumed.stderr()).toContain(
      `resuming ${out}: 1 of 2 runs kept as they are, 1 continued from their checkpoint (MASST K=2 on seed 1 at step ${at}), 0 from step 0`,
    );
    expect(await straight.exit).toBe(0);
    const [expected, got] = [await readResults(ref), await readResults(out)];
    expect(got).toMatchObject({ complete: true, seeds: [1], plannedSeeds: [1], backend: 'cpu' });
    expect(got?.runs[1]?.history).toHaveLength(8);
    expect(numbers(got)).toEqual(numbers(expected));
    expect(got?.pairedDifferences).toEqual(expected?.pairedDifferences);
  }, 120_000);

  it('trains on a face folder (--faces) with its pairs.txt, records the folder, and names a folder too small for the config', async () => {
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    // A field is set once (a repeated --set is refused): TINY_CPU's values replaced, not overridden.
    const fitted = TINY_CPU.map((a) =>
      a === 'data.trainIds=24' ? 'data.trainIds=12' : a === 'gallery.queueSize=8' ? 'gallery.queueSize=4' : a,
    );
    const child = start([...fitted, '--faces', 'e2e/fixtures/faces', '--out', out]);
    expect(await child.exit).toBe(0);
    expect(child.stderr()).toContain(
      "faces: faces — 20 identities, 60 images at 8 px × 1; 20 pairs from e2e/fixtures/faces/pairs.txt (LFW's 10 folds)",
    );
    const results = await readResults(out);
    expect(results?.faces).toMatchObject({
      folder: 'e2e/fixtures/faces',
      identities: 20,
      images: 60,
      pairsFormat: 'lfw-10-fold',
    });
    expect(results?.runs.map((r) => r.eval?.pairs)).toEqual([20, 20]);
    const small = start([
      ...TINY_CPU,
      '--faces',
      'e2e/fixtures/faces',
      '--out',
      await mkdtemp(join(tmpdir(), 'masst-cli-')),
    ]);
    expect(await small.exit).toBe(1);
    expect(small.stderr()).toContain(
      '--faces e2e/fixtures/faces: data.trainIds is 24 but the folder "faces" has only 16 identities with at least 2 readable images outside the held-out ones; allowed: 2 to 16. Change it with --set',
    );
  }, 120_000);

  it('refuses a --resume that would change the experiment or has no results to read, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masst-resume-'));
    const steps = start(['--resume', dir, '--steps', '50']);
    expect(await steps.exit).toBe(1);
    expect(steps.stderr()).toContain(
      `--steps is not allowed with --resume: a resumed experiment keeps the config, seeds, methods and folder of ${dir}/results.json`,
    );
    const empty = start(['--resume', dir]);
    expect(await empty.exit).toBe(1);
    expect(empty.stderr()).toContain(`${join(dir, 'results.json')} does not exist`);
    await writeFile(join(dir, 'results.json'), '{"version": 4, "runs": [');
    const broken = start(['--resume', dir]);
    expect(await broken.exit).toBe(1);
    expect(broken.stderr()).toContain(`${join(dir, 'results.json')} is not JSON`);
    expect(await readdir(dir)).toEqual(['results.json']);
  }, 30_000);
});
