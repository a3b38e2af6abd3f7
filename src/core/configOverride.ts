/**
 * `field=value` overrides of any config value by its dotted path (`data.imageSize=24`,
 * `optim.milestones=0.6,0.85`), for the runner's `--set` and for recorded experiment searches.
 * The value is parsed as the type the preset holds at that path; an unknown path or a value of
 * the wrong type is reported by name, value and what is allowed. Ranges are validate()'s job.
 */
import type { ExperimentConfig } from './config';

type Leaf = number | string | boolean | number[];

/** Every settable dotted path of a config and the kind of value it holds. */
export function leafPaths(config: ExperimentConfig): Map<string, 'number' | 'string' | 'boolean' | 'number[]'> {
  const out = new Map<string, 'number' | 'string' | 'boolean' | 'number[]'>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'number')) out.set(path, 'number[]');
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path === '' ? k : `${path}.${k}`);
      return;
    }
    if (typeof value === 'number') out.set(path, 'number');
    else if (typeof value === 'string') out.set(path, 'string');
    else if (typeof value === 'boolean') out.set(path, 'boolean');
  };
  walk(config, '');
  return out;
}

function parseLeaf(kind: 'number' | 'string' | 'boolean' | 'number[]', text: string): Leaf | null {
  const num = (t: string): number | null => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : null);
  switch (kind) {
    case 'number':
      return num(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : null;
    case 'string':
      return text;
    case 'number[]': {
      if (text === '') return [];
      const xs = text.split(',').map(num);
      return xs.every((x): x is number => x !== null) ? xs : null;
    }
  }
}

/** Keys that would reach an object's prototype if ever used as a path; refused by name. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const ALLOWED: Record<string, string> = {
  number: 'a finite number',
  boolean: 'true or false',
  string: 'text',
  'number[]': 'comma-separated numbers',
};

/**
 * Applies `path=value` to a copy of the config. Throws an Error naming the override, what was
 * given and what is allowed (the list of paths for an unknown one).
 */
export function applyOverride(config: ExperimentConfig, assignment: string): ExperimentConfig {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new Error(`override "${assignment}" is not allowed: expected field=value, e.g. data.imageSize=24`);
  const path = assignment.slice(0, eq);
  const text = assignment.slice(eq + 1);
  const paths = leafPaths(config);
  const reserved = path.split('.').find((key) => RESERVED_KEYS.has(key));
  if (reserved !== undefined) {
    throw new Error(`override field "${path}" is not allowed: "${reserved}" is a forbidden key (it names the object machinery of JavaScript, never a config field); expected one of ${[...paths.keys()].join(', ')}`);
  }
  const kind = paths.get(path);
  if (kind === undefined) {
    throw new Error(`override field "${path}" is not allowed: expected one of ${[...paths.keys()].join(', ')}`);
  }
  const value = parseLeaf(kind, text);
  if (value === null) throw new Error(`override ${path} = "${text}" is not allowed: expected ${ALLOWED[kind] ?? kind}`);
  const next = structuredClone(config);
  const keys = path.split('.');
  let node = next as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
  return next;
}

/**
 * Every `--set field=value` in order (the runner's and export-torch's). `seed=` is refused: the
 * seeds are a list of their own (--seeds), not a config field to set once.
 */
export function applyOverrides(config: ExperimentConfig, overrides: readonly string[]): ExperimentConfig {
  let c = config;
  for (const o of overrides) {
    if (o.startsWith('seed=')) throw new Error(`--set ${o} is not allowed: the seeds are set with --seeds (e.g. --seeds ${o.slice(5)})`);
    c = applyOverride(c, o);
  }
  return c;
}
