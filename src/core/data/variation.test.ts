import { describe, expect, it } from 'vitest';
import type { VariationConfig } from '../config';
import { cropAndPose, faceSvgString, HEAD_BOX, headSvg } from './face-svg';
import { shadeHex } from './feature-math';
import { createIdentity, trainIdentities } from './identities';
import { imageVariant } from './variation';

const NONE: VariationConfig = {
  featureJitter: 0,
  glasses: 0,
  expression: 0,
  hair: 0,
  facialHair: 0,
  lighting: 0,
  pose: 0,
  color: 0,
};
const ALL: VariationConfig = { ...NONE, featureJitter: 0.5, glasses: 1, expression: 1, hair: 1, facialHair: 1 };

describe('imageVariant', () => {
  const identity = createIdentity(1234);

  it('keeps the identity face (but the shirt), frontal and unlit, without variation', () => {
    const v = imageVariant(identity, 3, NONE);
    expect({ ...v.face, jersey: identity.face.jersey }).toEqual(identity.face);
    expect(v.pose).toEqual({ rollDeg: 0, squeeze: 1 });
    expect(v.shading.strength).toBe(0);
    expect(v.shading.exposure).toBe(1);
    expect(v.shading.gains).toEqual([1, 1, 1]);
  });

  it('is deterministic per (identity, image) and differs between images', () => {
    const config = { ...ALL, lighting: 0.5, pose: 1, color: 0.3 };
    expect(imageVariant(identity, 2, config)).toEqual(imageVariant(identity, 2, config));
    expect(imageVariant(identity, 2, config)).not.toEqual(imageVariant(identity, 5, config));
  });

  it('toggles glasses with probability 1 and leaves the identity untouched', () => {
    const before = JSON.stringify(identity.face);
    const v = imageVariant(identity, 0, { ...NONE, glasses: 1 });
    expect(v.face.glasses.id === 'none').toBe(identity.face.glasses.id !== 'none');
    expect(JSON.stringify(identity.face)).toBe(before);
  });

  it('toggles facial hair of male identities only', () => {
    for (const id of trainIdentities(3, 12)) {
      const v = imageVariant(id, 0, { ...NONE, facialHair: 1 });
      const toggled = (v.face.facialHair.id === 'none') !== (id.face.facialHair.id === 'none');
      expect(toggled).toBe(id.gender === 'male');
    }
  });

  it('keeps pose within ±15°·pose and a ±12 % squeeze', () => {
    for (let k = 0; k < 50; k++) {
      const { pose } = imageVariant(identity, k, { ...NONE, pose: 1 });
      expect(Math.abs(pose.rollDeg)).toBeLessThanOrEqual(15);
      expect(Math.abs(pose.squeeze - 1)).toBeLessThanOrEqual(0.12);
    }
  });

  it('does not change pose or light when only a toggle probability changes', () => {
    const a = imageVariant(identity, 4, { ...NONE, pose: 1, lighting: 1 });
    const b = imageVariant(identity, 4, { ...ALL, pose: 1, lighting: 1 });
    expect(b.pose).toEqual(a.pose);
    expect(b.shading).toEqual(a.shading);
  });
});

describe('face SVG', () => {
  it('crops to the head box and wraps the pose transform', () => {
    const svg = headSvg(createIdentity(5).face, { rollDeg: 10, squeeze: 0.9 });
    expect(svg).toContain(`viewBox="${HEAD_BOX.x} ${HEAD_BOX.y} ${HEAD_BOX.side} ${HEAD_BOX.side}"`);
    expect(svg).toContain('rotate(10) scale(0.9 1)');
    expect(svg.endsWith('</g></svg>')).toBe(true);
  });

  it('works where `global` is undefined (browser workers)', () => {
    const scope = globalThis as { global?: unknown };
    const saved = scope.global;
    const face = createIdentity(6).face;
    const inNode = faceSvgString(face);
    delete scope.global;
    try {
      expect(faceSvgString(face)).toBe(inNode);
      expect(scope.global).toBeUndefined();
      expect('document' in globalThis).toBe(false);
    } finally {
      scope.global = saved;
    }
  });

  it('does not mutate the face (facesjs swaps hair under hats)', () => {
    const face = { ...createIdentity(7).face, accessories: { id: 'hat' } };
    face.hair = { ...face.hair, id: 'afro' };
    faceSvgString(face);
    expect(face.hair.id).toBe('afro');
  });

  it('rejects input that is not an SVG document', () => {
    expect(() => cropAndPose('<div/>', { rollDeg: 0, squeeze: 1 })).toThrow(/svg/);
  });
});

describe('shadeHex', () => {
  it('scales and clamps each channel', () => {
    expect(shadeHex('#102030', 2)).toBe('#204060');
    expect(shadeHex('#f0f0f0', 2)).toBe('#ffffff');
    expect(shadeHex('#abc', 1)).toBe('#aabbcc');
    expect(shadeHex('red', 2)).toBe('red');
  });
});
