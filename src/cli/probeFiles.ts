/**
 * `--save-probes`: every run's trained probe as a TensorFlow.js graph model in
 * DIR/probes/<run>-seed<N>/ (model.json, weights.bin, README.md; core/export/tfjsProbe.ts), taken
 * from the run's last checkpoint in DIR/checkpoints, which the runner writes at the end of every
 * run. A run without a checkpoint, or whose probe is not finite (diverged), is skipped and named.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentConfig } from '../core/config';
import { runLabel } from '../core/config';
import { architectureFor } from '../core/model/architecture';
import { probeArtifacts, WEIGHTS_FILE } from '../core/export/tfjsProbe';
import { probeReadme } from '../core/export/probeZip';
import { writeAtomically } from './atomicWrite';
import { checkpointPaths, readCheckpoint } from './checkpointFiles';
import { slug } from './results';

export const PROBE_DIR = 'probes';

export interface ProbesWritten {
  /** Folders written, relative to DIR. */
  written: string[];
  /** "SST · seed 2: why", one per run skipped. */
  skipped: string[];
}

/** Writes the probe of each run of `config` on each of `seeds` found in `out`'s checkpoints. */
export async function writeProbes(
  out: string,
  config: ExperimentConfig,
  seeds: readonly number[],
): Promise<ProbesWritten> {
  const arch = architectureFor(config.model.backbone, config.model.embedDim);
  const done: ProbesWritten = { written: [], skipped: [] };
  for (const seed of seeds) {
    for (const spec of config.runs) {
      const label = runLabel(spec);
      const ck = (await readCheckpoint(checkpointPaths(out, seed, label).checkpoint))?.checkpoint ?? null;
      const run = ck?.runs.find((r) => r.label === label);
      if (ck === null || run === undefined) {
        done.skipped.push(`${label} · seed ${seed}: no checkpoint of it in ${join(out, 'checkpoints')}`);
        continue;
      }
      const folder = join(PROBE_DIR, `${slug(label)}-seed${seed}`);
      const description = `${label} · seed ${seed}, step ${ck.step} of ${config.steps}`;
      const input = {
        arch,
        imageSize: config.data.imageSize,
        channels: config.data.channels,
        state: run.trainer.probe,
        description,
      };
      let made: ReturnType<typeof probeArtifacts>;
      try {
        made = probeArtifacts(input);
      } catch (e) {
        done.skipped.push(`${label} · seed ${seed}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      await mkdir(join(out, folder), { recursive: true });
      await writeAtomically(join(out, folder, 'model.json'), `${JSON.stringify(made.modelJson)}\n`);
      await writeAtomically(join(out, folder, WEIGHTS_FILE), new Uint8Array(made.weights));
      await writeAtomically(join(out, folder, 'README.md'), probeReadme(input, `${slug(label)}-seed${seed}`));
      done.written.push(folder);
    }
  }
  return done;
}
