/**
 * Test fixture: a probe of the given backbone whose every number is non-trivial, as after
 * training, for the export tests.
 */
import type { BackboneSize } from '../core/config';
import { architectureFor, bnSpecs, paramSpecsFor } from '../core/model/architecture';
import { initialWeights } from '../core/model/init';
import { createRng } from '../core/rng';
import type { ProbeExportInput } from '../core/export/tfjsProbe';

/** Image side of the fixture's probes, px (the small backbone's three stages leave 2×2). */
export const SIZE = 16;

/**
 * A probe whose every number is non-trivial: initial weights perturbed, γ, β and PReLU slopes
 * spread, BN running means off zero and variances off one (as after training).
 */
export function randomProbe(backbone: BackboneSize, channels: 1 | 3, seed: number): ProbeExportInput {
  const arch = architectureFor(backbone, 8);
  const specs = paramSpecsFor(arch, channels);
  const rng = createRng(seed);
  const weights = initialWeights(specs, rng).map((w, i) => {
    const kind = specs[i]?.kind;
    const spread = kind === 'conv' || kind === 'dense' ? 0 : 0.3;
    return w.map((v) => v + spread * rng.normal());
  });
  const bn = bnSpecs(specs).flatMap((b) => [
    Float32Array.from({ length: b.channels }, () => 0.2 * rng.normal()),
    Float32Array.from({ length: b.channels }, () => 0.5 + rng.next()),
  ]);
  return { arch, imageSize: SIZE, channels, state: { weights, bn }, description: `test ${backbone}` };
}
