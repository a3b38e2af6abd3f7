/**
 * validate(config) returns every problem of an ExperimentConfig at once, each naming the field,
 * the value and what is allowed, so a form or a CLI can show them all and nothing runs until
 * they are fixed.
 */
import type { DataConfig, ExperimentConfig, RunSpec } from './config';
import { AGENT_ALPHA_MODES, AGENT_INITS, AGENT_UPDATES, BACKBONES, CHANNELS, MARGIN_LOSSES, METHODS, QUEUE_MODES, REGIMES, THRESHOLD_RULES } from './config';
import { downsampleFactor } from './model/architecture';

export interface ConfigIssue {
  /** Dotted path of the field, e.g. "gallery.queueSize". */
  field: string;
  value: unknown;
  /** What is allowed, in words, e.g. "a multiple of batchSize (8) below data.trainIds (64)". */
  allowed: string;
  /** One sentence: field, value and allowed values. */
  message: string;
}

export const MAX_AGENTS = 8;

/** The config's enumerations (config.ts) by the name the form and the URL codec use. */
export const CHOICES = {
  method: METHODS,
  lossType: MARGIN_LOSSES,
  backbone: BACKBONES,
  regime: REGIMES,
  agentUpdate: AGENT_UPDATES,
  agentAlpha: AGENT_ALPHA_MODES,
  agentInit: AGENT_INITS,
  queueMode: QUEUE_MODES,
  thresholdRule: THRESHOLD_RULES,
  channels: CHANNELS,
} as const;

class Checker {
  readonly issues: ConfigIssue[] = [];

  fail(field: string, value: unknown, allowed: string): void {
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    this.issues.push({ field, value, allowed, message: `${field} = ${shown} is not allowed: expected ${allowed}.` });
  }

  int(field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
    const ok = Number.isInteger(value) && value >= min && value <= max;
    if (!ok) this.fail(field, value, max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`);
    return ok;
  }

  /** A finite number in [min, max] (or [min, max) when maxOpen). */
  range(field: string, value: number, min: number, max: number, maxOpen = false): boolean {
    const ok = Number.isFinite(value) && value >= min && (maxOpen ? value < max : value <= max);
    if (!ok) this.fail(field, value, `a number in [${min}, ${max}${maxOpen ? ')' : ']'}`);
    return ok;
  }

  positive(field: string, value: number): boolean {
    const ok = Number.isFinite(value) && value > 0;
    if (!ok) this.fail(field, value, 'a number > 0');
    return ok;
  }

  oneOf(field: string, value: unknown, choices: readonly unknown[]): boolean {
    const ok = choices.includes(value);
    if (!ok) this.fail(field, value, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    return ok;
  }
}

export function validate(config: ExperimentConfig): ConfigIssue[] {
  const c = new Checker();
  c.int('seed', config.seed, 0, 0xffffffff);
  c.int('steps', config.steps, 1, 1_000_000);
  c.int('batchSize', config.batchSize, 2, 4096);
  checkData(c, config);
  checkModel(c, config);
  checkLoss(c, config);
  checkOptim(c, config);
  checkGallery(c, config);
  checkRuns(c, config);
  checkEval(c, config);
  checkAnalysis(c, config);
  return c.issues;
}

/** Throws one Error listing every issue (for the CLI and tests); returns the config otherwise. */
export function assertValid(config: ExperimentConfig): ExperimentConfig {
  const issues = validate(config);
  if (issues.length > 0) {
    throw new Error(`Invalid configuration:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
  }
  return config;
}

/**
 * The checks of the data config alone (no backbone): what the face generator needs. The generator
 * calls this too, so a config that reaches it from code (not the form or the CLI) is refused with
 * the same messages.
 */
export function validateData(d: DataConfig): ConfigIssue[] {
  const c = new Checker();
  checkDataFields(c, d);
  return c.issues;
}

function checkData(c: Checker, config: ExperimentConfig): void {
  const d = config.data;
  checkDataFields(c, d);
  const factor = downsampleFactor(config.model.backbone);
  if (Number.isInteger(d.imageSize) && d.imageSize >= 8 && d.imageSize <= 128 && d.imageSize % factor !== 0) {
    c.fail('data.imageSize', d.imageSize, `an integer from 8 to 128 divisible by ${factor} (the ${config.model.backbone} backbone halves the side ${Math.log2(factor)} times)`);
  }
}

function checkDataFields(c: Checker, d: DataConfig): void {
  c.oneOf('data.regime', d.regime, CHOICES.regime);
  c.int('data.trainIds', d.trainIds, 2, 100_000);
  c.int('data.testIds', d.testIds, 2, 10_000);
  c.int('data.testImagesPerId', d.testImagesPerId, 2, 64);
  c.int('data.deepDepth', d.deepDepth, 2, 256);
  c.int('data.longTail.minDepth', d.longTail.minDepth, 1, 256);
  if (c.int('data.longTail.maxDepth', d.longTail.maxDepth, 1, 1024) && d.longTail.maxDepth < d.longTail.minDepth) {
    c.fail('data.longTail.maxDepth', d.longTail.maxDepth, `an integer ≥ data.longTail.minDepth (${d.longTail.minDepth})`);
  }
  c.range('data.longTail.exponent', d.longTail.exponent, 0, 4);
  c.int('data.imageSize', d.imageSize, 8, 128);
  c.oneOf('data.channels', d.channels, CHOICES.channels);
  if (c.int('data.pairs', d.pairs, 20, 100_000) && d.pairs % 20 !== 0) {
    c.fail('data.pairs', d.pairs, 'a multiple of 20 (10 folds, half positive, half negative)');
  }
  c.range('data.lookalikeFraction', d.lookalikeFraction, 0, 1);
  if (d.lookalikeFraction > 0 && d.lookalikeFraction < 1 && d.testIds < 3) {
    // Relatives pair the held-out IDs up; random negatives then need a third ID.
    c.fail('data.testIds', d.testIds, 'an integer ≥ 3 when 0 < data.lookalikeFraction < 1');
  }
  for (const [key, value] of Object.entries(d.variation)) {
    const isProbability = ['glasses', 'expression', 'hair', 'facialHair'].includes(key);
    if (isProbability) c.range(`data.variation.${key}`, value, 0, 1);
    else c.range(`data.variation.${key}`, value, 0, 4);
  }
  const a = d.augment;
  c.range('data.augment.rotationDeg', a.rotationDeg, 0, 45);
  c.range('data.augment.scale', a.scale, 0, 0.5);
  c.range('data.augment.shiftPx', a.shiftPx, 0, d.imageSize / 4);
  c.range('data.augment.brightness', a.brightness, 0, 0.5);
  c.range('data.augment.contrast', a.contrast, 0, 0.9);
  c.range('data.augment.blur', a.blur, 0, 1);
}

function checkModel(c: Checker, config: ExperimentConfig): void {
  c.oneOf('model.backbone', config.model.backbone, CHOICES.backbone);
  c.int('model.embedDim', config.model.embedDim, 2, 1024);
}

function checkLoss(c: Checker, config: ExperimentConfig): void {
  const l = config.loss;
  c.oneOf('loss.type', l.type, CHOICES.lossType);
  c.range('loss.scale', l.scale, 1, 128);
  if (l.type === 'am') c.range('loss.margin', l.margin, 0, 1, true);
  if (l.type === 'arc') c.range('loss.margin', l.margin, 0, Math.PI / 4);
}

function checkOptim(c: Checker, config: ExperimentConfig): void {
  const o = config.optim;
  c.range('optim.lr', o.lr, 1e-6, 10);
  c.range('optim.momentum', o.momentum, 0, 1, true);
  c.range('optim.weightDecay', o.weightDecay, 0, 0.1);
  c.range('optim.gamma', o.gamma, 0.001, 1);
  const increasing = o.milestones.every((m, i) => m > 0 && m < 1 && (i === 0 || m > (o.milestones[i - 1] as number)));
  if (!increasing) c.fail('optim.milestones', o.milestones, 'increasing fractions of the run, each in (0, 1)');
  c.int('optim.warmupSteps', o.warmupSteps, 0, Math.max(0, config.steps - 1));
}

function checkGallery(c: Checker, config: ExperimentConfig): void {
  const g = config.gallery;
  const b = config.batchSize;
  const n = config.data.trainIds;
  c.range('gallery.alpha', g.alpha, 0, 1, true);
  if (!Number.isInteger(g.queueSize) || g.queueSize < b || g.queueSize % b !== 0 || g.queueSize >= n) {
    c.fail('gallery.queueSize', g.queueSize, `a multiple of batchSize (${b}) below data.trainIds (${n})`);
  } else if (n - g.queueSize < b) {
    c.fail('gallery.queueSize', g.queueSize, `at most data.trainIds − batchSize = ${n - b}, so an epoch without the queued IDs still fills a batch`);
  }
  const m = config.masst;
  c.oneOf('masst.agentUpdate', m.agentUpdate, CHOICES.agentUpdate);
  c.oneOf('masst.agentAlpha', m.agentAlpha, CHOICES.agentAlpha);
  c.oneOf('masst.agentInit', m.agentInit, CHOICES.agentInit);
  c.oneOf('masst.queueMode', m.queueMode, CHOICES.queueMode);
  m.agentAlphas.forEach((a, i) => c.range(`masst.agentAlphas[${i}]`, a, 0, 1, true));
}

function checkRun(c: Checker, config: ExperimentConfig, run: RunSpec, i: number): void {
  const field = `runs[${i}]`;
  if (!c.oneOf(`${field}.method`, run.method, CHOICES.method)) return;
  if (run.method !== 'masst') {
    if (run.agents !== 1) c.fail(`${field}.agents`, run.agents, `1 for ${run.method}`);
    return;
  }
  if (!c.int(`${field}.agents`, run.agents, 1, MAX_AGENTS)) return;
  const m = config.masst;
  if (m.agentAlpha === 'perAgent' && m.agentAlphas.length < run.agents) {
    c.fail('masst.agentAlphas', m.agentAlphas, `one α per agent: at least ${run.agents} values for ${field} (K = ${run.agents})`);
  }
  const queued = run.agents * config.gallery.queueSize;
  if (m.queueMode === 'perAgent' && config.data.trainIds - queued < config.batchSize) {
    c.fail(`${field}.agents`, run.agents, `K with K·gallery.queueSize ≤ data.trainIds − batchSize (${config.data.trainIds - config.batchSize}) when masst.queueMode = "perAgent"`);
  }
}

function checkRuns(c: Checker, config: ExperimentConfig): void {
  if (config.runs.length === 0 || config.runs.length > 8) c.fail('runs', config.runs.length, 'from 1 to 8 runs');
  config.runs.forEach((run, i) => checkRun(c, config, run, i));
  // Two runs with one label would collide in every chart, table and paired difference.
  config.runs.forEach((run, i) => {
    const first = config.runs.findIndex((r) => r.method === run.method && r.agents === run.agents);
    if (first < i) c.fail(`runs[${i}]`, run, `a method not already in the list (runs[${first}] is the same ${run.method}${run.method === 'masst' ? ` K=${run.agents}` : ''})`);
  });
}

function checkEval(c: Checker, config: ExperimentConfig): void {
  c.int('eval.every', config.eval.every, 0, config.steps);
  c.oneOf('eval.thresholdRule', config.eval.thresholdRule, CHOICES.thresholdRule);
  config.eval.farTargets.forEach((f, i) => c.range(`eval.farTargets[${i}]`, f, 1e-6, 1, true));
}

function checkAnalysis(c: Checker, config: ExperimentConfig): void {
  const a = config.analysis;
  c.int('analysis.every', a.every, 0, config.steps);
  if (c.positive('analysis.etaMin', a.etaMin) && !(a.etaMax >= a.etaMin)) {
    c.fail('analysis.etaMax', a.etaMax, `a number ≥ analysis.etaMin (${a.etaMin})`);
  }
  c.int('analysis.etaPoints', a.etaPoints, 1, 9);
  c.int('analysis.gridPoints', a.gridPoints, 3, 101);
  c.int('analysis.landscapeEvery', a.landscapeEvery, 0, config.steps);
}
