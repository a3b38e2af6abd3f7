/**
 * validate(config) returns every problem of an ExperimentConfig at once, each naming the field,
 * the value and what is allowed, so a form or a CLI can show them all and nothing runs until
 * they are fixed: first every field's own rule from the field table (fields/table.ts), then the
 * rules between fields, written here.
 */
import type { DataConfig, ExperimentConfig, RunSpec } from './config';
import { METHODS } from './config';
import { downsampleFactor } from './model/architecture';
import { presetConfig } from './presets';
import { FIELDS, valueAt } from './fields/table';
import { MAX_AGENTS } from './fields/pageFields';
import type { Bound, Rule } from './fields/types';

export interface ConfigIssue {
  /** Dotted path of the field, e.g. "gallery.queueSize". */
  field: string;
  value: unknown;
  /** What is allowed, in words, e.g. "a multiple of batchSize (8) below data.trainIds (64)". */
  allowed: string;
  /** One sentence: field, value and allowed values. */
  message: string;
}

export { MAX_AGENTS };

class Checker {
  readonly issues: ConfigIssue[] = [];

  fail(field: string, value: unknown, allowed: string): void {
    const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
    this.issues.push({ field, value, allowed, message: `${field} = ${shown} is not allowed: expected ${allowed}.` });
  }

  int(field: string, value: number, min: number, max: number | undefined = Number.MAX_SAFE_INTEGER): boolean {
    const ok = Number.isInteger(value) && value >= min && value <= max;
    if (!ok)
      this.fail(
        field,
        value,
        max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`,
      );
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

  /** Whether no issue names `field` yet (a rule between fields waits for the field's own rule). */
  ok(field: string): boolean {
    return !this.issues.some((i) => i.field === field);
  }

  oneOf(field: string, value: unknown, choices: readonly unknown[]): boolean {
    const ok = choices.includes(value);
    if (!ok) this.fail(field, value, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    return ok;
  }
}

export function validate(config: ExperimentConfig): ConfigIssue[] {
  const c = new Checker();
  for (const f of FIELDS) checkRule(c, f.path, valueAt(config, f.path), f.rule, config);
  checkDataBetween(c, config.data);
  checkBetween(c, config);
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

/** One field's own rule (table.ts), with the numbers of the bounds other fields set. */
function checkRule(c: Checker, path: string, value: unknown, rule: Rule, config: ExperimentConfig): void {
  const bound = (b: number | Bound | undefined): number | undefined =>
    b === undefined || typeof b === 'number' ? b : b.of(config);
  const n = value as number;
  switch (rule.kind) {
    case 'int':
      c.int(path, n, rule.min, bound(rule.max));
      return;
    case 'number':
      c.range(path, n, rule.min, bound(rule.max) as number, rule.maxOpen === true);
      return;
    case 'positive':
      c.positive(path, n);
      return;
    case 'choice':
      c.oneOf(path, value, rule.choices);
      return;
    case 'boolean':
      c.oneOf(path, value, [true, false]);
      return;
    case 'numbers':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) c.fail(path, value, 'a list of numbers');
      else if (rule.each !== null) {
        const { min, max, maxOpen } = rule.each;
        value.forEach((v: number, i) => c.range(`${path}[${i}]`, v, min, max, maxOpen === true));
      }
      return;
    case 'between':
      return;
  }
}

/**
 * The checks of the data config alone (no backbone): what the face generator needs. The generator
 * calls this too, so a config that reaches it from code (not the form or the CLI) is refused with
 * the same messages.
 */
export function validateData(d: DataConfig): ConfigIssue[] {
  const c = new Checker();
  // The data rules read no field outside data: any config around it gives the same bounds.
  const config: ExperimentConfig = { ...presetConfig('smoke'), data: d };
  for (const f of FIELDS) if (f.path.startsWith('data.')) checkRule(c, f.path, valueAt(config, f.path), f.rule, config);
  checkDataBetween(c, d);
  return c.issues;
}

/** The data rules that involve more than one field (each only once the field's own rule holds). */
function checkDataBetween(c: Checker, d: DataConfig): void {
  if (c.ok('data.longTail.maxDepth') && d.longTail.maxDepth < d.longTail.minDepth) {
    c.fail(
      'data.longTail.maxDepth',
      d.longTail.maxDepth,
      `an integer ≥ data.longTail.minDepth (${d.longTail.minDepth})`,
    );
  }
  if (c.ok('data.pairs') && d.pairs % 20 !== 0) {
    c.fail('data.pairs', d.pairs, 'a multiple of 20 (10 folds, half positive, half negative)');
  }
  if (d.lookalikeFraction > 0 && d.lookalikeFraction < 1 && d.testIds < 3) {
    // Relatives pair the held-out IDs up; random negatives then need a third ID.
    c.fail('data.testIds', d.testIds, 'an integer ≥ 3 when 0 < data.lookalikeFraction < 1');
  }
}

/** The rules between fields of the whole config. */
function checkBetween(c: Checker, config: ExperimentConfig): void {
  const d = config.data;
  const factor = downsampleFactor(config.model.backbone);
  if (c.ok('data.imageSize') && d.imageSize % factor !== 0) {
    c.fail(
      'data.imageSize',
      d.imageSize,
      `an integer from 8 to 128 divisible by ${factor} (the ${config.model.backbone} backbone halves the side ${Math.log2(factor)} times)`,
    );
  }
  const l = config.loss;
  if (l.type === 'am') c.range('loss.margin', l.margin, 0, 1, true);
  if (l.type === 'arc') c.range('loss.margin', l.margin, 0, Math.PI / 4);
  const o = config.optim;
  const increasing = o.milestones.every((m, i) => m > 0 && m < 1 && (i === 0 || m > (o.milestones[i - 1] as number)));
  if (!increasing) c.fail('optim.milestones', o.milestones, 'increasing fractions of the run, each in (0, 1)');
  const g = config.gallery;
  const b = config.batchSize;
  const n = d.trainIds;
  if (!Number.isInteger(g.queueSize) || g.queueSize < b || g.queueSize % b !== 0 || g.queueSize >= n) {
    c.fail('gallery.queueSize', g.queueSize, `a multiple of batchSize (${b}) below data.trainIds (${n})`);
  } else if (n - g.queueSize < b) {
    c.fail(
      'gallery.queueSize',
      g.queueSize,
      `at most data.trainIds − batchSize = ${n - b}, so an epoch without the queued IDs still fills a batch`,
    );
  }
  checkRuns(c, config);
  const a = config.analysis;
  if (c.ok('analysis.etaMin') && !(a.etaMax >= a.etaMin)) {
    c.fail('analysis.etaMax', a.etaMax, `a number ≥ analysis.etaMin (${a.etaMin})`);
  }
}

function checkRun(c: Checker, config: ExperimentConfig, run: RunSpec, i: number): void {
  const field = `runs[${i}]`;
  if (!c.oneOf(`${field}.method`, run.method, METHODS)) return;
  if (run.method !== 'masst') {
    if (run.agents !== 1) c.fail(`${field}.agents`, run.agents, `1 for ${run.method}`);
    return;
  }
  if (!c.int(`${field}.agents`, run.agents, 1, MAX_AGENTS)) return;
  const m = config.masst;
  if (m.agentAlpha === 'perAgent' && m.agentAlphas.length < run.agents) {
    c.fail(
      'masst.agentAlphas',
      m.agentAlphas,
      `one α per agent: at least ${run.agents} values for ${field} (K = ${run.agents})`,
    );
  }
  const queued = run.agents * config.gallery.queueSize;
  if (m.queueMode === 'perAgent' && config.data.trainIds - queued < config.batchSize) {
    c.fail(
      `${field}.agents`,
      run.agents,
      `K with K·gallery.queueSize ≤ data.trainIds − batchSize (${config.data.trainIds - config.batchSize}) when masst.queueMode = "perAgent"`,
    );
  }
}

function checkRuns(c: Checker, config: ExperimentConfig): void {
  if (config.runs.length === 0 || config.runs.length > 8) c.fail('runs', config.runs.length, 'from 1 to 8 runs');
  config.runs.forEach((run, i) => checkRun(c, config, run, i));
  // Two runs with one label would collide in every chart, table and paired difference.
  config.runs.forEach((run, i) => {
    const first = config.runs.findIndex((r) => r.method === run.method && r.agents === run.agents);
    if (first < i)
      c.fail(
        `runs[${i}]`,
        run,
        `a method not already in the list (runs[${first}] is the same ${run.method}${run.method === 'masst' ? ` K=${run.agents}` : ''})`,
      );
  });
}
