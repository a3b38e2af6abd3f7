/**
 * The experiment configuration in the URL, so a link reproduces a run. Short flat parameters
 * over a preset: only values that differ from the preset are written. Decoding never fails: a
 * parameter that does not parse or that validate() rejects is reported by name with its value and
 * what is allowed, and the preset's value is used instead.
 */
import type { ExperimentConfig, RunSpec } from './config';
import { isPresetName, PRESET_NAMES, presetConfig } from './presets';
import type { PresetName } from './presets';
import { CHOICES, MAX_AGENTS, validate } from './validate';
import type { BackendChoice } from './backends';
import { BACKEND_CHOICES, isBackendChoice } from './backends';

export interface UrlProblem {
  param: string;
  value: string;
  message: string;
}

export interface DecodedUrl {
  preset: PresetName;
  config: ExperimentConfig;
  backend: BackendChoice;
  problems: UrlProblem[];
}

interface Param {
  /** The config field validate() names for this parameter. */
  field: string;
  get(c: ExperimentConfig): string;
  /** Applies the text to the config; returns what is allowed when it does not parse. */
  set(c: ExperimentConfig, text: string): string | null;
}

const num = (field: string, get: (c: ExperimentConfig) => number, put: (c: ExperimentConfig, v: number) => void): Param => ({
  field,
  get: (c) => String(get(c)),
  set: (c, text) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return 'a number';
    put(c, v);
    return null;
  },
});

const choice = <T extends string | number>(field: string, options: readonly T[], get: (c: ExperimentConfig) => T, put: (c: ExperimentConfig, v: T) => void): Param => ({
  field,
  get: (c) => String(get(c)),
  set: (c, text) => {
    const v = options.find((o) => String(o) === text);
    if (v === undefined) return `one of ${options.join(', ')}`;
    put(c, v);
    return null;
  },
});

/** "conventional,sst,masst4" ↔ runs. */
export function encodeRuns(runs: readonly RunSpec[]): string {
  return runs.map((r) => (r.method === 'masst' ? `masst${r.agents}` : r.method)).join(',');
}

export function decodeRuns(text: string): RunSpec[] | null {
  const runs: RunSpec[] = [];
  for (const part of text.split(',')) {
    if (part === 'conventional' || part === 'sst') runs.push({ method: part, agents: 1 });
    else if (/^masst\d+$/.test(part)) runs.push({ method: 'masst', agents: Number(part.slice(5)) });
    else return null;
  }
  return runs.length > 0 ? runs : null;
}

export const PARAMS: Record<string, Param> = {
  seed: num('seed', (c) => c.seed, (c, v) => (c.seed = v)),
  steps: num('steps', (c) => c.steps, (c, v) => (c.steps = v)),
  batch: num('batchSize', (c) => c.batchSize, (c, v) => (c.batchSize = v)),
  lr: num('optim.lr', (c) => c.optim.lr, (c, v) => (c.optim.lr = v)),
  queue: num('gallery.queueSize', (c) => c.gallery.queueSize, (c, v) => (c.gallery.queueSize = v)),
  alpha: num('gallery.alpha', (c) => c.gallery.alpha, (c, v) => (c.gallery.alpha = v)),
  loss: choice('loss.type', CHOICES.lossType, (c) => c.loss.type, (c, v) => (c.loss.type = v)),
  scale: num('loss.scale', (c) => c.loss.scale, (c, v) => (c.loss.scale = v)),
  margin: num('loss.margin', (c) => c.loss.margin, (c, v) => (c.loss.margin = v)),
  backbone: choice('model.backbone', CHOICES.backbone, (c) => c.model.backbone, (c, v) => (c.model.backbone = v)),
  embed: num('model.embedDim', (c) => c.model.embedDim, (c, v) => (c.model.embedDim = v)),
  size: num('data.imageSize', (c) => c.data.imageSize, (c, v) => (c.data.imageSize = v)),
  channels: choice('data.channels', CHOICES.channels, (c) => c.data.channels, (c, v) => (c.data.channels = v)),
  regime: choice('data.regime', CHOICES.regime, (c) => c.data.regime, (c, v) => (c.data.regime = v)),
  trainIds: num('data.trainIds', (c) => c.data.trainIds, (c, v) => (c.data.trainIds = v)),
  agentUpdate: choice('masst.agentUpdate', CHOICES.agentUpdate, (c) => c.masst.agentUpdate, (c, v) => (c.masst.agentUpdate = v)),
  agentAlpha: choice('masst.agentAlpha', CHOICES.agentAlpha, (c) => c.masst.agentAlpha, (c, v) => (c.masst.agentAlpha = v)),
  agentInit: choice('masst.agentInit', CHOICES.agentInit, (c) => c.masst.agentInit, (c, v) => (c.masst.agentInit = v)),
  queueMode: choice('masst.queueMode', CHOICES.queueMode, (c) => c.masst.queueMode, (c, v) => (c.masst.queueMode = v)),
  evalEvery: num('eval.every', (c) => c.eval.every, (c, v) => (c.eval.every = v)),
  smoothEvery: num('analysis.every', (c) => c.analysis.every, (c, v) => (c.analysis.every = v)),
  sliceEvery: num('analysis.landscapeEvery', (c) => c.analysis.landscapeEvery, (c, v) => (c.analysis.landscapeEvery = v)),
  grid: num('analysis.gridPoints', (c) => c.analysis.gridPoints, (c, v) => (c.analysis.gridPoints = v)),
  methods: {
    field: 'runs',
    get: (c) => encodeRuns(c.runs),
    set: (c, text) => {
      const runs = decodeRuns(text);
      if (!runs) return `a comma-separated list of conventional, sst, masstK (K from 1 to ${MAX_AGENTS})`;
      c.runs = runs;
      return null;
    },
  },
};

/** Old parameter names still read, new name → old: links written before the rename keep working. */
export const RENAMED_PARAMS: Readonly<Record<string, string>> = { smoothEvery: 'probeEvery' };

/** The value a link gives under the old name of `name` (null: none), with a notice naming the new one. */
function renamedFrom(name: string, params: URLSearchParams, problems: UrlProblem[]): string | null {
  const old = RENAMED_PARAMS[name];
  const text = old === undefined ? null : params.get(old);
  if (old === undefined || text === null) return null;
  if (params.has(name)) {
    problems.push({ param: old, value: text, message: `${old} is the old name of ${name} (the smoothness check), and the link gives both: ${old} = "${text}" is ignored.` });
    return null;
  }
  problems.push({ param: old, value: text, message: `${old} is the old name of ${name} (the smoothness check): read as ${name} = "${text}"; links the page writes now say ${name}.` });
  return text;
}

/** Every name decodeConfig reads: the preset, the config's parameters and the backend. */
export const CONFIG_PARAM_NAMES: readonly string[] = ['preset', ...Object.keys(PARAMS), ...Object.values(RENAMED_PARAMS), 'backend'];

function copy(c: ExperimentConfig): ExperimentConfig {
  return structuredClone(c);
}

/** URL parameters for a config: `preset`, then every value that differs from the preset. */
export function encodeConfig(preset: PresetName, config: ExperimentConfig, backend: BackendChoice): URLSearchParams {
  const base = presetConfig(preset);
  const params = new URLSearchParams({ preset });
  for (const [name, p] of Object.entries(PARAMS)) {
    if (p.get(config) !== p.get(base)) params.set(name, p.get(config));
  }
  if (backend !== 'auto') params.set('backend', backend);
  return params;
}

export function decodeConfig(params: URLSearchParams): DecodedUrl {
  const problems: UrlProblem[] = [];
  const presetText = params.get('preset');
  let preset: PresetName = 'demo';
  if (presetText !== null) {
    if (isPresetName(presetText)) preset = presetText;
    else problems.push({ param: 'preset', value: presetText, message: `preset = "${presetText}" is not allowed: expected one of ${PRESET_NAMES.join(', ')}; using demo.` });
  }
  const base = presetConfig(preset);
  let config = copy(base);
  const applied: string[] = [];
  for (const [name, p] of Object.entries(PARAMS)) {
    const text = renamedFrom(name, params, problems) ?? params.get(name);
    if (text === null) continue;
    const next = copy(config);
    const allowed = p.set(next, text);
    if (allowed !== null) {
      problems.push({ param: name, value: text, message: `${name} = "${text}" is not allowed: expected ${allowed}; using ${p.get(base)}.` });
      continue;
    }
    config = next;
    applied.push(name);
  }
  /** Puts the preset's value of an applied parameter back and reports why. */
  const revert = (name: string, why: string) => {
    const p = PARAMS[name] as Param;
    problems.push({ param: name, value: params.get(name) ?? params.get(RENAMED_PARAMS[name] ?? name) ?? '', message: `${why} Using ${p.get(base)}.` });
    p.set(config, p.get(base));
    applied.splice(applied.indexOf(name), 1);
  };
  // Values that parse but break a rule of their own field (a range…): back to the preset's value.
  for (const issue of validate(config)) {
    const name = applied.find((n) => PARAMS[n]?.field === issue.field || issue.field.startsWith(`${PARAMS[n]?.field ?? '-'}[`));
    if (name === undefined) continue;
    revert(name, `${name}: ${issue.message}`);
  }
  // A rule between fields (the queue a multiple of the batch…) can fail on a field the URL did not
  // set: blame the parameter whose preset value clears the issue, until the config is valid.
  for (let issues = validate(config); issues.length > 0; issues = validate(config)) {
    const issue = issues[0] as (typeof issues)[number];
    const culprit = applied.find((n) => {
      const trial = copy(config);
      (PARAMS[n] as Param).set(trial, (PARAMS[n] as Param).get(base));
      return !validate(trial).some((i) => i.message === issue.message);
    });
    if (culprit === undefined) break;
    revert(culprit, `${culprit} = "${params.get(culprit) ?? ''}" breaks a rule: ${issue.message}`);
  }
  const backendText = params.get('backend') ?? 'auto';
  let backend: BackendChoice = 'auto';
  if (isBackendChoice(backendText)) backend = backendText;
  else problems.push({ param: 'backend', value: backendText, message: `backend = "${backendText}" is not allowed: expected one of ${BACKEND_CHOICES.join(', ')}; using auto.` });
  return { preset, config, backend, problems };
}
