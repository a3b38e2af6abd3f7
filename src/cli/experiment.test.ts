/**
 * The built runner as a user runs it (`node dist-cli/experiment.js`, built by
 * `vite build -c vite.cli.config.ts`): an unusable --out fails before any training; results.json
 * is written after each finished seed; SIGINT and SIGTERM stop the runs and keep what they did.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from './results';
import { RESULTS_VERSION } from './results';

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

/** Polls every 50 ms until `ready` gives a value; fails after `ms`. */
async function until<T>(what: string, ms: number, ready: () => Promise<T | null> | T | null): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await ready();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`no ${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readResults(dir: string): Promise<ResultsFile | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

/** Smoke with cheap steps: no probes or slices. */
const SHORT = ['--preset', 'smoke', '--backend', 'wasm', '--probe-every', '0', '--slice-every', '0', '--set', 'analysis.slice2d=false'];

describe('runner process', () => {
  beforeAll(() => {
    if (!existsSync(runner)) throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
  });

  it('refuses an --out that is a file before any training', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'masst-cli-')), 'results.json');
    await writeFile(file, '{}');
    const child = start(['--preset', 'smoke', '--out', file]);
    expect(await child.exit).toBe(1);
    expect(child.stderr()).toContain(`--out "${file}" is not allowed: it is a file, expected a writable directory (EEXIST`);
    expect(child.stderr()).not.toMatch(/runs \(|train /);
  });

  it('writes results.json after the first seed, marked incomplete, then the complete one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    const child = start([...SHORT, '--steps', '20', '--eval-every', '0', '--seeds', '1,2', '--workers', '1', '--out', out]);
    const first = await until('results.json', 120_000, () => readResults(out));
    expect(first).toMatchObject({ version: RESULTS_VERSION, complete: false, seeds: [1] });
    expect(first.runs.map((r) => [r.label, r.interrupted])).toEqual([['Conventional', false], ['SST', false], ['MASST K=4', false]]);
    expect(await child.exit).toBe(0);
    const last = await readResults(out);
    expect(last).toMatchObject({ complete: true, seeds: [1, 2] });
    expect(last?.runs).toHaveLength(6);
  }, 180_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s stops every run, writes the finished and the interrupted ones, exits %i', async (signal, code) => {
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    // 100 steps and 3 evaluations: seconds per run, so a signal at the first progress line (10 %
    // of all steps: ~30 steps into each of the first two runs) lands mid-run.
    const child = start([...SHORT, '--steps', '100', '--eval-every', '25', '--seeds', '1,2', '--workers', '2', '--out', out]);
    await until('training progress', 120_000, () => (/^train [1-9]\d*\/\d+ steps/m.test(child.stderr()) ? true : null));
    child.process.kill(signal);
    expect(await child.exit).toBe(code);
    expect(child.stderr()).toMatch(new RegExp(`${signal}: wrote \\d+ files to ${out} \\(results\\.json, \\d+ CSV\\), complete: false; \\d of 6 runs finished; interrupted: `));
    const results = await readResults(out);
    expect(results?.complete).toBe(false);
    const cut = results?.runs.filter((r) => r.interrupted) ?? [];
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((r) => r.eval === null && r.history.length < 100)).toBe(true);
    expect(cut.some((r) => r.history.length > 0)).toBe(true);
    // The evaluations done before the stop are kept: one every 25 steps.
    for (const r of cut) expect(r.evals.map((e) => e.step)).toEqual([25, 50, 75].filter((s) => s <= r.history.length));
    // Paired only where both runs of a seed have a final evaluation.
    const finished = new Set(results?.runs.filter((r) => !r.interrupted).map((r) => `${r.label}/${r.seed}`));
    for (const row of results?.pairedDifferences ?? []) for (const s of row.seeds) expect(finished.has(`${row.a}/${s}`) && finished.has(`${row.b}/${s}`)).toBe(true);
    const csv = await readFile(join(out, `${cut[0]?.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-seed${cut[0]?.seed}.csv`), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength((cut[0]?.history.length ?? 0) + 1);
  }, 180_000);
});
