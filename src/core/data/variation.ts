/**
 * One image of an identity: the identity's face with jittered numeric features and toggled
 * nuisance features (glasses, accessories, expression, hair, facial hair), in a random pose and
 * light. Identity cues stay: head shape, eyes, nose, skin colour and, mostly, hair.
 * Everything comes from seeded streams per (identity, image index).
 */
import { generate, svgsIndex } from 'facesjs';
import type { FaceConfig, Gender } from 'facesjs';
import type { VariationConfig } from '../config';
import { createRng, deriveSeed, withSeededMathRandom } from '../rng';
import type { Rng } from '../rng';
import type { Pose } from './face-svg';
import type { Identity } from './identities';
import type { Shading } from './shading';
import { jitterNumericFeatures, randomEyebrowAngle, shadeHex } from './feature-math';

export interface ImageVariant {
  face: FaceConfig;
  pose: Pose;
  shading: Shading;
}

/** "pose = 1" means roll up to ±15° and a horizontal squeeze up to ±12 % (VariationConfig). */
const MAX_ROLL_DEG = 15;
const MAX_SQUEEZE = 0.12;
/** "lighting = 1": gradient up to ±100 % across the face and exposure ×(1 ± 0.5). */
const EXPOSURE_PER_LIGHTING = 0.5;

const GLASSES = svgsIndex.glasses.filter((id) => id !== 'none');
const ACCESSORIES = svgsIndex.accessories.filter((id) => id !== 'none');
const FACIAL_HAIR = svgsIndex.facialHair.filter((id) => id !== 'none');
const MOUTHS = svgsIndex.mouth;
const JERSEYS = svgsIndex.jersey;

/** A random same-gender face on `rng`: a source of gender-valid hair styles. */
function donorFace(rng: Rng, gender: Gender): FaceConfig {
  return withSeededMathRandom(rng, () => generate(undefined, { gender }));
}

function toggleGlasses(face: FaceConfig, rng: Rng): void {
  face.glasses.id = face.glasses.id === 'none' ? rng.pick(GLASSES) : 'none';
}

function changeExpression(face: FaceConfig, rng: Rng, gender: Gender): void {
  face.mouth = { id: rng.pick(MOUTHS), flip: rng.chance(0.5) };
  face.eyebrow = { ...face.eyebrow, angle: randomEyebrowAngle(rng, gender) };
}

/** Another hair style (half the time) or a lighter / darker shade of the same colour. */
function changeHair(face: FaceConfig, rng: Rng, gender: Gender): void {
  if (rng.chance(0.5)) {
    const donor = donorFace(rng, gender);
    face.hair = { ...face.hair, id: donor.hair.id, flip: donor.hair.flip };
    face.hairBg = donor.hairBg;
  } else {
    face.hair = { ...face.hair, color: shadeHex(face.hair.color, rng.uniform(0.55, 1.6)) };
  }
}

function toggleFacialHair(face: FaceConfig, rng: Rng): void {
  face.facialHair.id = face.facialHair.id === 'none' ? rng.pick(FACIAL_HAIR) : 'none';
}

/** The face config of one image. `glasses` also drives headwear / eye black, at half its rate. */
function variedFace(identity: Identity, rng: Rng, variation: VariationConfig): FaceConfig {
  const face = structuredClone(identity.face);
  const gender = identity.gender;
  jitterNumericFeatures(face, gender, variation.featureJitter, rng);
  if (rng.chance(variation.glasses)) toggleGlasses(face, rng);
  if (rng.chance(variation.glasses / 2)) face.accessories.id = rng.pick(ACCESSORIES);
  if (rng.chance(variation.expression)) changeExpression(face, rng, gender);
  if (rng.chance(variation.hair)) changeHair(face, rng, gender);
  if (gender === 'male' && rng.chance(variation.facialHair)) toggleFacialHair(face, rng);
  face.jersey = { id: rng.pick(JERSEYS) };
  return face;
}

function randomPose(rng: Rng, amount: number): Pose {
  return {
    rollDeg: MAX_ROLL_DEG * amount * rng.uniform(-1, 1),
    squeeze: 1 + MAX_SQUEEZE * amount * rng.uniform(-1, 1),
  };
}

function randomShading(rng: Rng, lighting: number, color: number): Shading {
  const angle = rng.uniform(0, 2 * Math.PI);
  return {
    dirX: Math.cos(angle),
    dirY: Math.sin(angle),
    strength: lighting * rng.next(),
    exposure: 1 + EXPOSURE_PER_LIGHTING * lighting * rng.uniform(-1, 1),
    gains: [1 + color * rng.uniform(-1, 1), 1 + color * rng.uniform(-1, 1), 1 + color * rng.uniform(-1, 1)],
  };
}

/**
 * Image `imageIndex` of an identity. Feature toggles and scene (pose, light) use separate
 * streams, so changing a toggle probability leaves every image's pose and light unchanged.
 */
export function imageVariant(identity: Identity, imageIndex: number, variation: VariationConfig): ImageVariant {
  const featureRng = createRng(deriveSeed(identity.seed, 'features', imageIndex));
  const sceneRng = createRng(deriveSeed(identity.seed, 'scene', imageIndex));
  return {
    face: variedFace(identity, featureRng, variation),
    pose: randomPose(sceneRng, variation.pose),
    shading: randomShading(sceneRng, variation.lighting, variation.color),
  };
}
