/**
 * Synthetic identities: one seeded facesjs face config each (both genders, all facesjs races).
 * The held-out split also holds generated relatives (facesjs generateRelative: same skin colour,
 * mostly the same eyes, nose, mouth and head) that serve as look-alike negatives; relatives are
 * made only for test identities, so training never sees a family member of a test ID.
 */
import { generate } from 'facesjs';
import type { FaceConfig, Gender } from 'facesjs';
import { createRng, deriveSeed, withSeededMathRandom } from '../rng';

export interface Identity {
  /** Seed of this identity's own stream; every image of it derives its seeds from this one. */
  seed: number;
  gender: Gender;
  /** The identity's "true" face; images vary it (see variation.ts). Never mutate it. */
  face: FaceConfig;
  /** Index (within its split) of this identity's generated relative, or −1 if it has none. */
  relative: number;
}

/**
 * Index ranges of deriveSeed(seed, 'data', index): train IDs use 0.., test IDs and their
 * relatives start at these offsets, so the test split is the same whatever trainIds is.
 */
export const TEST_SEED_OFFSET = 1 << 24;
export const RELATIVE_SEED_OFFSET = 1 << 25;

/** Accessories (hats, headbands, eye black) are per-image nuisance, so the base face has none. */
function withoutAccessories(face: FaceConfig): FaceConfig {
  return { ...face, accessories: { id: 'none' } };
}

/** A new identity from its seed: gender by a fair coin, then a facesjs face on the same stream. */
export function createIdentity(seed: number): Identity {
  const rng = createRng(seed);
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  const face = withSeededMathRandom(rng, () => generate(undefined, { gender }));
  return { seed, gender, face: withoutAccessories(face), relative: -1 };
}

/** A same-gender relative (sibling look-alike) of `base`, from its own seed. */
export function createRelative(base: Identity, seed: number): Identity {
  const rng = createRng(seed);
  const face = withSeededMathRandom(rng, () => generate(undefined, { gender: base.gender, relative: base.face }));
  return { seed, gender: base.gender, face: withoutAccessories(face), relative: -1 };
}

/** Training identities 0..count−1 of a seed. */
export function trainIdentities(seed: number, count: number): Identity[] {
  const ids: Identity[] = [];
  for (let i = 0; i < count; i++) ids.push(createIdentity(deriveSeed(seed, 'data', i)));
  return ids;
}

/**
 * Held-out identities. With relatives, they come in couples [base, relative] at indices
 * (2k, 2k + 1), each naming the other in `relative`; an odd count ends with a single base.
 */
export function testIdentities(seed: number, count: number, withRelatives: boolean): Identity[] {
  const ids: Identity[] = [];
  for (let k = 0; ids.length < count; k++) {
    const base = createIdentity(deriveSeed(seed, 'data', TEST_SEED_OFFSET + k));
    if (!withRelatives || ids.length + 1 === count) {
      ids.push(base);
      continue;
    }
    const relative = createRelative(base, deriveSeed(seed, 'data', RELATIVE_SEED_OFFSET + k));
    const at = ids.length;
    ids.push({ ...base, relative: at + 1 }, { ...relative, relative: at });
  }
  return ids;
}
