/**
 * The demo preset's training step profiled per run (stepProfile.ts) on the current backend:
 * Conventional, SST and MASST K=4, each in a comparison of its own on random images of the
 * demo's shape (24 px grey, batch 16, tiny backbone).
 */
import type { RunSpec } from '../core/config';
import { runLabel } from '../core/config';
import { randomFaces } from '../core/data/randomFaces';
import { convImplFor } from '../core/model/conv';
import { presetConfig } from '../core/presets';
import type { Scalar } from '../core/tf';
import { Comparison } from '../core/train/comparison';
import type { StepProfile } from './stepProfile';
import { profileStep } from './stepProfile';

export interface RunProfile extends StepProfile {
  run: string;
}

/** `clock`: see profileStep (null: wall time). */
export async function profileDemo(
  backend: string,
  quick: boolean,
  clock: (() => number) | null,
): Promise<RunProfile[]> {
  const config = presetConfig('demo');
  const dataset = randomFaces(config);
  const out: RunProfile[] = [];
  for (const spec of config.runs as RunSpec[]) {
    const cmp = new Comparison({ ...config, runs: [spec] }, dataset, convImplFor(backend));
    try {
      const step = (): Scalar => cmp.stepAll()[0] as Scalar;
      out.push({
        run: runLabel(spec),
        ...(await profileStep(step, quick ? 3 : 10, quick ? 10 : 40, quick ? 3 : 5, clock)),
      });
    } finally {
      cmp.dispose();
    }
  }
  return out;
}

const ms = (x: number): string => x.toFixed(x >= 100 ? 0 : 1);

/** The profile as text lines: one summary row per run, then each run's ten costliest kernels. */
export function profileLines(profiles: readonly RunProfile[]): string[] {
  const lines = [
    'demo step profile (wasm, one thread; ms per step, medians; step in CPU time, kernels and the rest in wall time):',
    `${'run'.padEnd(14)}${'wall'.padStart(8)}${'step'.padStart(8)}${'kernels'.padStart(9)}${'in kernels'.padStart(12)}${'other'.padStart(8)}${'µs/kernel other'.padStart(17)}${'outputs'.padStart(9)}${'MB alloc'.padStart(10)}${'kept'.padStart(6)}`,
    ...profiles.map(
      (p) =>
        `${p.run.padEnd(14)}${ms(p.wallMs).padStart(8)}${ms(p.stepMs).padStart(8)}${String(p.kernels).padStart(9)}${ms(p.kernelMs).padStart(12)}${ms(p.otherMs).padStart(8)}${((1000 * p.otherMs) / Math.max(1, p.kernels)).toFixed(0).padStart(17)}${String(p.allocTensors).padStart(9)}${(p.allocBytes / 2 ** 20).toFixed(2).padStart(10)}${String(p.keptTensors).padStart(6)}`,
    ),
  ];
  for (const p of profiles) {
    lines.push(
      `  ${p.run}, ten costliest kernels: ${p.byKernel
        .slice(0, 10)
        .map((k) => `${k.name} ${k.ms.toFixed(2)} ms/${k.calls}×`)
        .join(', ')}`,
    );
  }
  return lines;
}
