/**
 * The built runner on an LFW-shaped folder (made at test time: LFW's layout, one-image people,
 * a 10-fold pairs.txt whose different-person lines name them): it trains, evaluates on the 40
 * pairs of pairs.txt, takes rank-1 over the held-out people with ≥ 2 images, writes results.json
 * and says what the evaluation used. Build it first: `vite build -c vite.cli.config.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LFW_SHAPE } from '../core/faces/lfwShapedFolder';
import { writeLfwShapedFolder } from '../test/lfwFolderNode';
import type { ResultsFile } from './results';

const runner = fileURLToPath(new URL('../../dist-cli/experiment.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the runner to its end; its exit code, stdout and stderr. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [runner, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Smoke shrunk to seconds on cpu: 8 px, 8 training IDs, batch 4, SST alone, 2 steps, one seed. */
const TINY_CPU = [
  '--preset', 'smoke', '--backend', 'cpu', '--probe-every', '0', '--slice-every', '0', '--set', 'analysis.slice2d=false',
  '--set', 'batchSize=4', '--set', 'data.trainIds=8', '--set', 'gallery.queueSize=4', '--set', 'data.imageSize=8',
  '--set', 'data.augment.shiftPx=1', '--steps', '2', '--eval-every', '0', '--methods', 'sst', '--seeds', '1', '--workers', '1',
];

describe('runner on an LFW-shaped folder', () => {
  beforeAll(() => {
    if (!existsSync(runner)) throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
  });

  it('trains and evaluates with one-image people in pairs.txt, rank-1 over the people it applies to', async () => {
    const dir = await writeLfwShapedFolder();
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    const { code, stdout, stderr } = await run([...TINY_CPU, '--faces', dir, '--out', out]);
    expect(stderr).not.toContain('failed');
    expect(code).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultsFile;
    expect(results.faces).toMatchObject({ identities: LFW_SHAPE.identities, images: LFW_SHAPE.images, pairsFormat: 'lfw-10-fold' });
    const final = results.runs[0]?.eval;
    expect(final?.pairs).toBe(LFW_SHAPE.pairs);
    expect(final?.accuracy).toBeGreaterThanOrEqual(0);
    expect(final?.rank1).toEqual(expect.any(Number));
    const coverage = { identities: LFW_SHAPE.rank1Identities, testIdentities: LFW_SHAPE.heldOut, probes: LFW_SHAPE.rank1Probes, notApplicable: null };
    expect(final?.rank1Coverage).toEqual(coverage);
    expect(results.untrained[0]?.eval.rank1Coverage).toEqual(coverage);
    expect(stdout).toContain(`verification: ${LFW_SHAPE.pairs} pairs from ${join(dir, 'pairs.txt')} of ${LFW_SHAPE.heldOut} held-out IDs, 10 folds; rank-1 over ${LFW_SHAPE.rank1Identities} of ${LFW_SHAPE.heldOut} held-out identities (those with ≥ 2 test images), ${LFW_SHAPE.rank1Probes} probes`);
  }, 120_000);
});
