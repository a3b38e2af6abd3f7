/**
 * ExperimentConfig: everything that defines an experiment, as plain typed data. One seed drives
 * every random choice (sub-seeds per purpose, see rng.ts). Defaults and presets live in
 * presets.ts; checks in validate.ts.
 */

/**
 * Every enumeration of the config, declared once: the types below derive from these lists, and
 * the field table (fields/table.ts) gives them to validate(), the URL codec and the form's selects.
 */
export const METHODS = ['conventional', 'sst', 'masst'] as const;
export const MARGIN_LOSSES = ['softmax', 'am', 'arc'] as const;
export const BACKBONES = ['tiny', 'small', 'base'] as const;
export const REGIMES = ['shallow', 'longtail', 'deep'] as const;
export const AGENT_UPDATES = ['active', 'all'] as const;
export const AGENT_ALPHA_MODES = ['shared', 'perAgent', 'horizonMatched'] as const;
export const AGENT_INITS = ['copyProbe', 'staggered'] as const;
export const QUEUE_MODES = ['shared', 'perAgent'] as const;
export const THRESHOLD_RULES = ['tprMinusFpr', 'accuracy'] as const;
export const CHANNELS = [1, 3] as const;

export type Method = (typeof METHODS)[number];
export type MarginLossType = (typeof MARGIN_LOSSES)[number];
export type BackboneSize = (typeof BACKBONES)[number];
export type Regime = (typeof REGIMES)[number];
export type AgentUpdate = (typeof AGENT_UPDATES)[number];
export type AgentAlphaMode = (typeof AGENT_ALPHA_MODES)[number];
export type AgentInit = (typeof AGENT_INITS)[number];
export type QueueMode = (typeof QUEUE_MODES)[number];
export type ThresholdRule = (typeof THRESHOLD_RULES)[number];

/** How identities vary between their images (probabilities in [0, 1], amounts ≥ 0). */
export interface VariationConfig {
  /** Scale of the jitter on each identity's numeric face features (1 = the generator's range). */
  featureJitter: number;
  /** Probability that an image toggles glasses on or off. */
  glasses: number;
  /** Probability that an image gets another mouth / eyebrow expression. */
  expression: number;
  /** Probability that an image gets another hair style or hair colour shade. */
  hair: number;
  /** Probability that an image toggles facial hair (male IDs). */
  facialHair: number;
  /** Strength of a directional lighting gradient across the face (0 = flat). */
  lighting: number;
  /** Head yaw / roll amount (0 = frontal); 1 ≈ ±15° roll and a ±12 % horizontal squeeze. */
  pose: number;
  /** Strength of per-image colour cast on the rendered face (0 = none). */
  color: number;
}

/** Image-space augmentation after rendering. */
export interface AugmentConfig {
  rotationDeg: number;
  /** Relative scale jitter: the image is scaled by a factor in [1 − scale, 1 + scale]. */
  scale: number;
  /** Shift in pixels of the output image, uniform in [−shiftPx, shiftPx]. */
  shiftPx: number;
  /** Additive brightness jitter, uniform in [−brightness, brightness] (pixels in [0, 1]). */
  brightness: number;
  /** Multiplicative contrast jitter, factor in [1 − contrast, 1 + contrast]. */
  contrast: number;
  /** Probability of a 3×3 box blur. */
  blur: number;
}

export interface LongTailConfig {
  minDepth: number;
  maxDepth: number;
  /** Zipf exponent: the ID of rank r (1-based) gets max(minDepth, round(maxDepth · r^−exponent)). */
  exponent: number;
}

export interface DataConfig {
  regime: Regime;
  /** Number of training identities. */
  trainIds: number;
  /** Number of held-out identities (never seen in training). */
  testIds: number;
  /** Images per held-out identity. */
  testImagesPerId: number;
  /** Images per training identity in the 'deep' regime. */
  deepDepth: number;
  longTail: LongTailConfig;
  /** Side of the square image in pixels. */
  imageSize: number;
  channels: (typeof CHANNELS)[number];
  variation: VariationConfig;
  augment: AugmentConfig;
  /** Number of verification pairs (half positive, half negative); a multiple of 20. */
  pairs: number;
  /** Share of the negative pairs that pair an identity with a generated relative (look-alike). */
  lookalikeFraction: number;
}

export interface ModelConfig {
  backbone: BackboneSize;
  /** Embedding dimension D. */
  embedDim: number;
}

export interface LossConfig {
  type: MarginLossType;
  /** Logit scale s. */
  scale: number;
  /** Margin m (cosine units for AM, radians for Arc; ignored for softmax). */
  margin: number;
}

export interface OptimConfig {
  lr: number;
  momentum: number;
  weightDecay: number;
  /** Fractions of the run's steps at which the LR is multiplied by `gamma`, increasing, in (0, 1). */
  milestones: number[];
  gamma: number;
  /** Linear warm-up from lr/warmupSteps to lr over this many steps (0 = none). */
  warmupSteps: number;
}

export interface GalleryConfig {
  /** EMA factor α of θ_G ← α θ_G + (1 − α) θ_P; averaging horizon ≈ 1/(1 − α) updates. */
  alpha: number;
  /** Prototype queue length Q (slots); a multiple of the batch size, below the number of train IDs. */
  queueSize: number;
}

export interface MasstConfig {
  /** How gallery agents are updated: only the one rotated in this step, or all of them. */
  agentUpdate: AgentUpdate;
  /** One α for all, one per agent (`agentAlphas`), or α^K so an agent updated every K steps keeps SST's horizon. */
  agentAlpha: AgentAlphaMode;
  /** Per-agent α, used when agentAlpha = 'perAgent'; length ≥ the largest K of the runs. */
  agentAlphas: number[];
  agentInit: AgentInit;
  queueMode: QueueMode;
}

/** One trained model of a comparison. `agents` is K for MASST (K = 1 is SST) and 1 otherwise. */
export interface RunSpec {
  method: Method;
  agents: number;
}

export interface EvalConfig {
  /** Evaluate every this many steps (0 = only at the end). */
  every: number;
  thresholdRule: ThresholdRule;
  /** FAR values at which TAR is reported. */
  farTargets: number[];
}

/** Loss-landscape and smoothness measurements (docs/method.md §6). */
export interface AnalysisConfig {
  /** Santurkar probes every this many steps (0 = off). */
  every: number;
  /** Step sizes η from etaMin·lr to etaMax·lr, geometric, etaPoints of them. */
  etaMin: number;
  etaMax: number;
  etaPoints: number;
  /** Points of the landscape grid over [−1, 1] per axis (21 interactive, 51 for the paper). */
  gridPoints: number;
  /** A 1-D landscape slice every this many steps (0 = only on demand and at the end). */
  landscapeEvery: number;
  /** Compute the 2-D slice too (gridPoints² forward passes per run). */
  slice2d: boolean;
}

export interface ExperimentConfig {
  seed: number;
  steps: number;
  /** B: distinct identities per batch; each contributes two images. */
  batchSize: number;
  data: DataConfig;
  model: ModelConfig;
  loss: LossConfig;
  optim: OptimConfig;
  gallery: GalleryConfig;
  masst: MasstConfig;
  runs: RunSpec[];
  eval: EvalConfig;
  analysis: AnalysisConfig;
}

/** Label of a run for tables and charts: "Conventional", "SST", "MASST K=4". */
export function runLabel(run: RunSpec): string {
  switch (run.method) {
    case 'conventional':
      return 'Conventional';
    case 'sst':
      return 'SST';
    case 'masst':
      return `MASST K=${run.agents}`;
  }
}

/** Averaging horizon of an EMA with factor α, in updates: 1/(1 − α). */
export function emaHorizon(alpha: number): number {
  return 1 / (1 - alpha);
}
