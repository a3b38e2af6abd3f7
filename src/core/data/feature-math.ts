/**
 * Numeric face features of facesjs and their per-image jitter. The ranges are facesjs 5.0.3's
 * `numberRanges` (generate.ts), copied because the package exports them only from a deep path.
 */
import type { FaceConfig, Gender } from 'facesjs';
import type { Rng } from '../rng';

type Range = readonly [number, number];

interface NumericFeature {
  ranges: Readonly<Record<Gender, Range>>;
  get(face: FaceConfig): number;
  set(face: FaceConfig, value: number): void;
}

const EYEBROW_ANGLE: Readonly<Record<Gender, Range>> = { female: [-15, 20], male: [-15, 20] };

const NUMERIC_FEATURES: readonly NumericFeature[] = [
  {
    ranges: { female: [0, 0.4], male: [0, 1] },
    get: (f) => f.fatness,
    set: (f, v) => (f.fatness = v),
  },
  {
    ranges: { female: [0.8, 0.9], male: [0.95, 1.05] },
    get: (f) => f.body.size,
    set: (f, v) => (f.body.size = v),
  },
  {
    ranges: { female: [0.5, 1], male: [0.5, 1.5] },
    get: (f) => f.ear.size,
    set: (f, v) => (f.ear.size = v),
  },
  {
    ranges: { female: [-10, 15], male: [-10, 15] },
    get: (f) => f.eye.angle,
    set: (f, v) => (f.eye.angle = v),
  },
  {
    ranges: EYEBROW_ANGLE,
    get: (f) => f.eyebrow.angle,
    set: (f, v) => (f.eyebrow.angle = v),
  },
  {
    ranges: { female: [0.5, 1], male: [0.5, 1.25] },
    get: (f) => f.nose.size,
    set: (f, v) => (f.nose.size = v),
  },
  {
    ranges: { female: [0.25, 2.25], male: [0.25, 2.25] },
    get: (f) => f.smileLine.size,
    set: (f, v) => (f.smileLine.size = v),
  },
];

/**
 * Adds to each numeric feature a uniform offset in ±scale·(hi − lo)/2 (scale 1 spreads a feature
 * over its whole generator range), kept within the range widened by a quarter on each side.
 * Draws one number per feature whatever `scale` is, so the stream stays aligned.
 */
export function jitterNumericFeatures(face: FaceConfig, gender: Gender, scale: number, rng: Rng): void {
  for (const feature of NUMERIC_FEATURES) {
    const [lo, hi] = feature.ranges[gender];
    const width = hi - lo;
    const offset = (scale * width * rng.uniform(-1, 1)) / 2;
    const value = feature.get(face) + offset;
    feature.set(face, Math.min(hi + width / 4, Math.max(lo - width / 4, value)));
  }
}

/** A fresh eyebrow angle (degrees) from the generator's range: another "expression". */
export function randomEyebrowAngle(rng: Rng, gender: Gender): number {
  const [lo, hi] = EYEBROW_ANGLE[gender];
  return rng.uniform(lo, hi);
}

/** '#rrggbb' (or '#rgb') with every channel multiplied by `factor`, clamped to 0..255. */
export function shadeHex(hex: string, factor: number): string {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? digits.replace(/(.)/g, '$1$1') : digits;
  const value = Number.parseInt(full, 16);
  if (full.length !== 6 || Number.isNaN(value)) return hex;
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (
    '#' +
    channels
      .map((c) =>
        Math.min(255, Math.round(c * factor))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}
