/**
 * The built runner as a child process, for process tests (`node dist-cli/experiment.js`, built by
 * `vite build -c vite.cli.config.ts`): start it, wait for what it writes, read its results.json.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultsFile } from '../core/results/resultsFile';
import { TINY_SETS } from './tinySweep';

export const RUNNER = fileURLToPath(new URL('../../dist-cli/experiment.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Throws, saying how to build it, when the built runner is missing. */
export function requireRunner(): void {
  if (!existsSync(RUNNER))
    throw new Error(`${RUNNER} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
}

export interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

export function startRunner(args: string[]): Child {
  const child = spawn(process.execPath, [RUNNER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Polls every `everyMs` until `ready` gives a value other than null; fails after `ms`. */
export async function until<T>(
  what: string,
  ms: number,
  ready: () => Promise<T | null> | T | null,
  everyMs = 50,
): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await ready();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`no ${what} within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** DIR/results.json, or null when it is missing or not (yet) JSON. */
export async function readResults(dir: string): Promise<ResultsFile | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}

/** What the runs computed, without their timings. */
export const numbers = (r: ResultsFile | null) =>
  r?.runs.map((x) => ({
    label: x.label,
    seed: x.seed,
    history: x.history,
    evals: x.evals,
    eval: x.eval,
    analysis: x.analysis,
  }));

/** Smoke shrunk to seconds on cpu (8 px, 24 IDs, batch 4): SST then MASST K=2 on one worker. */
export const TINY_CPU = [
  '--preset',
  'smoke',
  '--backend',
  'cpu',
  '--smooth-every',
  '0',
  '--slice-every',
  '0',
  '--set',
  'analysis.slice2d=false',
  ...TINY_SETS,
  '--methods',
  'sst,masst2',
  '--seeds',
  '1',
  '--workers',
  '1',
];
