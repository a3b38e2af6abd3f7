/**
 * The rows of the field table that only presets and the runner's `--set path=value` change (the
 * page's URL and form leave them at the preset's value), in the config's order. Each row is the
 * one declaration of its field: see table.ts.
 */
import { THRESHOLD_RULES } from '../config';
import type { FieldSpec, Rule } from './types';
import { ALL, MASST_ONLY } from './pageFields';

const probability: Rule = { kind: 'number', min: 0, max: 1 };
const amount: Rule = { kind: 'number', min: 0, max: 4 };

/** A data field every method reads, with no URL parameter or control. */
const data = (path: string, help: string, rule: Rule): FieldSpec => ({
  path: `data.${path}`,
  help,
  rule,
  methods: ALL,
});

export const OTHER_FIELDS: readonly FieldSpec[] = [
  // Rules between fields (validate.ts) also ask testIds ≥ 3 with look-alikes, maxDepth ≥ minDepth
  // and pairs a multiple of 20.
  data('testIds', 'Held-out identities, never seen in training, whose pairs measure accuracy.', {
    kind: 'int',
    min: 2,
    max: 10_000,
  }),
  data('testImagesPerId', 'Images per held-out identity.', { kind: 'int', min: 2, max: 64 }),
  data('deepDepth', 'Images per training identity in the deep regime.', { kind: 'int', min: 2, max: 256 }),
  data('longTail.minDepth', 'Long-tail regime: the fewest images an identity gets.', { kind: 'int', min: 1, max: 256 }),
  data('longTail.maxDepth', 'Long-tail regime: the images of the first identity.', { kind: 'int', min: 1, max: 1024 }),
  data(
    'longTail.exponent',
    'Long-tail regime: the Zipf exponent; the ID of rank r gets max(minDepth, round(maxDepth · r^−exponent)) images.',
    { kind: 'number', min: 0, max: 4 },
  ),
  data(
    'variation.featureJitter',
    'Scale of the jitter on each identity’s numeric face features (1 = the generator’s range).',
    amount,
  ),
  data('variation.glasses', 'Probability that an image toggles glasses on or off.', probability),
  data('variation.expression', 'Probability that an image gets another mouth or eyebrow expression.', probability),
  data('variation.hair', 'Probability that an image gets another hair style or hair colour shade.', probability),
  data('variation.facialHair', 'Probability that an image toggles facial hair (male IDs).', probability),
  data('variation.lighting', 'Strength of a directional lighting gradient across the face (0 = flat).', amount),
  data('variation.pose', 'Head yaw and roll (0 = frontal); 1 ≈ ±15° roll and a ±12 % horizontal squeeze.', amount),
  data('variation.color', 'Strength of a per-image colour cast on the rendered face (0 = none).', amount),
  data('augment.rotationDeg', 'Augmentation: rotation in degrees, uniform in [−rotationDeg, rotationDeg].', {
    kind: 'number',
    min: 0,
    max: 45,
  }),
  data('augment.scale', 'Augmentation: the image is scaled by a factor in [1 − scale, 1 + scale].', {
    kind: 'number',
    min: 0,
    max: 0.5,
  }),
  data('augment.shiftPx', 'Augmentation: shift in pixels, uniform in [−shiftPx, shiftPx].', {
    kind: 'number',
    min: 0,
    max: { text: 'data.imageSize / 4', of: (c) => c.data.imageSize / 4 },
  }),
  data(
    'augment.brightness',
    'Augmentation: additive brightness jitter, uniform in [−brightness, brightness] (pixels in [0, 1]).',
    { kind: 'number', min: 0, max: 0.5 },
  ),
  data('augment.contrast', 'Augmentation: multiplicative contrast jitter, a factor in [1 − contrast, 1 + contrast].', {
    kind: 'number',
    min: 0,
    max: 0.9,
  }),
  data('augment.blur', 'Augmentation: probability of a 3×3 box blur.', { kind: 'number', min: 0, max: 1 }),
  data('pairs', 'Verification pairs, half positive, half negative.', { kind: 'int', min: 20, max: 100_000 }),
  data(
    'lookalikeFraction',
    'Share of the negative pairs that pair an identity with a generated relative (a look-alike).',
    { kind: 'number', min: 0, max: 1 },
  ),
  {
    path: 'optim.momentum',
    methods: ALL,
    help: 'The momentum of SGD: the share of the last update each update keeps.',
    rule: { kind: 'number', min: 0, max: 1, maxOpen: true },
  },
  {
    path: 'optim.weightDecay',
    methods: ALL,
    help: 'The L2 weight decay of SGD, added to every weight’s gradient.',
    rule: { kind: 'number', min: 0, max: 0.1 },
  },
  {
    path: 'optim.milestones',
    methods: ALL,
    help: 'Fractions of the run at which the learning rate is multiplied by optim.gamma.',
    rule: { kind: 'between', value: 'numbers', allowed: 'increasing fractions of the run, each in (0, 1)' },
  },
  {
    path: 'optim.gamma',
    methods: ALL,
    help: 'The factor of the learning rate at each milestone.',
    rule: { kind: 'number', min: 0.001, max: 1 },
  },
  {
    path: 'optim.warmupSteps',
    methods: ALL,
    help: 'Linear warm-up from lr/warmupSteps to lr over this many steps (0 = none).',
    rule: { kind: 'int', min: 0, max: { text: 'steps − 1', of: (c) => Math.max(0, c.steps - 1) } },
  },
  {
    path: 'masst.agentAlphas',
    methods: MASST_ONLY,
    help: 'MASST with agentAlpha = perAgent: one EMA α per agent, at least the largest K.',
    rule: { kind: 'numbers', each: { min: 0, max: 1, maxOpen: true } },
  },
  {
    path: 'eval.thresholdRule',
    methods: ALL,
    help: 'How 10-fold verification picks its threshold: the largest TPR − FPR (FaceX-Zoo) or the best accuracy (InsightFace).',
    rule: { kind: 'choice', choices: THRESHOLD_RULES },
  },
  {
    path: 'eval.farTargets',
    methods: ALL,
    help: 'The false accept rates at which TAR is reported.',
    rule: { kind: 'numbers', each: { min: 1e-6, max: 1, maxOpen: true } },
  },
  {
    path: 'analysis.etaMin',
    methods: ALL,
    help: 'Smoothness check: the smallest step size, in units of the learning rate.',
    rule: { kind: 'positive' },
  },
  {
    path: 'analysis.etaMax',
    methods: ALL,
    help: 'Smoothness check: the largest step size, in units of the learning rate.',
    rule: { kind: 'between', value: 'number', allowed: 'a number ≥ analysis.etaMin' },
  },
  {
    path: 'analysis.etaPoints',
    methods: ALL,
    help: 'Smoothness check: step sizes from etaMin to etaMax, geometric.',
    rule: { kind: 'int', min: 1, max: 9 },
  },
  {
    path: 'analysis.slice2d',
    methods: ALL,
    help: 'Compute the 2-D landscape slice too (gridPoints² forward passes per run).',
    rule: { kind: 'boolean' },
  },
];
