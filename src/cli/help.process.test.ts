/**
 * `--help` on the built commands (`vite build -c vite.cli.config.ts` first), as a user runs them:
 * each prints its table's help on stdout, exits 0 at once and runs nothing (no --out folder made).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_COMMAND } from './args';
import { BENCH_COMMAND } from './bench/args';
import { BENCH_TORCH_COMMAND } from './benchTorchArgs';
import { EXPORT_TORCH_COMMAND } from './exportTorchArgs';
import { helpText } from './flags/help';
import type { Command } from './flags/types';
import { SWEEP_COMMAND } from './sweepArgs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const ENTRIES: [string, Command][] = [
  ['experiment', EXPERIMENT_COMMAND as Command],
  ['sweep', SWEEP_COMMAND as Command],
  ['export-torch', EXPORT_TORCH_COMMAND as Command],
  ['bench', BENCH_COMMAND as Command],
  ['bench-torch', BENCH_TORCH_COMMAND as Command],
];

describe('--help on the built commands', () => {
  for (const [entry, command] of ENTRIES) {
    it(`node dist-cli/${entry}.js --help prints every flag, exits 0 quickly and runs nothing`, async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'masst-help-')), 'never-written');
      const started = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'dist-cli', `${entry}.js`), '--out', out, '--help'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000,
      });
      const seconds = (performance.now() - started) / 1000;
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(helpText(command));
      for (const name of Object.keys(command.flags)) expect(r.stdout).toContain(`\n  ${name}`);
      expect(existsSync(out)).toBe(false);
      // Loading the bundle (tfjs, the wasm backend's loader) is all it does: ~1 s here on 2 busy cores.
      expect(seconds).toBeLessThan(15);
    }, 40_000);
  }

  it('node dist-cli/experiment.js -h is --help; a bad flag still exits 1 naming it', () => {
    const runner = join(root, 'dist-cli', 'experiment.js');
    const short = spawnSync(process.execPath, [runner, '-h'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect([short.status, short.stdout]).toEqual([0, helpText(EXPERIMENT_COMMAND as Command)]);
    const typo = spawnSync(process.execPath, [runner, '--stpes=4'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('flag "--stpes" is not allowed: expected one of --preset,');
    expect(typo.stderr).toContain('Did you mean --steps?');
  }, 40_000);
});
