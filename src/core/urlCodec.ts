/**
 * The experiment configuration in the URL, so a link reproduces a run. Short flat parameters
 * over a preset, one per row of the field table with a URL name (fields/table.ts): only values
 * that differ from the preset are written. Decoding never fails: a
 * parameter that does not parse or that validate() rejects is reported by name with its value and
 * what is allowed, and the preset's value is used instead.
 */
import type { ExperimentConfig, RunSpec } from './config';
import { isPresetName, PRESET_NAMES, presetConfig } from './presets';
import type { PresetName } from './presets';
import { validate } from './validate';
import { setAt, urlFields, valueAt } from './fields/table';
import type { FieldSpec } from './fields/types';
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

/**
 * A field's parameter from its row of the field table: a choice matches one of its values as
 * text; the runs list is `conventional,sst,masst4`; any other field is a number, whose range is
 * validate()'s (so the message says the rule, not just "a number").
 */
function paramOf(f: FieldSpec): Param {
  const { path, rule } = f;
  if (rule.kind === 'between' && rule.value === 'runs') {
    return {
      field: path,
      get: (c) => encodeRuns(c.runs),
      set: (c, text) => {
        const runs = decodeRuns(text);
        if (!runs) return rule.allowed;
        c.runs = runs;
        return null;
      },
    };
  }
  if (rule.kind === 'choice') {
    return {
      field: path,
      get: (c) => String(valueAt(c, path)),
      set: (c, text) => {
        const v = rule.choices.find((o) => String(o) === text);
        if (v === undefined) return `one of ${rule.choices.join(', ')}`;
        setAt(c, path, v);
        return null;
      },
    };
  }
  return {
    field: path,
    get: (c) => String(valueAt(c, path)),
    set: (c, text) => {
      const v = Number(text);
      if (text.trim() === '' || !Number.isFinite(v)) return 'a number';
      setAt(c, path, v);
      return null;
    },
  };
}

/** The config's URL parameters by name, in the order links write them (the field table's). */
export const PARAMS: Record<string, Param> = Object.fromEntries(
  urlFields().map((f) => [f.param as string, paramOf(f)]),
);

/** Old parameter names still read, new name → old: links written before the rename keep working. */
export const RENAMED_PARAMS: Readonly<Record<string, string>> = Object.fromEntries(
  urlFields().flatMap((f) => (f.oldParams ?? []).map((old) => [f.param as string, old])),
);

/** What a renamed parameter is, in words (the form's label), for the notice. */
const meaningOf = (name: string): string =>
  urlFields()
    .find((f) => f.param === name)
    ?.form?.label.replace(/ every \(steps\)$/, '')
    .toLowerCase() ?? name;

/** The value a link gives under the old name of `name` (null: none), with a notice naming the new one. */
function renamedFrom(name: string, params: URLSearchParams, problems: UrlProblem[]): string | null {
  const old = RENAMED_PARAMS[name];
  const text = old === undefined ? null : params.get(old);
  if (old === undefined || text === null) return null;
  if (params.has(name)) {
    problems.push({
      param: old,
      value: text,
      message: `${old} is the old name of ${name} (the ${meaningOf(name)}), and the link gives both: ${old} = "${text}" is ignored.`,
    });
    return null;
  }
  problems.push({
    param: old,
    value: text,
    message: `${old} is the old name of ${name} (the ${meaningOf(name)}): read as ${name} = "${text}"; links the page writes now say ${name}.`,
  });
  return text;
}

/** Every name decodeConfig reads: the preset, the config's parameters and the backend. */
export const CONFIG_PARAM_NAMES: readonly string[] = [
  'preset',
  ...Object.keys(PARAMS),
  ...Object.values(RENAMED_PARAMS),
  'backend',
];

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
    else
      problems.push({
        param: 'preset',
        value: presetText,
        message: `preset = "${presetText}" is not allowed: expected one of ${PRESET_NAMES.join(', ')}; using demo.`,
      });
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
      problems.push({
        param: name,
        value: text,
        message: `${name} = "${text}" is not allowed: expected ${allowed}; using ${p.get(base)}.`,
      });
      continue;
    }
    config = next;
    applied.push(name);
  }
  /** Puts the preset's value of an applied parameter back and reports why. */
  const revert = (name: string, why: string) => {
    const p = PARAMS[name] as Param;
    problems.push({
      param: name,
      value: params.get(name) ?? params.get(RENAMED_PARAMS[name] ?? name) ?? '',
      message: `${why} Using ${p.get(base)}.`,
    });
    p.set(config, p.get(base));
    applied.splice(applied.indexOf(name), 1);
  };
  // Values that parse but break a rule of their own field (a range…): back to the preset's value.
  for (const issue of validate(config)) {
    const name = applied.find(
      (n) => PARAMS[n]?.field === issue.field || issue.field.startsWith(`${PARAMS[n]?.field ?? '-'}[`),
    );
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
  else
    problems.push({
      param: 'backend',
      value: backendText,
      message: `backend = "${backendText}" is not allowed: expected one of ${BACKEND_CHOICES.join(', ')}; using auto.`,
    });
  return { preset, config, backend, problems };
}
