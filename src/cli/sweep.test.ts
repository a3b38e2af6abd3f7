/**
 * The built sweep runner as a user runs it (`node dist-cli/sweep.js`, built by
 * `vite build -c vite.cli.config.ts`): a 2 × 1 smoke sweep trains SST once for both cells;
 * Ctrl-C keeps the runs that finished in the store and the same sweep then trains only the rest;
 * again, it trains nothing and writes the same numbers; after a corrupt store entry, `--resume
 * DIR` retrains only that run and gets the same numbers bit for bit (cpu).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SweepFile } from './sweepFiles';
import { until } from '../test/runnerProcess';
import { tinySweep } from '../test/tinySweep';

const runner = fileURLToPath(new URL('../../dist-cli/sweep.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the sweep to its exit; `during` is given the process while it runs. */
async function sweep(
  args: string[],
  during?: (child: ChildProcess) => Promise<void>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [runner, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await during?.(child);
  return { code: await exit, stdout, stderr };
}

const TINY = tinySweep('1');

/** The cells' numbers, without whether a run was reused. */
const numbers = (f: SweepFile) => f.cells.map((c) => ({ ...c, runs: c.runs.map(({ reused: _, ...r }) => r) }));

const read = async (dir: string): Promise<SweepFile> =>
  JSON.parse(await readFile(join(dir, 'sweep.json'), 'utf8')) as SweepFile;

describe('sweep runner process', () => {
  beforeAll(() => {
    if (!existsSync(runner))
      throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
  });

  it('refuses a bad axis before training, naming path, value and what is allowed', async () => {
    const r = await sweep([
      '--preset',
      'smoke',
      '--axis',
      'masst.agentAlpha=shared,sometimes',
      '--methods',
      'sst,masst2',
      '--out',
      join(tmpdir(), 'never-written'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Invalid sweep:\n  - cell masst.agentAlpha=sometimes: masst.agentAlpha = "sometimes" is not allowed: expected one of "shared", "perAgent", "horizonMatched".\n',
    );
    expect(existsSync(join(tmpdir(), 'never-written'))).toBe(false);
  });

  it('trains each distinct run once, keeps finished runs on Ctrl-C, reuses the store, retrains a corrupt entry bit for bit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sweep-'));
    const out = join(dir, 'out');
    const store = join(dir, 'store');
    const entries = async (): Promise<string[]> =>
      readdir(store).then(
        (names) => names.filter((n) => n.endsWith('.json')),
        () => [],
      );

    // Ctrl-C once the first run is in the store: the others stop, the finished one stays.
    const stopped = await sweep([...TINY, '--out', out, '--store', store], async (child) => {
      await until('a stored run', 60_000, async () => ((await entries()).length > 0 ? true : null));
      child.kill('SIGINT');
    });
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain(
      '2 cells × 2 methods × 1 seeds = 4 runs, 3 distinct by run key: 0 in the run store',
    );
    const kept = (await entries()).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(3);
    expect(stopped.stderr).toContain(
      `SIGINT: ${kept} runs finished in this sweep and are in the run store (${store}); ${3 - kept} not finished.`,
    );

    const rest = await sweep([...TINY, '--out', out, '--store', store]);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stderr).toContain(`trained ${3 - kept} runs, reused ${kept}`);
    expect((await readdir(out)).sort()).toEqual(['heatmap-masst-k-2-vs-sst.svg', 'sweep.csv', 'sweep.json']);
    expect(await entries()).toHaveLength(3);
    const a = await read(out);
    expect(a.complete).toBe(true);
    expect(a.runs).toEqual({ grid: 4, distinct: 3, trained: 3 - kept, reused: kept });
    // SST is one run, in both cells.
    const sstKeys = a.cells.map((c) => c.runs.find((r) => r.label === 'SST')?.key);
    expect(sstKeys[0]).toBe(sstKeys[1]);
    expect(a.cells.map((c) => c.pairs[0]?.label)).toEqual(['MASST K=2 − SST', 'MASST K=2 − SST']);
    expect(a.cells.every((c) => c.runs.every((r) => r.accuracy !== null && r.medianLipschitz !== null))).toBe(true);
    expect(rest.stdout).toContain('MASST K=2 − SST');
    expect((await readFile(join(out, 'sweep.csv'), 'utf8')).trim().split('\n')).toHaveLength(5);

    const again = await sweep([...TINY, '--out', out, '--store', store]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('trained 0 runs, reused 3');
    const b = await read(out);
    expect(b.runs).toEqual({ grid: 4, distinct: 3, trained: 0, reused: 3 });
    expect(numbers(b)).toEqual(numbers(a));
    expect(again.stdout).toBe(rest.stdout);

    // A corrupt entry: dropped with a note and retrained by --resume, with the numbers it had.
    const masstKey = a.cells[1]?.runs.find((r) => r.label === 'MASST K=2')?.key as string;
    await writeFile(join(store, `${masstKey}.json`), '{"version": 1, "key": "trunc');
    const resumed = await sweep(['--resume', out, '--store', store, '--workers', '1']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`run store: dropped ${join(store, masstKey)}.json: not JSON`);
    expect(resumed.stderr).toContain('trained 1 runs, reused 2');
    const untimed = (f: SweepFile) =>
      numbers(f).map((c) => ({ ...c, runs: c.runs.map((r) => ({ ...r, seconds: 0 })), trainSeconds: 0 }));
    expect(untimed(await read(out))).toEqual(untimed(a));
  }, 120_000);
});
