/**
 * Last-line checks of a DataConfig before generation. Full validation with UI messages lives in
 * config validation; these only refuse what the generator cannot do, naming field and value.
 */
import type { DataConfig } from '../config';

function fail(field: string, value: unknown, allowed: string): never {
  throw new Error(`data.${field} must be ${allowed}, got ${JSON.stringify(value)}`);
}

function checkInt(field: string, value: number, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(field, value, max === Infinity ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`);
  }
}

function checkRange(field: string, value: number, min: number, max: number): void {
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    fail(field, value, `a number in [${min}, ${max}]`);
  }
}

function checkVariationAndAugment(config: DataConfig): void {
  const v = config.variation;
  for (const key of ['glasses', 'expression', 'hair', 'facialHair'] as const) {
    checkRange(`variation.${key}`, v[key], 0, 1);
  }
  for (const key of ['featureJitter', 'lighting', 'pose', 'color'] as const) {
    checkRange(`variation.${key}`, v[key], 0, 10);
  }
  const a = config.augment;
  checkRange('augment.rotationDeg', a.rotationDeg, 0, 180);
  checkRange('augment.scale', a.scale, 0, 0.9);
  checkRange('augment.shiftPx', a.shiftPx, 0, config.imageSize);
  checkRange('augment.brightness', a.brightness, 0, 1);
  checkRange('augment.contrast', a.contrast, 0, 1);
  checkRange('augment.blur', a.blur, 0, 1);
}

function checkDepths(config: DataConfig): void {
  if (!['shallow', 'deep', 'longtail'].includes(config.regime)) {
    fail('regime', config.regime, "one of 'shallow', 'deep', 'longtail'");
  }
  checkInt('trainIds', config.trainIds, 1);
  if (config.regime === 'deep') checkInt('deepDepth', config.deepDepth, 1);
  if (config.regime === 'longtail') {
    const lt = config.longTail;
    checkInt('longTail.minDepth', lt.minDepth, 1);
    checkInt('longTail.maxDepth', lt.maxDepth, lt.minDepth);
    checkRange('longTail.exponent', lt.exponent, 0, 10);
  }
}

/** Throws an Error naming the first impossible field of `config`. */
export function checkDataConfig(config: DataConfig): void {
  checkDepths(config);
  // Random negatives need two unrelated IDs: with relatives, IDs come in couples, so ≥ 3.
  const minTestIds = config.lookalikeFraction > 0 && config.lookalikeFraction < 1 ? 3 : 2;
  checkInt('testIds', config.testIds, minTestIds);
  checkInt('testImagesPerId', config.testImagesPerId, 2);
  checkInt('imageSize', config.imageSize, 4, 512);
  if (config.channels !== 1 && config.channels !== 3) fail('channels', config.channels, '1 or 3');
  if (!Number.isInteger(config.pairs) || config.pairs <= 0 || config.pairs % 20 !== 0) {
    fail('pairs', config.pairs, 'a positive multiple of 20');
  }
  checkRange('lookalikeFraction', config.lookalikeFraction, 0, 1);
  checkVariationAndAugment(config);
}
