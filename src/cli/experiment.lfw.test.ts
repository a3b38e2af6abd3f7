/**
 * The built runner on an LFW-shaped folder (made at test time: LFW's layout, one-image people,
 * a 10-fold pairs.txt whose different-person lines name them): it trains, evaluates on the 40
 * pairs of pairs.txt, takes rank-1 over the held-out people with ≥ 2 images, writes results.json
 * and says what the evaluation used. A folder that cannot train (pairs.txt holding out every
 * identity, no decodable image) is refused by its cause. Build it first: `vite build -c vite.cli.config.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LFW_SHAPE } from '../core/faces/lfwShapedFolder';
import { writeLfwShapedFolder } from '../test/lfwFolderNode';
import type { ResultsFile } from '../core/results/resultsFile';

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
  '--set',
  'batchSize=4',
  '--set',
  'data.trainIds=8',
  '--set',
  'gallery.queueSize=4',
  '--set',
  'data.imageSize=8',
  '--set',
  'data.augment.shiftPx=1',
  '--steps',
  '2',
  '--eval-every',
  '0',
  '--methods',
  'sst',
  '--seeds',
  '1',
  '--workers',
  '1',
];

describe('runner on an LFW-shaped folder', () => {
  beforeAll(() => {
    if (!existsSync(runner))
      throw new Error(`${runner} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
  });

  it('trains and evaluates with one-image people in pairs.txt, rank-1 over the people it applies to', async () => {
    const dir = await writeLfwShapedFolder();
    const out = await mkdtemp(join(tmpdir(), 'masst-cli-'));
    const { code, stdout, stderr } = await run([...TINY_CPU, '--faces', dir, '--out', out]);
    expect(stderr).not.toContain('failed');
    expect(code).toBe(0);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultsFile;
    expect(results.faces).toMatchObject({
      identities: LFW_SHAPE.identities,
      images: LFW_SHAPE.images,
      pairsFormat: 'lfw-10-fold',
    });
    const final = results.runs[0]?.eval;
    expect(final?.pairs).toBe(LFW_SHAPE.pairs);
    expect(final?.accuracy).toBeGreaterThanOrEqual(0);
    expect(final?.rank1).toEqual(expect.any(Number));
    const coverage = {
      identities: LFW_SHAPE.rank1Identities,
      testIdentities: LFW_SHAPE.heldOut,
      probes: LFW_SHAPE.rank1Probes,
      notApplicable: null,
    };
    expect(final?.rank1Coverage).toEqual(coverage);
    expect(results.untrained[0]?.eval.rank1Coverage).toEqual(coverage);
    expect(stdout).toContain(
      `verification: ${LFW_SHAPE.pairs} pairs from ${join(dir, 'pairs.txt')} of ${LFW_SHAPE.heldOut} held-out IDs, 10 folds; rank-1 over ${LFW_SHAPE.rank1Identities} of ${LFW_SHAPE.heldOut} held-out identities (those with ≥ 2 test images), ${LFW_SHAPE.rank1Probes} probes`,
    );
  }, 120_000);

  it('says pairs.txt holds out all N identities, and that no image could be used, instead of "allowed: 2 to 0"', async () => {
    const all = join(await mkdtemp(join(tmpdir(), 'masst-faces-')), 'all');
    await cp('e2e/fixtures/faces', all, { recursive: true });
    const names = (await readdir(all, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const at = (i: number): string => names[i % names.length] as string;
    const folds = Array.from({ length: 10 }, (_, f) => [
      `${at(f)}\t1\t2`,
      `${at(f + 10)}\t2\t3`,
      `${at(f)}\t1\t${at(f + 1)}\t2`,
      `${at(f + 10)}\t1\t${at(f + 11)}\t3`,
    ]);
    await writeFile(join(all, 'pairs.txt'), `10\t2\n${folds.flat().join('\n')}\n`);
    const held = await run([...TINY_CPU, '--faces', all, '--out', await mkdtemp(join(tmpdir(), 'masst-cli-'))]);
    expect(held.code).toBe(1);
    expect(held.stderr).toContain(
      `--faces ${all}: pairs.txt holds out all 20 identities of the folder "all" (every identity it names stays out of training), leaving none to train on; training needs at least 2 identities with 2 or more readable images that pairs.txt does not name: add such identities to the folder, or name fewer people in pairs.txt.\n`,
    );
    expect(held.stderr).not.toContain('allowed: 2 to 0');

    const junk = join(await mkdtemp(join(tmpdir(), 'masst-faces-')), 'junk');
    for (const person of ['Ann_Junk', 'Bob_Junk']) {
      await mkdir(join(junk, person), { recursive: true });
      for (const k of [1, 2]) await writeFile(join(junk, person, `${person}_000${k}.jpg`), 'not a JPEG');
    }
    const none = await run([...TINY_CPU, '--faces', junk, '--out', await mkdtemp(join(tmpdir(), 'masst-cli-'))]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      `--faces ${junk}: the folder "junk" has no image that could be used: none of its 4 image files could be decoded (first: junk/Ann_Junk/Ann_Junk_0001.jpg: not a JPEG or PNG image (its first bytes are neither); skipped).\n`,
    );
  }, 60_000);
});
